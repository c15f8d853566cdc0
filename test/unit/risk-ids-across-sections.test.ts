import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A register split into sections by a heading per project, numbered on across the sections
 * (P1 … P9). A reference the second section reuses from the first is a duplicate, as one reused
 * within a section is. A section that numbers afresh (R1, R2 … again) is a register of its own.
 */
const HEADER: CellValue[] = ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"];
const row = (id: string, l: number, i: number): CellValue[] => {
  const score = l * i;
  return [id, `Risk ${id}`, l, i, score, score <= 4 ? "Low" : score <= 12 ? "Medium" : "High"];
};
const sections = (first: string[], second: string[], secondHeader = HEADER): CellValue[][] => [
  ["Section 1 - Depot project"],
  HEADER,
  ...first.map((id, k) => row(id, (k % 5) + 1, 2)),
  [],
  ["Section 2 - Town hall"],
  secondHeader,
  ...second.map((id, k) => row(id, 3, (k % 5) + 1)),
];

const check = (rows: CellValue[][]) => {
  const a = analyseWorkbook(workbook(sheet("Risks", rows)), { asOf: TODAY });
  expect(a.tables.filter(isRiskReport)).toHaveLength(2);
  return a.findings.map((f) => [f.code, f.cell, f.message]);
};

describe("a reference reused across the sections of one sheet's register", () => {
  it("is a duplicate, on the later use, naming the first", () => {
    // P3 is row 5; the second section's third risk (row 12) reuses it.
    expect(check(sections(["P1", "P2", "P3", "P4"], ["P5", "P6", "P3", "P7"]))).toEqual([
      ["duplicate-id", "A12", "Id P3 is also used at A5"],
    ]);
  });

  it("reused twice in the later section: both uses name the first section's row", () => {
    expect(check(sections(["P1", "P2", "P3", "P4"], ["P5", "P3", "P6", "p3", "P7"]))).toEqual([
      ["duplicate-id", "A11", "Id P3 is also used at A5"],
      ["duplicate-id", "A13", "Id p3 is also used at A5"],
    ]);
  });

  it("a section numbering afresh is its own register: no duplicates", () => {
    expect(check(sections(["R1", "R2", "R3"], ["R1", "R2", "R3", "R4"]))).toEqual([]);
  });

  it("registers under other header words share no references", () => {
    const other: CellValue[] = ["Ref", "Hazard", "Likelihood", "Impact", "Score", "Priority"];
    expect(check(sections(["P1", "P2", "P3", "P4"], ["P5", "P6", "P3", "P7"], other))).toEqual([]);
  });
});
