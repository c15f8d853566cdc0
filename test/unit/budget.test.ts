import { analyseWorkbook } from "../../src/core/analyse";
import type { BudgetTableReport } from "../../src/core/budget";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

const analyse = (rows: CellValue[][], rag?: { percent: number; amount: number }) =>
  analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY, ...(rag ? { rag } : {}) });
const budgetOf = (rows: CellValue[][]) =>
  analyse(rows).tables.find((t): t is BudgetTableReport => t.kind === "budget");
const column = (rows: CellValue[][], title: string, rag?: { percent: number; amount: number }) =>
  (
    analyse(rows, rag).plan.operations.find((o) => o.kind === "column" && o.title === title) as
      ColumnWrite | undefined
  )?.cells.map((c) => c.value);

describe("budget tables", () => {
  const MONITORING = [
    ["Service", "Original budget", "Revised budget", "Actual to date", "Forecast outturn"],
    ["Libraries", 100000, 110000, 50000, 120000],
    ["Parks", 200000, 200000, 90000, 190000],
    ["Roads", 1000000, 1000000, 500000, 1080000],
    ["Youth", 20000, 20000, 5000, 20000],
  ];

  it("compares forecast outturn with the revised budget", () => {
    expect(budgetOf(MONITORING)).toMatchObject({
      budget: "revised",
      compareWith: "forecast",
      columns: { item: "A", budget: "B", revisedBudget: "C" },
    });
    expect(column(MONITORING, "Variance")).toEqual([10000, -10000, 80000, 0]);
    expect(column(MONITORING, "Status")).toEqual([
      "Overspend",
      "Underspend",
      "Overspend",
      "On budget",
    ]);
  });

  it("gives variance % over |budget| and RAG by the lower of 5% and £100,000", () => {
    expect(column(MONITORING, "Variance %")).toEqual([10000 / 110000, -0.05, 0.08, 0]);
    // Libraries: 9.1% → red. Roads: £80,000 is 8% → red. Youth on budget → green.
    expect(column(MONITORING, "RAG")).toEqual(["Red", "Green", "Red", "Green"]);
    const big = [
      ["Item", "Budget", "Actual"],
      ["Care", 10_000_000, 10_150_000],
      ["Fleet", 10_000_000, 10_050_000],
    ];
    // 1.5% but £150,000 → red (the £100,000 floor is lower than 5%); £50,000 and 0.5% → amber.
    expect(column(big, "RAG")).toEqual(["Red", "Amber"]);
    expect(column(big, "RAG", { percent: 0.01, amount: 1_000_000 })).toEqual(["Red", "Amber"]);
    expect(column(big, "RAG", { percent: 0.02, amount: 1_000_000 })).toEqual(["Amber", "Amber"]);
  });

  it("writes the calculated columns as formulas beside the table", () => {
    const ops = analyse(MONITORING).plan.operations.filter(
      (o): o is ColumnWrite => o.kind === "column",
    );
    expect(ops.map((o) => [o.column, o.header?.text])).toEqual([
      [5, "Variance"],
      [6, "Variance %"],
      [7, "Status"],
      [8, "RAG"],
    ]);
    expect(ops[0]?.cells[0]?.formula).toBe('=IF(AND(ISNUMBER(E2),ISNUMBER(C2)),E2-C2,"")');
    expect(ops[3]?.cells[0]?.formula).toBe(
      '=IF(ISNUMBER(F2),IF(F2<=0.005,"Green",IF(F2>=MIN(0.05*ABS(C2),100000),"Red","Amber")),"")',
    );
  });

  it("compares a budget stated once for a project's lines at project level", () => {
    const rows = [
      ["Project", "Item", "Cost £", "Budget £"],
      ["Self-Directed Support", "Senior Commissioner", 129690, 204690],
      ["Self-Directed Support", "CME Development Costs", 75000, null],
      ["How We Work", "Training", 50000, 50000],
    ];
    const report = budgetOf(rows);
    expect(
      report?.lines.map((l) => [l.project, l.level, l.budget, l.spend, l.variance, l.rows]),
    ).toEqual([
      ["Self-Directed Support", "group", 204690, 204690, 0, [2, 3]],
      ["How We Work", "line", 50000, 50000, 0, [4]],
    ]);
    expect(analyse(rows).findings).toEqual([]);
    const variance = analyse(rows).plan.operations.find(
      (o) => o.kind === "column" && o.title === "Variance",
    ) as ColumnWrite;
    expect(variance.cells).toEqual([
      { row: 1, formula: '=IF(ISNUMBER(D2),SUM(C2:C3)-D2,"")', value: 0 },
      { row: 3, formula: '=IF(AND(ISNUMBER(C4),ISNUMBER(D4)),C4-D4,"")', value: 0 },
    ]);
  });

  it("checks a stated variance, and spots one written the other way round", () => {
    const findings = analyse([
      ["Item", "Budget", "Actual", "Variance"],
      ["A", 100, 120, 20],
      ["B", 100, 90, 10],
      ["C", 100, 130, 25],
    ]).findings;
    expect(findings.map((f) => [f.code, f.cell, f.expected, f.actual])).toEqual([
      ["variance-mismatch", "D3", -10, 10],
      ["variance-mismatch", "D4", 30, 25],
    ]);
    expect(findings[0]?.message).toContain("the sign is reversed");
  });

  it("reports a line with spend but no budget, and checks subtotal rows", () => {
    const findings = analyse([
      ["Cost centre", "Budget", "Actual"],
      ["ADULTS"],
      ["Home care", 100, 90],
      ["Day care", null, 10],
      ["Subtotal adults", 100, 100],
      ["Total", 150, 100],
    ]).findings;
    expect(findings.map((f) => `${f.code}@${f.cell}`)).toEqual([
      "missing-value@B4",
      "total-mismatch@B6",
    ]);
  });
});
