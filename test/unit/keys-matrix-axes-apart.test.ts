import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import { cellAddress } from "../../src/core/a1";
import type { Finding } from "../../src/core/findings";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { readColouredMatrixKey } from "../../src/core/tables/coloured-matrix-key";
import { readMatrixKey } from "../../src/core/tables/matrix-key";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A coloured risk matrix whose axis labels stand one row or one column away from the grid (issue
 * 12, keys anywhere): a blank row between the grid and its impact labels, a blank column between
 * the likelihood labels and the grid, or both; impact along the foot or the top. It is the key:
 * its bands come from the colours (scores in the cells, a coloured legend naming them) or from
 * the band words in its cells, and the priority written is the sheet's own word.
 */
type Band = [from: number, to: number, label: string, fill: string];
/** 5×5: 4 is Medium here (Low by the defaults), so a blank priority on score 4 tells them apart. */
const FIVE: Band[] = [
  [1, 3, "Low", "#92d050"],
  [4, 9, "Medium", "#ffc000"],
  [10, 16, "High", "#ff0000"],
  [20, 25, "Very high", "#7030a0"],
];
/** 4×4 in the colours' own words: the defaults' Low / Medium / High are never written. */
const FOUR: Band[] = [
  [1, 3, "Green", "#00b050"],
  [4, 8, "Amber", "#ffc000"],
  [9, 16, "Red", "#c00000"],
];
const LIKELIHOOD = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
const IMPACT = ["Insignificant", "Minor", "Moderate", "Major", "Catastrophic"];
/** Axes in the sheet's own words: no standard scale names them, the matrix's order numbers them. */
const OWN_LIKELIHOOD = ["Remote", "Unlikely", "Possible", "Probable", "Highly probable"];
const OWN_IMPACT = ["Negligible", "Minor", "Moderate", "Serious", "Critical"];

interface Layout {
  bands: Band[];
  n: 4 | 5;
  /** Scores in the cells with a coloured legend below, or the band words in the cells. */
  cells: "scores" | "words";
  impactAt: "foot" | "top";
  rowGap: boolean;
  columnGap: boolean;
  axes: "numbers" | "words" | "own words";
}

const bandOf = (bands: Band[], score: number) =>
  bands.find(([from, to]) => score >= from && score <= to) as Band;

/**
 * The matrix at (top, left) of `rows`: the likelihood labels down column `left` (n at the top),
 * the grid one column further on (two with a gap), the impact labels along its foot or top (one
 * blank row between with a gap); a legend of the bands' words, filled, two rows under it all.
 * Returns the top-left grid cell.
 */
function putMatrix(
  rows: CellValue[][],
  fills: Record<string, string>,
  top: number,
  left: number,
  layout: Layout,
): string {
  const { n, bands } = layout;
  const put = (r: number, c: number, v: CellValue) => {
    while (rows.length <= r) rows.push([]);
    const row = rows[r] as CellValue[];
    while (row.length <= c) row.push(null);
    row[c] = v;
  };
  const gridLeft = left + (layout.columnGap ? 2 : 1);
  const axisAbove = layout.impactAt === "top";
  const gridTop = axisAbove ? top + (layout.rowGap ? 2 : 1) : top;
  const impactRow = axisAbove ? top : gridTop + n + (layout.rowGap ? 1 : 0);
  for (let k = 0; k < n; k++) {
    const l = n - k;
    put(gridTop + k, left, axisLabel(layout, LIKELIHOOD, OWN_LIKELIHOOD, l));
    for (let i = 1; i <= n; i++) {
      const [, , label, fill] = bandOf(bands, l * i);
      put(gridTop + k, gridLeft + i - 1, layout.cells === "words" ? label : l * i);
      fills[cellAddress(gridTop + k, gridLeft + i - 1)] = fill;
    }
  }
  for (let i = 1; i <= n; i++)
    put(impactRow, gridLeft + i - 1, axisLabel(layout, IMPACT, OWN_IMPACT, i));
  if (layout.cells === "scores") {
    const legendRow = Math.max(impactRow, gridTop + n - 1) + 2;
    bands.forEach(([, , label, fill], k) => {
      put(legendRow + k, gridLeft, label);
      fills[cellAddress(legendRow + k, gridLeft)] = fill;
    });
  }
  return cellAddress(gridTop, gridLeft);
}

