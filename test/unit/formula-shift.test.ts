import { isFilledDown, shiftFormula, shiftRows } from "../../src/core/formula-shift";

describe("shiftRows", () => {
  it.each([
    ['=IF(COUNT(B6,C6)=2,B6*C6,"")', 3, '=IF(COUNT(B9,C9)=2,B9*C9,"")'],
    ["=SUM(D5:D11)-$G$4+G$4+$G4", 1, "=SUM(D6:D12)-$G$4+G$4+$G5"],
    ["='Appendix 2'!D5+'It''s 2'!A1", 2, "='Appendix 2'!D7+'It''s 2'!A3"],
    ['=IF(D6>=8,"High B2",LOG10(D6))', 1, '=IF(D7>=8,"High B2",LOG10(D7))'],
  ])("%s moved %i rows is %s", (formula, by, expected) => {
    expect(shiftRows(formula, by)).toBe(expected);
  });

  it("recognises a column filled down", () => {
    const rows = [5, 6, 7].map((r) => ({ row: r, formula: `=B${r + 1}*C${r + 1}` }));
    expect(isFilledDown(rows)).toBe(true);
    expect(isFilledDown([...rows, { row: 8, formula: "=B9*C10" }])).toBe(false);
  });
});

describe("shiftFormula (shared formulas across rows and columns)", () => {
  it.each([
    ["B3*C3", 2, 1, "C5*D5"],
    ["SUM($B$3:B3)", 1, 1, "SUM($B$3:C4)"],
    ["$B3+B$3", 1, 2, "$B4+D$3"],
    ['IF(A1>0,"B2 stays","")', 1, 0, 'IF(A2>0,"B2 stays","")'],
    ["'Q1 2025'!A1+LOG10(A1)", 1, 0, "'Q1 2025'!A2+LOG10(A2)"],
    ["AB1!C3", 1, 0, "AB1!C4"],
  ])("%s moved by %i rows and %i columns is %s", (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });
});
