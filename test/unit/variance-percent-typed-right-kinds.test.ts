import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { Cell } from "../../src/core/snapshot";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";
import { MONTH_NAMES } from "../helpers/monthly-builder";

/**
 * The other kinds that write a council's own Variance % column (projects with money, monthly
 * profiles) keep a typed share that is right at the precision it shows, as budget tables do:
 * 1.2 typed for 1.25% (a formula would show 1.3) stays; a wrong share is reported and rewritten.
 */
const points = (value: number): Cell => ({ value, numberFormat: "0.0" });

/** The Excel rows written in the column titled "Variance %". */
const written = (ops: readonly unknown[]) =>
  (ops as ColumnWrite[])
    .filter((o) => o.kind === "column" && o.title === "Variance %")
    .flatMap((o) => o.cells.map((c) => c.row + 1));

function appliedTwice(rows: Entry[][]) {
  const book = workbook(sheet("Sheet", rows));
  const a = analyseWorkbook(book, { asOf: TODAY });
  const after = applyPlanToSnapshot(book, a.plan, { valuesOnly: false });
  const again = analyseWorkbook(after, { asOf: TODAY });
  return { a, after, again };
}

describe("a typed Variance % right at its precision, in projects and monthly profiles", () => {
  it("projects with money: 1.2 for 1.25% kept, a wrong 4.0 reported and rewritten", () => {
    const rows: Entry[][] = [
      ["Project", "SRO", "Budget £", "Forecast £", "Variance £", "Variance %"],
      ["Hub", "Director A", 1200000, 1215000, 15000, points(1.2)],
      ["Roads", "Director B", 1000000, 1030000, 30000, points(3)],
      ["Pool", "Director C", 2000000, 2050000, 50000, points(4)],
    ];
    const { a, after, again } = appliedTwice(rows);
    expect(a.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      [
        "variance-mismatch",
        "F4",
        "Variance % is 4.0% but the variance as a share of the budget is 2.5% (£50,000 of £2,000,000)",
      ],
    ]);
    expect(written(a.plan.operations)).toEqual([3, 4]);
    expect(after.sheets[0]?.rows[1]?.[5]).toEqual(points(1.2));
    expect(again.findings).toEqual([]);
  });

  it("monthly profile: -1.2 for -1.25% kept, the others written", () => {
    // name, budget, full year, typed Variance % (points): variances 90 (1.5%), -25 (-1.25%).
    const lines: [string, number, number, number][] = [
      ["Nursing", 6000, 6090, 1.5],
      ["Day care", 2000, 1975, -1.2],
    ];
    const rows: Entry[][] = [
      ["Adult social care profile 2025/26 (£'000)"],
      [],
      ["Budget line", "Annual budget", ...MONTH_NAMES, "Full year", "Variance £", "Variance %"],
      ...lines.map(([name, budget, full, pct]) => {
        const month = Math.round((full / 12) * 10000) / 10000;
        const months = MONTH_NAMES.map((_, m) =>
          m < 11 ? month : Math.round((full - month * 11) * 10000) / 10000,
        );
        return [name, budget, ...months, full, full - budget, points(pct)];
      }),
    ];
    const { a, after, again } = appliedTwice(rows);
    expect(a.findings).toEqual([]);
    expect(written(a.plan.operations)).toEqual([4]);
    expect(after.sheets[0]?.rows[4]?.[16]).toEqual(points(-1.2));
    expect(again.findings).toEqual([]);
  });
});
