import fc from "fast-check";
import { analyseWorkbook } from "../../src/core/analyse";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { changeRecord, describePlan } from "../../src/core/plan-changes";
import type { ColumnWrite } from "../../src/core/plan";
import {
  priorityFormula,
  priorityFormulaValue,
  scoreFormula,
  scoreFormulaValue,
} from "../../src/core/risk/formulas";
import { sheet, TODAY, workbook } from "../helpers/builders";
import type { CellValue } from "../../src/core/snapshot";

const KEY_ROWS = [
  ["Risk Key:"],
  ["Priority Ratings:", "1-2 Low risk", "3-6 Medium risk", "8-16 High"],
];
const columns = (rows: CellValue[][]) => {
  const snapshot = workbook(sheet("Register", rows));
  const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
  return { snapshot, analysis, ops: analysis.plan.operations };
};

describe("risk formulas", () => {
  it("writes plain A1 formulas with a blank result for incomplete rows", () => {
    const b = (ref: string) => `SUBSTITUTE(SUBSTITUTE(TRIM(${ref}),"[","("),"]",")")`;
    const label = (ref: string) =>
      `IFERROR(VALUE(TRIM(${ref})),IF(ISNUMBER(-LEFT(TRIM(${ref}),1)),` +
      `VALUE(LEFT(TRIM(${ref}),IF(ISNUMBER(-MID(TRIM(${ref}),2,1)),2,1))),` +
      `VALUE(MID(${b(ref)},FIND("(",${b(ref)})+1,FIND(")",${b(ref)})-FIND("(",${b(ref)})-1))))`;
    expect(scoreFormula("B6", "C6", false)).toBe('=IF(COUNT(B6,C6)=2,B6*C6,"")');
    expect(scoreFormula("B6", "C6", true)).toBe(`=IFERROR(${label("B6")}*${label("C6")},"")`);
    const bands = [
      { from: 1, to: 2, label: "Low" },
      { from: 3, to: 6, label: 'Medium "amber"' },
      { from: 8, to: 16, label: "High" },
    ];
    expect(priorityFormula("D6", bands)).toBe(
      '=IF(ISNUMBER(D6),IF(D6>=8,"High",IF(D6>=3,"Medium ""amber""",IF(D6>=1,"Low",""))),"")',
    );
  });

  it("evaluates as the formulas do", () => {
    expect(scoreFormulaValue(2, 3, false)).toBe(6);
    expect(scoreFormulaValue(2, null, false)).toBe("");
    expect(scoreFormulaValue("2", 3, false)).toBe("");
    expect(scoreFormulaValue("3 - Likely", 4, true)).toBe(12);
    expect(scoreFormulaValue("High", 4, true)).toBe("");
    expect(scoreFormulaValue(" 2", "4 - Major", true)).toBe(8);
    expect(scoreFormulaValue("01", 1, true)).toBe(1);
    const bands = [
      { from: 1, to: 2, label: "Low" },
      { from: 8, to: 16, label: "High" },
    ];
    expect(priorityFormulaValue(7, bands)).toBe("Low");
    expect(priorityFormulaValue("", bands)).toBe("");
  });

  it("label-mode value agrees with the leading digit rule for any 1–5 label", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.string(),
        (l, i, words) => {
          const label = `${l} - ${words}`;
          return scoreFormulaValue(label, i, true) === l * i;
        },
      ),
    );
  });
});

