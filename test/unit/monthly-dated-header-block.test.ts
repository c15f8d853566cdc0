import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { MonthlyTableReport } from "../../src/core/monthly";
import type { ColumnWrite } from "../../src/core/plan";
import { dateToSerial } from "../../src/core/values";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A monthly profile whose header block is three rows (or two): "Actual" / "Forecast" merged over
 * the month columns, the months as real dates shown mmm-yy under them, a units row ("£m",
 * "£000") under each month, and "Full Year", "Budget", "Variance Under/(Over)" each merged down
 * over the whole block. The dates are the months' headings, not a line of figures; the units row
 * is header, not amounts: one profile, its scale from the units, and only the planted variance.
 */

interface Layout {
  units: "£m" | "£000" | null;
  /** "Line" merged down over the block (true) or typed in the top row alone. */
  labelMerged: boolean;
  /** Months under "Actual": six (Apr–Sep) or eight (Apr–Nov). */
  actuals: 6 | 8;
}

const MONTH = (k: number) => ({
  value: dateToSerial(k < 9 ? 2025 : 2026, ((k + 3) % 12) + 1, 1),
  numberFormat: "mmm-yy",
});

/** Lines: name, twelve months, budget, typed variance (budget − full year). */
const LINES: [string, number[], number, number][] = [
  ["ISB", Array.from({ length: 12 }, () => 3), 35, -1],
  ["High needs", [1, 1, 2, 1, 1, 1, 2, 1, 1, 2, 1, 2], 17, 1], // right: 17 − 16 = 1
  ["Central", Array.from({ length: 12 }, () => 0.5), 5.5, 0.5], // planted sign: 5.5 − 6 = −0.5
];

function profile({ units, labelMerged, actuals }: Layout) {
  const groups = Array.from({ length: 12 }, (_, k) => (k < actuals ? "Actual" : "Forecast"));
  const rows: Entry[][] = [["Schools block - monthly profile"], []];
  rows.push(["Line", ...groups, "Full Year", "Budget", "Variance Under/(Over)"]);
  rows.push([null, ...Array.from({ length: 12 }, (_, k) => MONTH(k))]);
  if (units) rows.push([null, ...Array.from({ length: 12 }, () => units)]);
  for (const [name, months, budget, variance] of LINES) {
    const total = months.reduce((s, m) => s + m, 0);
    rows.push([name, ...months, total, budget, variance]);
  }
  const bottom = units ? 5 : 4;
  const merges = [`B3:${"ABCDEFGHIJKLM"[actuals]}3`, `${"ABCDEFGHIJKLM"[actuals + 1]}3:M3`];
  merges.push(`N3:N${bottom}`, `O3:O${bottom}`, `P3:P${bottom}`);
  if (labelMerged) merges.push(`A3:A${bottom}`);
  return sheet("Profile", rows, { merges });
}

const analyse = (layout: Layout): Analysis =>
  analyseWorkbook(workbook(profile(layout)), { asOf: TODAY });

const layouts: Layout[] = [
  { units: "£m", labelMerged: true, actuals: 6 },
  { units: "£000", labelMerged: false, actuals: 8 },
  { units: null, labelMerged: true, actuals: 8 },
];

describe("monthly profile: dated months under merged Actual/Forecast, headers merged down", () => {
  it.each(layouts)("reads one profile over the whole header block (%o)", (layout) => {
    const a = analyse(layout);
    expect(a.tables.map((t) => t.kind)).toEqual(["monthly-profile"]);
    const t = a.tables[0] as MonthlyTableReport;
    const last = layout.units ? 8 : 7;
    expect(t.range).toBe(`A3:P${last}`);
    expect(t.headerRows).toEqual(layout.units ? [3, 4, 5] : [3, 4]);
    expect(t.rows).toBe(3);
    expect(t.columns).toEqual({ label: "A", fullYear: "N", budget: "O", variance: "P" });
    expect(t.months.map((m) => [m.month, m.headerIsDate])).toEqual(
      ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"].map(
        (m, k) => [`${m}-${k < 9 ? 25 : 26}`, true],
      ),
    );
    expect(t.months.map((m) => m.status)).toEqual(
      Array.from({ length: 12 }, (_, k) => (k < layout.actuals ? "Actual" : "Forecast")),
    );
    expect(t.unit).toBe({ "£m": "£m", "£000": "£'000", none: "£" }[layout.units ?? "none"]);
    expect(t.variance).toEqual({ convention: "budget-minus-forecast", from: "header" });
  });

  it.each(layouts)("finds the planted variance and only it (%o)", (layout) => {
    const a = analyse(layout);
    const first = layout.units ? 6 : 5;
    expect(a.findings.map((x) => [x.code, x.cell])).toEqual([
      ["variance-mismatch", `P${first + 2}`],
    ]);
  });

  it.each(layouts)("writes the year totals and variances under the header only (%o)", (layout) => {
    const a = analyse(layout);
    const first = layout.units ? 6 : 5;
    const writes = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    expect(writes.map((w) => [w.column, w.header?.text ?? null])).toEqual([
      [13, null],
      [15, null],
    ]);
    const cells = (k: number) => writes[k]!.cells.map((c) => [c.row + 1, c.formula, c.value]);
    expect(cells(0)).toEqual(
      [36, 16, 6].map((v, k) => [first + k, `=SUM(B${first + k}:M${first + k})`, v]),
    );
    expect(cells(1).map(([row, , value]) => [row, value])).toEqual([
      [first, -1],
      [first + 1, 1],
      [first + 2, -0.5],
    ]);
  });
});
