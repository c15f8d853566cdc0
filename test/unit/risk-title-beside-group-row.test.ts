import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A register whose header block is three rows ("Before controls" / "After controls" merged over
 * Likelihood | Impact | Score, then a units row) with a key matrix of figures beside it, one blank
 * column away, titled in the group-label row. The title is no column of the register: the table
 * keeps its Ref and description, both pairs, and reports exactly the planted errors.
 */
function register(title: string | null, mergedDown = false): ReturnType<typeof sheet> {
  const rows: CellValue[][] = [
    ["Ref", "Risk description", "Before controls", null, null, "After controls", null, null, null],
    [null, null, "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score", "Rating"],
    [null, null, "(1-5)", "(1-5)", "(L x I)", "(1-5)", "(1-5)", "(L x I)", null, "£'000"],
    ["R1", "Care demand", 3, 2, 6, 1, 1, 1, "Low", 25],
    ["R2", "Placements", 3, 5, 15, 3, 3, 9, "Medium", 120],
    // Planted: residual impact 6 on a 1–5 scale.
    ["R3", "Data breach", 4, 4, 16, 4, 6, 4, "Low", 120],
    // Planted: inherent score typed 24 for 5 × 5.
    ["R4", "Supplier failure", 5, 5, 24, 1, 2, 2, "Low", 300],
    ["R5", "Depot flooding", 4, 2, 8, 2, 3, 6, "Medium", 50],
    // Planted: residual 6 is Medium on the default 1–5 bands, not Low. R5's residual 6 is rated
    // Medium, so the register's own ratings contradict each other and give no bands of their own.
    ["R6", "Cyber attack", 4, 5, 20, 2, 3, 6, "Low", 80],
  ];
  rows[0]![9] = "Potential cost";
  if (title) rows[0]![11] = title;
  const matrix = [
    [5, 5, 10, 15, 20, 25],
    [4, 4, 8, 12, 16, 20],
    [3, 3, 6, 9, 12, 15],
    [2, 2, 4, 6, 8, 10],
    [1, 1, 2, 3, 4, 5],
    [null, 1, 2, 3, 4, 5],
  ];
  matrix.forEach((line, k) => line.forEach((v, j) => (rows[k + 1]![11 + j] = v)));
  const merges = ["C1:E1", "F1:I1", ...(mergedDown ? ["A1:A2", "B1:B2", "J1:J2"] : [])];
  return sheet("Directorate Register", rows, { merges });
}

describe("register with a titled key matrix beside its group-label row", () => {
  it.each([
    ["titled", "Risk matrix (Likelihood down, Impact across)"],
    ["short title", "Matrix"],
    ["untitled", null],
    ["titled, Ref and description merged down", "Risk matrix", true],
  ])(
    "reads the whole register and only the planted errors (%s)",
    (_name, title, mergedDown = false) => {
      const a = analyseWorkbook(workbook(register(title, mergedDown)), { asOf: TODAY });
      const tables = a.tables.filter(isRiskReport);
      expect(tables.map((t) => [t.range, t.headerRows, t.pairs])).toEqual([
        ["A1:J9", [1, 2, 3], ["inherent", "residual"]],
      ]);
      expect(tables[0]?.columns).toMatchObject({ id: "A", title: "B" });
      expect(a.findings.map((x) => [x.code, x.cell])).toEqual([
        ["out-of-range", "G6"],
        ["score-mismatch", "E7"],
        ["priority-mismatch", "I9"],
      ]);
    },
  );
});
