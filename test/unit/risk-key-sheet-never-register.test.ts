import { analyseWorkbook } from "../../src/core/analyse";
import type { Finding } from "../../src/core/findings";
import type { ColumnWrite, WriteOperation } from "../../src/core/plan";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { detectRiskTables } from "../../src/core/risk/detect";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A council's key or scoring sheet ("Score range | RAG" beside lists of the scale's words, "Score |
 * Likelihood | Impact") rates no risks: it is read as the key, never as a register, and apply never
 * writes into it (issue 12, data loss on the new-user trial).
 */
const analyse = (...sheets: SheetSnapshot[]) =>
  analyseWorkbook(workbook(...sheets), { asOf: TODAY });
const brief = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);
const sheetsWritten = (ops: readonly WriteOperation[]) => [...new Set(ops.map((o) => o.sheet))];
const written = (ops: readonly WriteOperation[], sheetName: string) =>
  Object.fromEntries(
    ops
      .filter((o): o is ColumnWrite => o.kind === "column" && o.sheet === sheetName)
      .map((o) => [
        String.fromCharCode(65 + o.column),
        o.cells.map((c) => [c.row + 1, c.value] as [number, CellValue]),
      ]),
  );

/** "Risk Matrix": a band list in the "1 to 4" form beside the axes' words, as the trial's w2. */
const KEY_SHEET: CellValue[][] = [
  ["Scoring guidance"],
  [],
  ["Score range", "RAG", null, "Likelihood", "Impact"],
  ["1 to 4", "Green", null, "1 - Rare", "1 - Negligible"],
  ["5 to 10", "Amber", null, "2 - Unlikely", "2 - Minor"],
  ["12 to 25", "Red", null, "3 - Possible", "3 - Moderate"],
  [null, null, null, "4 - Likely", "4 - Major"],
  [null, null, null, "5 - Almost certain", "5 - Severe"],
];

const REGISTER: CellValue[][] = [
  ["Ref", "Risk description", "Likelihood", "Impact", "Risk score", "RAG"],
  ["R1", "Market failure", "4 - Likely", "4 - Major", 16, "Red"],
  // 3 × 3 = 9: Amber on the key sheet's bands (Red on the defaults' 10-16 "High" is no label here).
  ["R2", "Backlog", "3 - Possible", "3 - Moderate", 9, "Red"],
  ["R3", "Debt", "2 - Unlikely", "2 - Minor", 4, "Green"],
  ["R4", "Fire safety", "2 - Unlikely", "5 - Severe", 10, "Amber"],
];

