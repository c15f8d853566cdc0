import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { Cell, CellValue } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A word the council's scale does not hold (issue 12, trial t12b): "Severe" on a register whose
 * impacts are Insignificant … Catastrophic is no rating (the standard scale's synonym for 5 is not
 * the council's word), and the council's MATCH score formula over its word list gives #N/A there.
 */
const LIKELIHOOD = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
const IMPACT = ["Insignificant", "Minor", "Moderate", "Major", "Catastrophic"];
const list = (words: string[]) => `{${words.map((w) => `"${w}"`).join(",")}}`;
const matchScore = (row: number) =>
  `=MATCH(C${row},${list(LIKELIHOOD)},0)*MATCH(D${row},${list(IMPACT)},0)`;

/** A register of word ratings, its score the council's MATCH formula; `impact` of row 4 given. */
function register(rowFourImpact: string, scoreFour: Cell): (CellValue | Cell)[][] {
  const lines: [string, string, string, number, string][] = [
    ["Flood", "Possible", "Catastrophic", 15, "Very high"],
    ["Fire", "Likely", "Minor", 8, "Medium"],
    ["Theft", "Likely", rowFourImpact, 0, "High"],
    ["Strike", "Rare", "Catastrophic", 5, "Medium"],
    ["Cyber", "Unlikely", "Moderate", 6, "Medium"],
  ];
  return [
    ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"],
    ...lines.map(([risk, l, i, score, priority], k) => {
      const row = k + 2;
      const scoreCell = row === 4 ? scoreFour : f(matchScore(row), score);
      return [k + 1, risk, l, i, scoreCell, priority];
    }),
  ];
}

const KEY = [["Risk rating: 1-4 Low, 5-9 Medium, 10-14 High, 15-25 Very high"]];

function analysed(rows: (CellValue | Cell)[][]) {
  return analyseWorkbook(workbook(sheet("Risks", rows), sheet("Key", KEY)), { asOf: TODAY });
}
const found = (a: ReturnType<typeof analysed>) =>
  a.findings.filter((x) => x.severity !== "info").map((x) => [x.code, x.cell, x.message]);
const priorities = (a: ReturnType<typeof analysed>) =>
  (a.plan.operations as ColumnWrite[]).find((o) => o.kind === "column" && o.column === 5);

const NOT_ON_SCALE =
  'Impact "Severe" is not one of the scale\'s words (Insignificant, Minor, Moderate, Major, Catastrophic)';
/** The council's MATCH gives #N/A because of the word: said on the word's finding, not again. */
const NOT_ON_SCALE_GIVES_NA = `${NOT_ON_SCALE}; the score formula at E4 gives #N/A from it`;

describe("a word not on the council's standard scale", () => {
  it('"Severe" among Catastrophic: not-a-number on its cell, the #N/A score said on it', () => {
    const saved: Cell = { value: null, formula: matchScore(4), error: "#N/A" };
    const a = analysed(register("Severe", saved));
    expect(found(a)).toEqual([["not-a-number", "D4", NOT_ON_SCALE_GIVES_NA]]);
    // No priority is judged from it: its "High" is neither corrected nor claimed (no value).
    expect(
      priorities(a)
        ?.cells.filter((c) => c.value !== null)
        .map((c) => c.value),
    ).toEqual(["Very high", "Medium", "Medium", "Medium"]);
  });

  it("a MATCH formula saved without a value: what it computes (#N/A) is the finding", () => {
    const unsaved: Cell = { value: null, formula: matchScore(4) };
    expect(found(analysed(register("Severe", unsaved)))).toEqual([
      ["not-a-number", "D4", NOT_ON_SCALE_GIVES_NA],
    ]);
  });

  it('"Severe" where the register never says Catastrophic: the synonym is the council\'s 5', () => {
    const rows = register("Severe", f("=C4*0+20", 20)).map((r) =>
      r.map((c) => (c === "Catastrophic" ? "Severe" : c)),
    );
    // Theft: Likely (4) × Severe (5) = 20, so its "High" is one priority-mismatch.
    expect(found(analysed(rows)).map(([code, cell]) => `${code}@${cell}`)).toEqual([
      "priority-mismatch@F4",
    ]);
  });
});
