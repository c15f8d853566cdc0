import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A total row whose total is left blank where its column should hold a sum: the blank is the
 * fault, named on its own cell, and the total above that adds it is judged as if it held its sum
 * (so a grand total right for the figures is not blamed for the gap below it).
 */
type Rows = Parameters<typeof sheet>[1];
const monitor = (peopleBudget: number | null | string, grandBudget: number): Rows => [
  ["Service area", "Budget £", "Forecast £", "Variance £"],
  ["Place"],
  ["Highways line 1", 500_000, 520_000, f("=C3-B3", 20_000)],
  ["Highways line 2", 300_000, 290_000, f("=C4-B4", -10_000)],
  [null, f("=SUM(B3:B4)", 800_000), f("=SUM(C3:C4)", 810_000), f("=SUM(D3:D4)", 10_000)],
  ["Parks line 1", 120_000, 125_000, f("=C6-B6", 5_000)],
  ["Parks line 2", 80_000, 80_000, f("=C7-B7", 0)],
  [null, f("=SUM(B6:B7)", 200_000), f("=SUM(C6:C7)", 205_000), f("=SUM(D6:D7)", 5_000)],
  ["Total Place", f("=B5+B8", 1_000_000), f("=C5+C8", 1_015_000), f("=D5+D8", 15_000)],
  ["People"],
  ["Adults line 1", 2_000_000, 2_100_000, f("=C11-B11", 100_000)],
  ["Adults line 2", 900_000, 880_000, f("=C12-B12", -20_000)],
  [null, f("=SUM(B11:B12)", 2_900_000), f("=SUM(C11:C12)", 2_980_000), f("=SUM(D11:D12)", 80_000)],
  ["Children line 1", 1_500_000, 1_540_000, f("=C14-B14", 40_000)],
  ["Children line 2", 700_000, 690_000, f("=C15-B15", -10_000)],
  [null, f("=SUM(B14:B15)", 2_200_000), f("=SUM(C14:C15)", 2_230_000), f("=SUM(D14:D15)", 30_000)],
  ["Total People", peopleBudget, f("=C13+C16", 5_210_000), f("=D13+D16", 110_000)],
  ["TOTAL NET BUDGET", grandBudget, f("=C9+C17", 6_225_000), f("=D9+D17", 125_000)],
];

const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY });
const findings = (rows: Rows) =>
  analyse(rows).findings.map((x) => [x.code, x.cell, x.message, x.expected, x.actual]);

describe("a blank total cell", () => {
  it("is the finding; the grand total right for the figures is not blamed", () => {
    expect(findings(monitor(null, 6_100_000))).toEqual([
      [
        "total-mismatch",
        "B17",
        "Budget £ total is blank but the totals it adds (rows 13, 16) sum to £5,100,000",
        5_100_000,
        null,
      ],
    ]);
  });

  it("a grand total wrong on its own is still reported, the blank taken at its sum", () => {
    expect(findings(monitor(null, 6_101_000))).toEqual([
      [
        "total-mismatch",
        "B17",
        "Budget £ total is blank but the totals it adds (rows 13, 16) sum to £5,100,000",
        5_100_000,
        null,
      ],
      [
        "total-mismatch",
        "B18",
        "Budget £ is £6,101,000 but the totals it adds (rows 9, 17) sum to £6,100,000 (blank B17 taken as £5,100,000)",
        6_100_000,
        6_101_000,
      ],
    ]);
  });

  it("the variance column written is the same as with the total filled in", () => {
    const written = (rows: Rows) =>
      analyse(rows)
        .plan.operations.filter((o): o is ColumnWrite => o.kind === "column")
        .map((o) => [o.column, o.cells.map((c) => [c.row + 1, c.formula ?? c.value])]);
    const blank = written(monitor(null, 6_100_000));
    expect(blank).toEqual(written(monitor(5_100_000, 6_100_000)));
    // Forecast − budget on every line, as the council's own formulas say.
    // The council's variances are right and left alone; Variance %, a status and a RAG are
    // added beside them on every row with figures, the blank total's row too: its Variance %
    // reads the blank as Excel does (not a number: shown empty), never as a total of 0.
    const rows = [3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18];
    expect(blank.map(([column, cells]) => [column, (cells as [number][]).map(([r]) => r)])).toEqual(
      [4, 5, 6].map((column) => [column, rows]),
    );
    const percent = blank[0]?.[1] as [number, string][];
    expect(percent.find(([r]) => r === 17)?.[1]).toBe(
      '=IF(AND(ISNUMBER(D17),ISNUMBER(B17)),IF(B17=0,"",D17/ABS(B17)),"")',
    );
  });

  it("a filled total and a stated nil (a dash) are no blanks", () => {
    expect(findings(monitor(5_100_000, 6_100_000))).toEqual([]);
    expect(findings(monitor("-", 6_100_000)).filter(([, cell]) => cell === "B17")).toEqual([]);
  });
});