/** An axis point's label: its number, a standard scale's word, or the sheet's own word. */
const axisLabel = (layout: Layout, standard: string[], own: string[], point: number): CellValue =>
  layout.axes === "numbers"
    ? point
    : ((layout.axes === "words" ? standard : own)[point - 1] as string);

/** Ref | Risk | Likelihood | Impact | Score | Priority; `stated` priorities, null where blank. */
function register(risks: [number, number, string | null][]): CellValue[][] {
  return [
    ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"],
    ...risks.map(([l, i, stated], k) => [`R${k + 1}`, `Risk ${k + 1}`, l, i, l * i, stated]),
  ];
}

/** 5-point risks: R5's "Medium" is planted (10 is High); the rest are blank, to be written. */
const RISKS_5: [number, number, string | null][] = [
  [2, 2, null],
  [1, 3, null],
  [3, 3, null],
  [4, 5, null],
  [2, 5, "Medium"],
];
/** 4-point risks: R2's "Green" is planted (4 is Amber). */
const RISKS_4: [number, number, string | null][] = [
  [1, 2, null],
  [2, 2, "Green"],
  [2, 4, null],
  [3, 4, null],
  [4, 4, null],
];

const brief = (findings: Finding[]) =>
  findings.map((f) => [f.severity, f.code, `${f.sheet}!${f.cell}`, f.message]);
const priorityWrites = (ops: readonly unknown[]) =>
  (ops as ColumnWrite[])
    .filter((o) => o.kind === "column" && o.column === 5)
    .flatMap((o) => o.cells.map((c) => c.value));

/** What the key must give: each band's words over the scores the grid holds for it. */
function expectedBands(layout: Layout) {
  const held = Array.from({ length: layout.n ** 2 }, (_, k) => {
    return (Math.floor(k / layout.n) + 1) * ((k % layout.n) + 1);
  });
  return layout.bands.map(([from, to, label]) => {
    const scores = held.filter((s) => s >= from && s <= to);
    return { from: Math.min(...scores), to: Math.max(...scores), label };
  });
}

const LAYOUTS: [string, Layout][] = [
  [
    "5×5 scores, impact numbers one blank row under the grid",
    {
      bands: FIVE,
      n: 5,
      cells: "scores",
      impactAt: "foot",
      rowGap: true,
      columnGap: false,
      axes: "numbers",
    },
  ],
  [
    "5×5 scores, likelihood numbers one blank column left of the grid, impact on top",
    {
      bands: FIVE,
      n: 5,
      cells: "scores",
      impactAt: "top",
      rowGap: false,
      columnGap: true,
      axes: "numbers",
    },
  ],
  [
    "5×5 scores, word axes, both a blank row and a blank column",
    {
      bands: FIVE,
      n: 5,
      cells: "scores",
      impactAt: "foot",
      rowGap: true,
      columnGap: true,
      axes: "words",
    },
  ],
  [
    "5×5 scores, axes in the sheet's own words, impact on top one blank row apart",
    {
      bands: FIVE,
      n: 5,
      cells: "scores",
      impactAt: "top",
      rowGap: true,
      columnGap: false,
      axes: "own words",
    },
  ],
  [
    "4×4 band words, impact numbers one blank row over the grid",
    {
      bands: FOUR,
      n: 4,
      cells: "words",
      impactAt: "top",
      rowGap: true,
      columnGap: false,
      axes: "numbers",
    },
  ],
  [
    "4×4 band words, likelihood one blank column apart, impact one blank row under",
    {
      bands: FOUR,
      n: 4,
      cells: "words",
      impactAt: "foot",
      rowGap: true,
      columnGap: true,
      axes: "numbers",
    },
  ],
];

