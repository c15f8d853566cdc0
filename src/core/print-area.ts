import { columnIndex, columnLetter } from "./a1";
import type { ColumnWrite } from "./plan";

/** A new column written on a sheet (0-based), with the row of its header. */
export interface NewColumn {
  column: number;
  headerRow: number;
}

const RANGE = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/;

/**
 * A sheet's print area that covers the register but stops just left of the columns we add would
 * print the register without them: the area ("$A$1:$R$24", no sheet name) widened over new
 * columns that follow its right edge (one spacer column allowed) and whose header lies inside
 * its rows, as "$A$1:$S$24"; null when it stays as it is. Areas of several ranges, and columns
 * further right, are left as the council set them. Every writer (direct, ExcelJS, Office.js)
 * widens by this one rule.
 */
export function widenedPrintArea(range: string, columns: readonly NewColumn[]): string | null {
  const area = RANGE.exec(range.trim());
  if (!area) return null;
  const [, first = "A", top = "1", lastLetters = "A", bottom = "1"] = area;
  const rows = [Number(top) - 1, Number(bottom) - 1] as const;
  const edge = columnIndex(lastLetters);
  let last = edge;
  const beyond = columns
    .filter((c) => c.column > last && c.headerRow >= rows[0] && c.headerRow <= rows[1])
    .map((c) => c.column)
    .sort((a, b) => a - b);
  for (const column of beyond) if (column <= last + 2) last = column;
  return last === edge ? null : `$${first}$${top}:$${columnLetter(last)}$${bottom}`;
}

/** The new columns of `ops` (those the plan writes a header for), by column and header row. */
export function newColumnsOf(ops: readonly ColumnWrite[]): NewColumn[] {
  return ops.flatMap((op) => (op.header ? [{ column: op.column, headerRow: op.header.row }] : []));
}
