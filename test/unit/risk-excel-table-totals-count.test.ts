import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { CellValue, ExcelTable, SheetSnapshot } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A register kept as an Excel table with a totals row (SUBTOTAL(109, …) under Score): the totals
 * row is inside the table's bounds but is no risk, so the report counts the risks only.
 */
const rows: (CellValue | ReturnType<typeof f>)[][] = [
  ["Risk ID", "Title", "Likelihood", "Impact", "Score", "Level"],
  ["CR01", "Flood", 2, 3, 6, "Medium"],
  ["CR02", "Fire", 4, 4, 16, "High"],
  // Planted: 1 × 2 = 2, typed 5.
  ["CR03", "Theft", 1, 2, 5, "Low"],
  ["Total", null, null, null, f("SUBTOTAL(109,Risks[Score])", 27), null],
];
const TABLE: ExcelTable = {
  name: "Risks",
  firstRow: 0,
  firstColumn: 0,
  lastRow: 4,
  lastColumn: 5,
  showHeaders: true,
  showTotals: true,
  columns: ["Risk ID", "Title", "Likelihood", "Impact", "Score", "Level"],
};

describe("an Excel table register with a totals row", () => {
  it("counts its risks, not its totals row, and reports only the planted error", () => {
    const s: SheetSnapshot = { ...sheet("Register", rows), tables: [TABLE] };
    const a = analyseWorkbook(workbook(s), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport).map((t) => [t.range, t.rows])).toEqual([["A1:F5", 3]]);
    expect(a.findings.map((x) => [x.code, x.cell])).toEqual([["score-mismatch", "E4"]]);
  });
});