describe("planning a register", () => {
  it("turns the stated score into formulas and adds a priority column beside the table", () => {
    const { ops } = columns([
      ["Title", "Likelihood", "Impact", "Score"],
      ["A", 2, 3, 4],
      ["B", 1, 2, 2],
      [],
      ...KEY_ROWS,
    ]);
    const [score, priority] = ops as ColumnWrite[];
    expect(score).toMatchObject({ column: 3, header: null, title: "Score" });
    expect(score?.cells).toEqual([
      { row: 1, formula: '=IF(COUNT(B2,C2)=2,B2*C2,"")', value: 6 },
      { row: 2, formula: '=IF(COUNT(B3,C3)=2,B3*C3,"")', value: 2 },
    ]);
    expect(priority).toMatchObject({
      column: 4,
      header: { row: 0, text: "Priority" },
      styleFrom: 3,
    });
    expect(priority?.cells.map((c) => [c.formula, c.value])).toEqual([
      ['=IF(ISNUMBER(D2),IF(D2>=8,"High",IF(D2>=3,"Medium",IF(D2>=1,"Low",""))),"")', "Medium"],
      ['=IF(ISNUMBER(D3),IF(D3>=8,"High",IF(D3>=3,"Medium",IF(D3>=1,"Low",""))),"")', "Low"],
    ]);
  });

  it("adds a score and priority per pair, named after the pair, in order", () => {
    const { ops } = columns([
      ["Risk", "Inherent L", "Inherent I", "Residual L", "Residual I"],
      ["A", 4, 4, 2, 3],
    ]);
    expect((ops as ColumnWrite[]).map((o) => [o.column, o.title, o.header?.text])).toEqual([
      [5, "Inherent score", "Inherent score"],
      [6, "Inherent priority", "Inherent priority"],
      [7, "Residual score", "Residual score"],
      [8, "Residual priority", "Residual priority"],
    ]);
    const residualPriority = (ops as ColumnWrite[])[3];
    expect(residualPriority?.cells[0]?.formula).toContain("ISNUMBER(H2)");
  });

  it("writes past a note beside the table, neither over it nor inserting columns", () => {
    const { snapshot, analysis, ops } = columns([
      ["Risk", "L", "I", "Comments"],
      ["A", 2, 2, "ok", "keep me"],
    ]);
    expect(ops.some((o) => o.kind === "insert-columns")).toBe(false);
    expect(ops.map((o) => (o as ColumnWrite).column)).toEqual([5, 6]);
    const after = applyPlanToSnapshot(snapshot, analysis.plan, { valuesOnly: false });
    expect(after.sheets[0]?.rows[1]?.[4]).toEqual({ value: "keep me" });
    expect(after.sheets[0]?.rows[0]?.[5]).toEqual({ value: "Score" });
  });

  it("keeps a second table's writes where they are when the first table inserts nothing", () => {
    // A blank column is left between the first table's new columns (F, G) and the second (I).
    const { ops } = columns([
      ["Risk", "L", "I", "Note", null, null, null, null, "Risk", "L", "I"],
      ["A", 1, 1, "x", "beside", null, null, null, "B", 2, 2],
    ]);
    const writes = ops.filter((o): o is ColumnWrite => o.kind === "column");
    expect(ops.some((o) => o.kind === "insert-columns")).toBe(false);
    expect(writes.map((w) => w.column)).toEqual([5, 6, 11, 12]);
    expect(writes[2]?.cells[0]?.formula).toBe('=IF(COUNT(J2,K2)=2,J2*K2,"")');
  });

  it("inserts rather than close the gap to a second table, and moves its writes and formulas", () => {
    // F and G are free, but the new headers there would touch the second register's "Risk" at H.
    const { snapshot, analysis, ops } = columns([
      ["Risk", "L", "I", "Note", null, null, null, "Risk", "L", "I"],
      ["A", 1, 1, "x", "beside", null, null, "B", 2, 2],
    ]);
    expect(ops.map((o) => [o.kind, "column" in o ? o.column : null])).toEqual([
      ["insert-columns", 5],
      ["column", 5],
      ["column", 6],
      ["column", 12],
      ["column", 13],
    ]);
    // The second register's ratings move from I:J to K:L with the insert, its score with them.
    expect((ops[3] as ColumnWrite).cells[0]?.formula).toBe('=IF(COUNT(K2,L2)=2,K2*L2,"")');
    const after = applyPlanToSnapshot(snapshot, analysis.plan, { valuesOnly: false });
    const reread = analyseWorkbook(after, { asOf: TODAY });
    expect(reread.tables.map((t) => t.range)).toEqual(["A1:G2", "J1:N2"]);
    expect(reread.findings).toEqual([]);
  });

  it("leaves blank separator rows and heading rows without formulas", () => {
    const { ops } = columns([["Risk", "L", "I"], ["Strategic"], ["A", 1, 2], [], ["B", 2, 2]]);
    expect((ops[0] as ColumnWrite).cells.map((c) => c.row)).toEqual([2, 4]);
  });

  it("lists cells that held something else, and ranges written", () => {
    const { snapshot, analysis } = columns([
      ["Risk", "L", "I", "Score"],
      ["A", 2, 3, 4],
      ["B", 1, 1, 1],
    ]);
    const { changed, written } = describePlan(snapshot, analysis.plan, { valuesOnly: true });
    expect(changed.map(changeRecord)).toEqual([
      { sheet: "Register", cell: "D2", before: 4, after: 6, afterValue: 6, valueChanged: true },
    ]);
    // Under General, Excel shows a whole number as typed.
    expect(changed[0]?.shown).toEqual({ before: "4", after: "6" });
    expect(written).toEqual([
      { sheet: "Register", range: "D2:D3", column: "Score" },
      { sheet: "Register", range: "E1:E3", column: "Priority" },
    ]);
  });

  it("leaves nothing to fix once applied", () => {
    const { snapshot, analysis } = columns([
      ["Risk", "L", "I", "Score", "Priority"],
      ["A", 2, 3, 4, "High"],
      ["B", "2 - Minor", 2, 4, "Medium"],
      // Score 6 rated both High (A) and Medium (C): the ratings give no bands; the defaults judge.
      ["C", 3, 2, 6, "Medium"],
    ]);
    expect(analysis.findings.map((f) => f.code)).toEqual(["score-mismatch", "priority-mismatch"]);
    const after = applyPlanToSnapshot(snapshot, analysis.plan, { valuesOnly: false });
    expect(analyseWorkbook(after, { asOf: TODAY }).findings).toEqual([]);
  });
});
