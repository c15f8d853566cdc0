import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { compositeName, readWidenedHeaderBlock } from "../../src/core/tables/header-block";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A three-row header block (rows 5-7: "Inherent risk" / "Residual risk" in row 5, sub-headers in
 * row 6, words stacked on into row 7) whose last column is headed only in the lower rows: "Review"
 * / "date" under a blank group-row cell, "Review date" typed in row 7 alone, or "Owner" and
 * "Next" / "review" beside the groups. Every column with header text in any row of the block
 * belongs to the table: the range runs to J and the review dates are checked (issue 12).
 */
type Head = [Entry[], Entry[], Entry[]];
const GROUPS: Entry[] = ["Ref", "Risk", "Inherent risk", null, null, "Residual risk", null, null];
const SUB: Entry[] = [null, null, "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score"];
const BLANK: Entry[] = [null, null, null, null, null, null, null, null];

const LAYOUTS: Record<string, Head> = {
  "Review / date stacked under a blank group-row cell": [
    [...GROUPS, "Owner", null],
    [...SUB, null, "Review"],
    [...BLANK, null, "date"],
  ],
  "Review date typed in the block's last row alone": [
    [...GROUPS, "Owner", null],
    [...SUB, null, null],
    [...BLANK, null, "Review date"],
  ],
  "Owner and Next / review beside the groups, in the lower rows only": [
    [...GROUPS, null, null],
    [...SUB, "Owner", "Next"],
    [...BLANK, null, "review"],
  ],
};

/** Likelihood, impact inherent then residual, per line. */
const LINES = [
  [4, 5, 2, 3],
  [3, 3, 2, 2],
  [5, 4, 3, 3],
  [2, 2, 1, 2],
];

/**
 * Rows 8-11 hold SR1-SR4. Inherent scores are formulas; residual scores typed, one planted wrong
 * (H9: 9 for 2 × 2); one review date has passed (J10: 15/03/2023).
 */
function register(head: Head): Entry[][] {
  const rows: Entry[][] = [["Strategic risk register 2025/26"], [], [], [], ...head];
  LINES.forEach(([l, i, rl, ri], k) => {
    const r = rows.length + 1;
    const residual = k === 1 ? 9 : rl! * ri!;
    const review = k === 2 ? 45000 : 46500;
    rows.push([`SR${k + 1}`, `Risk ${k + 1}`, l, i, f(`=C${r}*D${r}`, l! * i!), rl, ri, residual]);
    rows[rows.length - 1]!.push("J Smith", review);
  });
  rows.push([], ["Rating: 1-4 Low | 5-12 Medium | 15-25 High"]);
  return rows;
}

const mergesFor = (name: string, merged: boolean) => {
  if (!merged) return [];
  const down = (c: string) => `${c}5:${c}7`;
  const owner = name.startsWith("Owner") ? [] : [down("I")];
  return [down("A"), down("B"), "C5:E5", "F5:H5", ...owner];
};

const analyse = (name: string, merged: boolean): Analysis =>
  analyseWorkbook(
    workbook(sheet("Risks", register(LAYOUTS[name]!), { merges: mergesFor(name, merged) })),
    { asOf: TODAY },
  );

const band = (score: number) => (score >= 15 ? "High" : score >= 5 ? "Medium" : "Low");
const writes = (a: Analysis) =>
  (a.plan.operations as ColumnWrite[])
    .filter((o) => o.kind === "column")
    .map((o) => ({
      column: o.column,
      header: o.header?.text ?? null,
      values: o.cells.map((c): [number, CellValue] => [c.row + 1, c.value]),
    }))
    .sort((x, y) => x.column - y.column);

const cases = Object.keys(LAYOUTS).flatMap((name) => [
  [name, "merged"] as const,
  [name, "typed once, no merges"] as const,
]);

describe("a column headed only in the lower rows of a header block", () => {
  it.each(cases)("%s (%s): read into the header block", (name, how) => {
    const s = sheet("Risks", register(LAYOUTS[name]!), {
      merges: mergesFor(name, how === "merged"),
    });
    // The top row's run of headers ends at I or at H; the lower rows say the table runs to J.
    const block = readWidenedHeaderBlock(s, 4, 0, name.startsWith("Owner") ? 7 : 8);
    expect([block.top, block.bottom]).toEqual([4, 6]);
    expect(block.columns.map(compositeName).slice(-2)).toEqual(
      name.startsWith("Owner") ? ["Owner", "Next review"] : ["Owner", "Review date"],
    );
  });

  it.each(cases)(
    "%s (%s): the register runs to J and its review dates are checked",
    (name, how) => {
      const a = analyse(name, how === "merged");
      expect(a.tables).toHaveLength(1);
      expect(a.tables[0]).toMatchObject({
        kind: "risk-register",
        range: "A5:J11",
        headerRows: [5, 6, 7],
        pairs: ["inherent", "residual"],
        columns: { id: "A", title: "B", owner: "I", reviewDate: "J", residualScore: "H" },
      });
      expect(
        a.findings.filter((x) => x.severity !== "info").map((x) => [x.code, x.cell, x.message]),
      ).toEqual([
        [
          "score-mismatch",
          "H9",
          "Residual score is 9 but residual likelihood 2 × residual impact 2 = 4",
        ],
        ["review-overdue", "J10", "Review date 15/03/2023 has passed (today is 22/11/2026)"],
      ]);
      // The residual scores become the rule's formula; both priorities are added past J, never
      // over the review dates, with their headers in the sub-header row.
      const rows = [8, 9, 10, 11];
      expect(writes(a)).toEqual([
        { column: 7, header: null, values: rows.map((r, k) => [r, LINES[k]![2]! * LINES[k]![3]!]) },
        {
          column: 10,
          header: "Inherent priority",
          values: rows.map((r, k) => [r, band(LINES[k]![0]! * LINES[k]![1]!)]),
        },
        {
          column: 11,
          header: "Residual priority",
          values: rows.map((r, k) => [r, band(LINES[k]![2]! * LINES[k]![3]!)]),
        },
      ]);
    },
  );

  it("does not widen over a key beside the register whose rows below hold figures", () => {
    // "Score | Rating" two columns to the right: a table of its own, never the register's.
    const rows = register(LAYOUTS["Review / date stacked under a blank group-row cell"]!);
    rows[5]!.push(null, null, "Score", "Rating");
    [8, 9, 10].forEach((r, k) =>
      rows[r - 1]!.push(null, null, [4, 12, 25][k], ["Low", "Medium", "High"][k]),
    );
    const a = analyseWorkbook(workbook(sheet("Risks", rows, { merges: mergesFor("", true) })), {
      asOf: TODAY,
    });
    expect(a.tables[0]).toMatchObject({ range: "A5:J11", headerRows: [5, 6, 7] });
  });
});
