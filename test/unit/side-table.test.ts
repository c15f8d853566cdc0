import { analyseWorkbook } from "../../src/core/analyse";
import type { ExcelTable, SheetSnapshot } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A second table kept beside the first, one blank column away — a summary by directorate at
 * G1:I3 beside a grants register at A1:E3, as an Excel table or a plain range — is not part of
 * the first: the register's row totals add its own years only, and nothing written reaches the
 * side table's columns.
 */
type Rows = Parameters<typeof sheet>[1];
const rows = (total2: ReturnType<typeof f> | number): Rows => [
  [
    "Ref",
    "Directorate",
    "2025/26 £",
    "2026/27 £",
    "Total £",
    null,
    "Directorate",
    "2025/26 £",
    "2026/27 £",
  ],
  [
    "G1",
    "Place",
    100000,
    120000,
    f("=SUM(C2:D2)", 220000),
    null,
    "Place",
    f("=SUMIF($B$2:$B$3,G2,C$2:C$3)", 100000),
    f("=SUMIF($B$2:$B$3,G2,D$2:D$3)", 120000),
  ],
  [
    "G2",
    "Housing",
    50000,
    60000,
    total2,
    null,
    "Housing",
    f("=SUMIF($B$2:$B$3,G3,C$2:C$3)", 50000),
    f("=SUMIF($B$2:$B$3,G3,D$2:D$3)", 60000),
  ],
];
const excel = (
  name: string,
  firstColumn: number,
  lastColumn: number,
  columns: string[],
): ExcelTable => ({
  name,
  firstRow: 0,
  firstColumn,
  lastRow: 2,
  lastColumn,
  showHeaders: true,
  showTotals: false,
  columns,
});
const asExcelTables = (s: SheetSnapshot): SheetSnapshot => ({
  ...s,
  tables: [
    excel("Grants", 0, 4, ["Ref", "Directorate", "2025/26 £", "2026/27 £", "Total £"]),
    excel("ByDirectorate", 6, 8, ["Directorate", "2025/26 £", "2026/27 £"]),
  ],
});

describe.each([
  ["Excel tables", asExcelTables],
  ["plain ranges", (s: SheetSnapshot) => s],
])("a side table one blank column away (%s)", (_, shape) => {
  const analyse = (total2: ReturnType<typeof f> | number, replaceTotals = false) =>
    analyseWorkbook(workbook(shape(sheet("Grants", rows(total2)))), {
      asOf: TODAY,
      replaceTotals,
    });

  it("is not read as more years of the register: right totals raise nothing", () => {
    const analysis = analyse(f("=SUM(C3:D3)", 110000));
    expect(analysis.tables.map((t) => [t.kind, t.range])).toEqual([["funding", "A1:E3"]]);
    expect(analysis.findings).toEqual([]);
  });

  it("a wrong typed total is compared with the register's own years only", () => {
    const findings = analyse(100000).findings.map((x) => [x.code, x.cell, x.message]);
    expect(findings).toEqual([
      ["total-mismatch", "E3", "Total £ is £100,000 but its years add up to £110,000"],
    ]);
  });

  it("the corrected row total adds the register's own years only", () => {
    const writes = analyse(100000, true).plan.operations.flatMap((op) =>
      op.kind === "column" ? op.cells.map((c) => [op.column, c.row, c.formula, c.value]) : [],
    );
    expect(writes).toEqual([[4, 2, "=SUM(C3:D3)", 110000]]);
  });
});
