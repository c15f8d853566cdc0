import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";
import { MONTH_NAMES } from "../helpers/monthly-builder";

/**
 * A monthly profile with no Full year and no Variance column, one line's budget left blank (a
 * trial's Libraries sheet): the line has no variance, so the total row's variance written beside
 * it is the SUM of the lines' variances — what check judges a total row by — not total forecast
 * less total budget, which would count the unbudgeted line's full year and disagree with the
 * lines above it. Check of the applied workbook finds nothing new.
 */
const LINES: [string, number | null, number][] = [
  ["Central library", 600, 52], // full year 624, variance 24
  ["Heritage centre", null, 5], // no budget: full year 60, variance blank
  ["Room hire income", -36, -2], // full year −24, variance 12
];

function libraries() {
  const rows: Entry[][] = [
    ["Libraries spend profile (£)"],
    [],
    ["Budget line", "Budget 2025/26", ...MONTH_NAMES],
  ];
  LINES.forEach(([name, budget, month]) =>
    rows.push([name, budget, ...MONTH_NAMES.map(() => month)]),
  );
  const total: Entry[] = ["Total"];
  for (let c = 1; c <= 13; c++) {
    const letter = String.fromCharCode(65 + c);
    const values = LINES.map(([, budget, month]) => (c === 1 ? (budget ?? 0) : month));
    total.push(
      f(
        `=SUM(${letter}4:${letter}6)`,
        values.reduce((s, v) => s + v, 0),
      ),
    );
  }
  rows.push(total);
  return workbook(sheet("Libraries", rows));
}

describe("monthly profile: a line with no budget and the total row's variance", () => {
  const book = libraries();
  const analysis = analyseWorkbook(book, { asOf: TODAY });

  it("reports the blank budget, and nothing else", () => {
    expect(analysis.findings.map((x) => [x.code, x.cell, x.message])).toEqual([
      [
        "missing-value",
        "B5",
        "Budget 2025/26 is blank for Heritage centre, which has a full year of £60",
      ],
    ]);
  });

  it("writes the total row's variance as the SUM of the lines' variances", () => {
    const variance = analysis.plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.title === "Variance",
    );
    expect(variance?.cells.map((c) => [c.row + 1, c.formula, c.value])).toEqual([
      [4, '=IF(AND(ISNUMBER(O4),ISNUMBER(B4)),O4-B4,"")', 24],
      [5, '=IF(AND(ISNUMBER(O5),ISNUMBER(B5)),O5-B5,"")', ""],
      [6, '=IF(AND(ISNUMBER(O6),ISNUMBER(B6)),O6-B6,"")', 12],
      [7, "=SUM(P4:P6)", 36],
    ]);
  });

  it("adds no finding when the applied workbook is checked again", () => {
    const applied = applyPlanToSnapshot(book, analysis.plan, { valuesOnly: false });
    const again = analyseWorkbook(applied, { asOf: TODAY });
    expect(again.findings.map((x) => [x.code, x.cell])).toEqual([["missing-value", "B5"]]);
    expect(again.plan.operations).toEqual([]);
  });
});
