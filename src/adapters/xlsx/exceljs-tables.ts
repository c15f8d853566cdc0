import type ExcelJS from "exceljs";
import { columnLetter, tableJoins, type WritePlan } from "../../core";

/** The model ExcelJS keeps for a table it read (and writes back as it holds it). */
interface TableModel {
  tableRef?: string;
  autoFilterRef?: string;
  columns: Record<string, unknown>[];
}

/**
 * New columns right of an Excel table join it (core/table-joins.ts), as the direct writer joins
 * them (package/join-tables.ts): the table's range and filter reach the last one, each is a table
 * column named by its header, with its totals-row formula as a custom total.
 */
export function joinExcelTables(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  const snapshot = {
    sheets: workbook.worksheets.map((ws) => ({
      name: ws.name,
      rows: [],
      hiddenRows: [],
      hiddenColumns: [],
      merges: [],
      tables: Object.values((ws as unknown as { tables?: object }).tables ?? {}).flatMap((t) => {
        const model = (
          t as unknown as {
            table?: TableModel & { name: string; totalsRow?: boolean; headerRow?: boolean };
          }
        ).table;
        const [from = "", to = from] = (model?.tableRef ?? "").split(":");
        if (!model || !from) return [];
        const a = ws.getCell(from);
        const b = ws.getCell(to);
        return [
          {
            name: model.name,
            firstRow: Number(a.row) - 1,
            firstColumn: Number(a.col) - 1,
            lastRow: Number(b.row) - 1,
            lastColumn: Number(b.col) - 1,
            showHeaders: model.headerRow !== false,
            showTotals: model.totalsRow === true,
            columns: model.columns.map((c) => String(c.name)),
          },
        ];
      }),
    })),
  };
  for (const join of tableJoins(snapshot, plan)) {
    const ws = workbook.getWorksheet(join.sheet);
    const model = (ws?.getTable(join.table) as unknown as { table?: TableModel } | undefined)
      ?.table;
    if (!model?.tableRef) continue;
    const last = columnLetter(Math.max(...join.columns.map((c) => c.column)));
    const widen = (ref: string) => ref.replace(/:\$?[A-Z]+/, `:${last}`);
    model.tableRef = widen(model.tableRef);
    if (model.autoFilterRef) model.autoFilterRef = widen(model.autoFilterRef);
    for (const c of join.columns)
      model.columns.push({
        name: c.name,
        ...(c.totals ? { totalsRowFunction: "custom", totalsRowFormula: c.totals.slice(1) } : {}),
      });
  }
}
