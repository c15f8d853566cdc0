import { analyseWorkbook } from "../../src/core/analyse";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A sources-by-year sheet kept in millions, stated only by its title ("… (£m)") and not by any
 * column header or units row: its amounts are said in pounds, as on the programme sheet.
 */
function financing(title: string) {
  return sheet("Financing", [
    [title],
    [],
    ["Source", "2025/26", "2026/27", "2027/28", "Total"],
    ["Prudential borrowing", 12, 18, 15.1, f("=SUM(B4:D4)", 45.1)],
    ["Government grants", 7.35, 9.2, 8.4, 24.95], // right as typed
    ["Capital receipts", 2.5, 3, 3, 8.25], // planted: the years add up to 8.5
    ["Total financing", f("=SUM(B4:B6)", 21.85), f("=SUM(C4:C6)", 30.2), f("=SUM(D4:D6)", 26.5)],
  ]);
}

describe("funding sheet: the scale its title states", () => {
  it.each([
    ["How the programme is financed (£m)", "£8,250,000", "£8,500,000"],
    ["Sources of finance (£000s)", "£8,250", "£8,500"],
    ["How the programme is financed", "£8.25", "£8.50"],
  ])("quotes a wrong row total under %s in pounds", (title, stated, sum) => {
    const a = analyseWorkbook(workbook(financing(title)), { asOf: TODAY });
    expect(a.findings.map((x) => [x.code, x.cell, x.message])).toEqual([
      ["total-mismatch", "E6", `Total is ${stated} but its years add up to ${sum}`],
    ]);
  });
});
