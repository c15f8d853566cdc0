import { analyseWorkbook } from "../../src/core/analyse";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A variance total typed as the forecast total less the budget total (or the other way round)
 * follows from a wrong forecast total beside it, even when a line under it is also wrong: it is
 * judged with every reported cell put right at once. A variance total wrong by an amount no
 * reported cell explains stays its own error.
 */
type Rows = Entry[][];
const found = (rows: Rows) =>
  analyseWorkbook(workbook(sheet("Monitoring", rows)), { asOf: TODAY })
    .findings.filter((x) => x.severity !== "info")
    .map((x) => [`${x.code}@${x.cell}`, x.message] as const);
const cells = (rows: Rows) => found(rows).map(([at]) => at);

/** Lines (Excel rows 5–10): service, budget, forecast. */
const LINES: [string, number, number][] = [
  ["Finance", 1_250_000, 1_238_700],
  ["Revenues", 2_110_500, 2_187_300],
  ["Legal", 905_000, 962_150],
  ["HR", 633_200, 618_450],
  ["ICT", 3_240_000, 3_255_000],
  ["Democratic services", 470_100, 470_100],
];
const BUDGET = LINES.reduce((s, [, b]) => s + b, 0); // 8,608,800
const FORECAST = LINES.reduce((s, [, , fc]) => s + fc, 0); // 8,731,700

/**
 * Typed lines and totals, variance "Under/(Over)" = budget − forecast. Line 6 (Revenues) has its
 * variance typed with the wrong sign; the forecast total is typed `forecastOut` too high; the
 * variance total is typed from the typed totals, give or take `varianceSlip`.
 */
function underOver(forecastOut: number, varianceSlip = 0): Rows {
  const forecastTotal = FORECAST + forecastOut;
  return [
    ["Ambridge District Council: revenue monitoring"],
    [],
    ["Service", "Annual budget £", "Forecast outturn £", "Forecast variance Under/(Over) £"],
    [],
    ...LINES.map(([name, budget, forecast], k) => [
      name,
      budget,
      forecast,
      k === 1 ? forecast - budget : budget - forecast,
    ]),
    ["Total", BUDGET, forecastTotal, BUDGET - forecastTotal + varianceSlip],
  ];
}

/** The council's own variance formulas, "Over/(Under)" = forecast − budget, one reversed. */
function overUnderFormulas(forecastOut: number): Rows {
  const forecastTotal = FORECAST + forecastOut;
  return [
    ["Borsetshire County Council: revenue monitoring"],
    [],
    ["Service", "Revised budget £", "Forecast outturn £", "Variance Over/(Under) £"],
    [],
    ...LINES.map(([name, budget, forecast], k) => {
      const row = k + 5;
      return [
        name,
        budget,
        forecast,
        k === 3
          ? f(`=B${row}-C${row}`, budget - forecast)
          : f(`=C${row}-B${row}`, forecast - budget),
      ];
    }),
    ["Total", BUDGET, forecastTotal, forecastTotal - BUDGET],
  ];
}

describe("a variance total that follows from a wrong forecast total over a wrong line", () => {
  it("under/(over), all typed: the variance total is said in the forecast total's message", () => {
    expect(found(underOver(10_000))).toEqual([
      [
        "variance-mismatch@D6",
        "Variance is £76,800 but budget £2,110,500 − forecast £2,187,300 = -£76,800 (the sign " +
          "is reversed); variance here is budget less forecast, positive = underspend, as the " +
          "header states",
      ],
      [
        "total-mismatch@C11",
        "Forecast outturn £ is £8,741,700 but its lines (rows 5–10) sum to £8,731,700; it also " +
          "puts out D11, which follows from it",
      ],
    ]);
  });

  it("over/(under) with the council's formulas, one reversed: the same", () => {
    const rows = overUnderFormulas(-25_000);
    expect(cells(rows)).toEqual(["variance-mismatch@D8", "total-mismatch@C11"]);
    expect(found(rows)[1]?.[1]).toMatch(/; it also puts out D11, which follows from it$/);
  });

  it("a variance total out by more than the forecast total explains is its own error", () => {
    const rows = underOver(10_000, 5_000);
    expect(cells(rows)).toEqual([
      "variance-mismatch@D6",
      "total-mismatch@C11",
      "total-mismatch@D11",
    ]);
    expect(found(rows)[1]?.[1]).not.toMatch(/puts out/);
  });
});

