import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { Cell, CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A council's typed Variance % that is right at the precision its column shows is right, even
 * where Excel would round the exact share the other way (1.2 typed for 1.25%, shown "0.0"): check
 * finds nothing, and apply keeps the figure rather than rewrite it to show 1.3. A wrong one is
 * reported, in words a finance officer reads, and rewritten.
 */
const points = (value: number): Cell => ({ value, numberFormat: "0.0" });
const fraction = (value: number): Cell => ({ value, numberFormat: "0.0%" });

const HEADER: CellValue[] = ["Service", "Revised budget", "Forecast", "Variance", "Variance %"];
/** Lines in £'000: variance 150 on 12,000 is 1.25%; -100 on 8,000 is -1.25%; 40 on 8,200 0.49%. */
function table(pct: (share: number) => Entry, typed: [number, number, number]): Entry[][] {
  return [
    ["Revenue monitoring (£'000)"],
    HEADER,
    ["Finance", 4000, 4060, 60, pct(0.015)],
    ["Property", 12000, 12150, 150, pct(typed[0])],
    ["ICT", 8000, 7900, -100, pct(typed[1])],
    ["Housing", 8200, 8240, 40, pct(typed[2])],
  ];
}

const analyse = (rows: Entry[][]) => {
  const snapshot = workbook(sheet("Monitoring", rows));
  return { snapshot, analysis: analyseWorkbook(snapshot, { asOf: TODAY }) };
};
/** The rows (Excel) apply writes in the Variance % column (E). */
const writtenRows = (ops: readonly unknown[]) =>
  (ops as ColumnWrite[])
    .filter((o) => o.kind === "column" && o.column === 4)
    .flatMap((o) => o.cells.map((c) => c.row + 1));

describe("a typed Variance % right at the precision it shows", () => {
  it.each([
    ["in points under 0.0", (s: number) => points(withPoints(s))],
    ["as fractions under 0.0%", (s: number) => fraction(s)],
  ] as const)("%s: 1.2 for 1.25%% and -1.2 for -1.25%% kept, nothing found", (_, pct) => {
    // Typed half a step nearer zero than Excel rounds: 1.2 (1.25%), -1.2 (-1.25%); 0.5 (0.49%).
    const rows = table(pct, [0.012, -0.012, 0.005]);
    const { snapshot, analysis } = analyse(rows);
    expect(analysis.findings).toEqual([]);
    // A formula would show 1.3 and -1.3 there: kept. 1.5 and 0.5 a formula shows alike: written.
    expect(writtenRows(analysis.plan.operations)).toEqual([3, 6]);
    const after = applyPlanToSnapshot(snapshot, analysis.plan, { valuesOnly: false });
    expect(after.sheets[0]?.rows[3]?.[4]).toEqual(rows[3]?.[4]);
    expect(after.sheets[0]?.rows[4]?.[4]).toEqual(rows[4]?.[4]);
    const again = analyseWorkbook(after, { asOf: TODAY });
    expect(again.findings).toEqual([]);
    // Applied again, nothing changes: the kept figure stays kept.
    const twice = applyPlanToSnapshot(after, again.plan, { valuesOnly: false });
    expect(twice.sheets[0]?.rows).toEqual(after.sheets[0]?.rows);
  });

  it("a typed figure a half-step or more away is wrong: reported and rewritten", () => {
    const rows = table((s) => points(withPoints(s)), [0.011, -0.013, 0.025]);
    const { analysis } = analyse(rows);
    expect(analysis.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      [
        "variance-mismatch",
        "E4",
        "Variance % is 1.1% but the variance as a share of the budget is 1.3% (£150,000 of £12,000,000)",
      ],
      [
        "variance-mismatch",
        "E6",
        "Variance % is 2.5% but the variance as a share of the budget is 0.5% (£40,000 of £8,200,000)",
      ],
    ]);
    expect(writtenRows(analysis.plan.operations)).toEqual([3, 4, 5, 6]);
  });

  it("an income budget is measured by its size, and the message says so", () => {
    const rows: Entry[][] = [
      ["Revenue monitoring (£'000)"],
      HEADER,
      ["Finance", 4000, 4060, 60, points(1.5)],
      ["Fees and charges", -500, -540, -40, points(5)],
    ];
    const { analysis } = analyse(rows);
    expect(analysis.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      [
        "variance-mismatch",
        "E4",
        "Variance % is 5.0% but the variance as a share of the budget is -8.0% (-£40,000 of £500,000, the size of the budget of -£500,000)",
      ],
    ]);
  });
});

/** A share (0.0125) as the points a council types (1.25). */
function withPoints(share: number): number {
  return Math.round(share * 100 * 1e9) / 1e9;
}
