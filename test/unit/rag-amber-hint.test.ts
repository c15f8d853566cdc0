import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { RagThresholds } from "../../src/core/tables/rag-settings";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A council's RAG column that keeps small overspends Green, under settings with no Amber band:
 * one warning on the column naming those lines, the Amber setting and the values the colours
 * allow, rather than guessing a threshold and rewriting the column.
 */
type Rows = Parameters<typeof sheet>[1];
const DEFAULTS: RagThresholds = { percent: 0.05, amount: 100_000 };
const analyse = (rows: Rows, rag: RagThresholds) =>
  analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY, rag, replaceTotals: true });
const found = (rows: Rows, rag: RagThresholds = DEFAULTS) =>
  analyse(rows, rag).findings.map((x) => `${x.severity} ${x.code}@${x.cell}: ${x.message}`);
const ragWrites = (rows: Rows, rag: RagThresholds) =>
  analyse(rows, rag)
    .plan.operations.filter((o): o is ColumnWrite => o.kind === "column" && o.column === 4)
    .flatMap((o) => o.cells.map((c) => [c.row, c.value]));

const SETTINGS_RULE =
  "Red at 5% of budget or £100,000 (whichever is lower), Amber for a smaller overspend; the settings' rule; the sheet states none";

// Green under 2%, Amber 2-5%, Red over 5%, on £1m budgets.
const greenUnder2: Rows = [
  ["Service", "Budget", "Forecast", "Variance", "RAG"],
  ["Libraries", 1_000_000, 1_005_000, 5_000, "Green"],
  ["Parks", 1_000_000, 1_010_000, 10_000, "Green"],
  ["Museums", 1_000_000, 1_015_000, 15_000, "Green"],
  ["Leisure", 1_000_000, 1_018_000, 18_000, "Green"],
  ["Highways", 1_000_000, 1_030_000, 30_000, "Amber"],
  ["Roads", 1_000_000, 1_080_000, 80_000, "Red"],
  ["Waste", 1_000_000, 960_000, -40_000, "Green"],
];

describe("a RAG column keeping overspends under 2% Green, under settings with no Amber band", () => {
  it("warns once on the column, naming the Amber setting and the range its colours allow", () => {
    expect(found(greenUnder2)).toEqual([
      `warning variance-mismatch@E1: RAG disagrees with the RAG rule (${SETTINGS_RULE}) on 4 lines ` +
        "(E2:E5), each an overspend it keeps Green: nothing written; its colours keep overspends under a " +
        "threshold Green: set --rag-amber-percent above 1.8% and at most 3%, or --rag-amber-amount " +
        'above £18,000 and at most £30,000 (the task pane\'s "RAG: amber at" settings), or state the rule on the sheet',
    ]);
    expect(ragWrites(greenUnder2, DEFAULTS)).toEqual([]);
  });

  it("agrees with the column, and writes it, once the Amber setting is in that range", () => {
    const rag = { ...DEFAULTS, amberPercent: 0.02 };
    expect(found(greenUnder2, rag)).toEqual([]);
    expect(ragWrites(greenUnder2, rag)).toEqual([
      [1, "Green"],
      [2, "Green"],
      [3, "Green"],
      [4, "Green"],
      [5, "Amber"],
      [6, "Red"],
      [7, "Green"],
    ]);
  });

  it("names only the percentage when the amounts overlap across budgets of different sizes", () => {
    // Leisure's 1% of £4m is £40,000, more than Highways' Amber £30,000: no amount fits both.
    const rows = greenUnder2.map((r, i) =>
      i === 4 ? ["Leisure", 4_000_000, 4_040_000, 40_000, "Green"] : r,
    );
    expect(found(rows)[0]).toContain(
      "set --rag-amber-percent above 1.5% and at most 3% (the task pane's",
    );
  });

  it("keeps a line that disagrees in another way (an underspend typed Amber) an error", () => {
    const rows = greenUnder2.map((r, i) =>
      i === 7 ? ["Waste", 1_000_000, 960_000, -40_000, "Amber"] : r,
    );
    expect(found(rows).map((x) => x.slice(0, x.indexOf(":")))).toEqual([
      "warning variance-mismatch@E1",
      "error variance-mismatch@E8",
    ]);
    expect(found(rows)[1]).toBe(
      "error variance-mismatch@E8: RAG is Amber but an underspend of £40,000 on a budget of £1,000,000 is Green: " +
        "Red at 5% of budget or £100,000 (whichever is lower), Amber for a smaller overspend (the settings' rule; the sheet states none)",
    );
  });
});

describe("a projects table's Cost RAG keeping small overspends Green", () => {
  it("gets the same hint on its one warning", () => {
    const rows: Rows = [
      ["Project", "SRO", "Budget £", "Forecast £", "Variance £", "Cost RAG"],
      ["Hub", "Director A", 1_000_000, 1_005_000, 5_000, "Green"],
      ["Roads", "Director B", 1_000_000, 1_010_000, 10_000, "Green"],
      ["Pool", "Director C", 1_000_000, 1_015_000, 15_000, "Green"],
      ["Depot", "Director D", 1_000_000, 1_018_000, 18_000, "Green"],
      ["Library", "Director E", 1_000_000, 1_030_000, 30_000, "Amber"],
      ["Fleet", "Director F", 1_000_000, 1_080_000, 80_000, "Red"],
    ];
    const a = analyseWorkbook(workbook(sheet("Projects", rows)), { asOf: TODAY, rag: DEFAULTS });
    expect(a.findings.map((x) => `${x.severity} ${x.code}@${x.cell}: ${x.message}`)).toEqual([
      `warning variance-mismatch@F1: Cost RAG disagrees with the RAG rule (${SETTINGS_RULE}) on 4 lines ` +
        "(F2:F5), each an overspend it keeps Green: nothing written; its colours keep overspends under a " +
        "threshold Green: set --rag-amber-percent above 1.8% and at most 3%, or --rag-amber-amount " +
        'above £18,000 and at most £30,000 (the task pane\'s "RAG: amber at" settings), or state the rule on the sheet',
    ]);
  });
});