describe("several reported figures on the total row", () => {
  it("a variance total typed from a wrong budget total and a wrong forecast total follows both", () => {
    const rows = underOver(10_000);
    const total = rows[10] as Entry[];
    rows[10] = [total[0], BUDGET + 3_000, FORECAST + 10_000, BUDGET + 3_000 - FORECAST - 10_000];
    expect(cells(rows)).toEqual([
      "variance-mismatch@D6",
      "total-mismatch@B11",
      "total-mismatch@C11",
    ]);
    for (const [, message] of found(rows).slice(1))
      expect(message).toMatch(/; it also puts out D11, which follows from it$/);
  });
  it("of three wrong totals on the row, the variance total follows the two it is worked from", () => {
    const rows: Rows = [
      ["Ambridge District Council: revenue monitoring"],
      [],
      ["Service", "Annual budget £", "Actual to date £", "Forecast outturn £", "Variance £"],
      [],
      ...LINES.map(([name, budget, forecast], k) => [
        name,
        budget,
        Math.round(forecast * 0.6),
        forecast,
        k === 2 ? budget - forecast : forecast - budget,
      ]),
      [
        "Total",
        BUDGET - 4_000,
        Math.round(FORECAST * 0.6) + 1_000,
        FORECAST + 10_000,
        FORECAST + 10_000 - (BUDGET - 4_000),
      ],
    ];
    const result = found(rows);
    expect(result.map(([at]) => at)).toEqual([
      "variance-mismatch@E7",
      "total-mismatch@B11",
      "total-mismatch@C11",
      "total-mismatch@D11",
    ]);
    const followers = result.filter(([, message]) =>
      message.endsWith("puts out E11, which follows from it"),
    );
    expect(followers.map(([at]) => at)).toEqual(["total-mismatch@B11", "total-mismatch@D11"]);
  });
});

describe("a variance total over a line whose budget is tbc", () => {
  /** £'000; line 4 has its budget tbc, line 6 its variance typed 10 too high. */
  function withTbc(forecastTotal: number): Rows {
    const lines: [string, number | string, number][] = [
      ["Planning", 2380, 2525],
      ["Environmental health", 1710, 1702],
      ["Housing options", 2450, 2895],
      ["Support fund admin", "tbc", 85],
      ["Waste", 5480, 5545],
      ["Leisure", 1390, 1376],
    ];
    const budget = 2380 + 1710 + 2450 + 5480 + 1390;
    return [
      ["Loamshire Borough Council"],
      [],
      ["Service", "Working budget", "Projected outturn", "Variance"],
      [null, "£000", "£000", "£000"],
      ...lines.map(([name, b, fc], k) => [
        name,
        b,
        fc,
        typeof b === "string" ? null : fc - b + (k === 4 ? 10 : 0),
      ]),
      ["Total net expenditure", budget, forecastTotal, forecastTotal - budget],
    ];
  }

  it("follows a forecast total wrong whether the tbc line's forecast is counted or not", () => {
    // Lines with a budget add to 14,043 (14,128 with the tbc line): typed 14,083.
    const rows = withTbc(14_083);
    expect(cells(rows)).toEqual(["variance-mismatch@D9", "total-mismatch@C11"]);
    expect(found(rows)[1]?.[1]).toMatch(/; it also puts out D11, which follows from it$/);
  });

  it("a variance total typed from a right forecast total but wrong by itself stays", () => {
    const rows = withTbc(14_043);
    const total = rows[10] as Entry[];
    rows[10] = [total[0], total[1], total[2], 14_043 - 13_410 + 7];
    expect(cells(rows)).toEqual(["variance-mismatch@D9", "total-mismatch@D11"]);
  });
});
