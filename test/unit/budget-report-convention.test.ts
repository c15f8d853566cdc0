import { tablesText } from "../../src/cli/report";
import { BudgetTableReportSchema } from "../../src/cli/json-schemas";
import { analyseWorkbook } from "../../src/core/analyse";
import type { BudgetTableReport } from "../../src/core/budget";
import { conventionFromHeader } from "../../src/core/tables/variance";
import { sheet, TODAY, workbook } from "../helpers/builders";

/** The budget report states each table's own variance convention and its own RAG rule. */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY });
const budgetOf = (rows: Rows) =>
  analyse(rows).tables.find((t): t is BudgetTableReport => t.kind === "budget");

const RULE =
  "RAG: Red where the adverse variance is more than £200k or 4% of latest budget (whichever is lower); Amber for any other adverse variance; Green if on budget or favourable.";

describe("the budget report's convention and RAG rule", () => {
  it.each([
    ["Variance Fav/(Adv)", "budget-minus-forecast"],
    ["Variance Adv/(Fav)", "forecast-minus-budget"],
    ["Variance £ fav / (adv)", "budget-minus-forecast"],
  ])("%s is %s", (header, convention) => {
    expect(conventionFromHeader(header)).toBe(convention);
  });

  it("reads no convention from words that only begin like the abbreviations", () => {
    expect(conventionFromHeader("Advance payments / favours")).toBeNull();
  });

  const table = (header: string, variances: number[]): Rows => [
    ["Service", "Latest budget", "Forecast", header],
    ["Libraries", 100, 120, variances[0] ?? null],
    ["Parks", 200, 190, variances[1] ?? null],
    ["Roads", 300, 330, variances[2] ?? null],
  ];

  it("prints budget − forecast for a Fav/(Adv) table, as its header states", () => {
    const rows = table("Variance Fav/(Adv)", [-20, 10, -30]);
    expect(analyse(rows).findings.filter((f) => f.severity !== "info")).toEqual([]);
    const report = budgetOf(rows);
    expect(report).toMatchObject({
      varianceConvention: "budget-minus-forecast",
      conventionFrom: "header",
    });
    expect(tablesText(report ? [report] : [])[1]).toMatch(
      /variance = revised budget − forecast \(as the header states\)$/,
    );
  });

  it("prints forecast − budget for an Over/(Under) table", () => {
    const report = budgetOf(table("Variance Over/(Under)", [20, -10, 30]));
    expect(tablesText(report ? [report] : [])[1]).toMatch(
      /variance = forecast − revised budget \(as the header states\)$/,
    );
  });

  it("shows the sheet's stated RAG rule in the JSON report, and the settings' otherwise", () => {
    const stated = budgetOf([[RULE], [], ...table("Variance Fav/(Adv)", [-20, 10, -30])]);
    expect(stated?.rag).toEqual({
      rule: RULE,
      red: { percent: 0.04, amount: 200000, combine: "lower", strict: true },
      amber: null,
    });
    expect(BudgetTableReportSchema.safeParse(stated).success).toBe(true);
    const plain = budgetOf(table("Variance Fav/(Adv)", [-20, 10, -30]));
    expect(plain?.rag).toEqual({ percent: 0.05, amount: 100000 });
    expect(BudgetTableReportSchema.safeParse(plain).success).toBe(true);
  });
});
