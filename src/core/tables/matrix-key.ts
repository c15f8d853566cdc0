import { cellAddress } from "../a1";
import type { Cell, SheetSnapshot } from "../snapshot";
import { coherentBands, scaleWord, STANDARD_SCALES, tidyLabel, type KeyBand } from "./keys";

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

/** The grid whose top-left label cell is (r, c), of size n, its axis in row `axisRow`, or null. */
function gridAt(
  sheet: SheetSnapshot,
  r: number,
  c: number,
  n: number,
  axisRow: number,
): MatrixKey | null {
  const top = axisNumbers(
    Array.from({ length: n }, (_, k) => axisValue(sheet.rows[axisRow]?.[c + k])),
  );
  const left = axisNumbers(
    Array.from({ length: n }, (_, k) => axisValue(sheet.rows[r + k]?.[c - 1])),
  );
  if (!top || !left) return null;
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

/** The first risk matrix on the sheet drawn as a key, reading top to bottom, or null. */
export function readMatrixKey(
  sheet: SheetSnapshot,
  inTable: (row: number, column: number) => boolean = () => false,
): MatrixKey | null {
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    for (let c = 1; c < cells.length; c++) {
      // Cheap first: a grid starts at a worded cell with an axis value to its left.
      if (typeof cells[c]?.value !== "string" || axisValue(cells[c - 1]) === null) continue;
      // A grid is at least 3×3: two more labels along its first row, two more axis values below
      // its first left one, and three along the row above it or the row below its last. Labels
      // first: in a register most worded cells beside a number have no words beside them.
      if (gridLabel(cells[c + 1]) === null || gridLabel(cells[c + 2]) === null) continue;
      if (![1, 2].every((k) => axisValue(sheet.rows[r + k]?.[c - 1]) !== null)) continue;
      if (inTable(r, c)) continue;
      const isAxis = (row: number) =>
        row >= 0 && [0, 1, 2].every((k) => axisValue(sheet.rows[row]?.[c + k]) !== null);
      for (const n of [5, 4, 3]) {
        for (const axisRow of [r - 1, r + n]) {
          // The axis ends with the grid: 1..3 of a 1..5 axis is a corner of a grid, not a key.
          const ends = axisValue(sheet.rows[axisRow]?.[c + n]) === null;
          const found = ends && isAxis(axisRow) ? gridAt(sheet, r, c, n, axisRow) : null;
          if (found) return found;
        }
      }
    }
  }
  return null;
}
