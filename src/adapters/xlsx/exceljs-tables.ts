import type ExcelJS from "exceljs";
import type { WritePlan } from "../../core";

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
  for (const join of plan.tableJoins ?? []) {
    const ws = workbook.getWorksheet(join.sheet);
    const model = (ws?.getTable(join.table) as unknown as { table?: TableModel } | undefined)
      ?.table;
    if (!model?.tableRef) continue;
    const last = join.range.split(":")[1]?.replace(/\d+$/, "") ?? "";
    const widen = (ref: string) => ref.replace(/:\$?[A-Z]+/, `:${last}`);
    model.tableRef = join.range;
    if (model.autoFilterRef) model.autoFilterRef = widen(model.autoFilterRef);
    for (const c of join.columns)
      model.columns.push({
        name: c.name,
        ...(c.calculated ? { calculatedColumnFormula: c.calculated.slice(1) } : {}),
        ...(c.totals ? { totalsRowFunction: "custom", totalsRowFormula: c.totals.slice(1) } : {}),
      });
  }
}
