import { cellAddress } from "../a1";
import { isEmptyCell, type Cell, type SheetSnapshot } from "../snapshot";
import { levelOfLabel } from "../band-colours";
import {
  coherentBands,
  scaleWord,
  STANDARD_SCALES,
  tidyLabel,
  type KeyBand,
  type WordScale,
} from "./keys";
import { axisWord } from "./word-axis-grid";

/**
 * A risk matrix kept as the key: an n×n grid of band labels ("Green", "Amber (4)", "Red") with
 * one axis's values along the row above it or below it (a printed matrix often has impact along
 * its foot, likelihood 5 at the top) and the other's down its left column (1..n, or the words of a
 * standard scale: Low / Medium / High, Rare … Almost certain). Each grid cell's score is the
 * product of its axis values (the same either way round), so the labels give the bands: each
 * label from its lowest to its highest score, when no two labels' scores interleave.
 *
 * Total: any sheet in, no throw; small grids only (3×3 to 5×5).
 */
export interface MatrixKey {
  bands: KeyBand[];
  /** n: the scale both axes run over. */
  scale: number;
  /** Top-left of the grid's label cells, "K4". */
  at: string;
  /** Per band (in the order of `bands`), the grid cells carrying its label: their fills colour it. */
  cells: string[][];
  /** Axes labelled in the sheet's own words: each word's number, as the matrix orders them. */
  axes?: { across: WordScale; down: WordScale };
}

const AXIS_WORDS = new Set(STANDARD_SCALES.flatMap((s) => s.words.flat()));

/** An axis value: a whole number 1..5, a "3 - High"/"High (3)" label's number, or a standard word. */
export function axisValue(cell: Cell | null | undefined): number | string | null {
  const value = cell?.value;
  if (typeof value === "number")
    return Number.isInteger(value) && value >= 1 && value <= 5 ? value : null;
  if (typeof value !== "string" || cell?.formula) return null;
  const text = value.replace(/[→←↑↓]/g, "").trim();
  if (!text || text.length > 30) return null;
  const digits = /^(\d)\b|\((\d)\)\s*$/.exec(text);
  if (digits) return Number(digits[1] ?? digits[2]);
  const word = scaleWord(text);
  return AXIS_WORDS.has(word) ? word : null;
}

/** The numbers 1..n of n axis values (numbers, or words all of one standard scale), or null. */
export function axisNumbers(values: readonly (number | string | null)[]): number[] | null {
  const n = values.length;
  if (values.every((v) => typeof v === "number")) {
    const sorted = [...(values as number[])].sort((a, b) => a - b);
    return sorted.every((v, k) => v === k + 1) ? (values as number[]) : null;
  }
  for (const standard of STANDARD_SCALES) {
    if (standard.words.length !== n) continue;
    const map = new Map<string, number>();
    standard.words.forEach((names, i) => names.forEach((w) => map.set(w, i + 1)));
    const numbers = values.map((v) => (typeof v === "string" ? map.get(v) : undefined));
    if (numbers.every((x): x is number => x !== undefined) && new Set(numbers).size === n)
      return numbers;
  }
  return null;
}

/** A grid cell's label: "Amber (4)" → "Amber", "4 - Amber" → "Amber"; null unless words. */
function gridLabel(cell: Cell | null | undefined): string | null {
  if (typeof cell?.value !== "string" || cell.formula) return null;
  const text = cell.value
    .replace(/\(\s*\d+\s*\)/g, "")
    .replace(/^\s*\d+\s*[-–:=]?\s*/, "")
    .trim();
  return /^[A-Za-z][A-Za-z /&-]{0,29}$/.test(text) ? tidyLabel(text) : null;
}

