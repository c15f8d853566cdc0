import { analyseWorkbook } from "../../src/core/analyse";
import type { CapitalProgrammeReport } from "../../src/core/capital";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Directorate subtotals named like lines ("Housing", "Place") and a grand total named
 * "Capital programme", all formulas adding the rows above: totals by their arithmetic, so the
 * financing block is compared with the schemes once, not three times.
 */
type Rows = Parameters<typeof sheet>[1];
const programme = (borrowing: number): Rows => [
  ["Scheme", "2025/26 Budget", "2026/27 Indicative", "Total 2025/26 to 2026/27"],
  ["New homes", 8, 10, f("=SUM(B2:C2)", 18)],
  ["DFGs", 2, 2, f("=SUM(B3:C3)", 4)],
  ["Housing", f("=SUM(B2:B3)", 10), f("=SUM(C2:C3)", 12), f("=SUM(B4:C4)", 22)],
  ["Roads", 5, 6, f("=SUM(B5:C5)", 11)],
  ["Place", f("=B5", 5), f("=C5", 6), f("=SUM(B6:C6)", 11)],
  ["Capital programme", f("=B4+B6", 15), f("=C4+C6", 18), f("=SUM(B7:C7)", 33)],
  [],
  ["Financed by:"],
  ["Borrowing", borrowing, 12, f("=SUM(B10:C10)", borrowing + 12)],
  ["Grants", 5, 6, f("=SUM(B11:C11)", 11)],
  [
    "Total financing",
    f("=SUM(B10:B11)", borrowing + 5),
    f("=SUM(C10:C11)", 18),
    f("=SUM(B12:C12)", borrowing + 23),
  ],
];

describe("a capital programme with subtotals named like schemes", () => {
  it("balances its financing against the schemes counted once", () => {
    const analysis = analyseWorkbook(workbook(sheet("Programme", programme(10))), {
      asOf: TODAY,
    });
    const report = analysis.tables[0] as CapitalProgrammeReport;
    expect(report.kind).toBe("capital-programme");
    expect(analysis.findings).toEqual([]);
  });

  it("a shortfall is the real one", () => {
    const analysis = analyseWorkbook(workbook(sheet("Programme", programme(8))), { asOf: TODAY });
    expect(analysis.findings.map((x) => [x.code, x.cell, x.difference])).toEqual([
      ["reconciliation-difference", "B12", 2],
    ]);
  });
});
