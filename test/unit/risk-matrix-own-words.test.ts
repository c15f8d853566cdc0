import { analyseWorkbook, isRiskReport, type Analysis } from "../../src/core/analyse";
import { cellAddress } from "../../src/core/a1";
import type { ColumnWrite } from "../../src/core/plan";
import { keyCells } from "../../src/core/risk/legend";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A coloured risk matrix whose axes are labelled in the sheet's own words, no standard scale's
 * ("Remote … Highly probable", "Negligible … Critical"): the axis order gives each word its number,
 * and those are the register's likelihood and impact words' numbers — whichever way round the
 * matrix puts them, beside the register, below it or on a sheet of its own.
 */
const LIKELIHOOD = ["Remote", "Unlikely", "Possible", "Probable", "Highly probable"];
const IMPACT = ["Negligible", "Minor", "Significant", "Serious", "Critical"];
const GREEN = "#92d050";
const AMBER = "#ffc000";
const RED = "#ff0000";
const BANDS: [number, number, string, string][] = [
  [1, 4, "Low", GREEN],
  [5, 12, "Medium", AMBER],
  [15, 25, "High", RED],
];
const colourOf = (score: number) => BANDS.find(([lo, hi]) => score >= lo && score <= hi)?.[3];

/**
 * Planted: R1's score typed 15 where Probable (4) × Serious (4) = 16, and R3's priority "High"
 * where Possible (3) × Significant (3) = 9 is Medium.
 */
const REGISTER: CellValue[][] = [
  ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"],
  ["R1", "Flood", "Probable", "Serious", 15, null],
  ["R2", "Cyber attack", "Remote", "Critical", null, null],
  ["R3", "Staff turnover", "Possible", "Significant", null, "High"],
  ["R4", "Budget gap", "Highly probable", "Minor", null, null],
];

/**
 * A 5×5 matrix from (top, col): its down axis's words in column `col` (5 at the top), the across
 * axis's words in the row under the grid, every cell the product, coloured by band; a legend of
 * the three labels, coloured, two rows under it.
 */
function withMatrix(
  rows: CellValue[][],
  top: number,
  col: number,
  down: string[],
  across: string[],
): { rows: CellValue[][]; fills: Record<string, string> } {
  const out = rows.map((r) => [...r]);
  const fills: Record<string, string> = {};
  const put = (r: number, c: number, v: CellValue) => {
    while (out.length <= r) out.push([]);
    const row = out[r] as CellValue[];
    while (row.length <= c) row.push(null);
    row[c] = v;
  };
  for (let k = 0; k < 5; k++) {
    const d = 5 - k;
    put(top + k, col, down[d - 1] ?? null);
    for (let a = 1; a <= 5; a++) {
      put(top + k, col + a, d * a);
      fills[cellAddress(top + k, col + a)] = colourOf(d * a) ?? "";
    }
  }
  across.forEach((word, a) => put(top + 5, col + 1 + a, word));
  BANDS.forEach(([, , label, fill], n) => {
    put(top + 7 + n, col + 1, label);
    fills[cellAddress(top + 7 + n, col + 1)] = fill;
  });
  return { rows: out, fills };
}

const keyed = (name: string, built: { rows: CellValue[][]; fills: Record<string, string> }) => ({
  ...sheet(name, built.rows),
  keyFills: built.fills,
});

const findings = (a: Analysis) =>
  a.findings
    .filter((f) => f.code !== "layout-not-found")
    .map((f) => [f.code, `${f.sheet}!${f.cell}`, f.expected]);
const writes = (a: Analysis) =>
  (a.plan.operations.filter((o) => o.kind === "column") as ColumnWrite[]).map((o) => [
    o.column,
    o.cells.map((c) => [c.row + 1, c.value]),
  ]);

function expectRead(a: Analysis, sheetName: string) {
  const risk = a.tables.filter(isRiskReport);
  expect(risk.map((t) => [t.sheet, t.range])).toEqual([[sheetName, "A1:F5"]]);
  expect(risk[0]?.bands.bands).toEqual(BANDS.map(([from, to, label]) => ({ from, to, label })));
  expect(findings(a)).toEqual([
    ["score-mismatch", `${sheetName}!E2`, 16],
    ["priority-mismatch", `${sheetName}!F4`, "Medium"],
  ]);
  // Remote × Critical = 1 × 5, Possible × Significant = 3 × 3, Highly probable × Minor = 5 × 2.
  expect(writes(a)).toEqual([
    [
      4,
      [
        [2, 16],
        [3, 5],
        [4, 9],
        [5, 10],
      ],
    ],
    [
      5,
      [
        [2, "High"],
        [3, "Medium"],
        [4, "Medium"],
        [5, "Medium"],
      ],
    ],
  ]);
}

describe("a coloured matrix labelled in the sheet's own words numbers the register's words", () => {
  it("beside the register, likelihood down the side", () => {
    const s = keyed("Risks", withMatrix(REGISTER, 1, 7, LIKELIHOOD, IMPACT));
    // The reader is asked for the grid's fills and the legend's.
    expect(keyCells(s)).toEqual(expect.arrayContaining(["I2", "M6", "I9", "I10", "I11"]));
    expectRead(analyseWorkbook(workbook(s), { asOf: TODAY }), "Risks");
  });

  it("beside the register, impact down the side and likelihood along the foot", () => {
    const s = keyed("Risks", withMatrix(REGISTER, 1, 7, IMPACT, LIKELIHOOD));
    expectRead(analyseWorkbook(workbook(s), { asOf: TODAY }), "Risks");
  });

  it("one blank row under the register: the matrix is the key, not risks", () => {
    const s = keyed(
      "Risks",
      withMatrix([...REGISTER, [], ["Risk matrix"]], 7, 1, LIKELIHOOD, IMPACT),
    );
    expectRead(analyseWorkbook(workbook(s), { asOf: TODAY }), "Risks");
  });

  it("on a sheet of its own", () => {
    const matrix = keyed("Matrix", withMatrix([["Risk matrix"]], 2, 0, LIKELIHOOD, IMPACT));
    const a = analyseWorkbook(workbook(sheet("Risks", REGISTER), matrix), { asOf: TODAY });
    expectRead(a, "Risks");
  });
});