/** The bands an n×n grid of labels at (r, c) states, its rows scored `left` and columns `top`. */
function labelGridBands(
  sheet: SheetSnapshot,
  r: number,
  c: number,
  left: readonly number[],
  top: readonly number[],
): MatrixKey | null {
  const n = left.length;
  const byLabel = new Map<string, { from: number; to: number; cells: string[] }>();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const label = gridLabel(sheet.rows[r + i]?.[c + j]);
      if (!label) return null;
      const score = (left[i] ?? 0) * (top[j] ?? 0);
      const seen = byLabel.get(label) ?? { from: score, to: score, cells: [] };
      seen.from = Math.min(seen.from, score);
      seen.to = Math.max(seen.to, score);
      seen.cells.push(cellAddress(r + i, c + j));
      byLabel.set(label, seen);
    }
  }
  const bands = coherentBands(
    [...byLabel].map(([label, b]) => ({ label, from: b.from, to: b.to })),
  );
  if (!bands) return null;
  return {
    bands,
    scale: n,
    at: cellAddress(r, c),
    cells: bands.map((b) => byLabel.get(b.label)?.cells ?? []),
  };
}

/**
 * The grid whose top-left label cell is (r, c), of size n, its axis in row `axisRow` and its side
 * axis in column `axisColumn`, or null.
 */
function gridAt(
  sheet: SheetSnapshot,
  r: number,
  c: number,
  n: number,
  axes: { axisRow: number; axisColumn: number },
): MatrixKey | null {
  const topCells = Array.from({ length: n }, (_, k) => sheet.rows[axes.axisRow]?.[c + k]);
  const leftCells = Array.from({ length: n }, (_, k) => sheet.rows[r + k]?.[axes.axisColumn]);
  const top = axisNumbers(topCells.map(axisValue));
  const left = axisNumbers(leftCells.map(axisValue));
  if (top && left) return labelGridBands(sheet, r, c, left, top);
  return ownWordsGrid(sheet, r, c, { top, topCells, left, leftCells });
}

/** An axis of the sheet's own words, numbered 1..n in order (or n..1); null unless distinct. */
function ownAxis(cells: readonly (Cell | null | undefined)[]): string[] | null {
  const words = cells.map(axisWord);
  return words.every((w): w is string => w !== null) && new Set(words).size === words.length
    ? words
    : null;
}

/**
 * A matrix whose axes are the sheet's own words ("Very likely … Very unlikely" down the side,
 * "Negligible … Severe" along the foot) and whose cells name the bands, coloured or not: no
 * scale numbers the words, so the grid's order does, either way along each axis. It is read
 * only when the order is beyond doubt: every cell a band word (Low/Medium/High, Green/Amber/
 * Red …), at least three bands, and exactly one way of numbering the axes under which each
 * band holds a run of scores and the bands rise in their words' order as the scores do. A
 * table of statuses by service and month has no such order, so it is never taken for a key.
 */
function ownWordsGrid(
  sheet: SheetSnapshot,
  r: number,
  c: number,
  axes: {
    top: number[] | null;
    topCells: readonly (Cell | null | undefined)[];
    left: number[] | null;
    leftCells: readonly (Cell | null | undefined)[];
  },
): MatrixKey | null {
  const n = axes.topCells.length;
  const topWords = axes.top ? null : ownAxis(axes.topCells);
  const leftWords = axes.left ? null : ownAxis(axes.leftCells);
  if ((!axes.top && !topWords) || (!axes.left && !leftWords)) return null;
  const up = Array.from({ length: n }, (_, k) => k + 1);
  const orders = (fixed: number[] | null) => (fixed ? [fixed] : [up, [...up].reverse()]);
  const found = new Map<string, MatrixKey>();
  for (const top of orders(axes.top))
    for (const left of orders(axes.left)) {
      const key = labelGridBands(sheet, r, c, left, top);
      if (!key || key.bands.length < 3 || !risingInWords(key.bands)) continue;
      const numbered = (words: string[] | null, numbers: number[]): WordScale =>
        new Map((words ?? []).map((w, k) => [w, numbers[k] ?? 0]));
      found.set(JSON.stringify(key.bands), {
        ...key,
        axes: { across: numbered(topWords, top), down: numbered(leftWords, left) },
      });
    }
  return found.size === 1 ? ([...found.values()][0] ?? null) : null;
}

