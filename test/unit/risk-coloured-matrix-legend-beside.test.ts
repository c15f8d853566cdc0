import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import { cellAddress } from "../../src/core/a1";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A coloured score matrix with word axes (Rare … Almost certain down, Insignificant … Catastrophic
 * across) on its own sheet, its legend of coloured labels in a column beside the grid: right or
 * left, adjacent or one column apart. The axis words are no legend; the legend names the colours.
 */
const BANDS: [number, number, string, string][] = [
  [1, 3, "Low", "#92d050"],
  [4, 6, "Medium", "#ffc000"],
  [8, 12, "High", "#ff0000"],
  [15, 25, "Very high", "#7030a0"],
];
const LIKELIHOOD = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
const IMPACT = ["Insignificant", "Minor", "Moderate", "Major", "Catastrophic"];
const colourOf = (score: number) => BANDS.find(([lo, hi]) => score >= lo && score <= hi)?.[3];

/** Likelihood words down column C (rows 3-7), scores in D3:H7, impact words in row 8. */
function matrixSheet(legendColumn: number) {
  const rows: CellValue[][] = [["Risk scoring matrix"], []];
  const fills: Record<string, string> = {};
  for (let k = 0; k < 5; k++) {
    const l = 5 - k;
    const line: CellValue[] = [null, null, LIKELIHOOD[l - 1]!];
    for (let i = 1; i <= 5; i++) {
      line.push(l * i);
      fills[cellAddress(2 + k, 2 + i)] = colourOf(l * i)!;
    }
    rows.push(line);
  }
  rows.push([null, null, null, ...IMPACT]);
  BANDS.forEach(([, , label, fill], n) => {
    const line = rows[2 + n]!;
    while (line.length <= legendColumn) line.push(null);
    line[legendColumn] = label;
    fills[cellAddress(2 + n, legendColumn)] = fill;
  });
  return { ...sheet("Scoring Matrix", rows), keyFills: fills };
}

const REGISTER: CellValue[][] = [
  ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"],
  ["R1", "Flood", 2, 5, 10, "High"],
  // Planted: 3 is Low on the legend's bands.
  ["R2", "Fire", 1, 3, 3, "Medium"],
  ["R3", "Theft", 4, 5, 20, "Very high"],
  ["R4", "Strike", 2, 2, 4, "Medium"],
];

describe("a legend beside a coloured word-axis matrix", () => {
  it.each([
    ["right, adjacent", 8],
    ["right, one column apart", 9],
    ["left of the axis words, adjacent", 1],
    ["left of the axis words, one column apart", 0],
  ])("names the colours (%s)", (_where, legendColumn) => {
    const a = analyseWorkbook(
      workbook(sheet("Risk Register", REGISTER), matrixSheet(legendColumn)),
      {
        asOf: TODAY,
      },
    );
    expect(a.tables.filter(isRiskReport)[0]?.bands).toMatchObject({
      source: "workbook",
      at: "Scoring Matrix!D3",
      bands: BANDS.map(([from, to, label]) => ({ from, to, label })),
    });
    expect(a.findings.map((f) => [f.severity, f.code, f.cell, f.message])).toEqual([
      ["error", "priority-mismatch", "F3", 'Priority is "Medium" but score 3 is in band 1-3 Low'],
      [
        "info",
        "layout-not-found",
        "A1",
        '"Scoring Matrix" holds no table to check: it was read as the key for sheet "Risk Register"',
      ],
    ]);
    const priority = (a.plan.operations as ColumnWrite[]).find(
      (o) => o.kind === "column" && o.column === 5,
    );
    expect(priority?.cells.map((c) => c.value)).toEqual(["High", "Low", "Very high", "Medium"]);
  });
});
