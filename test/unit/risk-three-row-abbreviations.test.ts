import { analyseWorkbook, isRiskReport, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { Cell } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A register whose header is three rows: "Gross / Net / Target risk" merged over abbreviated
 * sub-headers (L | I | L x I, P | I | P x I, L | I | Score) and a third row of scale notes
 * ("(1-4)", "score"), with Ref, Risk and Net rating merged down over all three. The third row is
 * the header's notes, never data: the register is read as with full words or with two rows.
 */
type Entry = Cell | string | number | null;

function register(sub: [string, string, string], notes: [string, string, string]) {
  const groups = (label: string) => [label, null, null];
  const rows: Entry[][] = [
    ["Ref", "Risk", ...groups("Gross risk"), null, ...groups("Net risk"), null],
  ];
  rows[0]!.push(...groups("Target risk"), "Net rating");
  rows.push([null, null, ...sub, null, ...sub, null, ...sub]);
  rows.push([null, null, ...notes, null, ...notes, null, ...notes]);
  const lines: [string, [number, number, number, number, number, number], string][] = [
    ["R1", [3, 4, 2, 4, 1, 4], "High"],
    ["R2", [4, 3, 3, 4, 2, 3], "Very high"],
    ["R3", [2, 2, 1, 2, 1, 1], "Medium"], // planted: net 1 x 2 = 2 is Low
    ["R4", [4, 4, 5, 3, 3, 3], "Very high"], // planted: net likelihood 5 on the 1-4 scale
    ["R2", [2, 3, 2, 2, 1, 2], "Medium"], // planted: R2 again
  ];
  lines.forEach(([ref, [gl, gi, nl, ni, tl, ti], rating], k) => {
    const r = k + 4;
    rows.push([
      ref,
      `Risk ${k + 1}`,
      gl,
      gi,
      f(`=C${r}*D${r}`, gl * gi),
      null,
      nl,
      ni,
      f(`=G${r}*H${r}`, nl * ni),
      null,
      tl,
      ti,
      f(`=K${r}*L${r}`, tl * ti),
      rating,
    ]);
  });
  rows[4]![8] = 9; // planted: typed 9 where 3 x 4 = 12
  rows.push([], ["Rating: 1-3 Low | 4-6 Medium | 8-9 High | 12-16 Very high"]);
  const merges = ["A1:A3", "B1:B3", "C1:E1", "G1:I1", "K1:M1", "N1:N3"];
  return sheet("Risk register", rows, { merges });
}

const analyse = (...args: Parameters<typeof register>): Analysis =>
  analyseWorkbook(workbook(register(...args)), { asOf: TODAY });

const headers: [string, string, string][] = [
  ["L", "I", "L x I"],
  ["L", "I", "LxI"],
  ["P", "I", "P x I"],
  ["L", "I", "Score"],
  ["Likelihood", "Impact", "Score"],
];
const notes: [string, string, string][] = [
  ["(1-4)", "(1-4)", "score"],
  ["1 to 4", "1 to 4", "(1-16)"],
];
const cases = headers.flatMap((h) =>
  notes.map((n) => [h.join(" | "), n.join(" | "), h, n] as const),
);

describe("risk register: abbreviated sub-headers in a three-row header block", () => {
  it.each(cases)("reads %s over %s as one register of three pairs", (_h, _n, sub, note) => {
    const a = analyse(sub, note);
    const risks = a.tables.filter(isRiskReport);
    expect(a.tables).toHaveLength(1);
    expect(risks[0]).toMatchObject({
      range: "A1:N8",
      headerRows: [1, 2, 3],
      pairs: ["inherent", "residual", "target"],
      scale: 4,
      scaleSource: "key",
    });
    expect(risks[0]?.columns).toMatchObject({
      id: "A",
      title: "B",
      inherentLikelihood: "C",
      inherentImpact: "D",
      inherentScore: "E",
      residualLikelihood: "G",
      residualImpact: "H",
      residualScore: "I",
      targetLikelihood: "K",
      targetImpact: "L",
      targetScore: "M",
      residualPriority: "N",
    });
  });

  it.each(cases)("finds the planted errors in %s over %s, and only them", (_h, _n, sub, note) => {
    const a = analyse(sub, note);
    expect(
      a.findings.filter((x) => x.code !== "layout-not-found").map((x) => [x.code, x.cell]),
    ).toEqual([
      ["score-mismatch", "I5"],
      ["priority-mismatch", "N6"],
      ["out-of-range", "G7"],
      ["duplicate-id", "A8"],
    ]);
  });

  it.each(cases)("writes the score and rating columns of %s over %s", (_h, _n, sub, note) => {
    const a = analyse(sub, note);
    const writes = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    const band = (s: string) =>
      `=IF(ISNUMBER(${s}),IF(${s}>=12,"Very high",IF(${s}>=8,"High",IF(${s}>=4,"Medium",IF(${s}>=1,"Low","")))),"")`;
    // The council's own columns keep their right formulas; the typed wrong score is rewritten,
    // the typed ratings become the band formula (row 7's score is off the scale: left alone),
    // and the missing gross and target ratings are added after the register.
    expect(writes.map((w) => [w.column, w.title, w.header?.text ?? null])).toEqual([
      [14, "Inherent priority", "Inherent priority"],
      [8, "Residual score", null],
      [13, "Residual priority", null],
      [15, "Target priority", "Target priority"],
    ]);
    const cells = (k: number) => writes[k]!.cells.map((c) => [c.row + 1, c.formula, c.value]);
    expect(cells(1)).toEqual([[5, '=IF(COUNT(G5,H5)=2,G5*H5,"")', 12]]);
    expect(cells(2)).toEqual([
      [4, band("I4"), "High"],
      [5, band("I5"), "Very high"],
      [6, band("I6"), "Low"],
      [8, band("I8"), "Medium"],
    ]);
    expect(cells(0).map(([row, , value]) => [row, value])).toEqual([
      [4, "Very high"],
      [5, "Very high"],
      [6, "Medium"],
      [7, "Very high"],
      [8, "Medium"],
    ]);
  });
});
