import fc from "fast-check";
import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import { bandOf } from "../../src/core/bands";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { readMatrixKey } from "../../src/core/tables/matrix-key";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A risk matrix in the sheet's own words (likelihood words down, impact words along the foot)
 * whose cells name the bands, uncoloured: the grid's order numbers the words, the labels give
 * the bands, and the register rated in those words is judged by both. Planted: R3's "Medium"
 * where Very unlikely (1) × Serious (3) = 3 is Low, and R7's score typed 6 where Unlikely (2) ×
 * Severe (4) = 8.
 */
const MATRIX: CellValue[][] = [
  ["Risk scoring matrix"],
  [],
  ["Very likely", "Medium", "High", "Very high", "Very high"],
  ["Likely", "Low", "Medium", "High", "Very high"],
  ["Unlikely", "Low", "Medium", "Medium", "High"],
  ["Very unlikely", "Low", "Low", "Low", "Medium"],
  [null, "Negligible", "Moderate", "Serious", "Severe"],
];
const REGISTER: CellValue[][] = [
  ["Ref", "Risk", "Likelihood", "Impact", "Score", "Risk level", "Owner"],
  ["R1", "Risk 1", "Likely", "Moderate", 6, "Medium", "Head of Service"],
  ["R2", "Risk 2", "Very likely", "Severe", 16, "Very high", "Head of Service"],
  ["R3", "Risk 3", "Very unlikely", "Serious", 3, "Medium", "Head of Service"],
  ["R4", "Risk 4", "Unlikely", "Moderate", 4, "Medium", "Head of Service"],
  ["R5", "Risk 5", "Likely", "Serious", 9, "High", "Head of Service"],
  ["R6", "Risk 6", "Very likely", "Negligible", 4, "Medium", "Head of Service"],
  ["R7", "Risk 7", "Unlikely", "Severe", 6, "High", "Head of Service"],
  ["R8", "Risk 8", "Very unlikely", "Negligible", 1, "Low", "Head of Service"],
  ["R9", "Risk 9", "Likely", "Severe", 12, "Very high", "Head of Service"],
];
const BANDS = [
  { from: 1, to: 3, label: "Low" },
  { from: 4, to: 6, label: "Medium" },
  { from: 8, to: 9, label: "High" },
  { from: 12, to: 16, label: "Very high" },
];

const analyse = (...sheets: ReturnType<typeof sheet>[]) =>
  analyseWorkbook(workbook(...sheets), { asOf: TODAY });
const writtenIn = (ops: readonly unknown[], column: number) =>
  (ops as ColumnWrite[])
    .filter((o) => o.kind === "column" && o.column === column)
    .flatMap((o) => o.cells.map((c) => c.value));

describe("an uncoloured matrix of band words on axes of the sheet's own words", () => {
  it("on its own sheet: the key for the register, its words the register's scale", () => {
    const a = analyse(sheet("Risk Register", REGISTER), sheet("Scoring Matrix", MATRIX));
    expect(a.findings.filter((f) => f.severity === "error").map((f) => [f.code, f.cell])).toEqual([
      ["priority-mismatch", "F4"],
      ["score-mismatch", "E8"],
    ]);
    expect(a.findings.find((f) => f.cell === "F4")?.message).toBe(
      'Priority is "Medium" but score 3 is in band 1-3 Low',
    );
    const [table] = a.tables.filter(isRiskReport);
    expect(table).toMatchObject({
      scale: 4,
      bands: { source: "workbook", at: "Scoring Matrix!B3", bands: BANDS },
    });
    // Very unlikely … Very likely are 1–4, Negligible … Severe 1–4.
    expect(writtenIn(a.plan.operations, 4)).toEqual([6, 16, 3, 4, 9, 4, 8, 1, 12]);
    expect(writtenIn(a.plan.operations, 5)).toEqual([
      "Medium",
      "Very high",
      "Low",
      "Medium",
      "High",
      "Medium",
      "High",
      "Low",
      "Very high",
    ]);
  });

  it("beside the register on its sheet: the same bands, from the sheet", () => {
    const beside = REGISTER.map((r, k) => [...r, null, ...(MATRIX[k] ?? [])]);
    const [table] = analyse(sheet("Risks", beside)).tables.filter(isRiskReport);
    expect(table?.bands).toEqual({ source: "sheet", at: "J3", bands: BANDS });
  });

  it("two bands only, or labels that are no band words: no key", () => {
    const twoBands = MATRIX.map((r) =>
      r.map((v) => (v === "Very high" || v === "Medium" ? "High" : v)),
    );
    expect(readMatrixKey(sheet("M", twoBands))).toBeNull();
    const statuses = { Low: "Open", Medium: "Closed", High: "Pending", "Very high": "Done" };
    const words = MATRIX.map((r) => r.map((v) => statuses[v as keyof typeof statuses] ?? v));
    expect(readMatrixKey(sheet("M", words))).toBeNull();
  });

  it("a table of RAG statuses by service and month is no key", () => {
    const rag: CellValue[][] = [
      ["Service", "April", "May", "June", "July"],
      ["Libraries", "Green", "Green", "Amber", "Green"],
      ["Parks", "Amber", "Red", "Amber", "Green"],
      ["Waste", "Green", "Amber", "Red", "Red"],
      ["Housing", "Red", "Amber", "Green", "Amber"],
    ];
    expect(readMatrixKey(sheet("RAG", rag))).toBeNull();
    const a = analyse(sheet("Risk Register", REGISTER), sheet("Status", rag));
    expect(a.tables.filter(isRiskReport)[0]?.bands.source).not.toBe("workbook");
  });

  it("on arbitrary grids of band words and axis words: never throws, never a key its own cells contradict", () => {
    const band = fc.constantFrom("Low", "Medium", "High", "Very high", "Green", "Amber", "Red");
    const axis = fc.constantFrom("Rare", "Often", "Seldom", "Always", "Never", "Minor", "Severe");
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }),
        fc.array(band, { minLength: 25, maxLength: 25 }),
        fc.uniqueArray(axis, { minLength: 5, maxLength: 5 }),
        fc.uniqueArray(axis, { minLength: 5, maxLength: 5 }),
        (n, labels, down, across) => {
          const rows: CellValue[][] = [
            ...Array.from({ length: n }, (_, i) => [
              down[i] ?? null,
              ...labels.slice(i * n, i * n + n),
            ]),
            [null, ...across.slice(0, n)],
          ];
          const key = readMatrixKey(sheet("M", rows));
          if (!key) return;
          const number = (words: ReadonlyMap<string, number> | undefined, w: CellValue) =>
            words?.get(String(w).toLowerCase()) ?? NaN;
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              const score =
                number(key.axes?.down, rows[i]?.[0] ?? null) *
                number(key.axes?.across, rows[n]?.[j + 1] ?? null);
              expect(bandOf(score, key.bands).label).toBe(rows[i]?.[j + 1]);
            }
        },
      ),
      { numRuns: 500 },
    );
  });
});
