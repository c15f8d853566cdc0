import fc from "fast-check";
import { cellAddress } from "../../src/core/a1";
import {
  colouredMatrixCells,
  readColouredMatrixKey,
} from "../../src/core/tables/coloured-matrix-key";
import { sheet } from "../helpers/builders";
import type { CellValue } from "../../src/core/snapshot";

const COLOURS = ["#92d050", "#ffc000", "#ff0000", "#7030a0"];
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: 0, max: 26 }),
  fc.constantFrom("Low", "Medium", "High", "Very high", ""),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
);

describe("a coloured matrix of scores, on arbitrary grids and fills", () => {
  it("never throws, and what it reads is ascending, non-overlapping bands", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 10 }),
        fc.array(fc.constantFrom(...COLOURS), { minLength: 80, maxLength: 80 }),
        (rows, colours) => {
          const s = sheet("S", rows);
          const keyFills = Object.fromEntries(
            colouredMatrixCells(s).map((a, k) => [a, colours[k % colours.length] as string]),
          );
          const read = readColouredMatrixKey({ ...s, keyFills });
          if (!read || !("bands" in read)) return;
          for (let k = 1; k < read.bands.length; k++)
            expect(read.bands[k]!.from).toBeGreaterThan(read.bands[k - 1]!.to);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a generated 3×3 to 5×5 matrix, coloured by cut points, is read back as its bands", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 24 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (n, rawCuts, left) => {
          const scores = [
            ...new Set(
              Array.from({ length: n * n }, (_, k) => (Math.floor(k / n) + 1) * ((k % n) + 1)),
            ),
          ];
          // Each cut ends a band at a score the grid holds, below its top.
          const cuts = [...new Set(rawCuts.map((c) => scores.filter((s) => s <= c).pop() ?? 1))]
            .filter((c) => c < n * n)
            .sort((a, b) => a - b);
          // One colour is no banding (read as no key): two bands at least.
          fc.pre(cuts.length > 0);
          const band = (s: number) => cuts.filter((c) => s > c).length;
          const labels = ["Low", "Medium", "High", "Very high"];
          const rows: CellValue[][] = [];
          const fills: Record<string, string> = {};
          const pad = Array<null>(left).fill(null);
          for (let l = n; l >= 1; l--) {
            const r = rows.length;
            rows.push([...pad, l, ...Array.from({ length: n }, (_, k) => l * (k + 1))]);
            for (let i = 1; i <= n; i++)
              fills[cellAddress(r, left + i)] = COLOURS[band(l * i)] as string;
          }
          rows.push([...pad, null, ...Array.from({ length: n }, (_, k) => k + 1)]);
          rows.push([]);
          for (let b = 0; b <= cuts.length; b++) {
            fills[cellAddress(rows.length, left + 1)] = COLOURS[b] as string;
            rows.push([...pad, null, labels[b] ?? null]);
          }
          const read = readColouredMatrixKey({ ...sheet("Matrix", rows), keyFills: fills });
          const expected = Array.from({ length: cuts.length + 1 }, (_, b) => {
            const held = scores.filter((s) => band(s) === b);
            return { from: Math.min(...held), to: Math.max(...held), label: labels[b] };
          });
          expect(read && "bands" in read ? read.bands : read).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
