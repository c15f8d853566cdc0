import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { bandsInOneCell } from "../../src/core/tables/keys";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A key placed under a register after only one blank row (issue 12, keys anywhere): a line of
 * bands across cells (with or without a title, running past the register's last column), a
 * titled list, a small "From" | "To" table, a one-cell key naming "likelihood x impact". Each is
 * read as the key, never as risk rows. The key's bands differ from the defaults (4 is Medium, 9
 * High, 15 Very high), so the written priorities show which was used. Planted: R5's "High"
 * where 8 is Medium.
 */
const REGISTER: CellValue[][] = [
  ["Ref", "Risk", "Owner", "Likelihood", "Impact", "Score", "Priority"],
  ["R1", "Depot flooding", "Head of Fleet", 2, 2, 4, null],
  ["R2", "Archive fire", "Records Manager", 3, 3, 9, null],
  ["R3", "Data breach", "SIRO", 3, 5, 15, null],
  ["R4", "Strike action", "HR Director", 1, 2, 2, null],
  ["R5", "Supplier failure", "Procurement Lead", 2, 4, 8, "High"],
];
const KEY_BANDS = [
  { from: 1, to: 3, label: "Low" },
  { from: 4, to: 8, label: "Medium" },
  { from: 9, to: 14, label: "High" },
  { from: 15, to: 25, label: "Very high" },
];

const KEYS: [string, CellValue[][], string][] = [
  [
    "a line of ranges and words across, no title, past the last column",
    [["1-3", "Low", "4-8", "Medium", "9-14", "High", "15-25", "Very high"]],
    "A8",
  ],
  [
    'a line after a title that is no band ("Rating key" | "1-3 = Low" | …)',
    [["Rating key", "1-3 = Low", "4-8 = Medium", "9-14 = High", "15-25 = Very high"]],
    "B8",
  ],
  [
    'a line after "Key" | "1-3" | "Low" | …: "Key" names no band',
    [["Key", "1-3", "Low", "4-8", "Medium", "9-14", "High", "15-25", "Very high"]],
    "B8",
  ],
  [
    'a list titled on its first row ("Key:" | "1-3" | "Low")',
    [
      ["Key:", "1-3", "Low"],
      [null, "4-8", "Medium"],
      [null, "9-14", "High"],
      [null, "15-25", "Very high"],
    ],
    "B8",
  ],
  [
    'a small table under "Rating" | "From" | "To"',
    [
      ["Rating", "From", "To"],
      ["Low", 1, 3],
      ["Medium", 4, 8],
      ["High", 9, 14],
      ["Very high", 15, 25],
    ],
    "A9",
  ],
  [
    'one cell naming the score "likelihood x impact"',
    [["Key (likelihood x impact): 1-3 Low, 4-8 Medium, 9-14 High, 15-25 Very high"]],
    "A8",
  ],
];

const priorityWrites = (ops: readonly unknown[]) =>
  (ops as ColumnWrite[])
    .filter((o) => o.kind === "column" && o.column === 6)
    .flatMap((o) => o.cells.map((c) => c.value));

describe("a key one blank row under the register", () => {
  it.each(KEYS)("is the key, not risks: %s", (_name, key, at) => {
    const rows = [...REGISTER, [], ...key, [], ["Prepared by the Risk and Insurance team"]];
    const a = analyseWorkbook(workbook(sheet("Risk Register", rows)), { asOf: TODAY });
    const report = a.tables.filter(isRiskReport);
    expect(report.map((t) => t.range)).toEqual(["A1:G6"]);
    expect(report[0]?.bands).toMatchObject({ source: "sheet", at, bands: KEY_BANDS });
    expect(a.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ["priority-mismatch", "G6", 'Priority is "High" but score 8 is in band 4-8 Medium'],
    ]);
    expect(priorityWrites(a.plan.operations)).toEqual([
      "Medium",
      "High",
      "Very high",
      "Low",
      "Medium",
    ]);
  });

  it("a section of risks rated in words after a blank row stays in the register", () => {
    const rows: CellValue[][] = [
      ["Ref", "Risk", "Likelihood", "Impact", "Score"],
      ["R1", "Depot flooding", "2 - Unlikely", "2 - Minor", 4],
      [],
      // Two worded ratings beside a risk's name: a line of scale points, but no key.
      [null, "Archive fire", "Possible (3)", "Moderate (3)", 9],
      ["R3", "Data breach", "3 - Possible", "5 - Catastrophic", 15],
    ];
    const a = analyseWorkbook(workbook(sheet("Risks", rows)), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport).map((t) => t.range)).toEqual(["A1:E5"]);
  });

  it("a one-cell key naming likelihood and impact as scales is still no bands", () => {
    expect(bandsInOneCell("Likelihood: 1 Rare, 2 Unlikely, 3 Possible")).toBeNull();
    expect(bandsInOneCell("Score = likelihood × impact: 1-4 Low, 5-25 High")).toEqual([
      { from: 1, to: 4, label: "Low" },
      { from: 5, to: 25, label: "High" },
    ]);
  });
});
