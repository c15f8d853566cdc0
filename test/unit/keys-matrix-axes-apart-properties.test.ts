import fc from "fast-check";
import { cellAddress, parseAddress } from "../../src/core/a1";
import { bandOf } from "../../src/core/bands";
import type { CellValue } from "../../src/core/snapshot";
import {
  colouredMatrixCells,
  numericMatrixGrid,
  readColouredMatrixKey,
} from "../../src/core/tables/coloured-matrix-key";
import { readMatrixKey } from "../../src/core/tables/matrix-key";
import { sheet } from "../helpers/builders";

/**
 * Matrices whose axes stand one blank row or column away from the grid (issue 12, keys anywhere):
 * generated ones are read back as their bands, and on arbitrary grids and fills nothing is read
 * that the grid's own cells contradict.
 */
const COLOURS = ["#92d050", "#ffc000", "#ff0000", "#7030a0"];
const LABELS = ["Low", "Medium", "High", "Very high"];

interface Placed {
  rows: CellValue[][];
  /** The grid's cell at row i (from the top), column j. */
  at: (i: number, j: number) => string;
}

/**
 * An n×n grid with `cell(i, j)` in it, likelihood `down[i]` down its side and impact `across[j]`
 * along its foot or top, `rowGap` blank rows and `columnGap` blank columns between axis and grid.
 */
function place(
  n: number,
  cell: (i: number, j: number) => CellValue,
  axes: { down: CellValue[]; across: CellValue[] },
  gaps: { rowGap: number; columnGap: number; top: boolean },
): Placed {
  const gridTop = gaps.top ? 1 + gaps.rowGap : 0;
  const gridLeft = 1 + gaps.columnGap;
  const axisRow = gaps.top ? 0 : n + gaps.rowGap;
  const rows: CellValue[][] = Array.from({ length: n + 1 + gaps.rowGap }, () =>
    Array<CellValue>(gridLeft + n).fill(null),
  );
  for (let i = 0; i < n; i++) {
    rows[gridTop + i]![0] = axes.down[i] ?? null;
    for (let j = 0; j < n; j++) rows[gridTop + i]![gridLeft + j] = cell(i, j);
  }
  for (let j = 0; j < n; j++) rows[axisRow]![gridLeft + j] = axes.across[j] ?? null;
  return { rows, at: (i, j) => cellAddress(gridTop + i, gridLeft + j) };
}

let reads = 0;

const gapsArb = fc.record({
  rowGap: fc.integer({ min: 0, max: 1 }),
  columnGap: fc.integer({ min: 0, max: 1 }),
  top: fc.boolean(),
});

