import fc from "fast-check";
import { cellAddress } from "../../src/core/a1";
import { analyseWorkbook } from "../../src/core/analyse";
import { monthOfHeader, monthRun } from "../../src/core/monthly/months";
import type { Cell, CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";
import {
  buildProfile,
  line,
  MONTH_NAMES,
  type ProfileLine,
  type ProfileSpec,
} from "../helpers/monthly-builder";

/**
 * Properties of monthly profiles: the month-header parser is total (any cell in, a month or
 * null out), detection never throws on arbitrary grids around a month row, and for generated
 * profiles with planted wrong section totals exactly the planted totals are reported — the same
 * ones whatever order the lines of each section are in.
 */
const MONTH_WORDS = [
  "Apr",
  "April",
  "Apr-25",
  "April 2025",
  "Sept",
  "Sep '25",
  "Mar-26",
  "Jan",
  "may",
  "JUNE",
  "Actual",
  "Forecast",
  "Full year",
  "Total",
  "£000",
  "-",
  "57,9OO",
  "",
];
const FORMATS = [
  "mmm-yy",
  "General",
  "#,##0",
  '#,##0;(#,##0);"-"',
  "d/m/yyyy",
  "[h]:mm",
  "@",
  "mmmm yyyy",
];

const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...MONTH_WORDS),
  fc.string(),
  fc.integer({ min: -100, max: 3_000_000 }),
  fc.double(),
  fc.boolean(),
);
const cell: fc.Arbitrary<Cell | null> = fc.oneof(
  fc.constant(null),
  fc.record(
    {
      value,
      numberFormat: fc.oneof(fc.constantFrom(...FORMATS), fc.string()),
      formula: fc.constantFrom("=SUM(A1:A2)", "=A1+1"),
      error: fc.constantFrom("#REF!", "#N/A"),
    },
    { requiredKeys: ["value"] },
  ),
);

describe("monthly profile properties", () => {
  it("month-header parsing never throws on arbitrary cells", () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), (cells) => {
        for (const c of cells) {
          const m = monthOfHeader(c);
          if (m) expect(m.month >= 1 && m.month <= 12).toBe(true);
        }
        const run = monthRun(cells);
        if (run) expect(run.headers.length >= 6 && run.headers.length <= 12).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("analysis never throws on arbitrary rows under a row of months", () => {
    const months = MONTH_NAMES.map((m) => m.slice(0, 3));
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 16 }), { maxLength: 14 }),
        fc.integer({ min: 0, max: 3 }),
        (rows, at) => {
          const grid: CellValue[][] = [...rows];
          grid.splice(at, 0, ["Line", "Budget", ...months, "Total", "Variance"]);
          const a = analyseWorkbook(workbook(sheet("S", grid)), { asOf: TODAY });
          expect(Array.isArray(a.findings)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  const sectionArb = fc
    .array(
      fc.record({
        budget: fc.integer({ min: 1_000, max: 900_000 }),
        total: fc.integer({ min: 0, max: 900_000 }),
      }),
      { minLength: 2, maxLength: 6 },
    )
    .chain((lines) =>
      fc.record({
        lines: fc.constant(lines),
        order: fc.shuffledSubarray(
          lines.map((_, i) => i),
          { minLength: lines.length, maxLength: lines.length },
        ),
        // A typed figure over one column's SUM (offset from the budget column), or none.
        typed: fc.option(
          fc.record({
            column: fc.integer({ min: 0, max: 13 }),
            off: fc.integer({ min: 1, max: 50_000 }),
          }),
        ),
      }),
    );

  it("finds exactly the planted section totals, whatever order each section's lines are in", () => {
    fc.assert(
      fc.property(fc.array(sectionArb, { minLength: 1, maxLength: 3 }), (sections) => {
        const toLines = (s: (typeof sections)[number], order: readonly number[]): ProfileLine[] =>
          order.map((i) => {
            const l = s.lines[i]!;
            return line(`L${i}`, l.budget, l.total);
          });
        const spec = (ordered: boolean): ProfileSpec => ({
          sections: sections.map((s, k) => {
            const order = ordered ? s.lines.map((_, i) => i) : s.order;
            const lines = toLines(s, order);
            const built = buildProfile({
              sections: [{ heading: "H", lines, total: "Total" }],
            });
            // The planted figure: the right sum of that column plus an offset.
            const typedTotals: Record<number, number> = {};
            if (s.typed) {
              const column = built.budget + s.typed.column;
              const right = built.lineRows[0]!.reduce(
                (sum, r) => sum + Number(built.sheet.rows[r]?.[column]?.value ?? 0),
                0,
              );
              typedTotals[s.typed.column] = right + s.typed.off;
            }
            return {
              heading: `SECTION ${k + 1}`,
              lines,
              total: `Total section ${k + 1}`,
              typedTotals,
            };
          }),
          grandTotal: "Total all services",
        });
        const totalsFound = (built: ReturnType<typeof buildProfile>) => {
          const totalRows = new Set([...built.totalRows, built.grandRow]);
          return analyseWorkbook(workbook(built.sheet), { asOf: TODAY })
            .findings.filter((f) => {
              const row = Number(/\d+$/.exec(f.cell)?.[0]) - 1;
              return totalRows.has(row);
            })
            .map((f) => `${f.code} ${f.cell} ${String(f.expected)} ${String(f.actual)}`)
            .sort();
        };
        const inOrder = buildProfile(spec(true));
        const shuffled = buildProfile(spec(false));
        const planted = sections.flatMap((s, k) =>
          s.typed
            ? [
                `total-mismatch ${cellAddress(inOrder.totalRows[k]!, inOrder.budget + s.typed.column)}`,
              ]
            : [],
        );
        const found = totalsFound(inOrder);
        expect(found.map((f) => f.split(" ").slice(0, 2).join(" ")).sort()).toEqual(
          [...planted].sort(),
        );
        expect(totalsFound(shuffled)).toEqual(found);
      }),
      { numRuns: 60 },
    );
  });
});
