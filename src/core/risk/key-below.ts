import { cellText, isEmptyCell, type SheetSnapshot } from "../snapshot";
import { rowIsBlank } from "../tables/bounds";
import { numericMatrixGrid } from "../tables/coloured-matrix-key";
import { readMatrixKey } from "../tables/matrix-key";
import { parseScaleValue } from "../values";
import { bandsInStretch } from "../tables/key-number-cells";
import { bandInPair, bandInText } from "./legend";

/**
 * A key kept as a list of cells one blank row under a register: bands one per row ("1-4" | "Low",
 * "Low" | "1-4", "1-4 Low", "Low" | 1 | 4 under "From" | "To"), or a scale list ("Rare" | 1,
 * "1 - Rare"), optionally under a heading row of words ("Rating" | "Score", "Likelihood" |
 * "Impact"); or one line of bands across ("1-4" | "Low" | "5-9" | "Medium", "Rating key" |
 * "1-4 Low" | …). The register ends at it: its rows are the key the legend reads, never risks
 * with blank ratings.
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
  let line: KeyLine | null = null;
  let bounded = false;
  for (let r = row; r < sheet.rows.length && r < row + MAX_KEY_ROWS; r++) {
    if (rowIsBlank(sheet, r, first, last)) break;
    const found = keyRow(sheet, r, first, last, bounded);
    if (found) {
      keyRows++;
      line ??= found;
    } else if (r === row && headingRow(sheet, r, first, last)) {
      bounded = boundsHeading(sheet, r, first, last);
    } else return false;
  }
  // One line is a key by itself when titled ("Key:") or holding two ranged bands or more: a
  // section of risks rated in words ("Flood" | "Likely (4)" | "Major (4)") is neither.
  return keyRows >= 2 || (line !== null && (line.titled || line.ranged >= 2));
}

/**
 * A risk matrix of scores or of band words starts in the rows from `row` (its title, its axis row,
 * its grid): its rows are the key, however much they look like risks rated in figures. Only these
 * rows are looked at, so the test costs the same on any sheet.
 */
function matrixBelow(sheet: SheetSnapshot, row: number): boolean {
  const rows = sheet.rows.slice(row, row + MATRIX_ROWS);
  const below = { ...sheet, rows };
  return numericMatrixGrid(below) !== null || readMatrixKey(below) !== null;
}

/** A title, an axis row, a blank row between it and the grid, and five rows of scores. */
const MATRIX_ROWS = 8;

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
function pointInOneCell(text: string): { ranged: boolean } | null {
  const band = bandInText(text);
  if (band) return band;
  const parsed = parseScaleValue(text);
  return parsed.kind === "number" && parsed.label !== undefined ? { ranged: false } : null;
}

/** A key row read: its bands and scale points, those of them ranged ("1-4"), and a title. */
interface KeyLine {
  points: number;
  ranged: number;
  titled: boolean;
}

/**
 * The bands or scale points of the row when every filled cell is part of one: one cell saying
 * both, a word beside its score(s) in the next column, or (under a "From" | "To" heading,
 * `bounded`) a word beside its two bounds; a key's title may lead ("Key:", "Rating key"). A
 * risk's row never is: its reference, title and ratings leave a cell over. Null when it is not.
 */
function keyRow(
  sheet: SheetSnapshot,
  row: number,
  first: number,
  last: number,
  bounded: boolean,
): KeyLine | null {
  const filled = filledCells(sheet, row, first, last);
  // A line of bands across may run on past the register's last column ("20-25" | "Very high").
  for (let c = last + 1; filled[filled.length - 1]?.column === c - 1 && c <= last + 8; c++)
    filled.push(...filledCells(sheet, row, c, c));
  if (filled.length === 0 || filled.some((c) => c.formula)) return null;
  // "1 | 4 | Low", "Key | 1 | - | 4 | Low", "Low | 1 | 4 | Medium | 5 | 9": numbers in cells.
  const together = filled.every((c, k) => k === 0 || c.column === (filled[k - 1]?.column ?? 0) + 1);
  const numbered = together ? bandsInStretch(filled) : null;
  if (numbered) {
    const titled = numbered[0]?.columns.every((c) => c !== filled[0]?.column) ?? false;
    return { points: numbered.length, ranged: numbered.length, titled };
  }
  const line: KeyLine = { points: 0, ranged: 0, titled: false };
  for (let i = 0; i < filled.length; i++) {
    const cell = filled[i]!;
    const beside = (k: number) => filled[i + k]?.column === cell.column + k;
    const [next, after] = [filled[i + 1]?.text ?? "", filled[i + 2]?.text ?? ""];
    const bounds = bounded && beside(1) && beside(2) && boundsOf(cell.text, next, after);
    const found = bounds ? { ranged: true } : beside(1) ? bandInPair(cell.text, next) : null;
    const point = found ?? pointInOneCell(cell.text);
    if (point) {
      line.points++;
      if (point.ranged) line.ranged++;
      i += bounds ? 2 : found ? 1 : 0;
    } else if (i === 0 && KEY_TITLE.test(cell.text)) line.titled = true;
    else return null;
  }
  return line.points > 0 ? line : null;
}

/** A key line's title: words naming a key, no figures ("Key:", "Rating key", "Key to scores"). */
const KEY_TITLE = /^(?=[A-Za-z ()&:-]{1,40}$).*\b(key|legend|scoring|scores?|ratings?|bands?)\b/i;

/** "Low" | 1 | 4: a band's label and its two bounds (whole numbers 0..100), lowest first. */
function boundsOf(label: string, from: string, to: string): boolean {
  const bound = (text: string) => (/^\d{1,3}$/.test(text) ? Number(text) : NaN);
  return /^[A-Za-z][^\d]*$/.test(label) && bound(from) <= bound(to);
}

/** A key table's heading names its bounds: "Rating" | "From" | "To", "Band" | "Min" | "Max". */
function boundsHeading(sheet: SheetSnapshot, row: number, first: number, last: number): boolean {
  const words = filledCells(sheet, row, first, last).map((c) => c.text);
  return words.filter((w) => BOUND_HEADER.test(w)).length >= 2;
}

const BOUND_HEADER = /\b(from|to|min|minimum|max|maximum|lower|upper|lowest|highest)\b/i;

/** A key's heading: a few words, no figures ("Rating" | "Score", "Likelihood" | "Impact"). */
function headingRow(sheet: SheetSnapshot, row: number, first: number, last: number): boolean {
  const filled = filledCells(sheet, row, first, last);
  return (
    filled.length <= 4 &&
    filled.every((c) => !c.formula && /^[A-Za-z][A-Za-z /&()-]*$/.test(c.text)) &&
    filled.every((c) => c.text.split(/\s+/).length <= 3)
  );
}