describe("a risk matrix whose axis labels stand one row or column away from the grid", () => {
  it.each(LAYOUTS)("beside the register is its key (%s)", (_name, layout) => {
    const five = layout.n === 5;
    const rows = register(five ? RISKS_5 : RISKS_4);
    const fills: Record<string, string> = {};
    const at = putMatrix(rows, fills, 1, 8, layout);
    const a = analyseWorkbook(workbook({ ...sheet("Risks", rows), keyFills: fills }), {
      asOf: TODAY,
    });
    expect(a.tables.filter(isRiskReport)[0]?.bands).toMatchObject({
      source: "sheet",
      at,
      bands: expectedBands(layout),
    });
    expect(brief(a.findings)).toEqual([
      five
        ? [
            "error",
            "priority-mismatch",
            "Risks!F6",
            'Priority is "Medium" but score 10 is in band 10-16 High',
          ]
        : [
            "error",
            "priority-mismatch",
            "Risks!F3",
            'Priority is "Green" but score 4 is in band 4-8 Amber',
          ],
    ]);
    expect(priorityWrites(a.plan.operations)).toEqual(
      five
        ? ["Medium", "Low", "Medium", "Very high", "High"]
        : ["Green", "Amber", "Amber", "Red", "Red"],
    );
  });

  it.each(LAYOUTS)("on a sheet of its own is lent to the register (%s)", (_name, layout) => {
    const five = layout.n === 5;
    const rows: CellValue[][] = [["Risk scoring matrix"], []];
    const fills: Record<string, string> = {};
    const at = putMatrix(rows, fills, 2, 1, layout);
    const a = analyseWorkbook(
      workbook(sheet("Register", register(five ? RISKS_5 : RISKS_4)), {
        ...sheet("Matrix", rows),
        keyFills: fills,
      }),
      { asOf: TODAY },
    );
    expect(a.tables.filter(isRiskReport)[0]?.bands).toMatchObject({
      source: "workbook",
      at: `Matrix!${at}`,
      bands: expectedBands(layout),
    });
    expect(a.findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`)).toEqual([
      five ? "priority-mismatch@Register!F6" : "priority-mismatch@Register!F3",
      "layout-not-found@Matrix!A1",
    ]);
  });

  it("a row between the grid and its axis that is not blank parts them: no key", () => {
    const layout = LAYOUTS[0]![1];
    const rows: CellValue[][] = [["Risk scoring matrix"], []];
    const fills: Record<string, string> = {};
    putMatrix(rows, fills, 2, 1, layout);
    // The gap row (under the grid's last row, 7) holds a note across the grid: no gap, no axis.
    const gap = rows[7] as CellValue[];
    gap[3] = "see note";
    const s: SheetSnapshot = { ...sheet("Matrix", rows), keyFills: fills };
    expect(readColouredMatrixKey(s)).toBeNull();
  });

  it("a column of figures between the side axis and the grid parts them: no key", () => {
    const layout = LAYOUTS[5]![1];
    const rows: CellValue[][] = [];
    putMatrix(rows, {}, 0, 0, layout);
    expect(readMatrixKey(sheet("M", rows))?.at).toBe("C1");
    // Figures in the blank column: the grid's side axis is no longer one blank column away.
    rows.slice(0, 4).forEach((row, k) => (row[1] = 10 + k));
    expect(readMatrixKey(sheet("M", rows))).toBeNull();
  });

  it.each([LAYOUTS[0]!, LAYOUTS[2]!, LAYOUTS[5]!])(
    "one blank row under the register is its key, not risks (%s)",
    (_name, layout) => {
      const five = layout.n === 5;
      const rows = register(five ? RISKS_5 : RISKS_4);
      const fills: Record<string, string> = {};
      const at = putMatrix(rows, fills, rows.length + 1, 0, layout);
      const a = analyseWorkbook(workbook({ ...sheet("Risks", rows), keyFills: fills }), {
        asOf: TODAY,
      });
      const report = a.tables.filter(isRiskReport);
      expect(report.map((t) => t.range)).toEqual(["A1:F6"]);
      expect(report[0]?.bands).toMatchObject({ source: "sheet", at, bands: expectedBands(layout) });
      expect(a.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([
        five ? "priority-mismatch@F6" : "priority-mismatch@F3",
      ]);
    },
  );
});
