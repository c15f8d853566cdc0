import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A register whose only describing column, the risk description, has no header text (issue 12):
 * a blank header cell over a column of long text, while Ref / Owner / Likelihood / Impact / Score
 * are headed. The blank-headed column belongs to the register, inside it or on its edge; the
 * register is found, checked and written as any other. Planted: R3's score typed 11 (4 × 3 = 12).
 */
const DESCRIPTIONS = [
  "Flooding of the depot causes loss of the gritting fleet in winter",
  "Fire in the records archive destroys paper files held for statutory periods",
  "Theft of laptops leads to a data breach and a fine from the regulator",
  "Industrial action by waste crews halts collections for a fortnight",
];
const RATINGS: [number, number, number][] = [
  [2, 5, 10],
  [1, 3, 3],
  [4, 3, 11],
  [5, 5, 25],
];

/** Columns in order; "desc" is the unheaded description. */
type Column = "ref" | "desc" | "owner" | "l" | "i" | "score" | "priority";
const HEADERS: Record<Column, CellValue> = {
  ref: "Ref",
  desc: null,
  owner: "Risk owner",
  l: "Likelihood",
  i: "Impact",
  score: "Score",
  priority: "Priority",
};
function register(columns: Column[]): CellValue[][] {
  const line = (k: number): CellValue[] => {
    const [l, i, score] = RATINGS[k]!;
    const values: Record<Column, CellValue> = {
      ref: `SR${k + 1}`,
      desc: DESCRIPTIONS[k]!,
      owner: "Director of Place",
      l,
      i,
      score,
      priority: null,
    };
    return columns.map((c) => values[c]);
  };
  return [columns.map((c) => HEADERS[c]), ...RATINGS.map((_, k) => line(k))];
}

const writes = (ops: readonly unknown[]) =>
  (ops as ColumnWrite[]).filter((o) => o.kind === "column");

/** Under the default 5 × 5 bands: 10 High, 3 Low, 12 High, 25 Very high. */
const PRIORITIES = ["High", "Low", "High", "Very high"];

describe("a register whose description column has no header", () => {
  it.each([
    ["between Ref and the owner", ["ref", "desc", "owner", "l", "i", "score", "priority"], "A1:G5"],
    [
      "between Ref and the ratings, no owner",
      ["ref", "desc", "l", "i", "score", "priority"],
      "A1:F5",
    ],
    ["first, before Ref", ["desc", "ref", "owner", "l", "i", "score", "priority"], "A1:G5"],
    ["last, after the ratings", ["ref", "owner", "l", "i", "score", "priority", "desc"], "A1:G5"],
  ] as [string, Column[], string][])(
    "is found with the column inside it (%s)",
    (_where, columns, range) => {
      const a = analyseWorkbook(workbook(sheet("Strategic Risks", register(columns))), {
        asOf: TODAY,
      });
      expect(a.tables.filter(isRiskReport).map((t) => t.range)).toEqual([range]);
      const score = columns.indexOf("score");
      const scoreCell = `${String.fromCharCode(65 + score)}4`;
      expect(a.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
        ["score-mismatch", scoreCell, "Score is 11 but likelihood 4 × impact 3 = 12"],
      ]);
      // Only the score and priority columns are written; the description is left as it is.
      expect(writes(a.plan.operations).map((o) => o.column)).toEqual([
        score,
        columns.indexOf("priority"),
      ]);
      const priority = writes(a.plan.operations).find(
        (o) => o.column === columns.indexOf("priority"),
      );
      expect(priority?.cells.map((c) => c.value)).toEqual(PRIORITIES);
    },
  );

  it("under a grouped header, the description's header blank over both rows", () => {
    const rows: CellValue[][] = [
      ["Corporate risk register 2025/26"],
      [],
      ["Ref", null, "Owner", "Current risk", null, null],
      [null, null, null, "L", "I", "Score"],
      ...RATINGS.map(([l, i, s], k) => [
        `CR${k + 1}`,
        DESCRIPTIONS[k]!,
        "Chief Executive",
        l,
        i,
        s,
      ]),
    ];
    const a = analyseWorkbook(
      workbook(sheet("Corporate", rows, { merges: ["A3:A4", "C3:C4", "D3:F3"] })),
      { asOf: TODAY },
    );
    const report = a.tables.filter(isRiskReport);
    expect(report.map((t) => [t.range, t.headerRows])).toEqual([["A3:F8", [3, 4]]]);
    expect(a.findings.map((f) => [f.code, f.cell])).toEqual([["score-mismatch", "F7"]]);
  });

  it("a key listed beside the register under a blank header stays out: it is the key", () => {
    const rows = register(["ref", "desc", "owner", "l", "i", "score", "priority"]);
    ["1-2 Low", "3-9 Medium", "10-16 High", "20-25 Very high"].forEach((band, k) =>
      rows[k + 1]!.push(band),
    );
    const a = analyseWorkbook(workbook(sheet("Strategic Risks", rows)), { asOf: TODAY });
    const report = a.tables.filter(isRiskReport)[0];
    expect(report?.range).toBe("A1:G5");
    expect(report?.bands).toMatchObject({ source: "sheet", at: "H2" });
    expect(
      writes(a.plan.operations)
        .find((o) => o.column === 6)
        ?.cells.map((c) => c.value),
    ).toEqual(
      // 3 is Medium by the key (Low by the defaults).
      ["High", "Medium", "High", "Very high"],
    );
  });
});