/** Every band a known band word, each higher band a higher word (Low < Medium < High). */
function risingInWords(bands: readonly KeyBand[]): boolean {
  const levels = bands.map((b) => levelOfLabel(b.label));
  return levels.every((l, k) => l !== null && (k === 0 || l > (levels[k - 1] ?? Infinity)));
}

const bandWord = (cell: Cell | null | undefined): boolean => {
  const label = gridLabel(cell);
  return label !== null && levelOfLabel(label) !== null;
};

const blank = (cell: Cell | null | undefined): boolean => isEmptyCell(cell ?? undefined);

/** A cell that may be an axis point: a scale's number or word, or a word of the sheet's own. */
const anAxis = (cell: Cell | null | undefined): boolean =>
  axisValue(cell) !== null || axisWord(cell) !== null;

/** The first risk matrix on the sheet drawn as a key, reading top to bottom, or null. */
export function readMatrixKey(
  sheet: SheetSnapshot,
  inTable?: (row: number, column: number) => boolean,
): MatrixKey | null {
  // The word scales, the legend and the reader's key cells all ask of the same sheet: a sheet
  // is scanned once, and a sheet with no matrix anywhere has none outside its tables either.
  let anywhere = matrixOnSheet.get(sheet);
  if (anywhere === undefined) {
    anywhere = scanForMatrixKey(sheet, () => false);
    matrixOnSheet.set(sheet, anywhere);
  }
  return anywhere && inTable ? scanForMatrixKey(sheet, inTable) : anywhere;
}

const matrixOnSheet = new WeakMap<SheetSnapshot, MatrixKey | null>();

function scanForMatrixKey(
  sheet: SheetSnapshot,
  inTable: (row: number, column: number) => boolean,
): MatrixKey | null {
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    for (let c = 1; c < cells.length; c++) {
      // Cheap first: a grid starts at a worded cell with an axis value to its left, or one
      // blank column apart from it.
      if (typeof cells[c]?.value !== "string") continue;
      const side = blank(cells[c - 1]) ? c - 2 : c - 1;
      // Beside a word of the sheet's own, only a band word starts a grid (see ownWordsGrid):
      // a register's titles beside its owners' names are no key, and cost no more look.
      if (axisValue(cells[side]) === null && !(axisWord(cells[side]) && bandWord(cells[c])))
        continue;
      // A grid is at least 3×3: two more labels along its first row, two more axis values below
      // its first left one, and three along the row above it or the row below its last. Labels
      // first: in a register most worded cells beside a number have no words beside them.
      if (gridLabel(cells[c + 1]) === null || gridLabel(cells[c + 2]) === null) continue;
      if (![1, 2].every((k) => anAxis(sheet.rows[r + k]?.[side]))) continue;
      if (inTable(r, c)) continue;
      const isAxis = (row: number) =>
        row >= 0 && [0, 1, 2].every((k) => anAxis(sheet.rows[row]?.[c + k]));
      // A gap between the side axis and the grid is blank down the grid's rows.
      const parted = (n: number) =>
        side === c - 1 ||
        Array.from({ length: n }, (_, k) => r + k).every((row) => blank(sheet.rows[row]?.[c - 1]));
      for (const n of [5, 4, 3]) {
        if (!parted(n)) continue;
        // The axis row next to the grid, or one blank row apart from it.
        for (const [axisRow, gap] of [[r - 1], [r + n], [r - 2, r - 1], [r + n + 1, r + n]]) {
          if (axisRow === undefined) continue;
          if (
            gap !== undefined &&
            !Array.from({ length: n }, (_, k) => c + k).every((col) =>
              blank(sheet.rows[gap]?.[col]),
            )
          )
            continue;
          // The axis ends with the grid: 1..3 of a 1..5 axis is a corner of a grid, not a key.
          const ends = !anAxis(sheet.rows[axisRow]?.[c + n]);
          const axes = { axisRow, axisColumn: side };
          const found = ends && isAxis(axisRow) ? gridAt(sheet, r, c, n, axes) : null;
          if (found) return found;
        }
      }
    }
  }
  return null;
}
