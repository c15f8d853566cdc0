import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { conventionFromHeader, namesVarianceDirections } from "../../src/core/tables/variance";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Variance headings as councils write them. The bracketed word is the negative side wherever it
 * stands (councils show negatives in brackets): "(Under)/Over" means underspends are shown in
 * brackets, so a positive figure is an overspend, forecast − budget.
 */
describe("the sign convention a variance heading states", () => {
  it.each([
    ["Variance Over/(Under)", "forecast-minus-budget"],
    ["Variance Under/(Over)", "budget-minus-forecast"],
    ["Variance (Fav)/Adv", "forecast-minus-budget"],
    ["Variance Adv/(Fav)", "forecast-minus-budget"],
    ["Fav/(Adv)", "budget-minus-forecast"],
    ["(Adv)/Fav", "budget-minus-forecast"],
    ["Variance (under)/over", "forecast-minus-budget"],
    ["(Under)/Over", "forecast-minus-budget"],
    ["(Over)/Under", "budget-minus-forecast"],
    ["(Favourable)/Adverse", "forecast-minus-budget"],
    ["Adverse/(Favourable)", "forecast-minus-budget"],
    ["Favourable/(Adverse)", "budget-minus-forecast"],
    ["Underspend / (Overspend)", "budget-minus-forecast"],
    ["Overspend/(Underspend)", "forecast-minus-budget"],
    ["(Underspend)/Overspend", "forecast-minus-budget"],
    ["over / (under)spend", "forecast-minus-budget"],
    ["FORECAST VARIANCE UNDER / (OVER)", "budget-minus-forecast"],
    ["Over/Under", "forecast-minus-budget"],
    ["Under/Over", "budget-minus-forecast"],
    ["Overspend", "forecast-minus-budget"],
    ["Underspend", "budget-minus-forecast"],
  ])("%s is %s", (header, convention) => {
    expect(conventionFromHeader(header)).toBe(convention);
  });

  it.each(["Variance", "Forecast variance £", "Overall variance", "Advance payments", "Var"])(
    "%s states none",
    (header) => expect(conventionFromHeader(header)).toBeNull(),
  );

  it.each([
    ["Underspend / (Overspend)", true],
    ["(Favourable)/Adverse", true],
    ["(Under)/Over", true],
    ["Overspend", false],
    ["Overall budget", false],
  ])("%s names a variance by its sides: %s", (header, names) => {
    expect(namesVarianceDirections(header)).toBe(names);
  });
});

type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY });
const columnWrites = (rows: Rows) =>
  analyse(rows).plan.operations.filter((o): o is ColumnWrite => o.kind === "column");

describe("bracket-first headings on a budget monitor", () => {
  it.each(["Variance (Fav)/Adv", "Variance (under)/over", "(Under)/Over", "(Favourable)/Adverse"])(
    "%s with correct forecast − budget figures: no findings, and the figures are written back unchanged",
    (header) => {
      const rows: Rows = [
        ["Service", "Budget", "Forecast", header],
        ["Adults", 1000, 1100, 100],
        ["Children", 800, 760, -40],
        ["Highways", 500, 520, 20],
      ];
      expect(analyse(rows).findings).toEqual([]);
      const variance = columnWrites(rows).find((o) => o.column === 3);
      expect(variance?.header).toBeNull();
      expect(variance?.cells.map((c) => [c.formula, c.value])).toEqual([
        ['=IF(AND(ISNUMBER(C2),ISNUMBER(B2)),C2-B2,"")', 100],
        ['=IF(AND(ISNUMBER(C3),ISNUMBER(B3)),C3-B3,"")', -40],
        ['=IF(AND(ISNUMBER(C4),ISNUMBER(B4)),C4-B4,"")', 20],
      ]);
    },
  );

  it("Underspend / (Overspend) is the council's variance: its wrong line is found, no second Variance column", () => {
    const rows: Rows = [
      ["Service", "Annual budget", "Forecast outturn", "Underspend / (Overspend)"],
      ["Planning", 1800, 1850, -50],
      ["Parking", -2300, -2100, 200],
      ["Libraries", 900, 870, 30],
    ];
    const findings = analyse(rows).findings;
    expect(findings.map((x) => [x.code, x.cell, x.expected, x.actual])).toEqual([
      ["variance-mismatch", "D3", -200, 200],
    ]);
    const writes = columnWrites(rows);
    expect(writes.map((o) => o.header?.text ?? null)).toEqual([
      null,
      "Variance %",
      "Status",
      "RAG",
    ]);
    expect(writes[0]?.cells.map((c) => [c.formula, c.value])).toEqual([
      ['=IF(AND(ISNUMBER(C2),ISNUMBER(B2)),B2-C2,"")', -50],
      ['=IF(AND(ISNUMBER(C3),ISNUMBER(B3)),B3-C3,"")', -200],
      ['=IF(AND(ISNUMBER(C4),ISNUMBER(B4)),B4-C4,"")', 30],
    ]);
  });
});
