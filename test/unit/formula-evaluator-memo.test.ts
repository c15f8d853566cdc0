import fc from "fast-check";
import { cellAddress } from "../../src/core/a1";
import { formulaEvaluator } from "../../src/core/tables/arithmetic";
import { f, sheet, type Entry } from "../helpers/builders";

/**
 * The evaluator memoises by a number per cell (a string per cell was most of its time on a
 * 100,000-line profile). These hold it to a plain recursive evaluation with no memo at all, on
 * generated grids whose formulas read only cells above them (so no cycle can make order matter).
 */
type Spec = { kind: "value"; value: number } | { kind: "sum" | "added"; picks: number[] };

const WIDTH = 4;

function grid(specs: Spec[]): { rows: Entry[][]; oracle: (row: number, column: number) => number } {
  const rows: Entry[][] = [];
  const formulas = new Map<number, { kind: "sum" | "added"; cells: number[] }>();
  specs.forEach((spec, index) => {
    const row = Math.floor(index / WIDTH);
    const column = index % WIDTH;
    (rows[row] ??= [])[column] = spec.kind === "value" ? spec.value : null;
    if (spec.kind === "value" || index < WIDTH) return;
    // Cells strictly above: a range down one column, or cells added.
    const above = spec.picks.map((p) => p % (row * WIDTH)).map((p) => p - (p % WIDTH) + column);
    if (spec.kind === "sum") {
      const top = Math.min(...above.map((p) => Math.floor(p / WIDTH)));
      const cells = Array.from({ length: row - top }, (_, k) => (top + k) * WIDTH + column);
      const text = `=SUM(${cellAddress(top, column)}:${cellAddress(row - 1, column)})`;
      formulas.set(index, { kind: "sum", cells });
      (rows[row] as Entry[])[column] = f(text, -1);
    } else {
      const cells = [...above, ...above].slice(0, Math.max(2, above.length));
      const text = "=" + cells.map((p) => cellAddress(Math.floor(p / WIDTH), p % WIDTH)).join("+");
      formulas.set(index, { kind: "added", cells });
      (rows[row] as Entry[])[column] = f(text, -1);
    }
  });
  const oracle = (row: number, column: number): number => {
    const index = row * WIDTH + column;
    const formula = formulas.get(index);
    if (!formula) {
      const value = rows[row]?.[column];
      return typeof value === "number" ? value : 0;
    }
    return formula.cells.reduce((sum, p) => sum + oracle(Math.floor(p / WIDTH), p % WIDTH), 0);
  };
  return { rows, oracle };
}

const spec: fc.Arbitrary<Spec> = fc.oneof(
  fc.record({ kind: fc.constant("value" as const), value: fc.integer({ min: -999, max: 999 }) }),
  fc.record({
    kind: fc.constantFrom("sum" as const, "added" as const),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  }),
);

describe("formulaEvaluator's memo", () => {
  it("gives every cell what a memo-free evaluation gives, in any order of asking", () => {
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: WIDTH, maxLength: 40 }),
        fc.boolean(),
        (specs, backwards) => {
          const { rows, oracle } = grid(specs);
          const evaluate = formulaEvaluator(sheet("S", rows));
          const cells = specs.map((_, i) => [Math.floor(i / WIDTH), i % WIDTH] as const);
          for (const [r, c] of backwards ? cells.reverse() : cells) {
            const formula = rows[r]?.[c];
            const got = evaluate(r, c);
            if (formula !== null && typeof formula === "object") expect(got).toBe(oracle(r, c));
            else expect(got).toBeNull();
          }
        },
      ),
    );
  });

  it("keeps cells apart whose numbers would meet past the last column", () => {
    // Column 32,768 of row 0 and column 0 of row 1 would share a key if columns were not bounded.
    const rows: Entry[][] = [[f("=SUM(A2:A2)", 0)], [f("=B2+B2", 0), 7]];
    const evaluate = formulaEvaluator(sheet("S", rows));
    expect(evaluate(1, 0)).toBe(14);
    expect(evaluate(0, 32_768)).toBeNull();
    expect(evaluate(0, 0)).toBe(14);
    expect(evaluate(-1, 5)).toBeNull();
  });
});
