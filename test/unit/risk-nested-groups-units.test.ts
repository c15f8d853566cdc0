import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A header block of three rows of words: "Risk evaluation" merged over all ratings, the pairs'
 * groups ("Before controls" / "After controls", or "Inherent" / "Residual") merged over three
 * columns each, then L | I | L x I; with or without a fourth row of scale notes ("(1-5)"). Each
 * pair is named by its own group under the outer one, and the notes row is header, not a risk.
 */
const groupNames = [
  ["Before controls", "After controls"],
  ["Inherent", "Residual"],
  ["Pre-mitigation", "Post-mitigation"],
] as const;

function register(before: string, after: string, units: boolean) {
  const rows: CellValue[][] = [
    ["Ref", "Risk", "Risk evaluation", null, null, null, null, null, "Owner"],
    [null, null, before, null, null, after, null, null, null],
    [null, null, "L", "I", "L x I", "L", "I", "L x I", null],
  ];
  if (units) rows.push([null, null, "(1-5)", "(1-5)", null, "(1-5)", "(1-5)", null, null]);
  const risks: [number, number, number, number][] = [
    [4, 3, 3, 3],
    [5, 3, 4, 3],
    [2, 3, 1, 3],
    [5, 4, 4, 4],
  ];
  risks.forEach(([l, i, rl, ri], k) =>
    rows.push([k + 1, `Risk ${k + 1}`, l, i, l * i, rl, ri, rl * ri, "CEO"]),
  );
  const first = rows.length - risks.length;
  rows[first + 3]![7] = 17; // planted: residual 4 x 4 typed as 17
  rows.push([], ["Key: 1-4 Low, 5-12 Medium, 15-25 High"]);
  const merges = ["A1:A3", "B1:B3", "C1:H1", "C2:E2", "F2:H2", "I1:I3"];
  return sheet("Register", rows, { merges });
}

const cases = groupNames.flatMap(([b, a]) =>
  [false, true].map(
    (units) => [`${b} / ${a}${units ? " with units row" : ""}`, b, a, units] as const,
  ),
);

describe("risk register under nested group labels, with a units row", () => {
  it.each(cases)("reads both pairs and only the planted error (%s)", (_name, b, a, units) => {
    const analysis = analyseWorkbook(workbook(register(b, a, units)), { asOf: TODAY });
    const risks = analysis.tables.filter(isRiskReport);
    expect(risks).toHaveLength(1);
    const last = units ? 8 : 7;
    expect(risks[0]).toMatchObject({
      range: `A1:I${last}`,
      headerRows: units ? [1, 2, 3, 4] : [1, 2, 3],
      pairs: ["inherent", "residual"],
    });
    expect(risks[0]?.columns).toMatchObject({
      inherentLikelihood: "C",
      inherentImpact: "D",
      inherentScore: "E",
      residualLikelihood: "F",
      residualImpact: "G",
      residualScore: "H",
    });
    expect(analysis.findings.map((x) => [x.code, x.cell, x.expected, x.actual])).toEqual([
      ["score-mismatch", `H${last}`, 16, 17],
    ]);
  });

  it.each(cases)("writes each pair's score on the risk rows only (%s)", (_name, b, a, units) => {
    const analysis = analyseWorkbook(workbook(register(b, a, units)), { asOf: TODAY });
    const writes = analysis.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    const first = units ? 5 : 4;
    const rows = [first, first + 1, first + 2, first + 3];
    const scores = writes.filter((w) => w.column === 4 || w.column === 7);
    expect(scores.map((w) => w.cells.map((c) => [c.row + 1, c.value]))).toEqual([
      [12, 15, 6, 20].map((v, k) => [rows[k], v]),
      [9, 12, 3, 16].map((v, k) => [rows[k], v]),
    ]);
    // No write reaches into the header block.
    for (const w of writes)
      for (const c of w.cells) expect(c.row + 1).toBeGreaterThanOrEqual(first);
  });
});
