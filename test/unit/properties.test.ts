import fc from "fast-check";
import { analyseWorkbook } from "../../src/core/analyse";
import { applyPlanToSnapshot, findingsAfter } from "../../src/core/plan-preview";
import { isFilledDown } from "../../src/core/formula-shift";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { isEmptyCell } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

// Words that steer the generator into headers, keys and labels, so detection paths are exercised.
const WORDS = [
  "Ref",
  "Risk",
  "Title",
  "Likelihood",
  "Impact",
  "Score",
  "Priority",
  "Owner",
  "Review date",
  "Residual likelihood",
  "Residual impact",
  "Inherent L",
  "Inherent I",
  "Project",
  "L",
  "I",
  "S",
  "Risk Key:",
  "Priority Ratings:",
  "1-2 Low risk",
  "3-6 Medium risk",
  "8-16 High",
  "Key",
  "L = Likelihood (1-4)",
  "3 - Likely",
  "High",
  "tbc",
  "n/a",
  "£1,234",
  "(5,000)",
  "31/03/2025",
  "",
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.integer({ min: -2, max: 30 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.boolean() },
);

const grid = fc.array(fc.array(cellValue, { maxLength: 9 }), { maxLength: 24 });

const HEADER_SETS = [
  ["Ref", "Risk", "Likelihood", "Impact"],
  ["Title", "Likelihood", "Impact", "Score"],
  ["Risk", "L", "I", "S", "Priority"],
  ["Risk", "Inherent L", "Inherent I", "Residual likelihood", "Residual impact", "Owner"],
  ["Project", "Ref", "Title", "Likelihood", "Impact", "Score", "Review date"],
];
const rating: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 2, arbitrary: fc.constantFrom("1 - Rare", "3 - Likely", "4 - Major", "2", "5") },
  { weight: 1, arbitrary: cellValue },
);

/** A register planted at a random place in a random grid: what detection and plans must handle. */
const planted = fc
  .record({
    noise: grid,
    top: fc.nat(6),
    left: fc.nat(3),
    headers: fc
      .constantFrom(...HEADER_SETS)
      .chain((h) => fc.shuffledSubarray(h, { minLength: h.length, maxLength: h.length })),
    data: fc.array(fc.array(rating, { minLength: 7, maxLength: 7 }), {
      minLength: 1,
      maxLength: 12,
    }),
  })
  .map(({ noise, top, left, headers, data }) => {
    const rows: CellValue[][] = noise.map((r) => [...r]);
    const put = (r: number, c: number, v: CellValue) => {
      while (rows.length <= r) rows.push([]);
      const row = rows[r] as CellValue[];
      while (row.length <= c) row.push(null);
      row[c] = v;
    };
    headers.forEach((h, c) => put(top, left + c, h));
    data.forEach((values, i) =>
      headers.forEach((_, c) => put(top + 1 + i, left + c, values[c] ?? null)),
    );
    return rows;
  });

const snapshotOf = (rows: CellValue[][], hidden: number[]): WorkbookSnapshot =>
  workbook(sheet("Grid", rows, { hiddenRows: hidden.filter((r) => r < rows.length) }));
const arbitraryWorkbook = fc
  .tuple(fc.oneof(grid, planted), fc.array(fc.nat(24), { maxLength: 3 }))
  .map(([rows, hidden]) => snapshotOf(rows, hidden));

describe("on arbitrary grids", () => {
  it("analysis never throws and every finding points inside the sheet", () => {
    fc.assert(
      fc.property(arbitraryWorkbook, (snapshot) => {
        const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
        for (const f of analysis.findings) expect(f.cell).toMatch(/^[A-Z]+[1-9]\d*$/);
      }),
      { numRuns: 400 },
    );
  });

  it("the generator plants registers often enough for the properties below to bite", () => {
    const found = fc
      .sample(arbitraryWorkbook, { numRuns: 200, seed: 42 })
      .filter((w) => analyseWorkbook(w, { asOf: TODAY }).tables.length > 0);
    expect(found.length).toBeGreaterThan(60);
    // Plans that insert columns are among them, so the properties below cover inserts too.
    const inserting = found.filter((w) =>
      analyseWorkbook(w, { asOf: TODAY }).plan.operations.some(
        (op) => op.kind === "insert-columns",
      ),
    );
    expect(inserting.length).toBeGreaterThan(5);
  });

  it("a plan never writes over a user's cell outside its own score and priority columns", () => {
    fc.assert(
      fc.property(arbitraryWorkbook, (snapshot) => {
        const { plan } = analyseWorkbook(snapshot, { asOf: TODAY });
        // Writes are in the coordinates the plan's inserts leave: look at the sheet after them.
        const inserts = plan.operations.filter((op) => op.kind === "insert-columns");
        const moved = applyPlanToSnapshot(snapshot, { operations: inserts }, { valuesOnly: false });
        const rows = moved.sheets[0]?.rows ?? [];
        for (const op of plan.operations) {
          if (op.kind !== "column" || op.header === null) continue;
          // A new column: every cell it fills must have been empty.
          for (const r of [op.header.row, ...op.cells.map((c) => c.row)]) {
            expect(isEmptyCell(rows[r]?.[op.column] ?? undefined)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("after applying the plan no score or priority error is left", () => {
    fc.assert(
      fc.property(arbitraryWorkbook, fc.boolean(), (snapshot, valuesOnly) => {
        const { plan } = analyseWorkbook(snapshot, { asOf: TODAY });
        const after = analyseWorkbook(applyPlanToSnapshot(snapshot, plan, { valuesOnly }), {
          asOf: TODAY,
        });
        // A column misread by us is one warning before and after, and left as the council wrote it.
        const left = after.findings.filter(
          (f) =>
            f.severity === "error" &&
            (f.code === "score-mismatch" || f.code === "priority-mismatch"),
        );
        expect(left).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("the findings left after a plan include everything a fresh analysis finds", () => {
    fc.assert(
      fc.property(arbitraryWorkbook, (snapshot) => {
        const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
        const fresh = analyseWorkbook(
          applyPlanToSnapshot(snapshot, analysis.plan, { valuesOnly: false }),
          { asOf: TODAY },
        );
        // On real workbooks the two are equal (fixture tests). On random grids our own writes can
        // change what a fresh look takes for the table (a label exposed, a header joined); then the
        // cheap answer may report more from the input, but never misses what a fresh analysis sees.
        const key = (f: (typeof fresh.findings)[number]) =>
          `${f.code}@${f.sheet}!${f.cell}: ${f.message}`;
        const after = new Set(findingsAfter(analysis.findings, analysis.plan).map(key));
        for (const f of fresh.findings) expect(after.has(key(f))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("a column the planner calls filled down is the first formula filled down on every run", () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitraryWorkbook, (snapshot) => {
        for (const op of analyseWorkbook(snapshot, { asOf: TODAY }).plan.operations) {
          if (op.kind !== "column" || !op.filledDown) continue;
          let run: { row: number; formula: string }[] = [];
          for (const cell of [...op.cells, { row: -2, formula: null }]) {
            const last = run[run.length - 1];
            if (!cell.formula || (last && cell.row !== last.row + 1)) {
              if (run.length > 1) {
                checked++;
                expect(isFilledDown(run)).toBe(true);
              }
              run = [];
            }
            if (cell.formula) run.push({ row: cell.row, formula: cell.formula });
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});