describe("a key sheet beside a register", () => {
  it("is read as the key: its bands judge the register, and nothing is written into it", () => {
    const a = analyse(sheet("Register", REGISTER), sheet("Risk Matrix", KEY_SHEET));
    expect(a.tables.map((t) => [t.sheet, t.kind, t.range])).toEqual([
      ["Register", "risk-register", "A1:F5"],
    ]);
    expect(a.tables[0]).toMatchObject({
      bands: {
        source: "workbook",
        bands: [
          { from: 1, to: 4, label: "Green" },
          { from: 5, to: 10, label: "Amber" },
          { from: 12, to: 25, label: "Red" },
        ],
      },
    });
    expect(brief(a.findings.filter((f) => f.severity === "error"))).toEqual([
      "priority-mismatch@Register!F3",
    ]);
    expect(sheetsWritten(a.plan.operations)).toEqual(["Register"]);
    const out = written(a.plan.operations, "Register");
    expect(out.E?.map(([, v]) => v)).toEqual([16, 9, 4, 10]);
    expect(out.F).toEqual([
      [2, "Red"],
      [3, "Amber"],
      [4, "Green"],
      [5, "Amber"],
    ]);
  });

  it("lends its band list, word lists beside it, to a register without a rating column", () => {
    const unrated = REGISTER.map((row) => row.slice(0, 5));
    const a = analyse(sheet("Register", unrated), sheet("Risk Matrix", KEY_SHEET));
    expect(a.tables.map((t) => [t.sheet, t.range])).toEqual([["Register", "A1:E5"]]);
    expect(a.tables[0]).toMatchObject({ bands: { source: "workbook", at: "Risk Matrix!A4" } });
    expect(brief(a.findings.filter((f) => f.severity === "error"))).toEqual([]);
    expect(sheetsWritten(a.plan.operations)).toEqual(["Register"]);
    const out = written(a.plan.operations, "Register");
    // The added rating column speaks the key's words: 16 Red, 9 Amber, 4 Green, 10 Amber.
    expect(out.F).toEqual([
      [2, "Red"],
      [3, "Amber"],
      [4, "Green"],
      [5, "Amber"],
    ]);
  });

  it("alone in a workbook is no register, and apply plans no write at all", () => {
    const a = analyse(sheet("Risk Matrix", KEY_SHEET));
    expect(a.tables).toEqual([]);
    expect(a.plan.operations).toEqual([]);
    expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe("a register needs more than its rating headers", () => {
  const rated = (header: CellValue[]): CellValue[][] => [
    header,
    ...[
      [4, 4, 16, "High"],
      [2, 3, 6, "Medium"],
      [1, 2, 2, "Low"],
    ].map((r) => (header.length > 4 ? ["x", ...r] : r)),
  ];
  it.each([
    [["Likelihood", "Impact", "Score", "RAG"]],
    [["Score range", "Likelihood", "Impact", "Band"]],
    [["Score", "Likelihood", "Impact", "Rating", "Level"]],
  ])("%j rates no named risk: no register", (header) => {
    expect(detectRiskTables(sheet("S", rated(header)))).toEqual([]);
  });

  it.each([
    [["Ref", "Likelihood", "Impact", "Score", "RAG"], { id: 0 }],
    [["Risk", "Likelihood", "Impact", "Score", "RAG"], { title: 0 }],
    [["Owner", "Likelihood", "Impact", "Score", "RAG"], { owner: 0 }],
    [["Cause", "Likelihood", "Impact", "Score", "RAG"], {}],
  ])("%j names its risks: a register", (header, columns) => {
    const found = detectRiskTables(sheet("S", rated(header)));
    expect(found.map((t) => [t.headerRow, t.lastRow, t.columns])).toEqual([[0, 3, columns]]);
  });

  it("a scoring sheet 'Score | Likelihood | Impact' of numbers and words is no register", () => {
    const rows: CellValue[][] = [
      ["Score", "Likelihood", "Impact"],
      [1, "Rare", "Insignificant"],
      [2, "Unlikely", "Minor"],
      [3, "Possible", "Moderate"],
    ];
    expect(detectRiskTables(sheet("Scoring", rows))).toEqual([]);
  });
});

describe("a key describing each level", () => {
  const DESCRIBED: CellValue[][] = [
    ["Likelihood", "Description", "Impact", "Description"],
    ["1 - Rare", "Exceptional circumstances only", "1 - Negligible", "No disruption"],
    ["2 - Unlikely", "Could occur at some time", "2 - Minor", "Brief disruption"],
    ["3 - Possible", "Might occur", "3 - Moderate", "Some disruption"],
    ["4 - Likely", "Will probably occur", "4 - Major", "Serious disruption"],
    ["5 - Almost certain", "Expected to occur", "5 - Severe", "Loss of service"],
    [],
    ["Score", "Likelihood", "Descriptor", "Impact", "Descriptor"],
    [1, "Rare", "Exceptional", "Negligible", "None"],
    [2, "Unlikely", "Could occur", "Minor", "Brief"],
    [3, "Possible", "Might occur", "Moderate", "Some"],
  ];

  it("is no register, whether its levels carry their words or sit beside a score", () => {
    const a = analyse(sheet("Key", DESCRIBED));
    expect(a.tables).toEqual([]);
    expect(a.plan.operations).toEqual([]);
    expect(brief(a.findings)).toEqual(["layout-not-found@Key!A1"]);
  });

  it("a titled register rated 1, 2, 3 in plain numbers down the rows stays a register", () => {
    const rows: CellValue[][] = [
      ["Risk", "Likelihood", "Impact", "Score"],
      ["Flood", 1, 1, 1],
      ["Fire", 2, 2, 4],
      ["Theft", 3, 3, 6],
    ];
    const a = analyse(sheet("Risks", rows));
    expect(a.tables.map((t) => [t.sheet, t.range])).toEqual([["Risks", "A1:D4"]]);
    expect(brief(a.findings.filter((f) => f.severity === "error"))).toEqual([
      "score-mismatch@Risks!D4",
    ]);
    expect(written(a.plan.operations, "Risks").D?.map(([, v]) => v)).toEqual([1, 4, 9]);
  });
});
