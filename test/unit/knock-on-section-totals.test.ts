import { analyseWorkbook } from "../../src/core/analyse";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Section and grand totals of a variance column that are wrong only through a cell already
 * reported: a variance subtotal =G9-E9 that is right though a typed line under it is reversed,
 * and a grand variance =C13-B13 over a typed grand forecast and a SUM that leaves out a row.
 * Each is said once, in its root's message.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY });

/** Two sections of three lines (Excel rows 5–7 and 10–12), subtotals on rows 8 and 13. */
function monitoring(options: {
  reversedLine?: boolean;
  budgetSumFrom?: number;
  grandForecast?: number;
}): Rows {
  const line = (name: string, budget: number, forecast: number, row: number): Rows[number] => [
    name,
    budget,
    forecast,
    f(`=C${row}-B${row}`, forecast - budget),
  ];
  const from = options.budgetSumFrom ?? 10;
  const placeBudget = [4000, 5000, 6000].slice(from - 10).reduce((a, b) => a + b, 0);
  const placeForecast = 4100 + 5300 + 5800;
  const grandBudget = 15000 + placeBudget;
  const grandForecast = options.grandForecast ?? 15900 + placeForecast;
  return [
    ["Riverside Council: revenue monitoring"],
    [],
    ["Service", "Revised budget £", "Forecast outturn £", "Variance Over/(Under) £"],
    ["People"],
    line("Care", 8000, 8400, 5),
    line("Early help", 3000, 2900, 6),
    line("Transport", 4000, 4600, 7),
    ["Total People", f("=SUM(B5:B7)", 15000), f("=SUM(C5:C7)", 15900), f("=C8-B8", 900)],
    ["Place"],
    line("Waste", 4000, 4100, 10),
    options.reversedLine ? ["Highways", 5000, 5300, -300] : line("Highways", 5000, 5300, 11),
    line("Parking", 6000, 5800, 12),
    [
      "Total Place",
      f(`=SUM(B${from}:B12)`, placeBudget),
      f("=SUM(C10:C12)", placeForecast),
      f("=C13-B13", placeForecast - placeBudget),
    ],
    [],
    [
      "Net expenditure",
      f("=B8+B13", grandBudget),
      options.grandForecast === undefined ? f("=C8+C13", grandForecast) : grandForecast,
      f("=C15-B15", grandForecast - grandBudget),
    ],
  ];
}

const found = (rows: Rows) =>
  analyse(rows).findings.map((x) => [`${x.code}@${x.cell}`, x.message] as const);

describe("variance totals that follow from a cell already reported", () => {
  it("a right variance subtotal over a reversed typed line is no error of its own", () => {
    expect(found(monitoring({ reversedLine: true }))).toEqual([
      [
        "variance-mismatch@D11",
        "Variance is -£300 but forecast £5,300 − budget £5,000 = £300 (the sign is reversed); " +
          "variance here is forecast less budget, positive = overspend, as the header states; " +
          "D13 is right: it adds up once this is put right",
      ],
    ]);
  });

  it("a grand variance over a typed grand forecast and a short SUM is folded into both", () => {
    const rows = monitoring({ reversedLine: true, budgetSumFrom: 11, grandForecast: 31000 });
    expect(found(rows).map(([at]) => at)).toEqual([
      "variance-mismatch@D11",
      "total-mismatch@B13",
      "total-mismatch@C15",
    ]);
    const messages = found(rows).map(([, message]) => message);
    expect(messages[1]).toMatch(/SUM\(B11:B12\) leaves out row 10; it also puts out D13 and D15/);
    expect(messages[2]).toMatch(/it also puts out D15, which follows from it$/);
  });

  it("a grand variance wrong in its own right stays", () => {
    const rows = monitoring({});
    const last = rows[14] as unknown[];
    last[3] = 1234;
    expect(found(rows).map(([at]) => at)).toEqual(["total-mismatch@D15"]);
  });
});
