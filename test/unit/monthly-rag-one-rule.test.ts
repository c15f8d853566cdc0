import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A monthly profile's RAG column is checked and written by one rule, the one check uses: a rule
 * stated on another sheet ("Notes") applied to the check but not to the written formulas, so
 * what apply wrote disagreed with what check had said. And each line's colour is judged from its
 * true full year, what its months add to: a stated full year that disagrees with the months is
 * reported as a wrong total, and its colour does not follow it.
 */
type Rows = Parameters<typeof sheet>[1];
const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
const BUDGET = 1_200_000;

/**
 * Lines 1% over, 3% over and 8% over a budget of £1.2m (rows 2–4: budget B,
 * months C–N, full year O, RAG P). `fullYear` gives a line's full-year cell.
 */
function profile(rags: string[], fullYear: (k: number, months: number) => Rows[number][number]) {
  const rows: Rows = [["Service", "Budget £", ...MONTHS, "Full year £", "RAG"]];
  [1.01, 1.03, 1.08].forEach((share, k) => {
    const month = (BUDGET * share) / 12;
    rows.push([
      `Line ${k + 1}`,
      BUDGET,
      ...MONTHS.map(() => month),
      fullYear(k, month * 12),
      rags[k],
    ]);
  });
  return rows;
}
const NOTES: Rows = [["Notes"], ["RAG: Green below 2%, Amber 2% to 5%, Red over 5%"]];
const analyse = (rows: Rows, notes: Rows | null = NOTES) =>
  analyseWorkbook(workbook(sheet("Profile", rows), ...(notes ? [sheet("Notes", notes)] : [])), {
    asOf: TODAY,
  });
const brief = (rows: Rows, notes?: Rows | null) =>
  analyse(rows, notes)
    .findings.filter((x) => x.severity !== "info")
    .map((x) => `${x.severity} ${x.code}@${x.cell}`);
const ragWrites = (rows: Rows, notes?: Rows | null) =>
  analyse(rows, notes)
    .plan.operations.filter((o): o is ColumnWrite => o.kind === "column" && o.title === "RAG")
    .flatMap((o) => o.cells.map((c) => [c.row, c.value]));
const ragFormula = (rows: Rows, row: number) =>
  analyse(rows)
    .plan.operations.filter((o): o is ColumnWrite => o.kind === "column" && o.title === "RAG")
    .flatMap((o) => o.cells)
    .find((c) => c.row === row)?.formula;
const asTyped = (_: number, sum: number) => sum;

describe("a monthly profile whose RAG rule is stated on another sheet", () => {
  it("is checked and written by that rule: 1% over is Green", () => {
    const rows = profile(["Green", "Amber", "Red"], asTyped);
    expect(brief(rows)).toEqual([]);
    expect(ragWrites(rows)).toEqual([
      [1, "Green"],
      [2, "Amber"],
      [3, "Red"],
    ]);
    expect(ragFormula(rows, 1)).toContain(">=0.02*ABS(B2)");
  });

  it("a planted wrong colour is found, and written right by the same rule", () => {
    const rows = profile(["Green", "Green", "Red"], asTyped);
    expect(brief(rows)).toEqual(["error variance-mismatch@P3"]);
    expect(ragWrites(rows)).toEqual([
      [1, "Green"],
      [2, "Amber"],
      [3, "Red"],
    ]);
  });

  it("without the other sheet, both use the settings' rule: 1% over is Amber", () => {
    const rows = profile(["Amber", "Amber", "Red"], asTyped);
    expect(brief(rows, null)).toEqual([]);
    expect(ragWrites(rows, null)).toEqual([
      [1, "Amber"],
      [2, "Amber"],
      [3, "Red"],
    ]);
  });
});

describe("a monthly profile's RAG judged from the true full year", () => {
  it("a typed full year that disagrees with its months: the total is wrong, the colour is not", () => {
    // Line 1's months add to £1,212,000 (1% over, Green); its full year is typed £1,296,000.
    const rows = profile(["Green", "Amber", "Red"], (k, sum) => (k === 0 ? 1_296_000 : sum));
    expect(brief(rows)).toEqual(["error total-mismatch@O2"]);
    expect(ragWrites(rows)).toEqual([
      [1, "Green"],
      [2, "Amber"],
      [3, "Red"],
    ]);
  });

  it("a kept full-year formula leaving out a month: the colour reads the months themselves", () => {
    // Line 3's months add to £1,296,000 (8% over, Red); its formula leaves out March: £1,188,000.
    const rows = profile(["Green", "Amber", "Red"], (k, sum) =>
      k === 2 ? f("=SUM(C4:M4)", (sum * 11) / 12) : sum,
    );
    expect(brief(rows)).toEqual(["error total-mismatch@O4"]);
    expect(ragWrites(rows)).toEqual([
      [1, "Green"],
      [2, "Amber"],
      [3, "Red"],
    ]);
    expect(ragFormula(rows, 3)).toMatch(/^=IF\(ISNUMBER\(B4\),IF\(SUM\(C4:N4\)-B4<=0\.005,/);
  });
});
