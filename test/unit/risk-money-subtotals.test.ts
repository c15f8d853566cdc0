import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { Cell, CellValue } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A programme risk log with money beside the ratings ("Most likely cost £", "Risk allowance £")
 * and blocks of risks closed by subtotal rows: one labelled in the title column ("Subtotal
 * Civic Hub"), one unlabelled row of sums, and a grand total adding the subtotals. Total rows
 * are no risks (no missing ratings, nothing written into them); their figures are checked
 * against the risks they add, SUM formulas saved with or without a value alike.
 */
type Entry = CellValue | Cell;

function log(cached: boolean) {
  const sum = (formula: string, value: number) => f(formula, cached ? value : null);
  const rows: Entry[][] = [
    ["Ref", "Risk", "L", "I", "LxI", "Priority", "Most likely cost £", "Risk allowance £"],
    ["Civic Hub"],
    ["CP01", "Safeguarding failure", 3, 3, 9, "Medium", 120000, 72000],
    ["CP02", "Data breach", 4, 4, 16, "High", 120000, 96000],
    ["CP03", "Adaptation plans", 4, 2, 8, "Medium", 40000, 32000],
    [null, "Subtotal Civic Hub", null, null, null, null, sum("=SUM(G3:G5)", 280000), 200000],
    ["Depot Relocation"],
    ["CP04", "Legal challenge", 3, 3, 9, "Medium", 40000, 24000],
    ["CP05", "Transport pressure", 3, 2, 6, "Medium", 25000, 15000],
    ["CP06", "Ageing ICT", 5, 3, 15, "High", 25000, 25000],
    // Planted: the SUM leaves out row 10 (CP06), the inserted-row slip.
    [null, "Subtotal Depot Relocation", null, null, null, null, sum("=SUM(G8:G9)", 65000), 64000],
    ["CP07", "Contract delay", 2, 2, 4, "Low", 75000, 30000],
    ["CP08", "Home care market", 2, 2, 4, "Low", 75000, 30000],
    ["CP09", "Highways backlog", 5, 1, 5, "Medium", 300000, 300000],
    // Planted: an unlabelled subtotal whose allowance is typed £5,000 too high.
    [null, null, null, null, null, null, sum("=SUM(G12:G14)", 450000), 365000],
    [
      null,
      "Total programme risk allowance",
      null,
      null,
      null,
      null,
      sum("=G6+G11+G15", 795000),
      629000,
    ],
  ];
  return sheet("Risk Exposure", rows);
}

describe("risk log with money columns and subtotal rows", () => {
  it.each([
    ["with saved values", true],
    ["saved without values (openpyxl)", false],
  ])("checks the totals and no risk rule on them (%s)", (_name, cached) => {
    const a = analyseWorkbook(workbook(log(cached)), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport)).toHaveLength(1);
    expect(a.findings.map((x) => [x.code, x.cell, x.expected, x.actual])).toEqual([
      ["total-mismatch", "G11", 90000, 65000],
      ["total-mismatch", "H15", 360000, 365000],
    ]);
    expect(a.findings[0]?.message).toContain("leaves out row 10");
  });

  it("writes priorities on the risk rows only, never on a total row", () => {
    const a = analyseWorkbook(workbook(log(true)), { asOf: TODAY });
    const writes = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    const rows = [3, 4, 5, 8, 9, 10, 12, 13, 14];
    for (const w of writes) expect(w.cells.map((c) => c.row + 1)).toEqual(rows);
    const priority = writes.find((w) => w.column === 5);
    expect(priority?.cells.map((c) => c.value)).toEqual([
      "Medium",
      "High",
      "Medium",
      "Medium",
      "Medium",
      "High",
      "Low",
      "Low",
      "Medium",
    ]);
  });
});
