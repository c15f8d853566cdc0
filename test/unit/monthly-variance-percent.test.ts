import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";
import { MONTH_NAMES } from "../helpers/monthly-builder";

/**
 * A monthly profile's own Variance % column (a trial's purchasing profile, £'000): each line's
 * stated share is its variance over |budget|, checked as budget tables and projects check theirs
 * (tables/variance-percent.ts), and written as a live formula over the variance and the budget.
 * Day care's 5.0% is planted: 13 over 1,200 is 1.1%.
 */
const LINES: [string, number, number, number][] = [
  // name, budget, each month, typed Variance %
  ["Nursing", 6_000, 507.5, 0.015], // full year 6,090, variance 90: 1.5%
  ["Day care", 1_200, 101.0833, 0.05], // full year 1,213 (typed), variance 13: 1.1%
  ["Income", -2_400, -206.5, -0.0325], // full year −2,478, variance −78: −3.25%
];
const FULL_YEARS = [6_090, 1_213, -2_478];

function profile(percentFormat: string | undefined) {
  const rows: Entry[][] = [
    ["Adult social care profile 2025/26 (£'000)"],
    [],
    [
      "Budget line",
      "Annual budget",
      ...MONTH_NAMES,
      "Full year",
      "Forecast variance £",
      "Variance %",
    ],
  ];
  LINES.forEach(([name, budget, month, pct], k) => {
    const fullYear = FULL_YEARS[k]!;
    const months = MONTH_NAMES.map((_, m) =>
      m < 11 ? month : Math.round((fullYear - month * 11) * 10_000) / 10_000,
    );
    rows.push([
      name,
      budget,
      ...months,
      fullYear,
      fullYear - budget,
      percentFormat ? { value: pct, numberFormat: percentFormat } : pct,
    ]);
  });
  return workbook(sheet("Profile", rows));
}

describe("monthly profile: the council's Variance % column", () => {
  it("reports the share that disagrees with the line's variance over |budget|", () => {
    const a = analyseWorkbook(profile("0.0%"), { asOf: TODAY });
    expect(a.findings.map((x) => [x.code, x.cell, x.message, x.expected, x.actual])).toEqual([
      [
        "variance-mismatch",
        "Q5",
        "Variance % is 5.0% but the variance as a share of the budget is 1.1% (£13,000 of £1,200,000)",
        13 / 1_200,
        0.05,
      ],
    ]);
  });

  it("writes it as the variance over |budget| and finds nothing on the applied workbook", () => {
    const book = profile("0.0%");
    const a = analyseWorkbook(book, { asOf: TODAY });
    const pct = a.plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.title === "Variance %",
    );
    const formula = (r: number) =>
      `=IF(AND(ISNUMBER(P${r}),ISNUMBER(B${r})),IF(B${r}=0,"",P${r}/ABS(B${r})),"")`;
    expect(pct?.cells.map((c) => [c.row + 1, c.formula, c.value])).toEqual([
      [4, formula(4), 90 / 6_000],
      [5, formula(5), 13 / 1_200],
      [6, formula(6), -78 / 2_400],
    ]);
    const applied = applyPlanToSnapshot(book, a.plan, { valuesOnly: false });
    expect(analyseWorkbook(applied, { asOf: TODAY }).findings).toEqual([]);
  });

  it("reads and writes a column kept in hundreds (1.5 = 1.5%) in hundreds", () => {
    const book = profile(undefined);
    for (const [k, row] of book.sheets[0]!.rows.slice(3).entries()) {
      const cell = row[16];
      if (cell && typeof cell.value === "number")
        row[16] = { ...cell, value: [1.5, 5, -3.25][k] ?? null };
    }
    const a = analyseWorkbook(book, { asOf: TODAY });
    expect(a.findings.map((x) => [x.cell, x.message])).toEqual([
      [
        "Q5",
        "Variance % is 5.0% but the variance as a share of the budget is 1.1% (£13,000 of £1,200,000)",
      ],
    ]);
    const pct = a.plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.title === "Variance %",
    );
    expect(pct?.cells.map((c) => [c.formula, c.value])[0]).toEqual([
      '=IF(AND(ISNUMBER(P4),ISNUMBER(B4)),IF(B4=0,"",P4/ABS(B4)*100),"")',
      1.5,
    ]);
  });
});
