import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { Cell, CellValue, ExcelTable, SheetSnapshot } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A register kept as an Excel table whose Score is a calculated column in structured references
 * to its own row. A typed score that is wrong is replaced by the council's own formula, so the
 * column stays one consistent calculated column; the rows whose formula is right are left alone.
 */
const STRUCTURED = "Risks[[#This Row],[Likelihood]]*Risks[[#This Row],[Impact]]";
const own = (value: number) => f(STRUCTURED, value);

function register(score3: Cell | CellValue, score2: Cell = own(16)): SheetSnapshot {
  const rows: (CellValue | Cell)[][] = [
    ["Risk ID", "Title", "Likelihood", "Impact", "Score", "Level"],
    ["CR01", "Flood", 2, 3, own(6), "Medium"],
    ["CR02", "Fire", 4, 4, score2, "High"],
    // Planted: 1 × 2 = 2, typed 5.
    ["CR03", "Theft", 1, 2, score3, "Low"],
    ["CR04", "Strike", 2, 1, own(2), "Low"],
  ];
  const table: ExcelTable = {
    name: "Risks",
    firstRow: 0,
    firstColumn: 0,
    lastRow: 4,
    lastColumn: 5,
    showHeaders: true,
    showTotals: false,
    columns: ["Risk ID", "Title", "Likelihood", "Impact", "Score", "Level"],
  };
  return { ...sheet("Register", rows), tables: [table] };
}

const scoreWrite = (s: SheetSnapshot) => {
  const a = analyseWorkbook(workbook(s), { asOf: TODAY });
  const op = (a.plan.operations as ColumnWrite[]).find(
    (o) => o.kind === "column" && o.column === 4,
  );
  return { findings: a.findings.map((x) => [x.code, x.cell]), cells: op?.cells ?? [] };
};

describe("a wrong score in a structured-reference calculated column", () => {
  it("is replaced by the council's own row formula, the right rows left alone", () => {
    const { findings, cells } = scoreWrite(register(5));
    expect(findings).toEqual([["score-mismatch", "E4"]]);
    expect(cells).toEqual([{ row: 3, formula: `=${STRUCTURED}`, value: 2 }]);
  });

  it("takes our own formula when the column mixes forms (one row in plain references)", () => {
    const { cells } = scoreWrite(register(5, f("C3*D3", 16)));
    expect(cells).toEqual([{ row: 3, formula: '=IF(COUNT(C4,D4)=2,C4*D4,"")', value: 2 }]);
  });
});
