import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A programme risk log with no title column: "Subtotal" and "Total exposure" are written under
 * the workstream-risk (project) column. A subtotal typed wrong is still a total row, labelled so:
 * it is reported against its lines, never read as a risk with blank ratings, and nothing is
 * written into it. The grand total adds the lines rightly and is not reported.
 */
function log(workstreamB: number): ReturnType<typeof sheet> {
  const rows: CellValue[][] = [
    ["ID", "Workstream risk", "Owner", "Likelihood", "Impact", "Score", "RAG", "Exposure £"],
    ["Workstream A - Market Hall"],
    ["P1", "Supplier failure", "CEX", 3, 3, 9, "Medium", 10000],
    ["P2", "Depot flooding", "HR", 4, 4, 16, "High", 75000],
    ["P3", "Slippage", "DASS", 5, 2, 10, "High", 25000],
    [null, "Subtotal", null, null, null, null, null, 110000],
    ["Workstream B - Public realm"],
    ["P4", "Subsidy loss", "DCS", 2, 2, 4, "Low", 50000],
    ["P5", "Safety incident", "SIRO", 5, 5, 25, "Very high", 200000],
    ["P6", "Reputation", "CEX", 1, 3, 3, "Low", 25000],
    [null, "Subtotal", null, null, null, null, null, workstreamB],
    [null, "Total exposure", null, null, null, null, null, 385000],
  ];
  return sheet("Programme Risks", rows);
}

describe("risk log whose subtotals are labelled in the project column", () => {
  it("reports the wrong subtotal against its lines and nothing else", () => {
    const a = analyseWorkbook(workbook(log(350000)), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport).map((t) => t.range)).toEqual(["A1:H12"]);
    expect(a.findings.map((x) => [x.code, x.cell, x.expected, x.actual])).toEqual([
      ["total-mismatch", "H11", 275000, 350000],
    ]);
  });

  it("is clean when the subtotal adds its lines", () => {
    const a = analyseWorkbook(workbook(log(275000)), { asOf: TODAY });
    expect(a.findings).toEqual([]);
  });

  it("leaves total rows out of the projects and writes nothing into them", () => {
    const a = analyseWorkbook(workbook(log(350000)), { asOf: TODAY });
    const report = a.tables.filter(isRiskReport)[0];
    expect(report?.projects).toEqual([
      "Supplier failure",
      "Depot flooding",
      "Slippage",
      "Subsidy loss",
      "Safety incident",
      "Reputation",
    ]);
    const writes = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) expect(w.cells.map((c) => c.row + 1)).toEqual([3, 4, 5, 8, 9, 10]);
  });
});
