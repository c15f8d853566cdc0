import { analyseWorkbook, isRiskReport, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Where a register ends and where it carries on. A key kept as a list of cells one blank row
 * under it (bands one per row, in any order of label and scores, under a heading or not; scale
 * lists of words and numbers; a matrix of scores) is the key, not risks. Sections of a register
 * two or three blank rows apart are one register; a table of other things after blank rows is not.
 */
type Row = CellValue[];

const analyse = (rows: Row[]) => analyseWorkbook(workbook(sheet("Risks", rows)), { asOf: TODAY });
const risk = (a: Analysis) => a.tables.filter(isRiskReport);
const findings = (a: Analysis) => a.findings.map((x) => [x.code, x.cell, x.expected]);
const writes = (a: Analysis) =>
  (a.plan.operations.filter((o) => o.kind === "column") as ColumnWrite[]).map((o) => [
    o.column,
    o.cells.map((c) => [c.row + 1, c.value]),
  ]);

const HEADER: Row = ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"];
// Planted: a typed score 7 at E5 where 3 × 3 = 9.
const RISKS: Row[] = [
  ["R1", "Flood", 2, 3, 6, null],
  ["R2", "Cyber attack", 4, 4, 16, null],
  ["R3", "Staff turnover", 1, 5, 5, null],
  ["R4", "Budget gap", 3, 3, 7, null],
];

describe("a key list one blank row under a register is the key, not risks", () => {
  const keys: [string, Row[], string][] = [
    [
      "scores then label",
      [
        ["1-4", "Low"],
        ["5-12", "Medium"],
        ["15-25", "High"],
      ],
      "A7",
    ],
    [
      "label then scores",
      [
        ["Low", "1-4"],
        ["Medium", "5-12"],
        ["High", "15-25"],
      ],
      "A7",
    ],
    [
      "under a heading row",
      [
        ["Rating", "Score"],
        ["Low", "1-4"],
        ["Medium", "5-12"],
        ["High", "15-25"],
      ],
      "A8",
    ],
    ["one band a cell", [["1-4 Low"], ["5-12 Medium"], ["15-25 High"]], "A7"],
    [
      "under the rating columns",
      [
        [null, null, "Low", "1-4"],
        [null, null, "Medium", "5-12"],
        [null, null, "High", "15-25"],
      ],
      "C7",
    ],
  ];

  it.each(keys)("%s", (_form, key, at) => {
    const a = analyse([HEADER, ...RISKS, [], ...key]);
    expect(risk(a)).toHaveLength(1);
    expect(risk(a)[0]).toMatchObject({
      range: "A1:F5",
      rows: 4,
      bands: {
        source: "sheet",
        at,
        bands: [
          { from: 1, to: 4, label: "Low" },
          { from: 5, to: 12, label: "Medium" },
          { from: 15, to: 25, label: "High" },
        ],
      },
    });
    expect(findings(a)).toEqual([["score-mismatch", "E5", 9]]);
    expect(writes(a)).toEqual([
      [
        4,
        [
          [2, 6],
          [3, 16],
          [4, 5],
          [5, 9],
        ],
      ],
      [
        5,
        [
          [2, "Medium"],
          [3, "High"],
          [4, "Medium"],
          [5, "Medium"],
        ],
      ],
    ]);
  });

  const WORDED: Row[] = [
    HEADER,
    ["R1", "Flood", "Possible", "Major", null, null],
    ["R2", "Cyber attack", "Likely", "Minor", null, null],
    ["R3", "Staff turnover", "Rare", "Moderate", null, null],
  ];
  const scaleLists: [string, Row[]][] = [
    [
      "one list under a heading",
      [
        ["Likelihood", "Score"],
        ["Rare", 1],
        ["Unlikely", 2],
        ["Possible", 3],
        ["Likely", 4],
        ["Almost certain", 5],
      ],
    ],
    [
      "two lists under the rating columns",
      [
        [null, null, "Likelihood", null, "Impact"],
        [null, null, "Rare", 1, "Insignificant", 1],
        [null, null, "Unlikely", 2, "Minor", 2],
        [null, null, "Possible", 3, "Moderate", 3],
        [null, null, "Likely", 4, "Major", 4],
        [null, null, "Almost certain", 5, "Catastrophic", 5],
      ],
    ],
  ];

  it.each(scaleLists)("a scale list: %s", (_form, list) => {
    const a = analyse([...WORDED, [], ...list]);
    expect(risk(a).map((t) => [t.range, t.rows])).toEqual([["A1:F4", 3]]);
    expect(findings(a)).toEqual([]);
    // Possible × Major = 3 × 4, Likely × Minor = 4 × 2, Rare × Moderate = 1 × 3.
    expect(writes(a)).toEqual([
      [
        4,
        [
          [2, 12],
          [3, 8],
          [4, 3],
        ],
      ],
      [
        5,
        [
          [2, "High"],
          [3, "Medium"],
          [4, "Low"],
        ],
      ],
    ]);
  });
});

describe("a register's sections two or more blank rows apart are one register", () => {
  const A: Row[] = [
    ["A1", "Flood", 2, 3, 6, null],
    ["A2", "Cyber attack", 4, 4, 16, null],
  ];
  // Planted: a typed score 7 where 3 × 3 = 9, in the section after the gap.
  const B: Row[] = [
    ["B1", "Staff turnover", 1, 5, 5, null],
    ["B2", "Budget gap", 3, 3, 7, null],
  ];
  // Layout, rows, the register's range and row count (headings included), the planted cell, risk rows.
  const cases: [string, Row[], string, number, string, number[]][] = [
    [
      "headings, two blank rows",
      [["Adults"], ...A, [], [], ["Place"], ...B],
      "A1:F9",
      6,
      "E9",
      [3, 4, 8, 9],
    ],
    ["no headings, two blank rows", [...A, [], [], ...B], "A1:F7", 4, "E7", [2, 3, 6, 7]],
    [
      "heading, three blank rows",
      [...A, [], [], [], ["Place"], ...B],
      "A1:F9",
      5,
      "E9",
      [2, 3, 8, 9],
    ],
  ];

  it.each(cases)("%s", (_layout, body, range, rows, planted, riskRows) => {
    const a = analyse([HEADER, ...body]);
    expect(risk(a).map((t) => [t.range, t.rows])).toEqual([[range, rows]]);
    expect(findings(a)).toEqual([["score-mismatch", planted, 9]]);
    expect(writes(a)).toEqual([
      [4, riskRows.map((r, i) => [r, [6, 16, 5, 9][i]])],
      [5, riskRows.map((r, i) => [r, ["Medium", "High", "Medium", "Medium"][i]])],
    ]);
  });

  const others: [string, Row[]][] = [
    [
      "a table of figures",
      [
        ["Service", "Budget", "Forecast"],
        ["Parks", 100, 120],
        ["Roads", 200, 210],
      ],
    ],
    [
      "a table of words",
      [
        ["Action", "Owner", "Due", "Status"],
        ["Fix roof", "JB", "March", "Open"],
        ["Buy pumps", "KL", "April", "Closed"],
      ],
    ],
    ["notes", [["Notes"], ["The register is reviewed monthly by the management team."]]],
  ];

  it.each(others)("%s after two blank rows is not merged", (_what, after) => {
    const a = analyse([HEADER, ...A, [], [], ...after]);
    expect(risk(a).map((t) => [t.range, t.rows])).toEqual([["A1:F3", 2]]);
    expect(findings(a).filter(([code]) => code !== "layout-not-found")).toEqual([]);
    expect(writes(a).slice(0, 2)).toEqual([
      [
        4,
        [
          [2, 6],
          [3, 16],
        ],
      ],
      [
        5,
        [
          [2, "Medium"],
          [3, "High"],
        ],
      ],
    ]);
  });
});
