import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { parseRagRule } from "../../src/core/tables/rag-rule";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A RAG rule written as a list of cells, one colour to a cell ("Green: variance below 2%" /
 * "Amber: 2% to 5%" / "Red: over 5% adverse"), down a column or along a row, with or without a
 * heading cell, is the same rule as the one-cell form, and its messages name the range stating it.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows, replaceTotals = false) =>
  analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY, replaceTotals });
const found = (rows: Rows) =>
  analyse(rows).findings.map((x) => `${x.severity} ${x.code}@${x.cell}: ${x.message}`);
const ragWrites = (rows: Rows) =>
  analyse(rows, true)
    .plan.operations.filter((o): o is ColumnWrite => o.kind === "column" && /RAG/.test(o.title))
    .flatMap((o) => o.cells.map((c) => [c.row, c.value]));

// Overspends of 1%, 3%, 8% and an underspend on £1m each; Roads (8%) typed Amber.
const lines: Rows = [
  ["Service", "Budget", "Forecast", "Variance", "RAG"],
  ["Libraries", 1_000_000, 1_010_000, 10_000, "Green"],
  ["Parks", 1_000_000, 1_030_000, 30_000, "Amber"],
  ["Roads", 1_000_000, 1_080_000, 80_000, "Amber"],
  ["Waste", 1_000_000, 960_000, -40_000, "Green"],
];
const roadsIsRed = (at: string) =>
  "error variance-mismatch@E4: RAG is Amber but an overspend of £80,000 on a budget of £1,000,000 is Red: " +
  `Red over 5% of budget, Amber at 2% of budget (the rule stated on the sheet at ${at})`;
const correctRags = [
  [1, "Green"],
  [2, "Amber"],
  [3, "Red"],
  [4, "Green"],
];

describe("a RAG rule in one cell, the form a list is compared with", () => {
  const rows: Rows = [...lines, [], ["RAG: Green below 2%, Amber 2% to 5%, Red over 5%"]];
  it("keeps Green below 2%", () => {
    expect(found(rows)).toEqual([roadsIsRed("A7")]);
    expect(ragWrites(rows)).toEqual(correctRags);
  });
});

describe("a RAG rule written as a list of cells", () => {
  it.each([
    [
      "down a column under a heading",
      [
        ["RAG rating"],
        ["Green: variance below 2% of revised budget"],
        ["Amber: 2% to 5%"],
        ["Red: over 5% adverse"],
      ],
      "A8:A10",
    ],
    [
      "down a column, no heading, by initial",
      [["G - below 2%"], ["A - 2% to 5%"], ["R - over 5%"]],
      "A7:A9",
    ],
    ["Red first", [["Red: over 5%"], ["Amber: 2% to 5%"], ["Green: below 2%"]], "A7:A9"],
  ] as [string, Rows, string][])("%s: the one-cell rule, named by its range", (_, list, range) => {
    const rows: Rows = [...lines, [], ...list];
    expect(found(rows)).toEqual([roadsIsRed(range)]);
    expect(ragWrites(rows)).toEqual(correctRags);
  });

  // Along a row, in the title rows above the table: the lines start two rows lower.
  it.each([
    ["along a row", ["Green = below 2%", "Amber = 2% to 5%", "Red = over 5%"], "A1:C1"],
    [
      "along a row after a heading cell",
      ["RAG rating", "Green: under 2%", "Amber: 2% to 5%", "Red: over 5%"],
      "B1:D1",
    ],
  ] as [string, Rows[number], string][])(
    "%s: the one-cell rule, named by its range",
    (_, list, range) => {
      const rows: Rows = [list, [], ...lines];
      expect(found(rows)).toEqual([roadsIsRed(range).replace("@E4", "@E6")]);
      expect(ragWrites(rows)).toEqual(correctRags.map(([row, rag]) => [Number(row) + 2, rag]));
    },
  );

  it("Green and Red only: Amber starts where Green ends", () => {
    const rows: Rows = [...lines, [], ["Green: below 2%"], ["Red: over 5%"]];
    expect(found(rows)).toEqual([roadsIsRed("A7:A8")]);
  });
});

describe("where a stated Green band ends", () => {
  it.each([
    ["Green below 2%; Red over 5%", false],
    ["Green under 2%; Red over 5%", false],
    ["Green up to 2%; Red over 5%", true],
    ["Green within 2%; Red over 5%", true],
  ])("%j: Amber from 2%, strictly above it: %s", (text, strict) => {
    expect(parseRagRule(text)?.amber).toMatchObject({ percent: 0.02, amount: null, strict });
  });

  it("a stated Amber band wins over Green's end", () => {
    expect(parseRagRule("Green below 1%; Amber 2% to 5%; Red over 5%")?.amber).toMatchObject({
      percent: 0.02,
    });
  });
});

describe("a sheet that states Red only", () => {
  it("says the Amber band is not stated and the settings have none, so every smaller overspend is Amber", () => {
    const rows: Rows = [...lines, [], ["Red if over £250k or 5%"]];
    expect(found(rows)).toEqual([
      "error variance-mismatch@E2: RAG is Green but an overspend of £10,000 on a budget of £1,000,000 is Amber: " +
        "Red over 5% of budget or £250,000 (whichever is lower), Amber for any smaller overspend, " +
        "as the sheet states no Amber band and the settings have none (the rule stated on the sheet at A7)",
      "error variance-mismatch@E4: RAG is Amber but an overspend of £80,000 on a budget of £1,000,000 is Red: " +
        "Red over 5% of budget or £250,000 (whichever is lower), Amber for any smaller overspend, " +
        "as the sheet states no Amber band and the settings have none (the rule stated on the sheet at A7)",
    ]);
  });
});
