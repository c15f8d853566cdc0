import { analyseWorkbook } from "../../src/core/analyse";
import type { Finding } from "../../src/core/findings";
import type { ColumnWrite, WriteOperation } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { wordScaleLists } from "../../src/core/tables/keys";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A scoring sheet kept as one table, "Score | Likelihood | Impact", each row a number with the
 * council's own likelihood word and impact word: it maps the words to numbers as the two-block
 * layout ("Likelihood | Score", "Impact | Score") does. Its impact words include Low / Medium /
 * High, which must not turn the register into a 1–3 scale (issue 12, trial w11).
 */
const brief = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);
const written = (ops: readonly WriteOperation[]) =>
  Object.fromEntries(
    ops
      .filter((o): o is ColumnWrite => o.kind === "column")
      .map((o) => [
        `${o.sheet}!${String.fromCharCode(65 + o.column)}`,
        o.cells.map((c) => [c.row + 1, c.value] as [number, CellValue]),
      ]),
  );

const SCORING: CellValue[][] = [
  ["Risk scoring criteria"],
  [],
  ["Score", "Likelihood", "Impact"],
  [1, "Remote", "Negligible"],
  [2, "Unlikely", "Low"],
  [3, "Possible", "Medium"],
  [4, "Probable", "High"],
  [5, "Highly probable", "Severe"],
  [],
  [],
  ["Risk rating"],
  ["1-6", "Low"],
  ["8-12", "Medium"],
  ["15-25", "High"],
];

const REGISTER: CellValue[][] = [
  ["Ref", "Risk", "Likelihood", "Impact", "Risk score", "Risk rating"],
  ["R1", "Funding gap", "Probable", "High", 16, "High"],
  // Unlikely 2 × Medium 3 = 6, not 8: a planted score error (its rating is right for 6).
  ["R2", "Contractor", "Unlikely", "Medium", 8, "Low"],
  ["R3", "Planning", "Highly probable", "Severe", 25, "High"],
  // "Likely" is not one of this council's words: one not-a-number, nothing computed.
  ["R4", "Land assembly", "Likely", "Low", 8, "Medium"],
  ["R5", "Inflation", "Remote", "Negligible", 1, "Low"],
];

describe("a scoring sheet laid out 'Score | Likelihood | Impact'", () => {
  it("is read as the word mapping of each axis", () => {
    const lists = wordScaleLists(sheet("Scoring", SCORING));
    expect(lists.map((l) => [l.axis, l.row, l.column, [...l.scale]])).toEqual([
      [
        "likelihood",
        2,
        1,
        [
          ["remote", 1],
          ["unlikely", 2],
          ["possible", 3],
          ["probable", 4],
          ["highly probable", 5],
        ],
      ],
      [
        "impact",
        2,
        2,
        [
          ["negligible", 1],
          ["low", 2],
          ["medium", 3],
          ["high", 4],
          ["severe", 5],
        ],
      ],
    ]);
  });

  it("reads no mapping where the score column holds no 1..n", () => {
    const rows: CellValue[][] = [
      ["Score", "Likelihood", "Impact"],
      ["a", "Remote", "Negligible"],
      ["b", "Unlikely", "Low"],
      ["c", "Possible", "Medium"],
    ];
    expect(wordScaleLists(sheet("S", rows))).toEqual([]);
  });

  it("scores the register on 1–5 in the council's words, and is no register itself", () => {
    const a = analyseWorkbook(workbook(sheet("Risks", REGISTER), sheet("Scoring", SCORING)), {
      asOf: TODAY,
    });
    expect(a.tables.map((t) => [t.sheet, t.range])).toEqual([["Risks", "A1:F6"]]);
    expect(a.tables[0]).toMatchObject({ scale: 5 });
    expect(brief(a.findings.filter((f) => f.severity === "error"))).toEqual([
      "score-mismatch@Risks!E3",
      "not-a-number@Risks!C5",
    ]);
    const out = written(a.plan.operations);
    expect(Object.keys(out)).toEqual(["Risks!E", "Risks!F"]);
    // R4's likelihood is no number: its row is left as the council typed it, not guessed.
    expect(out["Risks!E"]).toEqual([
      [2, 16],
      [3, 6],
      [4, 25],
      [6, 1],
    ]);
    expect(out["Risks!F"]).toEqual([
      [2, "High"],
      [3, "Low"],
      [4, "High"],
      [6, "Low"],
    ]);
  });
});
