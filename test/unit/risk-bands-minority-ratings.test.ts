import fc from "fast-check";
import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import { cellAddress } from "../../src/core/a1";
import { tablesText } from "../../src/cli/report";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A register with no key whose own ratings band its scores consistently but for a few planted
 * wrong ones: the bands are read from the ratings that agree, and exactly the few against them are
 * errors. When one wrong rating could be blamed as well as a right one beside it (15 rated Medium
 * among 12 and 16 rated High: Medium 5-10 | High 12+ blames the 15, Medium 5-15 | High 16+ the
 * 12), the edge in the wider step between the scores wins (10 to 12, not 15 to 16).
 */
type Row = [l: number, i: number, label: string];

/** A register sheet: optional title rows above, optional owner column after the priority. */
function register(rows: readonly Row[], shape: { title: boolean; owner: boolean }) {
  const header: CellValue[] = ["Risk No.", "Risk", "L", "I", "Score", "Risk level"];
  if (shape.owner) header.push("Owner");
  const above: CellValue[][] = shape.title ? [["Public Health - Risk Register"], []] : [];
  const body = rows.map(([l, i, label], k): CellValue[] => {
    const row: CellValue[] = [k + 1, `Risk ${k + 1}`, l, i, l * i, label];
    if (shape.owner) row.push("Consultant");
    return row;
  });
  return { rows: [...above, header, ...body], first: above.length + 1 };
}

const analyse = (grid: CellValue[][]) =>
  analyseWorkbook(workbook(sheet("PH Risk Register", grid)), { asOf: TODAY });

/** What apply writes in the Risk level column (F): [Excel row, value]. */
const levels = (ops: readonly unknown[]) =>
  (ops as ColumnWrite[])
    .filter((o) => o.kind === "column" && o.column === 5)
    .flatMap((o) => o.cells.map((c) => [c.row + 1, c.value] as [number, CellValue]));

/** Low 2-4, Medium 5-10, High 12-20, with 15 rated Medium (the public-health register). */
const HEALTH: Row[] = [
  [1, 2, "Low"],
  [2, 2, "Low"],
  [4, 1, "Low"],
  [1, 3, "Low"],
  [5, 1, "Medium"],
  [2, 3, "Medium"],
  [3, 3, "Medium"],
  [2, 5, "Medium"],
  [3, 4, "High"],
  [4, 4, "High"],
  [5, 3, "Medium"],
  [4, 5, "High"],
  [2, 4, "Medium"],
  [5, 4, "High"],
];