describe("a matrix with its axes one blank row or column apart", () => {
  it("generated, coloured by cut points, with a legend: read back as its bands", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 3 }),
        gapsArb,
        (n, rawCuts, gaps) => {
          const scores = [
            ...new Set(
              Array.from({ length: n * n }, (_, k) => (Math.floor(k / n) + 1) * ((k % n) + 1)),
            ),
          ];
          const cuts = [...new Set(rawCuts.map((c) => scores.filter((s) => s <= c).pop() ?? 1))]
            .filter((c) => c < n * n)
            .sort((a, b) => a - b);
          fc.pre(cuts.length > 0);
          const band = (s: number) => cuts.filter((c) => s > c).length;
          const down = Array.from({ length: n }, (_, i) => n - i);
          const across = Array.from({ length: n }, (_, j) => j + 1);
          const placed = place(
            n,
            (i, j) => (down[i] ?? 0) * (across[j] ?? 0),
            { down, across },
            gaps,
          );
          const fills: Record<string, string> = {};
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++)
              fills[placed.at(i, j)] = COLOURS[band((down[i] ?? 0) * (across[j] ?? 0))]!;
          placed.rows.push([]);
          for (let b = 0; b <= cuts.length; b++) {
            fills[cellAddress(placed.rows.length, 1 + gaps.columnGap)] = COLOURS[b]!;
            placed.rows.push([...Array<null>(1 + gaps.columnGap).fill(null), LABELS[b] ?? null]);
          }
          const read = readColouredMatrixKey({ ...sheet("Matrix", placed.rows), keyFills: fills });
          const expected = Array.from({ length: cuts.length + 1 }, (_, b) => {
            const held = scores.filter((s) => band(s) === b);
            return { from: Math.min(...held), to: Math.max(...held), label: LABELS[b] };
          });
          expect(read && "bands" in read ? read.bands : read).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("on arbitrary grids and fills: never throws, never a key its own cells contradict", () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 26 }), fc.constant(null));
    const recolour = fc.record({ cell: fc.nat(24), colour: fc.nat(3) });
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.array(value, { minLength: 25, maxLength: 25 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 3 }),
        fc.array(recolour, { maxLength: 2 }),
        gapsArb,
        fc.boolean(),
        (n, values, cuts, recoloured, gaps, products) => {
          const down = Array.from({ length: n }, (_, i) => n - i);
          const across = Array.from({ length: n }, (_, j) => j + 1);
          // Half the runs hold the products (so a key may be read), the other half anything.
          const cell = (i: number, j: number) =>
            products ? (down[i] ?? 0) * (across[j] ?? 0) : (values[i * n + j] ?? null);
          const placed = place(n, cell, { down, across }, gaps);
          const legendTop = placed.rows.length + 1;
          placed.rows.push([], ...LABELS.map((l) => [null, l]));
          // Coloured by cut points of the cell's value, with a cell or two recoloured at will.
          const fills: Record<string, string> = {};
          LABELS.forEach((_, k) => (fills[cellAddress(legendTop + k, 1)] = COLOURS[k]!));
          for (let k = 0; k < n * n; k++) {
            const v = cell(Math.floor(k / n), k % n);
            const banded = cuts.filter((c) => (typeof v === "number" ? v : 0) > c).length;
            const swap = recoloured.find((r) => r.cell === k);
            fills[placed.at(Math.floor(k / n), k % n)] = COLOURS[swap ? swap.colour : banded]!;
          }
          const s = sheet("S", placed.rows);
          const keyFills = Object.fromEntries(
            colouredMatrixCells(s).flatMap((a) => (fills[a] ? [[a, fills[a]]] : [])),
          );
          const read = readColouredMatrixKey({ ...s, keyFills });
          reads += read && "bands" in read ? 1 : 0;
          if (!read || !("bands" in read)) return;
          const labelOf = new Map(LABELS.map((l, k) => [COLOURS[k], l]));
          for (const { address, score } of numericMatrixGrid(s)?.cells ?? []) {
            const { row, column } = parseAddress(address);
            expect(placed.rows[row]?.[column]).toBe(score);
            expect(bandOf(score, read.bands).label).toBe(labelOf.get(keyFills[address]));
          }
        },
      ),
      { numRuns: 300 },
    );
    // The property is tested on keys read, not only on grids passed over.
    expect(reads).toBeGreaterThan(30);
  });

  it("arbitrary band words on word axes, one blank row or column apart: never contradicted", () => {
    const band = fc.constantFrom("Low", "Medium", "High", "Very high", "Green", "Amber", "Red");
    const axis = fc.constantFrom("Rare", "Often", "Seldom", "Always", "Never", 1, 2, 3, 4, 5);
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.array(band, { minLength: 25, maxLength: 25 }),
        fc.uniqueArray(axis, { minLength: 5, maxLength: 5 }),
        fc.uniqueArray(axis, { minLength: 5, maxLength: 5 }),
        gapsArb,
        (n, labels, down, across, gaps) => {
          const placed = place(n, (i, j) => labels[i * n + j] ?? null, { down, across }, gaps);
          const key = readMatrixKey(sheet("M", placed.rows));
          if (!key) return;
          const number = (words: ReadonlyMap<string, number> | undefined, w: CellValue) =>
            typeof w === "number" ? w : (words?.get(String(w).toLowerCase()) ?? NaN);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              const score =
                number(key.axes?.down, down[i] ?? null) *
                number(key.axes?.across, across[j] ?? null);
              expect(bandOf(score, key.bands).label).toBe(labels[i * n + j]);
            }
        },
      ),
      { numRuns: 500 },
    );
  });
});
