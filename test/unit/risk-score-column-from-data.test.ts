import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { Finding } from "../../src/core/findings";
import type { ColumnWrite } from "../../src/core/plan";
import { sheet, TODAY, workbook } from "../helpers/builders";
import type { CellValue } from "../../src/core/snapshot";

/**
 * A register's own score column under a heading the score synonyms do not hold ("Overall",
 * "Exposure"): read as the score when its numbers are likelihood × impact on most lines, checked
 * like any score, and never doubled by a Score column apply would add beside it.
 */
const brief = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.cell}`);
const columnWrites = (ops: readonly unknown[]) =>
  (ops as ColumnWrite[]).filter((o) => o.kind === "column");

/** Likelihood C, impact D, the heading under test over E; E4 is wrong (3 × 1 = 3, not 4). */
function register(heading: string, scores: CellValue[] = [6, 2, 4, 9, 1]) {
  return sheet("Risks", [
    ["Ref", "Risk", "Likelihood", "Impact", heading, "Owner"],
    ["R1", "Recruitment", 2, 3, scores[0], "CEO"],
    ["R2", "Supplier", 1, 2, scores[1], "CFO"],
    ["R3", "Data breach", 3, 1, scores[2], "SIRO"],
    ["R4", "Depot", 3, 3, scores[3], "CEO"],
    ["R5", "ICT", 1, 1, scores[4], "CIO"],
  ]);
}

describe("a score column the header does not name as one", () => {
  it.each(["Overall", "Overall rating", "Overall risk", "Exposure", "Risk factor"])(
    '"%s" of numbers that are L × I on most lines is the score',
    (heading) => {
      const a = analyseWorkbook(workbook(register(heading)), { asOf: TODAY });
      expect(a.tables.filter(isRiskReport)[0]?.columns).toMatchObject({ score: "E" });
      expect(brief(a.findings)).toEqual(["score-mismatch@E4"]);
      expect(a.findings[0]).toMatchObject({ expected: 3, actual: 4 });
      const writes = columnWrites(a.plan.operations);
      // The score is written in E, in place; only the missing priority is a new column (G).
      expect(writes.map((w) => [w.column, w.header?.text ?? null])).toEqual([
        [4, null],
        [6, "Priority"],
      ]);
      expect(writes[0]?.cells.map((c) => c.value)).toEqual([6, 2, 3, 9, 1]);
      // No key, data up to 3: the 1–4 defaults (1-2 Low, 3-6 Medium, 8-16 High).
      expect(writes[1]?.cells.map((c) => c.value)).toEqual([
        "Medium",
        "Low",
        "Medium",
        "High",
        "Low",
      ]);
    },
  );

  it("is not a column of other figures: a Score column is added beside it", () => {
    const a = analyseWorkbook(workbook(register("Cost £k", [120, 45, 300, 80, 15])), {
      asOf: TODAY,
    });
    expect(a.tables.filter(isRiskReport)[0]?.columns).not.toHaveProperty("score");
    expect(a.findings).toEqual([]);
    const writes = columnWrites(a.plan.operations);
    expect(writes.map((w) => [w.column, w.header?.text ?? null])).toEqual([
      [6, "Score"],
      [7, "Priority"],
    ]);
    expect(writes[0]?.cells.map((c) => c.value)).toEqual([6, 2, 3, 9, 1]);
  });

  it("needs most lines: two agreeing lines of five are no score", () => {
    const a = analyseWorkbook(workbook(register("Exposure", [6, 2, 7, 7, 7])), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport)[0]?.columns).not.toHaveProperty("score");
  });

  it('"Overall" of numbers mostly wrong is still the score: one warning, nothing written over it', () => {
    const a = analyseWorkbook(workbook(register("Overall", [7, 5, 4, 10, 2])), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport)[0]?.columns).toMatchObject({ score: "E" });
    expect(a.findings.map((f) => [f.severity, f.code, f.cell])).toEqual([
      ["warning", "score-mismatch", "E1"],
    ]);
    const writes = columnWrites(a.plan.operations);
    // No second score column; E stays as the council wrote it.
    expect(writes.map((w) => w.column)).toEqual([6]);
  });
});
