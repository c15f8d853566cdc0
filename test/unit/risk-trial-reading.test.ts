import { analyseWorkbook } from "../../src/core/analyse";
import type { Finding } from "../../src/core/findings";
import type { ColumnWrite } from "../../src/core/plan";
import { sheet, TODAY, workbook } from "../helpers/builders";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";

/**
 * Registers laid out as councils lay them out, each built here with one trait of the new-user
 * trial (issue 12): group labels naming the before/after pair in other words, keys as small
 * tables or lines under the table, three-point word scales, ratings off the scale.
 */
const analyse = (...sheets: SheetSnapshot[]) =>
  analyseWorkbook(workbook(...sheets), { asOf: TODAY });
const brief = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);
/** What apply writes: "column letter → [Excel row, value]" for every written column. */
const written = (ops: readonly unknown[]) =>
  Object.fromEntries(
    (ops as ColumnWrite[])
      .filter((o) => o.kind === "column")
      .map((o) => [
        String.fromCharCode(65 + o.column),
        o.cells.map((c) => [c.row + 1, c.value] as [number, CellValue]),
      ]),
  );

describe("group labels that name the before/after pair in other words", () => {
  const KEY = "Rating: 1-4 Low | 5-9 Medium | 10-16 High | 20-25 Very high";
  const groups: [string, string, string, string][] = [
    ["Before controls", "After controls", "inherent", "residual"],
    ["Pre-mitigation", "Post-mitigation", "inherent", "residual"],
    ["Gross", "Net", "inherent", "residual"],
    ["Untreated", "Treated", "inherent", "residual"],
    ["Current", "Target", "current", "target"],
    ["Without controls", "With existing controls", "inherent", "residual"],
  ];
  it.each(groups)(
    "%s / %s are two pairs, each rating checked against its own score",
    (a, b, p, q) => {
      const rows: CellValue[][] = [
        ["Ref", a, null, null, b, null, null, null],
        [null, "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score", "Rating"],
        ["R1", 5, 4, 20, 2, 2, 4, "Low"],
        ["R2", 4, 4, 16, 3, 1, 3, "Low"],
        ["R3", 4, 3, 12, 3, 2, 6, "Low"],
        [],
        [KEY],
      ];
      const a1 = analyse(sheet("Risks", rows, { merges: ["A1:A2", "B1:D1", "E1:H1"] }));
      // Only R3's after-controls rating is wrong: 3 × 2 = 6 is Medium.
      expect(brief(a1.findings)).toEqual(["priority-mismatch@Risks!H5"]);
      expect(a1.findings[0]).toMatchObject({ expected: "Medium", actual: "Low" });
      expect(a1.tables[0]).toMatchObject({ pairs: [p, q] });
      const out = written(a1.plan.operations);
      expect(out.H).toEqual([
        [3, "Low"],
        [4, "Low"],
        [5, "Medium"],
      ]);
      expect(out.D?.map(([, v]) => v)).toEqual([20, 16, 12]);
    },
  );
});

describe("a rating off the scale", () => {
  it("is reported, and its row's score and priority are neither checked nor rewritten", () => {
    const rows: CellValue[][] = [
      ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"],
      ["R1", "A", 2, 3, 6, "Medium"],
      ["R2", "B", 6, 4, 24, "Very high"],
      ["R3", "C", 1, 0, 0, "Low"],
      [],
      ["Rating: 1-4 Low | 5-9 Medium | 10-16 High | 20-25 Very high"],
    ];
    const a = analyse(sheet("Risks", rows));
    expect(a.findings.map((f) => [f.cell, f.code, f.message])).toEqual([
      ["C3", "out-of-range", "Likelihood 6 is outside the 1–5 scale"],
      ["D4", "out-of-range", "Impact 0 is outside the 1–5 scale"],
    ]);
    const out = written(a.plan.operations);
    expect(out.E).toEqual([[2, 6]]);
    expect(out.F).toEqual([[2, "Medium"]]);
  });
});

describe("three-point word scales", () => {
  const header = ["ID", "Risk", "Likelihood", "Impact", "Rating"];
  const risks: CellValue[][] = [
    ["R1", "a", "High", "High", "Red"],
    ["R2", "b", "Low", "Medium", "Green"],
    ["R3", "c", "Medium", "Severe", "Amber"],
    ["R4", "d", "Medium", "Low", "Green"],
    ["R5", "e", "Medium", "High", "Green"],
  ];
  it("reads Low/Medium/High as 1–3, one unknown word is one finding on its cell", () => {
    const a = analyse(sheet("Risks", [header, ...risks]));
    expect(a.findings.map((f) => [f.cell, f.code, f.message])).toEqual([
      ["D4", "not-a-number", 'Impact "Severe" is not a number on the 1–3 scale'],
      ["E6", "priority-mismatch", 'Priority is "Green" but score 6 is in band 6-9 Red'],
    ]);
    // No key: a 3×3's default bands, said to be defaults, in the register's own RAG words.
    expect(a.tables[0]).toMatchObject({
      scale: 3,
      scaleSource: "words",
      bands: {
        source: "default",
        bands: [
          { from: 1, to: 2, label: "Green" },
          { from: 3, to: 4, label: "Amber" },
          { from: 6, to: 9, label: "Red" },
        ],
      },
    });
    const out = written(a.plan.operations);
    // The new score column (F) and the ratings: High × High = 9 is Red; R3 is left as it was.
    expect(out.F).toEqual([
      [2, 9],
      [3, 2],
      [5, 2],
      [6, 6],
    ]);
    expect(out.E).toEqual([
      [2, "Red"],
      [3, "Green"],
      [5, "Green"],
      [6, "Red"],
    ]);
  });

  it("with Low/Medium/High ratings, the default 3×3 bands keep those words", () => {
    const lmh = risks.map((r) => [
      ...r.slice(0, 4),
      { Red: "High", Amber: "Medium", Green: "Low" }[r[4] as string],
    ]);
    const a = analyse(sheet("Risks", [header, ...lmh]));
    expect(brief(a.findings)).toEqual(["not-a-number@Risks!D4", "priority-mismatch@Risks!E6"]);
    expect(a.findings[1]?.message).toBe('Priority is "Low" but score 6 is in band 6-9 High');
  });
});
