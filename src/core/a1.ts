/**
 * A1 addressing. Rows and columns are 0-based everywhere inside the core; only the text form
 * ("B9", "A5:D9") is 1-based, as Excel shows it.
 */

/** Column index (0-based) to letters: 0 → "A", 26 → "AA". */
export function columnLetter(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters to column index (0-based): "A" → 0. Throws on anything that is not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new Error(`Not a column: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

export interface CellPosition {
  row: number;
  column: number;
}

/** Parses "B9" or "$B$9" to a 0-based position. Throws on malformed input. */
export function parseAddress(address: string): CellPosition {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match || !match[1] || !match[2]) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
}

export function rangeAddress(
  firstRow: number,
  firstColumn: number,
  lastRow: number,
  lastColumn: number,
): string {
  const start = cellAddress(firstRow, firstColumn);
  const end = cellAddress(lastRow, lastColumn);
  return start === end ? start : `${start}:${end}`;
}
