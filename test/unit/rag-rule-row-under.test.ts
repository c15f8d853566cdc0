import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A RAG rule written along a row just under a budget table ("RAG:" | "Green" | "<2%" | "Amber" |
 * "2-5%" | "Red" | ">5%", or one colour and its threshold to a cell) is the sheet's rule, read
 * whole, and never a line of the table: no "not an amount" on its cells, no RAG written on it.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) =>
  analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY, replaceTotals: true });
const found = (rows: Rows) =>
  analyse(rows).findings.map((x) => `${x.severity} ${x.code}@${x.cell}: ${x.message}`);
const ragWrites = (rows: Rows) =>
  analyse(rows)
    .plan.operations.filter((o): o is ColumnWrite => o.kind === "column" && o.column === 4)
    .flatMap((o) => o.cells.map((c) => [c.row, c.value]));

// Overspends of 1%, 3% and 8% and an underspend, on £1m each; Roads (8%) typed Amber.
const lines: Rows = [
  ["Service", "Budget", "Forecast", "Variance", "RAG"],
  ["Libraries", 1_000_000, 1_010_000, 10_000, "Green"],
  ["Parks", 1_000_000, 1_030_000, 30_000, "Amber"],
  ["Roads", 1_000_000, 1_080_000, 80_000, "Amber"],
  ["Waste", 1_000_000, 960_000, -40_000, "Green"],
];
const roadsIsRed = (range: string) =>
  "error variance-mismatch@E4: RAG is Amber but an overspend of £80,000 on a budget of £1,000,000 is Red: " +
  `Red over 5% of budget, Amber at 2% of budget (the rule stated on the sheet at ${range})`;

describe("a RAG rule along the row under a budget table", () => {
  it.each([
    [
      "colour and threshold in pairs, after a label",
      [["RAG:", "Green", "<2%", "Amber", "2-5%", "Red", ">5%"]],
      "B6:G6",
      "Green <2%; Amber 2-5%; Red >5%",
    ],
    [
      "colour and threshold in pairs, no label",
      [["Green", "<2%", "Amber", "2-5%", "Red", ">5%"]],
      "A6:F6",
      "Green <2%; Amber 2-5%; Red >5%",
    ],
    [
      "split across cells, the label in the first",
      [["RAG: Green <2%", "Amber 2-5%", "Red >5%"]],
      "A6:C6",
      "RAG: Green <2%; Amber 2-5%; Red >5%",
    ],
    [
      "split across cells after a label cell",
      [["RAG:", "Green <2%", "Amber 2-5%", "Red >5%"]],
      "B6:D6",
      "Green <2%; Amber 2-5%; Red >5%",
    ],
    [
      "pairs after a blank row",
      [[], ["RAG:", "Green", "<2%", "Amber", "2-5%", "Red", ">5%"]],
      "B7:G7",
      "Green <2%; Amber 2-5%; Red >5%",
    ],
  ] as [string, Rows, string, string][])("%s", (_, under, range, rule) => {
    const rows = [...lines, ...under];
    const a = analyse(rows);
    expect(a.tables.map((t) => [t.kind, (t as { range: string }).range])).toEqual([
      ["budget", "A1:E5"],
    ]);
    expect((a.tables[0] as { ragRule?: string }).ragRule).toBe(rule);
    expect(found(rows)).toEqual([roadsIsRed(range)]);
    expect(ragWrites(rows)).toEqual([
      [1, "Green"],
      [2, "Amber"],
      [3, "Red"],
      [4, "Green"],
    ]);
  });
});

describe("rows that are not a rule stay lines", () => {
  it("a line named with a colour, with figures", () => {
    const rows: Rows = [...lines, ["Red Lion car park", 200_000, 200_000, 0, "Green"]];
    const a = analyse(rows);
    expect((a.tables[0] as { range: string }).range).toBe("A1:E6");
    expect(found(rows)).toEqual([
      "error variance-mismatch@E2: RAG is Green but an overspend of £10,000 on a budget of £1,000,000 is Amber: " +
        "Red at 5% of budget or £100,000 (whichever is lower), Amber for a smaller overspend (the settings' rule; the sheet states none)",
      "error variance-mismatch@E4: RAG is Amber but an overspend of £80,000 on a budget of £1,000,000 is Red: " +
        "Red at 5% of budget or £100,000 (whichever is lower), Amber for a smaller overspend (the settings' rule; the sheet states none)",
    ]);
  });
});

describe("a RAG rule along the row under a projects table with money", () => {
  it("is the table's rule, not a project", () => {
    const rows: Rows = [
      ["Project", "SRO", "Budget £", "Forecast £", "Variance £", "Cost RAG"],
      ["Hub", "Director A", 1000000, 1010000, 10000, "Green"],
      ["Roads", "Director B", 1000000, 1030000, 30000, "Amber"],
      ["Pool", "Director C", 1000000, 1060000, 60000, "Amber"],
      ["Green", "<2%", "Amber", "2-5%", "Red", ">5%"],
    ];
    const a = analyseWorkbook(workbook(sheet("Projects", rows)), { asOf: TODAY });
    expect(a.tables.map((t) => [t.kind, (t as { range: string }).range])).toEqual([
      ["projects", "A1:F4"],
    ]);
    expect(a.findings.map((x) => `${x.severity} ${x.code}@${x.cell}: ${x.message}`)).toEqual([
      "error variance-mismatch@F4: RAG is Amber but an overspend of £60,000 on a budget of £1,000,000 is Red: " +
        "Red over 5% of budget, Amber at 2% of budget (the rule stated on the sheet at A5:F5)",
    ]);
  });
});
