import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A revenue monitor with a year-to-date block beside its full-year block. Each stated variance is
 * checked against its own pair: the variance to date is the actual to date against the budget
 * profiled to date, the forecast variance the forecast against the annual budget, each in the
 * sign convention its own header or figures show. Variance %, Status and RAG follow the full-year
 * pair, and only the full-year pair's missing columns are written.
 */

// Service, budget to date, actual to date, annual budget, forecast outturn.
const LINES: [string, number, number, number, number][] = [
  ["Adult care", 1200, 1260, 2400, 2500],
  ["Children", 900, 870, 1800, 1750],
  ["Housing", 300, 310, 600, 640],
  ["Highways", 450, 440, 900, 880],
];

type Rows = Entry[][];
const analyse = (rows: Rows, merges: string[] = []) =>
  analyseWorkbook(workbook(sheet("Revenue", rows, { merges })), { asOf: TODAY });
const findingsOf = (rows: Rows, merges: string[] = []) =>
  analyse(rows, merges).findings.map((x) => [x.code, x.cell, x.expected, x.actual]);
const writeAt = (rows: Rows, column: number, merges: string[] = []) =>
  analyse(rows, merges).plan.operations.find(
    (o): o is ColumnWrite => o.kind === "column" && o.column === column,
  );
const formulas = (w: ColumnWrite | undefined) => w?.cells.map((c) => c.formula);
const values = (w: ColumnWrite | undefined) => w?.cells.map((c) => c.value);

/** A total row adding rows 4–7 (1-based) of each money column from B. */
const totalRow = (label: string, columns: string[], values: number[]): Entry[] => [
  label,
  ...columns.map((c, k) => f(`=SUM(${c}4:${c}7)`, values[k] ?? 0)),
];

describe("flat headers: Budget to date | Actual to date | Variance to date | Annual budget | Forecast outturn | Forecast variance", () => {
  // Variance to date is actual − budget to date (Housing typed 15, true 10); forecast variance
  // forecast − annual budget (Highways typed −30, true −20).
  const ytd = [60, -30, 15, -10];
  const fy = [100, -50, 40, -30];
  const rows: Rows = [
    ["Revenue monitoring Q2 (£)"],
    [],
    [
      "Service",
      "Budget to date",
      "Actual to date",
      "Variance to date",
      "Annual budget",
      "Forecast outturn",
      "Forecast variance",
    ],
    ...LINES.map(([n, b, a, y, fc], i) => [n, b, a, ytd[i], y, fc, fy[i]]),
    totalRow("Total", ["B", "C", "D", "E", "F", "G"], [2850, 2880, 35, 5700, 5770, 60]),
  ];

  it("checks each variance against its own pair, nothing else", () => {
    expect(findingsOf(rows)).toEqual([
      ["variance-mismatch", "D6", 10, 15],
      ["variance-mismatch", "G7", -20, -30],
    ]);
  });

  it("says the variance to date is actual to date less budget to date", () => {
    const d6 = analyse(rows).findings.find((x) => x.cell === "D6");
    expect(d6?.message).toBe(
      "Variance to date is £15 but actual to date £310 − budget to date £300 = £10; variance to date here is actual less budget, positive = overspend, the convention the sheet's figures follow",
    );
  });

  it("writes the variance to date from its own pair and the forecast variance from the full-year pair", () => {
    expect(formulas(writeAt(rows, 3))).toEqual(
      [4, 5, 6, 7].map((r) => `=IF(AND(ISNUMBER(C${r}),ISNUMBER(B${r})),C${r}-B${r},"")`),
    );
    expect(values(writeAt(rows, 3))).toEqual([60, -30, 10, -10]);
    expect(formulas(writeAt(rows, 6))).toEqual(
      [4, 5, 6, 7].map((r) => `=IF(AND(ISNUMBER(F${r}),ISNUMBER(E${r})),F${r}-E${r},"")`),
    );
    expect(values(writeAt(rows, 6))).toEqual([100, -50, 40, -20]);
  });

  it("adds Variance %, Status and RAG for the full-year pair only", () => {
    const added = analyse(rows)
      .plan.operations.filter((o): o is ColumnWrite => o.kind === "column" && o.header !== null)
      .map((o) => [o.column, o.header?.text]);
    expect(added).toEqual([
      [7, "Variance %"],
      [8, "Status"],
      [9, "RAG"],
    ]);
    expect(formulas(writeAt(rows, 7))?.[0]).toBe(
      '=IF(AND(ISNUMBER(G4),ISNUMBER(E4)),IF(E4=0,"",G4/ABS(E4)),"")',
    );
  });

  it("reports the table's columns by their pairs", () => {
    const report = analyse(rows).tables[0] as { columns?: Record<string, string> };
    expect(report.columns).toEqual({
      item: "A",
      budgetToDate: "B",
      actual: "C",
      varianceToDate: "D",
      budget: "E",
      forecast: "F",
      variance: "G",
    });
  });
});

