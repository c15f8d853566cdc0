import { cellText, isEmptyCell, type SheetSnapshot } from "../snapshot";
import { rowIsBlank } from "../tables/bounds";
import { numericMatrixGrid } from "../tables/coloured-matrix-key";
import { parseScaleValue } from "../values";
import { bandInPair, bandInText } from "./legend";

/**
 * A key kept as a list of cells one blank row under a register: bands one per row ("1-4" | "Low",
 * "Low" | "1-4", "1-4 Low"), or a scale list ("Rare" | 1, "1 - Rare"), optionally under a heading
 * row of words ("Rating" | "Score", "Likelihood" | "Impact"). The register ends at it: its rows
 * are the key the legend reads, never risks with blank ratings.
 */
export function keyListBelowGap(
  sheet: SheetSnapshot,
  row: number,
  first: number,
  last: number,
): boolean {
  if (row === 0 || !rowIsBlank(sheet, row - 1, first, last)) return false;
  if (matrixBelow(sheet, row)) return true;
  let keyRows = 0;
  for (let r = row; r < sheet.rows.length && r < row + MAX_KEY_ROWS; r++) {
    if (rowIsBlank(sheet, r, first, last)) break;
    if (keyRow(sheet, r, first, last)) keyRows++;
    else if (r !== row || !headingRow(sheet, r, first, last)) return false;
  }
  return keyRows >= 2;
}

/**
 * A risk matrix of scores starts in the rows from `row` (its title, its axis row, its grid): its
 * rows are the key, however much they look like risks rated in figures. Only these rows are
 * looked at, so the test costs the same on any sheet.
 */
function matrixBelow(sheet: SheetSnapshot, row: number): boolean {
  const rows = sheet.rows.slice(row, row + MATRIX_ROWS);
  return numericMatrixGrid({ ...sheet, rows }) !== null;
}

/** A title, an axis row and five rows of scores. */
const MATRIX_ROWS = 7;

/** A key list is short: bands or scale points, ten at most, under one heading. */
const MAX_KEY_ROWS = 12;

/** The filled cells of a row within first..last, as text, with their columns. */
function filledCells(
  sheet: SheetSnapshot,
  row: number,
  first: number,
  last: number,
): { column: number; text: string; formula: boolean }[] {
  const cells = sheet.rows[row] ?? [];
  const filled: { column: number; text: string; formula: boolean }[] = [];
  for (let c = first; c <= last && c < cells.length; c++) {
    const cell = cells[c] ?? undefined;
    if (!isEmptyCell(cell))
      filled.push({ column: c, text: cellText(cell), formula: Boolean(cell?.formula) });
  }
  return filled;
}

/** One band or scale point written in one cell: "1-4 Low", "Low: 1-4", "1 - Rare", "Rare (1)". */
function pointInOneCell(text: string): boolean {
  if (bandInText(text)) return true;
  const parsed = parseScaleValue(text);
  return parsed.kind === "number" && parsed.label !== undefined;
}

/**
 * Every filled cell of the row is part of a band or scale point: one cell saying both, or a
 * word beside its score(s) in the next column. A risk's row never is: its reference, title and
 * ratings leave a cell over.
 */
function keyRow(sheet: SheetSnapshot, row: number, first: number, last: number): boolean {
  const filled = filledCells(sheet, row, first, last);
  if (filled.length === 0 || filled.some((c) => c.formula)) return false;
  for (let i = 0; i < filled.length; i++) {
    const cell = filled[i]!;
    const next = filled[i + 1];
    if (next && next.column === cell.column + 1 && bandInPair(cell.text, next.text)) i++;
    else if (!pointInOneCell(cell.text)) return false;
  }
  return true;
}

/** A key's heading: a few words, no figures ("Rating" | "Score", "Likelihood" | "Impact"). */
function headingRow(sheet: SheetSnapshot, row: number, first: number, last: number): boolean {
  const filled = filledCells(sheet, row, first, last);
  return (
    filled.length <= 4 &&
    filled.every((c) => !c.formula && /^[A-Za-z][A-Za-z /&()-]*$/.test(c.text)) &&
    filled.every((c) => c.text.split(/\s+/).length <= 3)
  );
}
