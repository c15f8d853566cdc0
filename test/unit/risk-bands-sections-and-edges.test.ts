import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import { tablesText } from "../../src/cli/report";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A project risk log in two sections on one sheet, with no key anywhere. The first section rates
 * every risk "Medium" (alone it states no banding); the second rates Low, Medium and High. Read
 * together they agree on 1-4 Low, 5-12 Medium, High above. P3's score is typed 16 where
 * Possible (3) × Major (4) = 12: that wrong score is the one error, and it must not make its
 * "Medium" look like a contradiction of the banding (the bands read the rule's score).
 */
const HEADER: CellValue[] = ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority", "Owner"];
const SECTIONS: CellValue[][] = [
  ["Stourholm Council - Project risk log"],
  [],
  ["Section 1 - Depot project"],
  HEADER,
  ["P1", "Scope creep", "Likely", "Moderate", 12, "Medium", "PM"],
  ["P2", "Supplier insolvency", "Unlikely", "Major", 8, "Medium", "PM"],
  ["P3", "Funding gap", "Possible", "Major", 16, "Medium", "PM"],
  ["P4", "Key staff leave", "Likely", "Minor", 8, "Medium", "PM"],
  ["P5", "Planning refusal", "Rare", "Catastrophic", 5, "Medium", "PM"],
  [],
  [],
  ["Section 2 - Town hall refurbishment"],
  HEADER,
  ["P6", "Ground conditions", "Possible", "Moderate", 9, "Medium", "PM"],
  ["P7", "Utility diversions", "Almost certain", "Minor", 10, "Medium", "PM"],
  ["P8", "Cost inflation", "Likely", "Major", 16, "High", "PM"],
  ["P9", "Legal challenge", "Rare", "Major", 4, "Low", "PM"],
];

const analyse = (rows: CellValue[][]) =>
  analyseWorkbook(workbook(sheet("Risks", rows)), { asOf: TODAY });

/** What apply writes in a column: [Excel row, value]. */
const writtenIn = (ops: readonly unknown[], column: number) =>
  (ops as ColumnWrite[])
    .filter((o) => o.kind === "column" && o.column === column)
    .flatMap((o) => o.cells.map((c) => [c.row + 1, c.value] as const));

describe("bands inferred from the ratings of a register's sections, with sensible edges", () => {
  it("sections of one sheet band together; the wrong typed score is the only error", () => {
    const a = analyse(SECTIONS);
    expect(a.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ["score-mismatch", "E7", "Score is 16 but likelihood 3 × impact 4 = 12"],
    ]);
    const bands = [
      { from: 1, to: 4, label: "Low" },
      { from: 5, to: 12, label: "Medium" },
      // 12 Medium and 16 High: halfway is 14, so the unseen 15 is High.
      { from: 15, to: 25, label: "High" },
    ];
    const tables = a.tables.filter(isRiskReport);
    expect(tables.map((t) => [t.range, t.bands])).toEqual([
      ["A4:G9", { source: "ratings", bands, rows: 9 }],
      ["A13:G17", { source: "ratings", bands, rows: 9 }],
    ]);
    expect(tablesText(a.tables).join("\n")).toContain(
      "bands 1-4 Low, 5-12 Medium, 15-25 High (inferred from the register's own ratings, 9 rated rows)",
    );
    // The scores written are likelihood × impact on the standard 5-point words (P3's is 12).
    expect(writtenIn(a.plan.operations, 4).map(([, v]) => v)).toEqual([
      12, 8, 12, 8, 5, 9, 10, 16, 4,
    ]);
    // The priorities written are the council's own, P3's by its right score 12: Medium.
    expect(writtenIn(a.plan.operations, 5).map(([, v]) => v)).toEqual(
      SECTIONS.filter((r) => /^P\d$/.test(String(r[0]))).map((r) => r[5]),
    );
  });

  it("few rated rows: neighbouring bands meet halfway, not at the scores seen", () => {
    // Alone, section 2 rates 4 Low, 9 and 10 Medium, 16 High: not "9-10 Medium".
    const a = analyse(SECTIONS.slice(11));
    expect(a.findings).toEqual([]);
    expect(a.tables.filter(isRiskReport)[0]?.bands).toEqual({
      source: "ratings",
      rows: 4,
      bands: [
        // Between Low's 4 and Medium's 9 (halfway 6.5): 5 and 6 Low, 8 Medium.
        { from: 1, to: 6, label: "Low" },
        // Between Medium's 10 and High's 16 (halfway 13): 12 Medium, 15 High.
        { from: 8, to: 12, label: "Medium" },
        { from: 15, to: 25, label: "High" },
      ],
    });
  });

  it("sections on one sheet that rate against each other: each judged by its own", () => {
    // Section 1 now rates 8 Low and 10 and 12 High; section 2 rates 10 Medium: together no one
    // banding holds (10 is High once and Medium once), so each section is read alone.
    const relabel: Record<string, CellValue[]> = {
      P1: ["Likely", "Moderate", 12, "High"],
      P2: ["Unlikely", "Major", 8, "Low"],
      P3: ["Possible", "Major", 12, "High"],
      P4: ["Likely", "Minor", 8, "Low"],
      P5: ["Almost certain", "Minor", 10, "High"],
    };
    const own = SECTIONS.map((r) => {
      const to = relabel[String(r[0])];
      return to ? [r[0] ?? null, r[1] ?? null, ...to, r[6] ?? null] : r;
    });
    const tables = analyse(own).tables.filter(isRiskReport);
    expect(tables.map((t) => [t.bands.rows, t.bands.bands])).toEqual([
      [
        5,
        [
          { from: 1, to: 8, label: "Low" },
          // Halfway between 8 and 10 is the 9 a 5×5 can give: rated up, High.
          { from: 9, to: 25, label: "High" },
        ],
      ],
      [
        4,
        [
          { from: 1, to: 6, label: "Low" },
          { from: 8, to: 12, label: "Medium" },
          { from: 15, to: 25, label: "High" },
        ],
      ],
    ]);
  });
});
