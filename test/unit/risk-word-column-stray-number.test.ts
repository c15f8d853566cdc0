import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A likelihood column of the council's own words on a 1–4 key with one stray number (trial t12d,
 * Wexley): the column is still a word column, since most of its filled cells are the scale's
 * words; the number is read as a number on its own cell (5 is out of range, 3 is a 3).
 */
const KEY: CellValue[][] = [
  ["Likelihood: 1 = Very unlikely, 2 = Unlikely, 3 = Likely, 4 = Very likely"],
  ["Risk rating: 1-2 Low, 3-4 Medium, 6-9 High, 12-16 Extreme"],
];

function register(stray: CellValue): CellValue[][] {
  return [
    ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"],
    ["R1", "Missed collections", "Likely", 4, null, null],
    ["R2", "Fleet breakdowns", "Unlikely", 3, null, null],
    ["R3", "Tree failure", stray, 2, null, null],
    ["R4", "Play area lapses", "Very unlikely", 4, null, null],
    ["R5", "Burial capacity", "Very likely", 3, null, null],
  ];
}

const analysed = (stray: CellValue) =>
  analyseWorkbook(workbook(sheet("Risks", register(stray)), sheet("Key", KEY)), {
    asOf: TODAY,
  });
const findings = (a: Analysis) =>
  a.findings.filter((f) => f.severity !== "info").map((f) => [f.code, f.cell, f.message]);
const writes = (a: Analysis) =>
  (a.plan.operations.filter((o) => o.kind === "column") as ColumnWrite[]).map((o) => [
    o.column,
    o.cells.map((c) => [c.row + 1, c.value]),
  ]);

describe("a word likelihood column with a stray number", () => {
  it("5 on the 1–4 scale is its one finding; the words are read through the key", () => {
    const a = analysed(5);
    expect(findings(a)).toEqual([["out-of-range", "C4", "Likelihood 5 is outside the 1–4 scale"]]);
    // Likely (3) × 4, Unlikely (2) × 3, Very unlikely (1) × 4, Very likely (4) × 3; the 5's row
    // is left as it is.
    expect(writes(a)).toEqual([
      [
        4,
        [
          [2, 12],
          [3, 6],
          [5, 4],
          [6, 12],
        ],
      ],
      [
        5,
        [
          [2, "Extreme"],
          [3, "High"],
          [5, "Medium"],
          [6, "Extreme"],
        ],
      ],
    ]);
  });

  it("a number in range among the words is used as that number", () => {
    const a = analysed(3);
    expect(findings(a)).toEqual([]);
    expect(writes(a)).toEqual([
      [
        4,
        [
          [2, 12],
          [3, 6],
          [4, 6],
          [5, 4],
          [6, 12],
        ],
      ],
      [
        5,
        [
          [2, "Extreme"],
          [3, "High"],
          [4, "High"],
          [5, "Medium"],
          [6, "Extreme"],
        ],
      ],
    ]);
  });
});
