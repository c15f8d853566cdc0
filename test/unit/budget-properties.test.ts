import fc from "fast-check";
import { analyseWorkbook } from "../../src/core/analyse";
import { classifyRowsByArithmetic } from "../../src/core/tables/arithmetic";
import { parseRagRule } from "../../src/core/tables/rag-rule";
import { parseMoney } from "../../src/core/values";
import { sheet, TODAY, workbook } from "../helpers/builders";

type Line = [budget: number, actual: number, forecast: number];
interface Section {
  heading: boolean;
  labelled: boolean;
  lines: Line[];
  /** A line named like a total ("Total transport costs"): which one, or none. */
  named: number | null;
}

const amount = fc.integer({ min: 1, max: 500_000 });
const sectionArb: fc.Arbitrary<Section> = fc.record({
  heading: fc.boolean(),
  labelled: fc.boolean(),
  lines: fc.array(fc.tuple(amount, amount, amount), { minLength: 2, maxLength: 6 }),
  named: fc.option(fc.nat(), { nil: null }),
});

/**
 * A monitoring sheet of sections (with or without heading rows, labelled or unlabelled subtotals)
 * and a grand total over the subtotals; `planted` adds `delta` to one subtotal's budget cell. A
 * line may be named like a total ("Total transport costs 2"): it is a line all the same.
 */
function build(sections: Section[], planted: { section: number; delta: number } | null) {
  const rows: (string | number | null)[][] = [["Service", "Budget", "Actual to date", "Forecast"]];
  const totals: number[] = [];
  const sum = (lines: Line[], k: number) => lines.reduce((s, l) => s + (l[k] ?? 0), 0);
  sections.forEach((s, i) => {
    if (s.heading) rows.push([`Section ${i + 1}`]);
    const named = s.named === null ? -1 : s.named % s.lines.length;
    s.lines.forEach((l, j) =>
      rows.push([j === named ? `Total transport costs ${i + 1}` : `Line ${i + 1}.${j + 1}`, ...l]),
    );
    const total: (string | number | null)[] = [
      s.labelled ? `Total section ${i + 1}` : null,
      sum(s.lines, 0),
      sum(s.lines, 1),
      sum(s.lines, 2),
    ];
    if (planted?.section === i) total[1] = (total[1] as number) + planted.delta;
    totals.push(rows.length);
    rows.push(total);
  });
  const all = sections.flatMap((s) => s.lines);
  rows.push(["TOTAL", sum(all, 0), sum(all, 1), sum(all, 2)]);
  return { rows, totals };
}

const findingsOf = (rows: (string | number | null)[][]) =>
  analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY })
    .findings.filter((f) => f.severity === "error")
    .map((f) => `${f.code}@${f.cell}`);

describe("budget tables, generated", () => {
  it("finds a planted subtotal error and only it", () => {
    fc.assert(
      fc.property(
        fc.array(sectionArb, { minLength: 1, maxLength: 4 }),
        fc.option(fc.record({ section: fc.nat(), delta: fc.integer({ min: 1, max: 999 }) })),
        (sections, plant) => {
          const planted = plant ? { ...plant, section: plant.section % sections.length } : null;
          const { rows, totals } = build(sections, planted);
          const want = planted ? [`total-mismatch@B${(totals[planted.section] ?? 0) + 1}`] : [];
          expect(findingsOf(rows)).toEqual(want);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("reordering lines inside a section never changes its totals findings", () => {
    fc.assert(
      fc.property(
        fc.array(sectionArb, { minLength: 1, maxLength: 4 }),
        fc.option(fc.record({ section: fc.nat(), delta: fc.integer({ min: 1, max: 999 }) })),
        fc.nat(),
        (sections, plant, seed) => {
          const planted = plant ? { ...plant, section: plant.section % sections.length } : null;
          // Each section's lines in a seed-dependent order (sorted by a hash of seed and place).
          const key = (i: number, j: number) => (Math.imul(j + 1, 2654435761) ^ (seed + i)) >>> 0;
          const shuffled = sections.map((s, i) => ({
            ...s,
            lines: s.lines
              .map((line, j) => ({ line, k: key(i, j) }))
              .sort((a, b) => a.k - b.k)
              .map((x) => x.line),
          }));
          expect(findingsOf(build(shuffled, planted).rows)).toEqual(
            findingsOf(build(sections, planted).rows),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("money parsing, RAG rules and the arithmetic reading never throw on any cells", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.constantFrom("tbc", "(5,000)", "-£5k", "£'000", "-", "n/a", "1,234.50"),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 12 }), (grid) => {
        for (const row of grid)
          for (const value of row) {
            parseMoney(value);
            if (typeof value === "string") parseRagRule(value);
          }
        const s = sheet("S", grid);
        const rows = grid.map((_, r) => r);
        const structure = classifyRowsByArithmetic(s, rows, [0], [1, 2, 3, 4]);
        expect(structure.kinds.size).toBe(grid.length);
        analyseWorkbook(workbook(s), { asOf: TODAY });
      }),
      { numRuns: 200 },
    );
  });
});