describe("bands read from the ratings that agree, the few against them the errors", () => {
  it.each([
    { title: true, owner: false },
    { title: false, owner: true },
  ])("one planted rating beside an edge: the one rating error (%o)", (shape) => {
    const { rows, first } = register(HEALTH, shape);
    // Risk 6's score typed 8 where 2 × 3 = 6: its own error, and no reason to doubt its "Medium".
    const typed = rows[first + 5];
    if (typed) typed[4] = 8;
    const a = analyse(rows);
    const g15 = `F${first + 11}`;
    expect(a.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ["score-mismatch", `E${first + 6}`, "Score is 8 but likelihood 2 × impact 3 = 6"],
      [
        "priority-mismatch",
        g15,
        `Priority is "Medium" but score 15 is in band 12-25 High of the register's own ratings`,
      ],
    ]);
    const bands = [
      { from: 1, to: 4, label: "Low" },
      { from: 5, to: 10, label: "Medium" },
      { from: 12, to: 25, label: "High" },
    ];
    expect(a.tables.filter(isRiskReport)[0]?.bands).toEqual({ source: "ratings", bands, rows: 14 });
    expect(tablesText(a.tables).join("\n")).toContain(
      "bands 1-4 Low, 5-10 Medium, 12-25 High (inferred from the register's own ratings, 14 rated rows)",
    );
    // The register's own words, each where it was, and High for the planted 15: never "Very high".
    expect(levels(a.plan.operations)).toEqual(
      HEALTH.map(([, , label], k) => [first + 1 + k, k === 10 ? "High" : label]),
    );
  });

  it("RAG words, the wrong rating beside the lower edge: the wider step wins", () => {
    // 2 Green | 4 Amber is a wider step than 5 | 6: the 5 rated Green is wrong, not the 4 Amber.
    const rag: Row[] = [
      [1, 1, "Green"],
      [1, 2, "Green"],
      [2, 1, "Green"],
      [2, 2, "Amber"],
      [5, 1, "Green"],
      [3, 2, "Amber"],
      [2, 4, "Amber"],
      [3, 3, "Amber"],
      [5, 2, "Amber"],
      [4, 3, "Red"],
      [5, 3, "Red"],
      [4, 4, "Red"],
      [5, 4, "Red"],
      [5, 5, "Red"],
    ];
    const { rows, first } = register(rag, { title: false, owner: false });
    const a = analyse(rows);
    expect(a.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      [
        "priority-mismatch",
        `F${first + 5}`,
        `Priority is "Green" but score 5 is in band 3-10 Amber of the register's own ratings`,
      ],
    ]);
    expect(a.tables.filter(isRiskReport)[0]?.bands.bands).toEqual([
      { from: 1, to: 2, label: "Green" },
      { from: 3, to: 10, label: "Amber" },
      { from: 12, to: 25, label: "Red" },
    ]);
  });

  it("four labels, a rating two bands off and one among its own score's rights: both found", () => {
    const four: Row[] = [
      [1, 1, "Low"],
      [1, 3, "Low"],
      [2, 2, "Low"],
      [1, 5, "Medium"],
      [2, 3, "Medium"],
      [3, 2, "Low"], // 6 is Medium twice elsewhere: wrong
      [2, 3, "Medium"],
      [3, 3, "Medium"],
      [2, 5, "High"],
      [3, 4, "High"],
      [4, 3, "High"],
      [4, 4, "High"],
      [5, 5, "Low"], // 25 rated Low: two bands off, wrong
      [4, 5, "Very high"],
      [5, 4, "Very high"],
      [5, 5, "Very high"],
      [5, 5, "Very high"],
    ];
    const { rows, first } = register(four, { title: true, owner: true });
    const a = analyse(rows);
    expect(a.findings.map((f) => [f.code, f.cell])).toEqual([
      ["priority-mismatch", `F${first + 6}`],
      ["priority-mismatch", `F${first + 13}`],
    ]);
    expect(a.tables.filter(isRiskReport)[0]?.bands).toEqual({
      source: "ratings",
      rows: 17,
      bands: [
        { from: 1, to: 4, label: "Low" },
        { from: 5, to: 9, label: "Medium" },
        { from: 10, to: 16, label: "High" },
        { from: 20, to: 25, label: "Very high" },
      ],
    });
  });

  it("a wrong rating is not explained away by an edge that more ratings contradict", () => {
    // 12 rated Medium once, High twice: Medium 5-12 would blame two ratings, High 12+ one.
    const rows: Row[] = [...HEALTH.filter((_, k) => k !== 10), [3, 4, "Medium"], [4, 3, "High"]];
    const a = analyse(register(rows, { title: false, owner: false }).rows);
    expect(a.findings.map((f) => [f.code, f.cell])).toEqual([["priority-mismatch", "F15"]]);
    expect(a.findings[0]?.message).toContain("score 12 is in band 12-25 High");
  });

  it("ratings that really contradict each other: the defaults, reported as defaults", () => {
    // Medium and High alternate over 9 to 20: no banding with fewer than a quarter against it.
    const mixed: Row[] = [
      [1, 2, "Low"],
      [2, 2, "Low"],
      [1, 3, "Low"],
      [3, 3, "High"],
      [2, 5, "Medium"],
      [3, 4, "High"],
      [5, 3, "Medium"],
      [4, 4, "High"],
      [4, 5, "Medium"],
      [5, 5, "High"],
    ];
    const a = analyse(register(mixed, { title: false, owner: false }).rows);
    expect(a.tables.filter(isRiskReport)[0]?.bands.source).toBe("default");
    expect(tablesText(a.tables).join("\n")).toContain(
      "bands 1-4 Low, 5-9 Medium, 10-16 High, 20-25 Very high (default)",
    );
    // The 5×5 defaults judge every rating as before.
    expect(a.findings.map((f) => [f.code, f.cell])).toEqual([
      ["priority-mismatch", "F5"],
      ["priority-mismatch", "F6"],
      ["priority-mismatch", "F8"],
      ["priority-mismatch", "F10"],
      ["priority-mismatch", "F11"],
    ]);
  });

  it("two ratings either could be wrong, edges in steps alike wide: the defaults", () => {
    // 3 Green | 4 Amber and 6 Green | 8 Amber are alike (4/3): no side to take.
    const even: Row[] = [
      [1, 1, "Green"],
      [1, 2, "Green"],
      [1, 3, "Green"],
      [2, 2, "Amber"],
      [2, 3, "Green"],
      [2, 4, "Amber"],
      [3, 3, "Amber"],
      [4, 4, "Red"],
      [4, 5, "Red"],
      [5, 5, "Red"],
    ];
    const a = analyse(register(even, { title: false, owner: false }).rows);
    expect(a.tables.filter(isRiskReport)[0]?.bands.source).toBe("default");
  });
});

