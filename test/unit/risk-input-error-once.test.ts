import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite, WriteOperation } from "../../src/core/plan";
import type { Cell, CellValue } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * One fault, one finding (issue 12, trial w4a): a likelihood off the council's word list makes
 * the council's MATCH score formula give #N/A. The input is the fault; the #N/A is said on its
 * finding, never as a second finding on the score cell. A score formula that errs for a reason of
 * its own is still its own finding.
 */
const WORDS = `{"Low","Medium","High"}`;
const match = (row: number) => `=MATCH(B${row},${WORDS},0)*MATCH(C${row},${WORDS},0)`;
const NA: (row: number) => Cell = (row) => ({ value: null, formula: match(row), error: "#N/A" });

function register(third: [CellValue, CellValue, Cell]): (CellValue | Cell)[][] {
  return [
    ["Ref", "Likelihood", "Impact", "Score", "Rating"],
    ["H1", "High", "High", f(match(2), 9), "High"],
    ["H2", "Low", "Medium", f(match(3), 2), "Low"],
    ["H3", ...third, "High"],
    ["H4", "Medium", "Medium", f(match(5), 4), "Medium"],
    [],
    [],
    ["Risk level key"],
    [null, "1-2 Low", "3-4 Medium", "6-9 High"],
  ];
}
const analysed = (rows: (CellValue | Cell)[][]) =>
  analyseWorkbook(workbook(sheet("Risks", rows)), { asOf: TODAY });
const errors = (a: ReturnType<typeof analysed>) =>
  a.findings.filter((x) => x.severity === "error").map((x) => [x.code, x.cell, x.message]);
const written = (ops: readonly WriteOperation[]) =>
  Object.fromEntries(
    ops
      .filter((o): o is ColumnWrite => o.kind === "column")
      .map((o) => [
        String.fromCharCode(65 + o.column),
        o.cells.map((c) => [c.row + 1, c.value] as [number, CellValue]),
      ]),
  );

describe("an invalid rating under the council's score formula", () => {
  it('"Very high" off the word list: one not-a-number, the #N/A said on it', () => {
    const a = analysed(register(["Very high", "High", NA(4)]));
    expect(errors(a)).toEqual([
      [
        "not-a-number",
        "B4",
        `Likelihood "Very high" is not one of the scale's words (Low, Medium, High); the score formula at D4 gives #N/A from it`,
      ],
    ]);
    // The council's formulas are right where their inputs are: nothing of theirs is rewritten, and
    // the ratings of the rated rows are claimed as they stand.
    const out = written(a.plan.operations);
    expect(out.D ?? []).toEqual([]);
    expect(out.E).toEqual([
      [2, "High"],
      [3, "Low"],
      [5, "Medium"],
    ]);
  });

  it("a blank impact: one missing-value, the #N/A said on it", () => {
    const a = analysed(register(["High", null, NA(4)]));
    expect(errors(a)).toEqual([
      ["missing-value", "C4", "Impact is blank; the score formula at D4 gives #N/A from it"],
    ]);
  });

  it("a score formula erring on a cell that is no input is its own finding", () => {
    const own: Cell = { value: null, formula: '=MATCH(B4,{"Low"},0)*Z99', error: "#VALUE!" };
    const a = analysed(register(["High", "High", own]));
    expect(errors(a).map(([code, cell]) => `${code}@${cell}`)).toEqual(["score-mismatch@D4"]);
  });

  it("an invalid rating the score does not read leaves the score's own error its own", () => {
    const reads = (row: number): Cell => ({
      value: null,
      formula: `=MATCH(C${row},${WORDS},0)*#REF!`,
      error: "#REF!",
    });
    const a = analysed(register(["Very high", "High", reads(4)]));
    expect(errors(a).map(([code, cell]) => `${code}@${cell}`)).toEqual([
      "not-a-number@B4",
      "score-mismatch@D4",
    ]);
  });
});
