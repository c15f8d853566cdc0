import { analyseWorkbook } from "../../src/core/analyse";
import type { BudgetTableReport } from "../../src/core/budget";
import type { MonthlyTableReport } from "../../src/core/monthly";
import type { ColumnWrite } from "../../src/core/plan";
import { f, sheet, TODAY, workbook, type SheetExtras } from "../helpers/builders";

/**
 * Which columns of a money table are the budget, the outturn and the variance: the working
 * budget under a "Budget" group, text columns headed "Budget …", spacer columns, to-date spend.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows, extras: SheetExtras = {}) =>
  analyseWorkbook(workbook(sheet("Sheet", rows, extras)), { asOf: TODAY });
const findings = (rows: Rows, extras: SheetExtras = {}) =>
  analyse(rows, extras).findings.map((x) => [x.code, x.cell, x.expected, x.actual]);

describe("'Current' under a '2025/26 Budget' group is the working budget", () => {
  it.each(["Current", "Working", "Latest", "Revised", "Current budget"])(
    "%s: the variance is checked against it, not the Original",
    (word) => {
      const rows: Rows = [
        ["Portfolio", "2025/26 Budget", null, null, "Forecast", "Variance Adv/(Fav)"],
        [null, "Original", "Virements", word, null, null],
        ["Adults", 150, 5, f("=B3+C3", 155), 160, 5],
        ["Children", 90, -2, f("=B4+C4", 88), 88, 0],
        ["Housing", 60, 0, f("=B5+C5", 60), 70, 12],
      ];
      const extras = { merges: ["A1:A2", "B1:D1", "E1:E2", "F1:F2"] };
      const table = analyse(rows, extras).tables.find(
        (t): t is BudgetTableReport => t.kind === "budget",
      );
      expect([table?.budget, table?.columns.revisedBudget]).toEqual(["revised", "D"]);
      expect(findings(rows, extras)).toEqual([["variance-mismatch", "F5", 10, 12]]);
    },
  );
});

describe("a text column headed 'Budget …' is a label", () => {
  it("'Budget line' beside monthly columns is the line's name; 'Approved budget' is the budget", () => {
    const months = ["Apr-25", "May-25", "Jun-25", "Jul-25", "Aug-25", "Sep-25"];
    months.push("Oct-25", "Nov-25", "Dec-25", "Jan-26", "Feb-26", "Mar-26");
    const line = (row: number, name: string, v: number, budget: number) => [
      name,
      ...months.map(() => v),
      f(`=SUM(B${row}:M${row})`, v * 12),
      budget,
      f(`=N${row}-O${row}`, v * 12 - budget),
    ];
    const rows: Rows = [
      ["Budget line", ...months, "FY total", "Approved budget", "Over/(under) spend"],
      line(2, "Crews", 1000, 12000),
      line(3, "Fuel", 500, 6500),
    ];
    const analysis = analyse(rows);
    const table = analysis.tables.find(
      (t): t is MonthlyTableReport => t.kind === "monthly-profile",
    );
    expect(table?.columns).toMatchObject({ label: "A", budget: "O", variance: "P" });
    expect(analysis.findings).toEqual([]);
  });

  it("'Budget holder' holding names is not the budget amount", () => {
    const rows: Rows = [
      ["Service", "Budget holder", "Budget", "Forecast", "Variance"],
      ["Parks", "J Smith", 100, 120, 20],
      ["Roads", "A Khan", 200, 190, -10],
      ["Waste", "P Jones", 300, 330, 25],
    ];
    const table = analyse(rows).tables.find((t): t is BudgetTableReport => t.kind === "budget");
    expect(table?.columns).toMatchObject({ item: "A", budget: "C", forecast: "D" });
    expect(findings(rows)).toEqual([["variance-mismatch", "E4", 30, 25]]);
  });
});

describe("a blank spacer column inside a budget monitor", () => {
  const rows: Rows = [
    [
      "Service",
      "Annual budget",
      "Spend to date",
      null,
      "Forecast outturn",
      "Variance Over/(Under)",
    ],
    ["Planning", 1800, 1100, null, 1850, 50],
    ["Parking", -2300, -1400, null, -2100, 300],
    ["Libraries", 900, 500, null, 880, -20],
  ];

  it("does not cut the table: Forecast and Variance beyond it are read, to-date spend is not the outturn", () => {
    const table = analyse(rows).tables.find((t): t is BudgetTableReport => t.kind === "budget");
    expect(table?.range).toBe("A1:F4");
    expect(findings(rows)).toEqual([["variance-mismatch", "F3", 200, 300]]);
  });

  it("the council's variance column is rewritten in place, no second Variance column", () => {
    const writes = analyse(rows).plan.operations.filter(
      (o): o is ColumnWrite => o.kind === "column",
    );
    expect(writes.map((o) => [o.column, o.header?.text ?? null])).toEqual([
      [5, null],
      [6, "Variance %"],
      [7, "Status"],
      [8, "RAG"],
    ]);
    expect(writes[0]?.cells.map((c) => [c.formula, c.value])).toEqual([
      ['=IF(AND(ISNUMBER(E2),ISNUMBER(B2)),E2-B2,"")', 50],
      ['=IF(AND(ISNUMBER(E3),ISNUMBER(B3)),E3-B3,"")', 200],
      ['=IF(AND(ISNUMBER(E4),ISNUMBER(B4)),E4-B4,"")', -20],
    ]);
  });
});