/**
 * Generated registers banded consistently, with k wrong ratings planted where the ratings tell
 * them apart: at a score the register rates rightly more often than wrongly, and fewer than a
 * quarter of the rows. Exactly the planted ratings are reported.
 */
const BANDINGS: { from: number; label: string }[][] = [
  [
    { from: 1, label: "Low" },
    { from: 5, label: "Medium" },
    { from: 12, label: "High" },
  ],
  [
    { from: 1, label: "Green" },
    { from: 4, label: "Amber" },
    { from: 15, label: "Red" },
  ],
  [
    { from: 1, label: "Low" },
    { from: 5, label: "Medium" },
    { from: 10, label: "High" },
    { from: 20, label: "Very high" },
  ],
];

const labelOf = (banding: (typeof BANDINGS)[number], score: number) =>
  banding.filter((b) => score >= b.from).pop()?.label ?? "";

describe("generated registers with a few planted wrong ratings", () => {
  it("finds exactly the planted ones, by the register's own bands", () => {
    const pairs = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
      { minLength: 16, maxLength: 40 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...BANDINGS.keys()),
        pairs,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
        fc.boolean(),
        (which, lis, picks, title) => {
          const banding = BANDINGS[which] ?? [];
          const rows: Row[] = lis.map(([l, i]) => [l, i, labelOf(banding, l * i)]);
          // Every label rated rightly at least once.
          const rated = new Set(rows.map((r) => r[2]));
          fc.pre(banding.every((b) => rated.has(b.label)));
          const planted = new Set<number>();
          const count = (score: number, wrong: boolean) =>
            rows.filter((r, k) => r[0] * r[1] === score && planted.has(k) === wrong).length;
          for (const [at, other] of picks) {
            const k = at % rows.length;
            const row = rows[k];
            if (!row || planted.has(k) || (planted.size + 1) * 4 >= rows.length) continue;
            const score = row[0] * row[1];
            // Rated rightly more often than wrongly at its score, once this one is planted.
            if (count(score, false) - 1 <= count(score, true) + 1) continue;
            const labels = banding.map((b) => b.label).filter((l) => l !== row[2]);
            row[2] = labels[other % labels.length] ?? row[2];
            planted.add(k);
          }
          fc.pre(new Set(rows.map((r) => r[2])).size === banding.length);
          const { rows: grid, first } = register(rows, { title, owner: false });
          const a = analyse(grid);
          const expected = [...planted]
            .sort((x, y) => x - y)
            .map((k) => ["priority-mismatch", cellAddress(first + k, 5)]);
          expect(a.findings.map((f) => [f.code, f.cell])).toEqual(expected);
          expect(a.tables.filter(isRiskReport)[0]?.bands.source).toBe("ratings");
        },
      ),
      { numRuns: 150 },
    );
  });
});
