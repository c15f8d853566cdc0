import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { Finding } from "../../src/core/findings";
import type { ColumnWrite } from "../../src/core/plan";
import { cellAddress } from "../../src/core/a1";
import { keyCells } from "../../src/core/risk/legend";
import { sheet, TODAY, workbook } from "../helpers/builders";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";

/**
 * A risk matrix kept as the key with scores in its cells, coloured by band, and a coloured legend
 * naming the colours (issue 12, p2/p2b): the bands are read from the fills, beside the register or
 * on a sheet of their own. A matrix whose colours make no bands leaves the priorities alone.
 */
const GREEN = "#92d050";
const AMBER = "#ffc000";
const RED = "#ff0000";
const BANDS: [number, number, string, string][] = [
  [1, 4, "Low", GREEN],
  [5, 12, "Medium", AMBER],
  [15, 25, "High", RED],
];
/** The bands as the key states them: what reading its colours must give. */
const KEY_BANDS = BANDS.map(([from, to, label]) => ({ from, to, label }));
const colourOf = (score: number) => BANDS.find(([lo, hi]) => score >= lo && score <= hi)?.[3];

const brief = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);
const priorityWrites = (ops: readonly unknown[]) =>
  (ops as ColumnWrite[]).filter((o) => o.kind === "column" && o.column === 5);

/** The register: priorities all right by 1-4 Low, 5-12 Medium, 15-25 High but F4 (20 is High). */
const LINES: CellValue[][] = [
  ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"],
  [1, "Flood", 2, 5, 10, "Medium"],
  [2, "Fire", 4, 3, 12, "Medium"],
  [3, "Theft", 4, 5, 20, "Low"],
  [4, "Strike", 1, 3, 3, "Low"],
  [5, "Cyber", 5, 5, 25, "High"],
];

/** How an axis names its points 1..5: as the numbers, or as a scale's words. */
type AxisLabel = (point: number) => CellValue;
const NUMBERS: AxisLabel = (point) => point;
const LIKELIHOOD_WORDS = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
const IMPACT_WORDS = ["Insignificant", "Minor", "Moderate", "Major", "Catastrophic"];
const wordOf =
  (words: string[]): AxisLabel =>
  (point) =>
    words[point - 1] ?? null;

/**
 * A 5×5 matrix with its likelihood axis down column `col` (5 at the top) from row `top`, impact
 * 1..5 across the row under it, and a legend of the three labels below; `colour` fills each cell;
 * the axes are labelled by `axes` (numbers unless told).
 */
function withMatrix(
  rows: CellValue[][],
  top: number,
  col: number,
  colour: (score: number, l: number, i: number) => string | undefined = colourOf,
  axes: { likelihood: AxisLabel; impact: AxisLabel } = { likelihood: NUMBERS, impact: NUMBERS },
): { rows: CellValue[][]; fills: Record<string, string> } {
  const out = rows.map((r) => [...r]);
  const fills: Record<string, string> = {};
  const put = (r: number, c: number, v: CellValue) => {
    while (out.length <= r) out.push([]);
    const row = out[r] as CellValue[];
    while (row.length <= c) row.push(null);
    row[c] = v;
  };
  for (let k = 0; k < 5; k++) {
    const l = 5 - k;
    put(top + k, col, axes.likelihood(l));
    for (let i = 1; i <= 5; i++) {
      put(top + k, col + i, l * i);
      const fill = colour(l * i, l, i);
      if (fill) fills[cellAddress(top + k, col + i)] = fill;
    }
  }
  for (let i = 1; i <= 5; i++) put(top + 5, col + i, axes.impact(i));
  BANDS.forEach(([, , label, fill], n) => {
    put(top + 7 + n, col + 1, label);
    fills[cellAddress(top + 7 + n, col + 1)] = fill;
  });
  return { rows: out, fills };
}

const keyed = (name: string, built: { rows: CellValue[][]; fills: Record<string, string> }) => ({
  ...sheet(name, built.rows),
  keyFills: built.fills,
});

