import { isEmptyCell, type SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import type { TotalRow } from "./arithmetic";
import { cellMoney, type Resolve } from "./money";

/** A total row's cell left empty in a column whose parts hold a sum. */
export interface BlankTotal {
  row: number;
  column: number;
  /** What it should hold: the sum of its parts (blank totals among them taken at their sums). */
  sum: number;
}

/**
 * Total cells left empty where the row's other columns state their totals: the sum was never
 * entered (or was deleted with its formula). The blank is the fault, and the level above that
 * adds it is judged as if it held its sum, so that a grand total right for the figures is not
 * blamed for the gap below it. A cell with a dash or "nil" is a stated nil, not a blank; a row
 * with no figure at all is no total row to judge.
 *
 * Totals are taken top to bottom, so a blank subtotal is filled before the total that adds it.
 */
export function blankTotals(
  sheet: SheetSnapshot,
  totals: readonly TotalRow[],
  columns: readonly number[],
  sumOf: (column: number, parts: readonly number[], resolve: Resolve) => number,
  resolve: Resolve = cellMoney(sheet),
): { blanks: BlankTotal[]; resolve: Resolve } {
  const filled = new Map<string, number>();
  const withFilled: Resolve = (r, c) => {
    const sum = filled.get(`${r},${c}`);
    return sum === undefined ? resolve(r, c) : { kind: "number", value: sum, fromText: false };
  };
  const blanks: BlankTotal[] = [];
  for (const total of [...totals].sort((a, b) => a.row - b.row)) {
    const cells = sheet.rows[total.row] ?? [];
    const stated = columns.filter((c) => parseMoney(cells[c]?.value ?? null).kind === "number");
    if (stated.length === 0) continue;
    for (const column of columns) {
      if (!isEmptyCell(cells[column] ?? undefined)) continue;
      const sum = sumOf(column, total.parts, withFilled);
      if (sum === 0) continue;
      filled.set(`${total.row},${column}`, sum);
      blanks.push({ row: total.row, column, sum });
    }
  }
  return { blanks, resolve: withFilled };
}
