import { cellAddress } from "../../src/core/a1";
import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { sheet, TODAY, workbook } from "../helpers/builders";
import {
  financingLayoutRows,
  financingRowsOf,
  financingTotals,
  type FinancingLayout,
} from "../helpers/capital-financing";

/**
 * A programme with a "Total 2025-29" column whose financing rows leave it blank: apply writes a
 * live SUM of the year columns (C:F) on each source row and the total financing row, never over
 * a figure the council typed there, which is checked as a scheme line's total is.
 */
const analyse = (layout: FinancingLayout) =>
  analyseWorkbook(workbook(sheet("Capital Programme", financingLayoutRows(layout))), {
    asOf: TODAY,
  });

const writesInG = (layout: FinancingLayout) =>
  analyse(layout)
    .plan.operations.filter((o): o is ColumnWrite => o.kind === "column" && o.column === 6)
    .flatMap((o) => o.cells);

const layouts: FinancingLayout[] = [
  { units: "£m", gap: true },
  { units: "£'000", gap: false },
  { units: "£m", gap: false },
  { units: "£'000", gap: true },
];

describe("capital programme: row totals of the financing block", () => {
  for (const layout of layouts) {
    it(`${layout.units}, ${layout.gap ? "a blank row" : "no blank row"} above the financing: SUM of the years on each financing row`, () => {
      const rows = financingRowsOf(layout);
      const written = writesInG(layout).filter((c) => rows.includes(c.row));
      expect(written).toEqual(
        rows.map((r, k) => ({
          row: r,
          formula: `=SUM(${cellAddress(r, 2)}:${cellAddress(r, 5)})`,
          value: financingTotals(layout)[k],
        })),
      );
      expect(analyse(layout).findings.filter((x) => x.severity !== "info")).toEqual([]);
    });
  }

  it("a typed financing row total that is right is kept, not written over", () => {
    const layout: FinancingLayout = { units: "£m", gap: true, typed: { 11: 16.6 } };
    const written = writesInG(layout).map((c) => c.row);
    const rows = financingRowsOf(layout);
    expect(rows[0]).toBe(10);
    expect(written).not.toContain(10);
    expect(written).toEqual(expect.arrayContaining(rows.slice(1)));
    expect(analyse(layout).findings.filter((x) => x.severity !== "info")).toEqual([]);
  });

  it("a typed financing row total that is wrong is reported on its cell and kept", () => {
    const layout: FinancingLayout = { units: "£'000", gap: false, typed: { 11: 17.6 } };
    const rows = financingRowsOf(layout);
    expect(rows[1]).toBe(10);
    const findings = analyse(layout).findings.filter((x) => x.severity !== "info");
    expect(findings.map((x) => [x.code, x.cell, x.expected, x.actual])).toEqual([
      ["total-mismatch", "G11", 14900, 17600],
    ]);
    expect(writesInG(layout).map((c) => c.row)).not.toContain(10);
  });
});
