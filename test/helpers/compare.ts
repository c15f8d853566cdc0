import ExcelJS from "exceljs";

export interface CellRecord {
  value: unknown;
  style: string;
}

/** Every non-empty cell of a workbook, keyed "Sheet!A1", with its content and full style. */
export async function cellsOf(file: string): Promise<Map<string, CellRecord>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells = new Map<string, CellRecord>();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        // ExcelJS repeats a merge's value in every cell of it; only the top-left one holds it.
        if (cell.isMerged && cell.master !== cell) return;
        cells.set(`${ws.name}!${cell.address}`, {
          value: JSON.stringify(cell.value),
          style: JSON.stringify(cell.style ?? {}),
        });
      }),
    );
  });
  return cells;
}

/** Formula results as LibreOffice (or Excel) cached them, keyed "Sheet!A1". Empty results are "". */
export async function formulaResults(file: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const results = new Map<string, unknown>();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const r = cell.result as unknown;
        results.set(`${ws.name}!${cell.address}`, r === undefined || r === null ? "" : r);
      }),
    );
  });
  return results;
}

export async function sheetFacts(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    merges: ws.model.merges,
    hiddenRows: Array.from({ length: ws.rowCount }, (_, i) =>
      ws.findRow(i + 1)?.hidden ? i + 1 : 0,
    ).filter(Boolean),
  }));
}
