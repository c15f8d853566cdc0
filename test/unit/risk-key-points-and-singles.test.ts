import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { Finding } from "../../src/core/findings";
import type { ColumnWrite } from "../../src/core/plan";
import { bandsInOneCell, scaleMappingInText } from "../../src/core/tables/keys";
import { sheet, TODAY, workbook } from "../helpers/builders";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";

/**
 * Two traits of keys (issue 12): a band that holds one score ("6 High" on a 1–4 scale, where 5
 * and 7 are no product), and a sentence mapping scale words to the points of the scale ("Low = 1,
 * Medium = 2, High = 3"), which is the likelihood/impact scale, not the rating bands.
 */
const analyse = (...sheets: SheetSnapshot[]) =>
  analyseWorkbook(workbook(...sheets), { asOf: TODAY });
const brief = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.cell}`);
/** The values apply writes in a column (0-based), by Excel row. */
const writtenIn = (ops: readonly unknown[], column: number) =>
  (ops as ColumnWrite[])
    .filter((o) => o.kind === "column" && o.column === column)
    .flatMap((o) => o.cells.map((c) => [c.row + 1, c.value] as [number, CellValue]));

/** A 1–4 register under a key row; F holds the council's priorities, all right by that key. */
function fourPoint(key: CellValue[]): SheetSnapshot {
  return sheet("Project Risks", [
    ["Leisure project risks"],
    key,
    [],
    ["Ref", "Risk", "Likelihood", "Impact", "Score", "Rating"],
    ["LP1", "Contractor", 2, 3, 6, "High"],
    ["LP2", "Planning", 1, 2, 2, "Low"],
    ["LP3", "Funding", 2, 2, 4, "Medium"],
    ["LP4", "Asbestos", 4, 4, 16, "Very high"],
    ["LP5", "Heritage", 3, 2, 6, "Medium"],
  ]);
}

const FOUR_BANDS = [
  { from: 1, to: 2, label: "Low" },
  { from: 3, to: 4, label: "Medium" },
  { from: 6, to: 6, label: "High" },
  { from: 8, to: 16, label: "Very high" },
];

describe("a key band holding a single score", () => {
  it.each([
    ["6 High", ["1-2 Low", "3-4 Medium", "6 High", "8-16 Very high"]],
    ["High: 6", ["Low: 1-2", "Medium: 3-4", "High: 6", "Very high: 8-16"]],
    ["High = 6", ["Low = 1-2", "Medium = 3-4", "High = 6", "Very high = 8-16"]],
  ])("reads %s as the band 6-6 and keeps the council's right ratings", (_form, key) => {
    const a = analyse(fourPoint(key));
    const [table] = a.tables.filter(isRiskReport);
    expect(table?.bands).toMatchObject({ source: "sheet", at: "A2", bands: FOUR_BANDS });
    // Only LP5 is wrong: 3 × 2 = 6 is High, alone in its band.
    expect(brief(a.findings)).toEqual(["priority-mismatch@F9"]);
    expect(a.findings[0]).toMatchObject({ expected: "High", actual: "Medium" });
    expect(writtenIn(a.plan.operations, 5)).toEqual([
      [5, "High"],
      [6, "Low"],
      [7, "Medium"],
      [8, "Very high"],
      [9, "High"],
    ]);
  });

  it('reads a key of label and score in two cells ("High" | "= 6")', () => {
    const keyRows: CellValue[][] = [
      ["Rating", "Score"],
      ["Low", "1-2"],
      ["Medium", "3-4"],
      ["High", "= 6"],
      ["Very high", "8-16"],
    ];
    const a = analyse(fourPoint([]), sheet("Key", keyRows));
    expect(a.tables.filter(isRiskReport)[0]?.bands).toMatchObject({
      source: "workbook",
      bands: FOUR_BANDS,
    });
    expect(brief(a.findings.filter((f) => f.severity === "error"))).toEqual([
      "priority-mismatch@F9",
    ]);
  });

  it("takes no key from a row of single scores alone, and no date for a band", () => {
    expect(
      analyse(fourPoint(["1 Low", "2 Medium", "3 High"])).tables.filter(isRiskReport)[0]?.bands
        .source,
      // No key, and score 6 rated both High and Medium: the ratings give no bands; the defaults.
    ).toBe("default");
    const dated = analyse(fourPoint(["1-2 Low", "3-4 Medium", "31 October", "8-16 Very high"]));
    expect(dated.tables.filter(isRiskReport)[0]?.bands.bands.map((b) => b.label)).toEqual([
      "Low",
      "Medium",
      "Very high",
    ]);
  });
});

/**
 * A 3-point register in words, "Overall" its numeric score; E4's 3 is wrong (1 × 2 = 2). Two
 * blank rows part it from its key (one blank row before a list is a register-bounds matter).
 */
function threePoint(below: CellValue[][]): SheetSnapshot {
  return sheet("Housing Risks", [
    ["Ref", "Risk", "Probability", "Severity", "Overall", "Rating"],
    ["H1", "Recruitment", "Medium", "High", 6, "High"],
    ["H2", "Temporary accommodation", "Medium", "Low", 2, "Low"],
    ["H3", "Supplier", "Low", "Medium", 3, "Low"],
    ["H4", "Depot", "High", "High", 9, "High"],
    ["H5", "Planning", "Medium", "Medium", 4, "Medium"],
    [],
    [],
    ...below,
  ]);
}

describe("a sentence mapping scale words to the scale's points", () => {
  it("is no key of bands: parsing one cell gives the scale, not bands", () => {
    expect(bandsInOneCell("Scoring: Low = 1, Medium = 2, High = 3")).toBeNull();
    expect(bandsInOneCell("1 Rare, 2 Unlikely, 3 Possible, 4 Likely, 5 Almost certain")).toBeNull();
    expect([...(scaleMappingInText("Scoring: Low = 1, Medium = 2, High = 3") ?? [])]).toEqual([
      ["low", 1],
      ["medium", 2],
      ["high", 3],
    ]);
    // Bands of a score still read: they run past the scale's points.
    expect(bandsInOneCell("Rating: Low = 1-2, Medium = 3-4, High = 6-9")).toEqual([
      { from: 1, to: 2, label: "Low" },
      { from: 3, to: 4, label: "Medium" },
      { from: 6, to: 9, label: "High" },
    ]);
    expect(scaleMappingInText("Rating: Low = 1-2, Medium = 3-4, High = 6-9")).toBeNull();
  });

  const LIST: CellValue[][] = [
    ["Overall score", "Rating"],
    ["1-2", "Low"],
    ["3-4", "Medium"],
    ["6-9", "High"],
  ];
  const SENTENCE: CellValue[] = ["Scoring: Low = 1, Medium = 2, High = 3"];

  // Alone, the sentence is no key: the register's own ratings give the bands, meeting halfway
  // between the scores their labels hold (no rating scores 3, halfway between Low's 2 and
  // Medium's 4: rated up, Medium).
  it.each([
    ["above the band list", [SENTENCE, ...LIST], "sheet", 3],
    ["alone", [SENTENCE], "ratings", 3],
    ["with the band list only", LIST, "sheet", 3],
  ])("%s: the bands are the list's (or the ratings')", (_where, below, source, medium) => {
    const a = analyse(threePoint(below as CellValue[][]));
    const [table] = a.tables.filter(isRiskReport);
    expect(table).toMatchObject({
      scale: 3,
      columns: { likelihood: "C", impact: "D", score: "E", priority: "F" },
      bands: {
        source,
        bands: [
          { from: 1, to: 2, label: "Low" },
          { from: medium, to: 4, label: "Medium" },
          { from: 6, to: 9, label: "High" },
        ],
      },
    });
    // H3: 1 × 2 = 2, stated 3 (its rating Low is right for 2).
    expect(brief(a.findings)).toEqual(["score-mismatch@E4"]);
    expect(writtenIn(a.plan.operations, 4).map(([, v]) => v)).toEqual([6, 2, 2, 9, 4]);
    expect(writtenIn(a.plan.operations, 5).map(([, v]) => v)).toEqual([
      "High",
      "Low",
      "Low",
      "High",
      "Medium",
    ]);
  });

  it("feeds the word scale when its words are the council's own", () => {
    const s = sheet("Risks", [
      ["Ref", "Risk", "Likelihood", "Impact", "Score"],
      ["R1", "Flood", "Slight", "Grave", 3],
      ["R2", "Fire", "Notable", "Notable", 4],
      ["R3", "Theft", "Grave", "Slight", 4],
      [],
      ["Scoring: Slight = 1, Notable = 2, Grave = 3"],
    ]);
    const a = analyse(s);
    expect(a.tables.filter(isRiskReport)[0]).toMatchObject({ scale: 3, scaleSource: "words" });
    // R3: Grave (3) × Slight (1) = 3, stated 4.
    expect(brief(a.findings)).toEqual(["score-mismatch@E4"]);
    expect(a.findings[0]).toMatchObject({ expected: 3, actual: 4 });
  });
});
