import fc from "fast-check";
import { readLegend } from "../../src/core/risk/legend";
import { readMatrixKey } from "../../src/core/tables/matrix-key";
import { sheet } from "../helpers/builders";
import type { CellValue } from "../../src/core/snapshot";

/** Cells a key table or matrix is made of, mixed with anything else a sheet holds. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom("Low", "Medium", "High", "Green", "Amber (4)", "Red", "Score from", "Max"),
  fc.constantFrom("Rare", "Likely (4)", "Impact →", "1-4 Low | 5-9 Medium", "Severe", ""),
  // Keys with their numbers in cells of their own: "Key | 1 | - | 4 | Low".
  fc.constantFrom("Key", "-", "to", "Very high", "Score to", "Rating", "4", "25"),
  fc.integer({ min: -3, max: 30 }),
  fc.string({ maxLength: 12 }),
  fc.constant(null),
);

describe("key tables and matrices, on arbitrary grids", () => {
  it("never throw, and what they read is ascending, non-overlapping bands", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 10 }), (rows) => {
        const s = sheet("S", rows);
        for (const bands of [readLegend(s, new Set()).bands, readMatrixKey(s)?.bands ?? null]) {
          if (!bands) continue;
          for (let k = 1; k < bands.length; k++)
            expect(bands[k]!.from).toBeGreaterThan(bands[k - 1]!.to);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a generated 3×3 to 5×5 matrix of labels is read back as the bands it was drawn from", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 0, max: 3 }),
        (n, cut, left) => {
          const top = n * n;
          const low = Math.min(cut, top - 1);
          const label = (s: number) => (s <= low ? "Green" : "Red");
          const pad = Array<null>(left).fill(null);
          const rows: CellValue[][] = [
            [...pad, "Impact", ...Array.from({ length: n }, (_, k) => k + 1)],
          ];
          for (let l = n; l >= 1; l--)
            rows.push([...pad, l, ...Array.from({ length: n }, (_, k) => label(l * (k + 1)))]);
          const read = readMatrixKey(sheet("Matrix", rows));
          const scores = Array.from(
            { length: n * n },
            (_, k) => (Math.floor(k / n) + 1) * ((k % n) + 1),
          );
          const greens = scores.filter((s) => s <= low);
          const reds = scores.filter((s) => s > low);
          expect(read?.bands).toEqual([
            { label: "Green", from: Math.min(...greens), to: Math.max(...greens) },
            { label: "Red", from: Math.min(...reds), to: Math.max(...reds) },
          ]);
          expect(read?.scale).toBe(n);
        },
      ),
      { numRuns: 100 },
    );
  });
});
