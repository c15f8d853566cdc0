import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { MonthlyTableReport } from "../../src/core/monthly";
import type { ColumnWrite } from "../../src/core/plan";
import type { Cell } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";
import { MONTH_NAMES } from "../helpers/monthly-builder";

/**
 * A monthly profile whose month names sit in the SECOND header row: "Service", "Budget" and
 * "Outturn" (or "Full year") merged down over both header rows, "Actuals" / "Forecast" merged over
 * the months or nothing over them, "Variance" stacked over "Adverse/(Favourable)", and optionally a
 * "£'000" units row. The whole block is one header: the council's Outturn is the full year
 * (checked as the SUM of the months, written only where it is not a formula), its variance is
 * checked with the convention the header states, no column is added and no empty budget table is
 * read from the top header row.
 */
interface Layout {
  fullYear: "Outturn" | "Full year";
  /** "Actuals" merged over April–November and "Forecast" over December–March. */
  groups: boolean;
  units: boolean;
}

type Entry = Cell | string | number | null;

/** Lines: name, budget, each month's figure; planted: O of Guardianship typed, P of Fostering typed. */
function build(layout: Layout) {
  const rows: Entry[][] = [];
  const top: Entry[] = ["Service", "Budget"];
  for (let k = 0; k < 12; k++) top.push(layout.groups ? (k < 8 ? "Actuals" : "Forecast") : null);
  top.push(layout.fullYear, "Variance");
  rows.push(top, [null, null, ...MONTH_NAMES, null, "Adverse/(Favourable)"]);
  if (layout.units) rows.push([null, ...Array.from({ length: 15 }, () => "£'000")]);
  const first = rows.length; // 0-based row of the first line
  const r = (k: number) => first + k + 1; // its Excel row
  const lines: [string, number, number][] = [
    ["Fostering", 1200, 100],
    ["Guardianship", 620, 50],
    ["Residential", 2400, 210],
  ];
  lines.forEach(([name, budget, month], k) => {
    const row: Entry[] = [name, budget, ...Array.from({ length: 12 }, () => month)];
    row.push(f(`=SUM(C${r(k)}:N${r(k)})`, month * 12));
    row.push(f(`=O${r(k)}-B${r(k)}`, month * 12 - budget));
    rows.push(row);
  });
  rows[first + 1]![14] = 590; // planted: typed outturn, the months add to 600
  rows[first]![15] = -10; // planted: typed variance, 1,200 − 1,200 = 0
  rows[first + 2]![15] = 120; // typed, and right: 2,520 − 2,400
  const groupMerges = layout.groups ? ["C1:J1", "K1:N1"] : [];
  const snapshot = sheet("P8", rows, { merges: ["A1:A2", "B1:B2", "O1:O2", ...groupMerges] });
  return { snapshot, first };
}

const analyse = (layout: Layout): Analysis =>
  analyseWorkbook(workbook(build(layout).snapshot), { asOf: TODAY });

const layouts: Layout[] = [
  { fullYear: "Outturn", groups: false, units: false },
  { fullYear: "Outturn", groups: true, units: true },
  { fullYear: "Full year", groups: true, units: false },
  { fullYear: "Full year", groups: false, units: true },
];

describe("monthly profile: months in the second header row under merged labels", () => {
  it.each(layouts)("reads one profile over the whole header block (%o)", (layout) => {
    const a = analyse(layout);
    expect(a.tables.map((t) => t.kind)).toEqual(["monthly-profile"]);
    const t = a.tables[0] as MonthlyTableReport;
    const last = layout.units ? 6 : 5;
    expect(t.range).toBe(`A1:P${last}`);
    expect(t.headerRows).toEqual(layout.units ? [1, 2, 3] : [1, 2]);
    expect(t.rows).toBe(3);
    expect(t.columns).toEqual({ label: "A", budget: "B", fullYear: "O", variance: "P" });
    expect(t.months.map((m) => m.month)).toEqual(MONTH_NAMES.map((m) => m.slice(0, 3)));
    expect(t.months.map((m) => m.status)).toEqual(
      MONTH_NAMES.map((_, k) => (layout.groups ? (k < 8 ? "Actual" : "Forecast") : null)),
    );
    expect(t.unit).toBe(layout.units ? "£'000" : "£");
    expect(t.variance).toEqual({ convention: "forecast-minus-budget", from: "header" });
  });

  it.each(layouts)("finds the typed outturn and the wrong variance, only them (%o)", (layout) => {
    const a = analyse(layout);
    const { first } = build(layout);
    const say = (n: number) =>
      layout.units ? `£${(n * 1000).toLocaleString("en-GB")}` : `£${n.toLocaleString("en-GB")}`;
    expect(a.findings.map((x) => [x.code, x.cell, x.message])).toEqual([
      [
        "variance-mismatch",
        `P${first + 1}`,
        `Variance Adverse/(Favourable) is -${say(10)} but ${layout.fullYear} ${say(1200)} − ` +
          `Budget ${say(1200)} = £0 (forecast less budget, positive = overspend, as its header states)`,
      ],
      [
        "total-mismatch",
        `O${first + 2}`,
        `${layout.fullYear} is ${say(590)} but the months Apr to Mar add to ${say(600)}`,
      ],
    ]);
  });

  it.each(layouts)("writes into the council's own columns, adding none (%o)", (layout) => {
    const a = analyse(layout);
    const { first } = build(layout);
    const writes = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    expect(a.plan.operations.filter((o) => o.kind !== "column")).toEqual([]);
    expect(writes.map((w) => [w.column, w.header])).toEqual([
      [14, null],
      [15, null],
    ]);
    const [fullYear, variance] = writes;
    const r = (k: number) => first + k + 1;
    expect(fullYear?.cells.map((c) => [c.row, c.formula, c.value])).toEqual([
      [first + 1, `=SUM(C${r(1)}:N${r(1)})`, 600],
    ]);
    const ifVariance = (k: number) =>
      `=IF(AND(ISNUMBER(O${r(k)}),ISNUMBER(B${r(k)})),O${r(k)}-B${r(k)},"")`;
    expect(variance?.cells.map((c) => [c.row, c.formula, c.value])).toEqual([
      [first, ifVariance(0), 0],
      [first + 2, ifVariance(2), 120],
    ]);
  });
});
