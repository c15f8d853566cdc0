import { parseAddress } from "../a1";
import { cellText, type SheetSnapshot } from "../snapshot";

/** Headers of a column that adds the figures left of it on its row. */
const ROW_TOTAL = /\btotals?\b|full[\s-]*year|year[\s-]*(total|end)|\bannual\b/i;
/** Header rows a table's range starts with, at most (group, name, units). */
const HEADER_DEPTH = 4;

/**
 * True when the column's header (in the first rows of `table`, "A3:G11") names a row total:
 * "Total £08/09", "Full year", "Total 2025-29". A figure beside a cell of such a column is one
 * of its parts; beside a variance or a year of its own, it is not.
 */
export function addsAcross(sheet: SheetSnapshot, table: string | undefined, column: number) {
  if (!table) return false;
  let top: number;
  try {
    top = parseAddress(table.split(":")[0] ?? "").row;
  } catch {
    return false;
  }
  for (let r = top; r < top + HEADER_DEPTH; r++)
    if (ROW_TOTAL.test(cellText(sheet.rows[r]?.[column] ?? undefined))) return true;
  return false;
}
