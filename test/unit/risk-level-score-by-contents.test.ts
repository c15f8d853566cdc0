import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { Cell, CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * "Level", "Risk level", "Total": words councils put over their numeric score, while the band
 * words sit under "Rating" (new-user trial t12c, w4). The header words are ambiguous, so what the
 * column holds decides: numbers, typed or computed by a formula saved without a value, are the
 * score; High/Medium/Low are the priority. Nothing is written over the council's Rating words but
 * the priority rule, and no second score column is added.
 */
const WORDS = ["Low", "Medium", "High"];
const LIST = `{${WORDS.map((w) => `"${w}"`).join(",")}}`;
const matchScore = (row: number): Cell => ({
  value: null,
  formula: `=MATCH(C${row},${LIST},0)*MATCH(D${row},${LIST},0)`,
});
const productScore = (row: number): Cell => ({ value: null, formula: `=C${row}*D${row}` });
const typedScore = (row: number): CellValue => (LINES[row - 2] ?? [0, 0]).reduce((l, i) => l * i);

/** Likelihood × impact of each line, as words; the key: 1-2 Low, 3-4 Medium, 6-9 High. */
const LINES: [number, number][] = [
  [3, 3],
  [2, 3],
  [1, 3],
  [2, 2],
  [3, 1],
  [1, 1],
];
const band = (score: number) => (score >= 6 ? "High" : score >= 3 ? "Medium" : "Low");

/**
 * Ref A, Risk B, Likelihood C, Impact D, `scoreHeading` over E, Rating F. Line 3 (row 4) has its
 * score typed wrong (4 for Low × High = 3); line 5 (row 6) says Low for 3 (Medium).
 */
function register(
  scoreHeading: string,
  score: (row: number) => Entry,
  words = true,
): (Entry | CellValue)[][] {
  const rows: Entry[][] = [["Ref", "Risk", "Likelihood", "Impact", scoreHeading, "Rating"]];
  LINES.forEach(([l, i], k) => {
    const row = k + 2;
    const rating = row === 6 ? "Low" : band(l * i);
    const stated: Entry = row === 4 ? 4 : score(row);
    const likelihood = words ? WORDS[l - 1] : l;
    const impact = words ? WORDS[i - 1] : i;
    rows.push([`HL${k + 1}`, `Risk ${k + 1}`, likelihood, impact, stated, rating]);
  });
  rows.push([], ["Risk level key: 1-2 Low | 3-4 Medium | 6-9 High"]);
  return rows;
}

function analysed(rows: Entry[][]) {
  return analyseWorkbook(workbook(sheet("Tenancy Risks", rows)), { asOf: TODAY });
}
const brief = (a: ReturnType<typeof analysed>) =>
  a.findings.filter((x) => x.severity !== "info").map((x) => [x.code, x.cell, x.message]);
const writes = (a: ReturnType<typeof analysed>) =>
  (a.plan.operations as ColumnWrite[])
    .filter((o) => o.kind === "column")
    .map((o) => ({
      column: o.column,
      header: o.header?.text ?? null,
      values: o.cells.map((c) => c.value),
    }));

const RIGHT_PRIORITIES = LINES.map(([l, i]) => band(l * i));

describe("a numeric score under a heading that also names bands", () => {
  it.each(["Level", "Risk level"])(
    '"%s" of MATCH formulas beside a Rating of words: the score, Rating the priority',
    (heading) => {
      const a = analysed(register(heading, matchScore));
      expect(a.tables.filter(isRiskReport)[0]?.columns).toMatchObject({
        score: "E",
        priority: "F",
      });
      expect(brief(a)).toEqual([
        ["score-mismatch", "E4", "Score is 4 but likelihood 1 × impact 3 = 3"],
        ["priority-mismatch", "F6", 'Priority is "Low" but score 3 is in band 3-4 Medium'],
      ]);
      // The typed 4 becomes the council's own MATCH formula; Rating keeps band words.
      const [score, priority, ...more] = writes(a);
      expect(more).toEqual([]);
      expect(score).toMatchObject({ column: 4, header: null, values: [3] });
      expect(priority).toMatchObject({ column: 5, header: null, values: RIGHT_PRIORITIES });
    },
  );

  it('"Level" of typed numbers beside a Rating of words reads the same way', () => {
    const a = analysed(register("Level", typedScore, false));
    expect(brief(a).map(([code, cell]) => `${code}@${cell}`)).toEqual([
      "score-mismatch@E4",
      "priority-mismatch@F6",
    ]);
    expect(writes(a).map((w) => [w.column, w.header])).toEqual([
      [4, null],
      [5, null],
    ]);
  });

  it('"Level" of words beside a "Rating" of numbers stays the priority', () => {
    const rows = register("Rating", productScore, false).map((r, k) => {
      if (k === 0) return ["Ref", "Risk", "Likelihood", "Impact", "Rating", "Level"];
      return r;
    });
    const a = analysed(rows);
    expect(a.tables.filter(isRiskReport)[0]?.columns).toMatchObject({
      score: "E",
      priority: "F",
    });
    expect(brief(a).map(([code, cell]) => `${code}@${cell}`)).toEqual([
      "score-mismatch@E4",
      "priority-mismatch@F6",
    ]);
  });
});

describe('a "Total" after likelihood and impact', () => {
  it.each([
    ["Total", matchScore, true],
    ["Risk total", productScore, false],
  ])(
    '"%s" whose formulas compute L × I is the score: checked, never doubled',
    (heading, score, words) => {
      const a = analysed(register(heading, score, words));
      expect(a.tables.filter(isRiskReport)[0]?.columns).toMatchObject({
        score: "E",
        priority: "F",
      });
      expect(brief(a).map(([code, cell]) => `${code}@${cell}`)).toEqual([
        "score-mismatch@E4",
        "priority-mismatch@F6",
      ]);
      // No Score column added at G: the wrong total is rewritten in place.
      expect(writes(a).map((w) => [w.column, w.header, w.values.length])).toEqual([
        [4, null, 1],
        [5, null, 6],
      ]);
    },
  );
});
