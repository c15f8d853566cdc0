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
