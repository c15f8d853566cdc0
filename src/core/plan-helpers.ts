import { rangeAddress } from "./a1";
import type { TableBounds } from "./layout";
import type { WriteOperation } from "./plan";
import { isEmptyCell, type SheetSnapshot } from "./snapshot";

/** True when `count` columns from `first` hold nothing between rows `top` and `bottom`. */
export function columnsFree(
  sheet: SheetSnapshot,
  top: number,
  bottom: number,
  first: number,
  count: number,
): boolean {
  for (let r = top; r <= bottom; r++) {
    for (let c = first; c < first + count; c++) {
      if (!isEmptyCell(sheet.rows[r]?.[c] ?? undefined)) return false;
    }
  }
  return true;
}

/**
 * Where a table's new calculated columns go: right beside it, with columns inserted first if
 * anything sits there, so that nothing of the user's is written over.
 */
export function newColumns(
  sheet: SheetSnapshot,
  table: TableBounds,
  count: number,
): { first: number; range: string; operations: WriteOperation[] } {
  const range = rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn);
  const first = table.lastColumn + 1;
  const operations: WriteOperation[] =
    count > 0 && !columnsFree(sheet, table.headerRow, table.lastRow, first, count)
      ? [{ kind: "insert-columns", sheet: sheet.name, table: range, column: first, count }]
      : [];
  return { first, range, operations };
}
