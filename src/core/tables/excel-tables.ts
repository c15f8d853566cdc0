import type { ExcelTable, SheetSnapshot } from "../snapshot";
import { mergeIndex } from "./header-spans";

/**
 * Excel tables (ListObjects) as the reading of every kind uses them. A council that keeps its
 * register or monitor as an Excel table has said where it starts and ends, which row is its header
 * and which its totals row (SUBTOTAL(109,…) under the money columns): the table's own bounds beat
 * what the cells suggest — a totals row labelled "Net HRA (surplus)/deficit" is a total, a blank
 * line inside the table does not end it, and a note beside it is not part of it.
 */

/** How far above an Excel table a detected header may sit and still be that table's (group labels). */
const GROUP_ROWS = 2;

/** The Excel table a table detected with its header at `headerRow` over columns first..last belongs to. */
export function excelTableFor(
  sheet: SheetSnapshot,
  headerRow: number,
  first: number,
  last: number,
): ExcelTable | undefined {
  for (const t of sheet.tables ?? []) {
    if (t.lastColumn < first || t.firstColumn > last) continue;
    const top = t.showHeaders ? t.firstRow : t.firstRow - 1;
    if (headerRow >= top - GROUP_ROWS && headerRow <= top) return t;
  }
  return undefined;
}

/** True when the row is the totals row of an Excel table on the sheet. */
export function isExcelTotalsRow(sheet: SheetSnapshot, row: number): boolean {
  return (sheet.tables ?? []).some((t) => t.showTotals && t.lastRow === row);
}

/**
 * The top of the header block of an Excel table whose header row is `headerRow`: the row above
 * when group labels are merged across the table's columns there ("Last year 2024/25" over Budget |
 * Outturn | Variance), since Excel keeps a table's header to one row of unique names.
 */
export function excelHeaderTop(sheet: SheetSnapshot, table: ExcelTable): number {
  const header = table.firstRow;
  if (!table.showHeaders || header === 0) return header;
  const merges = mergeIndex(sheet).at;
  for (let c = table.firstColumn; c <= table.lastColumn; c++) {
    const area = merges.get(`${header - 1},${c}`);
    if (area && area.bottom === header - 1 && area.right > area.left) return header - 1;
  }
  return header;
}