describe("a coloured matrix of scores as the key", () => {
  it("beside the register: bands from the fills, named by the legend", () => {
    const s = keyed("Risk Register", withMatrix(LINES, 1, 7));
    // The reader is asked for every grid cell's fill and the legend's.
    expect(keyCells(s)).toEqual(expect.arrayContaining(["I2", "M6", "I9", "I10", "I11"]));
    const a = analyseWorkbook(workbook(s), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport)[0]?.bands).toEqual({
      source: "sheet",
      at: "I2",
      bands: KEY_BANDS,
      fills: { Low: GREEN, Medium: AMBER, High: RED },
    });
    expect(brief(a.findings)).toEqual(["priority-mismatch@Risk Register!F4"]);
    expect(priorityWrites(a.plan.operations)[0]?.cells.map((c) => c.value)).toEqual([
      "Medium",
      "Medium",
      "High",
      "Low",
      "High",
    ]);
  });

  it('on a sheet of its own ("Matrix"): lent to the register, and the sheet says so', () => {
    const matrix = keyed("Matrix", withMatrix([["Risk matrix"]], 1, 0));
    const a = analyseWorkbook(workbook(sheet("Risk Register", LINES), matrix), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport)[0]?.bands).toMatchObject({
      source: "workbook",
      at: "Matrix!B2",
      bands: KEY_BANDS,
    });
    expect(a.findings.map((f) => [f.code, f.sheet, f.cell, f.message])).toEqual([
      [
        "priority-mismatch",
        "Risk Register",
        "F4",
        'Priority is "Low" but score 20 is in band 15-25 High',
      ],
      [
        "layout-not-found",
        "Matrix",
        "A1",
        '"Matrix" holds no table to check: it was read as the key for sheet "Risk Register"',
      ],
    ]);
  });

  it("whose colours overlap in score: one warning, the priorities neither judged nor written", () => {
    // 4 is amber as 2 × 2 but green as 1 × 4: the colours are a grid, not bands.
    const overlapping = (score: number, l: number, i: number) =>
      l === 2 && i === 2 ? AMBER : colourOf(score);
    const s = keyed("Risk Register", withMatrix(LINES, 1, 7, overlapping));
    const wrongScore = { ...s, rows: s.rows.map((r) => [...r]) };
    // R2's score typed 11 (4 × 3 = 12): the scores are still checked.
    const row = wrongScore.rows[2] ?? [];
    row[4] = { value: 11 };
    const a = analyseWorkbook(workbook(wrongScore), { asOf: TODAY });
    expect(a.findings.map((f) => [f.severity, f.code, f.cell, f.message])).toEqual([
      [
        "warning",
        "priority-mismatch",
        "F1",
        "Priority not checked: the risk matrix key at Risk Register!I2 gives no bands " +
          "(its colours' scores overlap, so they make no bands); nothing written",
      ],
      ["error", "score-mismatch", "E3", "Score is 11 but likelihood 4 × impact 3 = 12"],
    ]);
    expect(priorityWrites(a.plan.operations)).toEqual([]);
    const scores = (a.plan.operations as ColumnWrite[]).find((o) => o.column === 4);
    expect(scores?.cells.map((c) => c.value)).toEqual([10, 12, 20, 3, 25]);
  });

  it("with a colour no legend cell names: unread, and no Priority column is added", () => {
    const purple = (score: number) => (score === 25 ? "#7030a0" : colourOf(score));
    const lines = LINES.map((r) => r.slice(0, 5));
    const a = analyseWorkbook(workbook(keyed("Risks", withMatrix(lines, 1, 7, purple))), {
      asOf: TODAY,
    });
    expect(a.findings).toEqual([]);
    expect(a.tables.filter(isRiskReport)[0]?.bands.source).toBe("default");
    expect((a.plan.operations as ColumnWrite[]).map((o) => o.header?.text ?? null)).toEqual([null]);
  });

  it("uncoloured is no key: the register's own ratings give the bands", () => {
    const built = withMatrix(LINES, 1, 7);
    const plain: SheetSnapshot = sheet("Risk Register", built.rows);
    const a = analyseWorkbook(workbook(plain), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport)[0]?.bands.source).toBe("ratings");
  });

  it("with word axes (Rare … Almost certain, Insignificant … Catastrophic) on its own sheet", () => {
    const words = { likelihood: wordOf(LIKELIHOOD_WORDS), impact: wordOf(IMPACT_WORDS) };
    const matrix = keyed("Risk Matrix", withMatrix([["Scoring matrix"]], 2, 0, colourOf, words));
    const a = analyseWorkbook(workbook(sheet("Risk Register", LINES), matrix), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport)[0]?.bands).toEqual({
      source: "workbook",
      at: "Risk Matrix!B3",
      bands: KEY_BANDS,
      fills: { Low: GREEN, Medium: AMBER, High: RED },
    });
    expect(a.findings.map((f) => [f.code, f.sheet, f.cell, f.message])).toEqual([
      [
        "priority-mismatch",
        "Risk Register",
        "F4",
        'Priority is "Low" but score 20 is in band 15-25 High',
      ],
      [
        "layout-not-found",
        "Risk Matrix",
        "A1",
        '"Risk Matrix" holds no table to check: it was read as the key for sheet "Risk Register"',
      ],
    ]);
  });

  it('with "4 - Likely" / "Major (4)" axes beside the register: the same bands and writes', () => {
    const axes = {
      likelihood: (l: number) => `${l} - ${LIKELIHOOD_WORDS[l - 1] ?? ""}`,
      impact: (i: number) => `${IMPACT_WORDS[i - 1] ?? ""} (${i})`,
    };
    const s = keyed("Risk Register", withMatrix(LINES, 1, 7, colourOf, axes));
    expect(keyCells(s)).toEqual(expect.arrayContaining(["I2", "M6", "I9", "I10", "I11"]));
    const a = analyseWorkbook(workbook(s), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport)[0]?.bands).toMatchObject({
      source: "sheet",
      at: "I2",
      bands: KEY_BANDS,
    });
    expect(brief(a.findings)).toEqual(["priority-mismatch@Risk Register!F4"]);
    expect(priorityWrites(a.plan.operations)[0]?.cells.map((c) => c.value)).toEqual([
      "Medium",
      "Medium",
      "High",
      "Low",
      "High",
    ]);
  });

  it("with word axes whose scores are not the products: no key, the register's own ratings", () => {
    // Impact words out of order against the scores (Minor first): the cells are no products.
    const swapped = ["Minor", "Insignificant", "Moderate", "Major", "Catastrophic"];
    const axes = { likelihood: wordOf(LIKELIHOOD_WORDS), impact: wordOf(swapped) };
    const s = keyed("Risk Register", withMatrix(LINES, 1, 7, colourOf, axes));
    const a = analyseWorkbook(workbook(s), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport)[0]?.bands.source).toBe("ratings");
  });
});