describe("flat headers: Profiled budget YTD | Actual YTD | YTD variance | Full year budget | Projected outturn | Projected variance | Variance % | RAG", () => {
  // YTD variance is budget − actual (its figures say so; Highways typed 20, true 10); projected
  // variance forecast − budget. Children's Variance % typed 5% (true −2.8%). The RAG follows the
  // full-year overspend: Adult care 100 on 2,400 is Amber (its to-date 60 on 1,200 would be Red).
  const ytd = [-60, 30, -10, 20];
  const fy = [100, -50, 40, -20];
  const pct = [100 / 2400, 0.05, 40 / 600, -20 / 900];
  const rag = ["Amber", "Green", "Red", "Green"];
  const rows: Rows = [
    ["Revenue monitoring P6"],
    [],
    [
      "Service",
      "Profiled budget YTD",
      "Actual YTD",
      "YTD variance",
      "Full year budget",
      "Projected outturn",
      "Projected variance",
      "Variance %",
      "RAG",
    ],
    ...LINES.map(([n, b, a, y, fc], i) => [n, b, a, ytd[i], y, fc, fy[i], pct[i], rag[i]]),
  ];

  it("reads each variance's sign convention from its own figures", () => {
    expect(findingsOf(rows)).toEqual([
      ["variance-mismatch", "H5", -50 / 1800, 0.05],
      ["variance-mismatch", "D7", 10, 20],
    ]);
    const d7 = analyse(rows).findings.find((x) => x.cell === "D7");
    expect(d7?.message).toContain("budget to date £450 − actual to date £440 = £10");
    expect(d7?.message).toContain("budget less actual, positive = underspend");
  });

  it("writes the YTD variance as budget less actual, the projected one as forecast less budget", () => {
    expect(formulas(writeAt(rows, 3))?.[0]).toBe('=IF(AND(ISNUMBER(C4),ISNUMBER(B4)),B4-C4,"")');
    expect(values(writeAt(rows, 3))).toEqual([-60, 30, -10, 10]);
    expect(formulas(writeAt(rows, 6))?.[0]).toBe('=IF(AND(ISNUMBER(F4),ISNUMBER(E4)),F4-E4,"")');
  });
});

describe("grouped headers: Year to date over Budget | Actual | Variance, Full year over Budget | Forecast | Variance", () => {
  // Year-to-date variance headed Under/(Over): budget − actual (Children typed −30, true 30,
  // reversed). Full-year variance forecast − budget (Housing typed 400, true 40).
  const ytd = [-60, -30, -10, 10];
  const fy = [100, -50, 400, -20];
  const rows: Rows = [
    ["Revenue monitoring"],
    [],
    ["Service", "Year to date", null, null, "Full year", null, null],
    [null, "Budget", "Actual", "Variance Under/(Over)", "Budget", "Forecast", "Variance"],
    ...LINES.map(([n, b, a, y, fc], i) => [n, b, a, ytd[i], y, fc, fy[i]]),
  ];
  const merges = ["A3:A4", "B3:D3", "E3:G3"];

  it("checks the year-to-date variance in the convention its header states", () => {
    expect(findingsOf(rows, merges)).toEqual([
      ["variance-mismatch", "D6", 30, -30],
      ["variance-mismatch", "G7", 40, 400],
    ]);
    const d6 = analyse(rows, merges).findings.find((x) => x.cell === "D6");
    expect(d6?.message).toContain("(the sign is reversed)");
    expect(d6?.message).toContain(
      "budget less actual, positive = underspend, as the header states",
    );
  });

  it("writes the full-year variance from the full-year budget and forecast", () => {
    expect(formulas(writeAt(rows, 6, merges))?.[2]).toBe(
      '=IF(AND(ISNUMBER(F7),ISNUMBER(E7)),F7-E7,"")',
    );
    expect(values(writeAt(rows, 6, merges))).toEqual([100, -50, 40, -20]);
    expect(values(writeAt(rows, 3, merges))).toEqual([-60, 30, -10, 10]);
  });
});

