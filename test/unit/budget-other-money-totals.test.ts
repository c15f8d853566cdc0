import { analyseWorkbook } from "../../src/core/analyse";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Every money column of a budget table has its totals checked by arithmetic, not only the budget,
 * forecast and variance: next year's "Budget £" under its own year, an "Indicative £" or a
 * "Draft budget £" beside this year's columns. Columns of words or percentages are not summed.
 */
type Rows = Parameters<typeof sheet>[1];

/** This year's Budget/Forecast/Variance under "2025/26", two more columns under "2026/27". */
function twoYears(nextYear: [string, string], typedSubtotal: number | null): Rows {
  return [
    ["Ashby Town Council"],
    ["Budget and forecast"],
    [],
    ["Cost centre", "2025/26", "2025/26", "2025/26", "2026/27", "2026/27"],
    ["Cost centre", "Budget £", "Forecast £", "Variance £", ...nextYear],
    ["Admin", 120000, 118500, f("=C6-B6", -1500), 125000, 126000],
    ["Members", 34000, 35200, f("=C7-B7", 1200), 35000, 35500],
    [
      null,
      f("=SUM(B6:B7)", 154000),
      f("=SUM(C6:C7)", 153700),
      f("=C8-B8", -300),
      typedSubtotal ?? f("=SUM(E6:E7)", 160000),
      f("=SUM(F6:F7)", 161500),
    ],
    ["Parks", 56000, 55100, f("=C9-B9", -900), 57000, 58000],
    ["Play", 9000, 9900, f("=C10-B10", 900), 9200, 9300],
    [
      null,
      f("=SUM(B9:B10)", 65000),
      f("=SUM(C9:C10)", 65000),
      f("=C11-B11", 0),
      f("=SUM(E9:E10)", 66200),
      f("=SUM(F9:F10)", 67300),
    ],
    [
      "Total",
      f("=B8+B11", 219000),
      f("=C8+C11", 218700),
      f("=D8+D11", -300),
      f("=E8+E11", 226200),
      f("=F8+F11", 228800),
    ],
  ];
}

const findingsOf = (rows: Rows) =>
  analyseWorkbook(workbook(sheet("Medium term", rows, { merges: ["A4:A5", "B4:D4", "E4:F4"] })), {
    asOf: TODAY,
  }).findings.map((x) => ({ at: `${x.code}@${x.cell}`, expected: x.expected, actual: x.actual }));

describe("totals of every money column of a budget table", () => {
  it.each([
    [["Budget £", "Indicative £"]],
    [["Draft budget £", "Indicative £"]],
    [["Estimate", "Indicative £"]],
  ] as [[string, string]][])(
    "a typed subtotal in next year's %j is checked by arithmetic",
    (headers) => {
      expect(findingsOf(twoYears(headers, 160500))).toEqual([
        { at: "total-mismatch@E8", expected: 160000, actual: 160500 },
      ]);
    },
  );

  it("right totals in those columns raise nothing", () => {
    expect(findingsOf(twoYears(["Budget £", "Indicative £"], null))).toEqual([]);
    expect(findingsOf(twoYears(["Budget £", "Indicative £"], 160000))).toEqual([]);
  });

  it("a column of percentages beside the money is not summed", () => {
    const rows = twoYears(["Budget £", "Growth %"], null).map((row, k) =>
      k >= 5 ? [...row.slice(0, 5), 0.04] : row,
    );
    expect(findingsOf(rows)).toEqual([]);
  });
});
