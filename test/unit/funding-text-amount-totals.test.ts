import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A long allocations table keyed by its source of funding, one money column per year, the
 * council's own SUM totals, and one amount typed as text ("£45,000"). Excel's SUM skips that text,
 * so the council's E13 leaves it out; the "Total all years" column written beside it must agree
 * with Excel's arithmetic after recalculation: a live SUM on every row, the text adding nothing,
 * and its total equal to the council's year totals added. The text is reported, never made a
 * number in a written result.
 */
const rows = [
  ["Pelham Council – Prevention fund allocations"],
  [],
  [
    "Scheme ref",
    "Scheme",
    "Source of funding",
    "Expenditure for 2025-26 (£)",
    "Expenditure for 2026-27 (£)",
  ],
  ["P01", "Falls prevention", "Public Health Grant", 120000, 125000],
  ["P01", "Falls prevention", "ICB", 60000, 60000],
  ["P02", "Social prescribing", "Public Health Grant", 95000, 95000],
  ["P03", "Warm homes advice", "Household Support Fund", "£45,000", 0],
  ["P04", "Smoking cessation", "Public Health Grant", 210000, 215000],
  [null, "Total", null, f("=SUM(D4:D8)", 485000), f("=SUM(E4:E8)", 495000)],
];

describe("a funding total over an amount typed as text", () => {
  const a = analyseWorkbook(workbook(sheet("Allocations", rows)), { asOf: TODAY });

  it("reports the text amount and nothing else", () => {
    expect(a.findings.map((x) => `${x.severity} ${x.code}@${x.cell}`)).toEqual([
      "info number-as-text@D7",
    ]);
  });

  it("writes Total all years as live SUMs whose values are what Excel shows", () => {
    const total = a.plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.title === "Total all years",
    );
    expect(total?.cells.map((c) => [c.row + 1, c.formula, c.value])).toEqual([
      [4, "=SUM(D4:E4)", 245000],
      [5, "=SUM(D5:E5)", 120000],
      [6, "=SUM(D6:E6)", 190000],
      [7, "=SUM(D7:E7)", 0],
      [8, "=SUM(D8:E8)", 425000],
      [9, "=SUM(F4:F8)", 980000],
    ]);
    // The written grand total agrees with the council's own year totals: 485,000 + 495,000.
    expect(total?.header).toEqual({ row: 2, text: "Total all years" });
  });
});