describe("a year-to-date table with no forecast", () => {
  it("checks its variance to date as actual less budget to date", () => {
    const rows: Rows = [
      ["Service", "Budget to date", "Actual to date", "Variance to date"],
      ...LINES.map(([n, b, a], i) => [n, b, a, i === 1 ? 50 : a - b]),
    ];
    expect(findingsOf(rows)).toEqual([["variance-mismatch", "D3", -30, 50]]);
    expect(analyse(rows).findings[0]?.message).toContain(
      "actual less budget, positive = overspend",
    );
  });

  it("compares the actual with the budget to date, not the annual budget beside them", () => {
    const rows: Rows = [
      ["Service", "Budget to date", "Actual to date", "Variance to date", "Annual budget"],
      ...LINES.map(([n, b, a, y], i) => [n, b, a, i === 2 ? -290 : a - b, y]),
    ];
    expect(findingsOf(rows)).toEqual([["variance-mismatch", "D4", 10, -290]]);
    expect(formulas(writeAt(rows, 5))?.[0]).toBe(
      '=IF(AND(ISNUMBER(D2),ISNUMBER(B2)),IF(B2=0,"",D2/ABS(B2)),"")',
    );
  });
});

describe("a budget to date beside the full-year pair with no variance of either", () => {
  const rows: Rows = [
    ["Service", "Budget to date", "Actual to date", "Annual budget", "Forecast outturn"],
    ...LINES.map(([n, b, a, y, fc]) => [n, b, a, y, fc]),
  ];

  it("writes one Variance, of the forecast against the annual budget", () => {
    const added = analyse(rows)
      .plan.operations.filter((o): o is ColumnWrite => o.kind === "column" && o.header !== null)
      .map((o) => o.header?.text);
    expect(added).toEqual(["Variance", "Variance %", "Status", "RAG"]);
    expect(formulas(writeAt(rows, 5))?.[0]).toBe('=IF(AND(ISNUMBER(E2),ISNUMBER(D2)),E2-D2,"")');
    expect(findingsOf(rows)).toEqual([]);
  });
});

describe("stacked headers in £'000: Budget / to date … Latest / budget, Forecast / outturn, Variance / (Under)/Over", () => {
  // Adult care's variance to date typed 70 (true 60); Children's forecast variance typed 50
  // where (Under)/Over says forecast − latest budget = (50); Housing's forecast is tbc.
  const forecasts: (number | string)[] = [2500, 1750, "tbc", 880];
  const rows: Rows = [
    ["Directorate monitoring P6 2025/26"],
    [],
    ["Service", "Budget", "Actual", "Variance", "Original", "Latest", "Forecast", "Variance"],
    [null, "to date", "to date", "to date", "budget", "budget", "outturn", "(Under)/Over"],
    [null, "£'000", "£'000", "£'000", "£'000", "£'000", "£'000", "£'000"],
    ...LINES.map(([n, b, a, y], i) => {
      const fc = forecasts[i] as number | string;
      const fyVariance = typeof fc === "number" ? (i === 1 ? 50 : fc - y) : null;
      return [n, b, a, i === 0 ? 70 : a - b, y - 100, y, fc, fyVariance];
    }),
  ];

  it("checks each pair in pounds, the forecast against the latest budget", () => {
    expect(
      analyse(rows).findings.map((x) => [x.code, x.cell, x.severity, x.expected, x.actual]),
    ).toEqual([
      ["variance-mismatch", "D6", "error", 60, 70],
      ["variance-mismatch", "H7", "error", -50, 50],
      ["unconfirmed-funding", "G8", "info", undefined, undefined],
    ]);
    const d6 = analyse(rows).findings.find((x) => x.cell === "D6");
    expect(d6?.message).toContain(
      "actual to date £1,260,000 − budget to date £1,200,000 = £60,000",
    );
  });
});
