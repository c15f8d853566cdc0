import { BudgetTableReportSchema } from "../../src/cli/json-schemas";
import { analyseWorkbook } from "../../src/core/analyse";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * The report's lines say which rows are subtotals and totals, so a reader adding the "line" rows
 * of a budget counts each pound once: unlabelled subtotals found by arithmetic, a labelled
 * section total and the grand total.
 */
describe("budget report line levels", () => {
  const rows = [
    ["Cost centre", "Budget £", "Forecast £", "Variance £"],
    ["Admin", 120000, 118500, f("=C2-B2", -1500)],
    ["Members", 34000, 35200, f("=C3-B3", 1200)],
    [null, f("=SUM(B2:B3)", 154000), f("=SUM(C2:C3)", 153700), f("=C4-B4", -300)],
    ["Parks", 56000, 55100, f("=C5-B5", -900)],
    ["Play", 9000, 9900, f("=C6-B6", 900)],
    ["Total parks", f("=SUM(B5:B6)", 65000), f("=SUM(C5:C6)", 65000), f("=C7-B7", 0)],
    ["Total", f("=B4+B7", 219000), f("=C4+C7", 218700), f("=C8-B8", -300)],
  ];
  const [table] = analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY }).tables;
  const report = BudgetTableReportSchema.parse(table);

  it("lists each row with its level", () => {
    expect(report.lines?.map((l) => [l.cell, l.level])).toEqual([
      ["B2", "line"],
      ["B3", "line"],
      ["B4", "subtotal"],
      ["B5", "line"],
      ["B6", "line"],
      ["B7", "subtotal"],
      ["B8", "total"],
    ]);
  });

  it("the budgets of the line rows add up to the total once", () => {
    const lines = report.lines?.filter((l) => l.level === "line" || l.level === "group") ?? [];
    const sum = lines.reduce((total, l) => total + (l.budget ?? 0), 0);
    expect(sum).toBe(219000);
  });
});
