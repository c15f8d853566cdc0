import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A grants register whose Balance column is the council's own, one balance typed wrong (new-user
 * trial t12c, w7: 1,150,000 for 2,100,000 − 1,050,000). The balance is a calculated column, as a
 * budget's variance is: check reports the typed figure and apply writes the live formula over it
 * (and over the other typed balances, giving the same figures), keeping the council's formulas and
 * its totals row.
 */
const HEADER = ["Grant ref", "Grant", "Funder", "Award £", "Paid to date £", "Balance £"];
const live = (row: number) => `=IF(AND(ISNUMBER(D${row}),ISNUMBER(E${row})),D${row}-E${row},"")`;

function register(): Entry[][] {
  return [
    ["External grants received 2025/26"],
    [],
    HEADER,
    ["G-101", "Rough sleeping initiative", "MHCLG", 480000, 240000, f("=D4-E4", 240000)],
    ["G-102", "Household support fund", "DWP", 1320000, 990000, 330000],
    ["G-103", "Bus service improvement plan", "DfT", 2100000, 1050000, 1150000],
    ["G-104", "Family hubs", "DfE", 745000, 372500, f("=D7-E7", 372500)],
    ["Total", null, null, 4645000, 2652500, 2092500],
  ];
}

const analysed = () => analyseWorkbook(workbook(sheet("Grants", register())), { asOf: TODAY });

describe("a typed balance in the council's own balance column", () => {
  it("is reported and rewritten as award less paid; formulas and the total are left", () => {
    const a = analysed();
    expect(a.findings.map((x) => [x.code, x.cell, x.message])).toEqual([
      [
        "variance-mismatch",
        "F6",
        "Balance £ is £1,150,000 but Award £ £2,100,000 − Paid to date £ £1,050,000 = £1,050,000",
      ],
    ]);
    const ops = (a.plan.operations as ColumnWrite[]).filter((o) => o.kind === "column");
    expect(ops.map((o) => [o.column, o.header, o.title])).toEqual([[5, null, "Balance £"]]);
    // Rows 5 and 6 (0-based 4, 5) are typed: both become the formula; F4, F7 and F8 stay.
    expect(ops[0]?.cells).toEqual([
      { row: 4, formula: live(5), value: 330000 },
      { row: 5, formula: live(6), value: 1050000 },
    ]);
  });

  it("after apply the column is all formulas, and a second plan writes nothing", () => {
    const rows = register();
    rows[4] = [...(rows[4] ?? []).slice(0, 5), f(live(5), 330000)];
    rows[5] = [...(rows[5] ?? []).slice(0, 5), f(live(6), 1050000)];
    rows[7] = ["Total", null, null, 4645000, 2652500, 1992500];
    const a = analyseWorkbook(workbook(sheet("Grants", rows)), { asOf: TODAY });
    expect(a.findings).toEqual([]);
    expect(a.plan.operations.filter((o) => o.kind === "column")).toEqual([]);
  });
});
