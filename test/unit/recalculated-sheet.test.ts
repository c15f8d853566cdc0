import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import type { Cell, CellValue } from "../../src/core/snapshot";
import { recalculatedSheet } from "../../src/core/tables/recalculated";
import { f, sheet } from "../helpers/builders";

type Entry = CellValue | Cell;

/** The grid as HyperFormula reads it: formulas as typed, values as they stand. */
const asArray = (rows: Entry[][]) =>
  rows.map((r) =>
    r.map((e) => (e !== null && typeof e === "object" ? (e as Cell).formula : e) ?? null),
  );

describe("recalculatedSheet", () => {
  it("gives adding formulas the figure they compute, leaving fresh ones the same sheet", () => {
    const rows: Entry[][] = [
      [10, 20, f("=SUM(A1:B1)", 99)], // stale: 30
      [5, "£1,000", f("=SUM(A2:B2)", 5)], // text adds nothing in SUM
      [f("=C1-A1", 0), f("=C1+C2", 0), f("=A3*2", 7)], // difference, sum; a product keeps its cache
    ];
    const fresh = recalculatedSheet(sheet("S", rows));
    const values = fresh.rows.map((r) => r?.map((c) => c?.value ?? null));
    expect(values).toEqual([
      [10, 20, 30],
      [5, "£1,000", 5],
      [20, 35, 7],
    ]);
    const already = sheet("S", [[1, 2, f("=SUM(A1:B1)", 3)]]);
    expect(recalculatedSheet(already)).toBe(already);
  });

  it("agrees with HyperFormula on SUM, + and − over rewritten cells", () => {
    const amount = fc.integer({ min: -1_000_000, max: 1_000_000 });
    fc.assert(
      fc.property(fc.array(amount, { minLength: 3, maxLength: 3 }), amount, (line, stale) => {
        const [a = 0, b = 0, c = 0] = line;
        const rows: Entry[][] = [
          [a, b, c, f("=SUM(A1:C1)", stale)],
          [f("=D1-A1", stale), f("=A2+B1+C1", stale), f("=SUM(A1,C1,D1)", stale)],
        ];
        const ours = recalculatedSheet(sheet("S", rows));
        const hf = HyperFormula.buildFromArray(asArray(rows), { licenseKey: "gpl-v3" });
        for (const [row, col] of [
          [0, 3],
          [1, 0],
          [1, 1],
          [1, 2],
        ] as const)
          expect(ours.rows[row]?.[col]?.value).toBe(hf.getCellValue({ sheet: 0, row, col }));
        hf.destroy();
      }),
      { numRuns: 50 },
    );
  });
});
