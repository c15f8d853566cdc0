import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { Cell, CellValue } from "../../src/core/snapshot";
import { yearCountOf } from "../../src/core/capital/total-years";
import { TODAY, sheet, workbook } from "../helpers/builders";

/**
 * A programme's row total whose header names no range of years ("4-year total", "Total
 * (£'000)", "Total Programme") beside a year that is not the programme's ("2024/25 Actual"):
 * the totals add the four programme years. Read as adding every year, every scheme's total
 * disagreed, the column was set aside as not understood, and the one wrong total planted in it
 * was lost under that warning. The figures say which years the totals add; where they say
 * nothing, the warning names the cells left unchecked.
 */
type Line = [string, number, number, number, number, number];
const LINES: Line[] = [
  // Scheme, 2024/25 actual, then the four programme years.
  ["School expansion", 40, 100, 200, 300, 50],
  ["Schools condition", 12, 50, 50, 50, 50],
  ["Highways maintenance", 380, 400, 300, 200, 100],
  ["Flood alleviation", 0, 10, 20, 30, 40],
  ["Fleet replacement", 7, 5, 0, 5, 0],
];

/**
 * Rows (1-based): title 1, header 3, qualifiers 4, units 5 (when kept), lines from 6 (or 5);
 * total column G. `totalOf` gives each line's typed row total.
 */
function programme(header: string, units: boolean, totalOf: (line: Line, k: number) => number) {
  const rows: (CellValue | Cell)[][] = [
    ["Anytown Council Capital Programme"],
    [],
    ["Scheme", "2024/25", "2025/26", "2026/27", "2027/28", "2028/29", header],
    [null, "Actual", "Revised", "Estimate", "Estimate", "Estimate", null],
  ];
  if (units) rows.push([null, "£'000", "£'000", "£'000", "£'000", "£'000", "£'000"]);
  LINES.forEach((line, k) => rows.push([...line, totalOf(line, k)]));
  const column = (c: number) => LINES.reduce((s, l) => s + (l[c] as number), 0);
  const totals = LINES.map(totalOf);
  rows.push([
    "Total capital programme",
    ...[1, 2, 3, 4, 5].map(column),
    totals.reduce((a, b) => a + b, 0),
  ]);
  return workbook(sheet("Capital", rows));
}

const fourYears = (l: Line) => l[2] + l[3] + l[4] + l[5];
const brief = (fs: readonly { severity: string; code: string; cell: string }[]) =>
  fs.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.code}@${f.cell}`);

describe("capital programme: a row total named without its years", () => {
  it.each([
    ["4-year total", true],
    ["Total (£'000)", true],
    ["Total Programme", false],
    ["Four year programme total", false],
  ])("%s (units row %s): the planted wrong total is found", (header, units) => {
    // Flood alleviation's total is 10 too much (£10,000 in £'000; £10 with no units row).
    const a = analyseWorkbook(
      programme(header, units, (l, k) => fourYears(l) + (k === 3 ? 10 : 0)),
      { asOf: TODAY },
    );
    const first = units ? 6 : 5;
    expect(brief(a.findings)).toEqual([`error total-mismatch@G${first + 3}`]);
    expect(a.findings.find((f) => f.code === "total-mismatch")?.message).toBe(
      units
        ? `${header} is £110,000 but the years 2025/26 to 2028/29 add to £100,000`
        : `${header} is £110 but the years 2025/26 to 2028/29 add to £100`,
    );
    // The wrong total, and only it, becomes the SUM of the four programme years.
    const writes = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    const cells = writes.flatMap((w) => w.cells.map((c) => ({ ...c, column: w.column })));
    const row = first + 2;
    expect(cells.filter((c) => c.row === row && c.column === 6)).toEqual([
      expect.objectContaining({ formula: `=SUM(C${row + 1}:F${row + 1})`, value: 100 }),
    ]);
  });

  it("a total whose figures fit no run of years says which cells went unchecked", () => {
    const odd = [999, 1, 77, 5000, 3];
    const a = analyseWorkbook(
      programme("Total", true, (_, k) => odd[k] ?? 0),
      { asOf: TODAY },
    );
    const warning = a.findings.find((f) => f.code === "total-mismatch");
    expect(warning?.severity).toBe("warning");
    expect(warning?.message).toMatch(/nothing written; unchecked: G6:G10$/);
  });

  it.each([
    ["4-year total", 4],
    ["Four year programme total", 4],
    ["5 yr total", 5],
    ["Total 2025-29", null],
    ["Total (£'000)", null],
  ])("%s counts %s years", (header, n) => {
    expect(yearCountOf(header)).toBe(n);
  });
});
