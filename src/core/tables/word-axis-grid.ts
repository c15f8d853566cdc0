import { cellAddress } from "../a1";
import { isEmptyCell, type Cell, type SheetSnapshot } from "../snapshot";
import { scaleWord, STANDARD_SCALES, type WordScale } from "./keys";

/**
 * A score matrix whose axes are labelled in the sheet's own words ("Remote, Unlikely, Possible,
 * Probable, Highly probable" down the side, "Negligible … Critical" along the foot): no standard
 * scale names them, so their order does. Along the axis row the words run 1..n left to right (or
 * n..1); down the side each row's number is read from its scores, and the whole grid must be the
 * products, so a table of figures under a row of words is never taken for one.
 */
export interface WordAxisGrid {
  cells: { address: string; score: number }[];
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Where the axes stand: one row or column apart from the grid when a blank one parts them. */
  axisRow: number;
  axisColumn: number;
  /** Each axis's words → numbers, as the matrix orders them. */
  across: WordScale;
  down: WordScale;
}

/** A word an axis may carry: short text with no figures, not a formula. */
export function axisWord(cell: Cell | null | undefined): string | null {
  if (typeof cell?.value !== "string" || cell.formula) return null;
  const text = cell.value.replace(/[→←↑↓]/g, "").trim();
  return /^[A-Za-z][A-Za-z '/&-]{0,29}$/.test(text) ? scaleWord(text) : null;
}

/** Three distinct axis words from column `c` of a row: the cheap test before `wordAxisGridAt`. */
export function wordAxisStart(cells: readonly (Cell | null | undefined)[], c: number): boolean {
  const words = [cells[c], cells[c + 1], cells[c + 2]].map(axisWord);
  return words.every((w) => w !== null) && new Set(words).size === 3;
}

const STANDARD_WORDS = new Set(STANDARD_SCALES.flatMap((s) => s.words.flat()));

/** Distinct words, one per point of the axis. */
function distinct(words: readonly (string | null)[]): words is string[] {
  return words.every((w) => w !== null) && new Set(words).size === words.length;
}

/**
 * Both axes all a standard scale's words: those are numbered by their scale (matrix-key.ts),
 * whatever order a sheet writes them in, so out of order they are no key. One axis of the
 * sheet's own words is enough for the matrix's order to number them.
 */
const bothStandard = (a: readonly string[], b: readonly string[]) =>
  [...a, ...b].every((w) => STANDARD_WORDS.has(w));

/** Where a grid's rows and its side axis stand, for an axis row along its top or foot. */
export interface GridPlacement {
  /** The grid's rows, nearest the axis row first. */
  rows: number[];
  /** The column of the side axis's values. */
  axisColumn: number;
}

/**
 * The places an n×n grid may take against an axis row `r` whose values run from column `c + 1`:
 * above or below it, its side axis down column `c`; or set one blank row apart from the axis row
 * (a printed matrix with a gap before its foot), or one blank column apart from the side axis.
 * A gap must be blank across the grid: a filled row or column between is no gap. Nearest first.
 */
export function gridPlacements(
  sheet: SheetSnapshot,
  r: number,
  c: number,
  n: number,
): GridPlacement[] {
  const blank = (row: number, column: number) =>
    isEmptyCell(sheet.rows[row]?.[column] ?? undefined);
  const found: GridPlacement[] = [];
  for (const [rowGap, columnGap] of [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ] as const) {
    const axisColumn = c - columnGap;
    if (axisColumn < 0) continue;
    for (const step of [-1, 1]) {
      const rows = Array.from({ length: n }, (_, k) => r + step * (k + 1 + rowGap));
      if (rows.some((row) => row < 0 || row >= sheet.rows.length)) continue;
      const across = Array.from({ length: n + 1 }, (_, k) => c + k);
      if (rowGap && !across.every((column) => blank(r + step, column))) continue;
      if (columnGap && !rows.every((row) => blank(row, c))) continue;
      found.push({ rows, axisColumn });
    }
  }
  return found;
}

const numberAt = (cell: Cell | null | undefined): number | null =>
  typeof cell?.value === "number" ? cell.value : null;

/**
 * The n×n grid whose axis words run along row `r` from column `c + 1`, its other axis's words down
 * column `c` above or below that row (or one blank row or column apart: `gridPlacements`), every
 * cell the product of the two numbers: or null.
 */
export function wordAxisGridAt(
  sheet: SheetSnapshot,
  r: number,
  c: number,
  n: number,
): WordAxisGrid | null {
  const acrossWords = Array.from({ length: n }, (_, k) => axisWord(sheet.rows[r]?.[c + 1 + k]));
  if (!distinct(acrossWords)) return null;
  // The axis ends with the grid: three words of a five-word axis are no axis.
  if (axisWord(sheet.rows[r]?.[c + 1 + n]) !== null) return null;
  for (const { rows, axisColumn } of gridPlacements(sheet, r, c, n)) {
    const downWords = rows.map((row) => axisWord(sheet.rows[row]?.[axisColumn]));
    if (!distinct(downWords) || bothStandard(acrossWords, downWords)) continue;
    for (const ascending of [true, false]) {
      const across = Array.from({ length: n }, (_, k) => (ascending ? k + 1 : n - k));
      const grid = productsGrid(sheet, rows, c, across);
      if (!grid) continue;
      return {
        ...grid,
        axisRow: r,
        axisColumn,
        across: new Map(acrossWords.map((w, k) => [w, across[k] ?? 0])),
        down: new Map(downWords.map((w, k) => [w, grid.down[k] ?? 0])),
      };
    }
  }
  return null;
}

/** The grid's cells when each row is one number 1..n (each once) times `across`; else null. */
function productsGrid(
  sheet: SheetSnapshot,
  rows: readonly number[],
  c: number,
  across: readonly number[],
): (ScoreGrid & { down: number[] }) | null {
  const n = across.length;
  const down: number[] = [];
  for (const row of rows) {
    const first = numberAt(sheet.rows[row]?.[c + 1]);
    const factor = first === null ? NaN : first / (across[0] ?? 1);
    if (!Number.isInteger(factor) || factor < 1 || factor > n || down.includes(factor)) return null;
    down.push(factor);
  }
  const grid = scoreGrid(sheet, rows, c, down, across);
  return grid && { ...grid, down };
}

/** A grid of scores: its cells by address, and where it stands. */
export type ScoreGrid = Omit<WordAxisGrid, "across" | "down" | "axisRow" | "axisColumn">;

/**
 * The n×n grid of rows `rows`, columns `c + 1`.., when every cell is its row's number times its
 * column's (`down[i]` × `across[j]`): or null.
 */
export function scoreGrid(
  sheet: SheetSnapshot,
  rows: readonly number[],
  c: number,
  down: readonly number[],
  across: readonly number[],
): ScoreGrid | null {
  const cells: ScoreGrid["cells"] = [];
  for (const [i, row] of rows.entries()) {
    for (const [j, factor] of across.entries()) {
      const score = numberAt(sheet.rows[row]?.[c + 1 + j]);
      if (score !== (down[i] ?? 0) * factor) return null;
      cells.push({ address: cellAddress(row, c + 1 + j), score });
    }
  }
  return {
    cells,
    top: Math.min(...rows),
    bottom: Math.max(...rows),
    left: c + 1,
    right: c + across.length,
  };
}
