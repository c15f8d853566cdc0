import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A RAG key laid out a band to a row under the budget, with a blank row between two bands ("RAG
 * key" / "Green: …" / "Amber: …" / (blank) / "Red: …"), is read whole: the band after the blank
 * row was dropped and the rule read from the rest gave false errors. A key with no Red band is
 * said to be incomplete, not completed by a guess.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) =>
  analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY, replaceTotals: true });
const found = (rows: Rows) =>
  analyse(rows).findings.map((x) => `${x.severity} ${x.code}@${x.cell}: ${x.message}`);
const ragWrites = (rows: Rows) =>
  analyse(rows)
    .plan.operations.filter((o): o is ColumnWrite => o.kind === "column" && /RAG/.test(o.title))
    .flatMap((o) => o.cells.map((c) => [c.row, c.value]));

/** Overspends of 1%, 3% and 8% and an underspend on £1m each; Roads (8%) typed Amber. */
const lines = (libraries: string): Rows => [
  ["Service", "Budget", "Forecast", "Variance", "RAG"],
  ["Libraries", 1_000_000, 1_010_000, 10_000, libraries],
  ["Parks", 1_000_000, 1_030_000, 30_000, "Amber"],
  ["Roads", 1_000_000, 1_080_000, 80_000, "Amber"],
  ["Waste", 1_000_000, 960_000, -40_000, "Green"],
];
const roadsIsRed = (rule: string, at: string) =>
  "error variance-mismatch@E4: RAG is Amber but an overspend of £80,000 on a budget of £1,000,000 " +
  `is Red: Red over 5% of budget, ${rule} (the rule stated on the sheet at ${at})`;

describe("a RAG key with a blank row between its bands", () => {
  it.each<[string, Rows, string]>([
    [
      "Red after the blank row",
      [["RAG key"], ["Green: under 2%"], ["Amber: 2% to 5%"], [], ["Red: over 5%"]],
      "A8:A11",
    ],
    [
      "Amber after the blank row",
      [["RAG key"], ["Green: under 2%"], [], ["Amber: 2% to 5%"], ["Red: over 5%"]],
      "A8:A11",
    ],
    [
      "a table of colours and thresholds, Red first, Green after the blank row",
      [["Red", "over 5%"], ["Amber", "2% to 5%"], [], ["Green", "under 2%"]],
      "A7",
    ],
  ])("%s: the whole key is the rule (Green under 2%%)", (_, key, at) => {
    const rows = [...lines("Green"), [], ...key];
    expect(found(rows)).toEqual([roadsIsRed("Amber at 2% of budget", at)]);
    expect(ragWrites(rows)).toEqual([
      [1, "Green"],
      [2, "Amber"],
      [3, "Red"],
      [4, "Green"],
    ]);
  });

  it("Amber 'up to 5%' after the blank row: Amber from any overspend", () => {
    const key: Rows = [
      ["RAG key"],
      ["Green: within budget or underspend"],
      [],
      ["Amber: overspend up to 5%"],
      ["Red: overspend over 5%"],
    ];
    const rows = [...lines("Amber"), [], ...key];
    expect(found(rows)).toEqual([roadsIsRed("Amber for any smaller overspend", "A8:A11")]);
    expect(ragWrites(rows)).toEqual([
      [1, "Amber"],
      [2, "Amber"],
      [3, "Red"],
      [4, "Green"],
    ]);
  });
});

describe("an incomplete RAG key", () => {
  it("with no Red band is said to be incomplete; the RAG column is left as typed", () => {
    const rows = [...lines("Green"), [], ["RAG key"], ["Green: under 2%"], [], ["Amber: 2% to 5%"]];
    const findings = analyse(rows).findings;
    expect(findings.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([
      "RAG key at A8:A10 is incomplete: it states no Red band; the settings' rule is used and the RAG column is checked for information only, not rewritten",
    ]);
    expect(ragWrites(rows)).toEqual([]);
  });
});
