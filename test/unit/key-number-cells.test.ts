import fc from "fast-check";
import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { bandsInStretch } from "../../src/core/tables/key-number-cells";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A risk key with its numbers in cells of their own (issue 12, keys anywhere): "Key | 1 | 3 |
 * Low", "1 | - | 3 | Low", rows under "Score from | Score to | Rating", or one line across ("Low |
 * 1 | 3 | Medium | 4 | 8 | …"). Read as the sheet's bands above, below (one or two blank rows),
 * beside the register and on another sheet. The key's bands differ from the defaults (4 is
 * Medium, 9 High, 15 Very high), so the written priorities show which bands were used. Planted:
 * R5's "High" where 8 is Medium.
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
const WRITTEN = ["Medium", "High", "Very high", "Low", "Medium"];
const DEFAULT_WRITTEN = ["Low", "Medium", "High", "Low", "Medium"];
const MISMATCH = [
  "priority-mismatch",
  "G6",
  'Priority is "High" but score 8 is in band 4-8 Medium',
];

/** Each key form, and where its first band starts when it sits at row 0, column 0. */
const KEYS: [string, CellValue[][], string][] = [
  [
    '"Key" | 1 | 3 | "Low", one band a row',
    [
      ["Key", 1, 3, "Low"],
      [null, 4, 8, "Medium"],
      [null, 9, 14, "High"],
      [null, 15, 25, "Very high"],
    ],
    "B1",
  ],
  [
    'rows under "Score from" | "Score to" | "Rating"',
    [
      ["Score from", "Score to", "Rating"],
      [1, 3, "Low"],
      [4, 8, "Medium"],
      [9, 14, "High"],
      [15, 25, "Very high"],
    ],
    "A2",
  ],
  [
    '1 | "-" | 3 | "Low", the dash in a cell of its own',
    [
      [1, "-", 3, "Low"],
      [4, "-", 8, "Medium"],
      [9, "-", 14, "High"],
      [15, "-", 25, "Very high"],
    ],
    "A1",
  ],
  [
    'one line across, labels first ("Low" | 1 | 3 | "Medium" | 4 | 8 …)',
    [["Low", 1, 3, "Medium", 4, 8, "High", 9, 14, "Very high", 15, 25]],
    "A1",
  ],
  [
    'one line across after a title ("Risk key:" | "Low" | 1 | 3 …)',
    [["Risk key:", "Low", 1, 3, "Medium", 4, 8, "High", 9, 14, "Very high", 15, 25]],
    "B1",
  ],
];

const priorityWrites = (ops: readonly unknown[]) =>
  (ops as ColumnWrite[])
    .filter((o) => o.kind === "column" && o.column === 6)
    .flatMap((o) => o.cells.map((c) => c.value));

/** "A1" moved down `rows` and right `columns`. */
function moved(at: string, rows: number, columns = 0): string {
  const [, col = "A", row = "1"] = /^([A-Z])(\d+)$/.exec(at) ?? [];
  return `${String.fromCharCode(col.charCodeAt(0) + columns)}${Number(row) + rows}`;
}

function analysed(...sheets: ReturnType<typeof sheet>[]) {
  const a = analyseWorkbook(workbook(...sheets), { asOf: TODAY });
  return { a, report: a.tables.filter(isRiskReport) };
}

describe("a key with its numbers in cells of their own", () => {
  describe.each(KEYS)("%s", (_name, key, at) => {
    it.each([1, 2])("under the register after %i blank row(s)", (gap) => {
      const gapRows = Array.from({ length: gap }, (): CellValue[] => []);
      const { a, report } = analysed(sheet("Risk Register", [...REGISTER, ...gapRows, ...key]));
      expect(report.map((t) => t.range)).toEqual(["A1:G6"]);
      expect(report[0]?.bands).toMatchObject({
        source: "sheet",
        at: moved(at, 6 + gap),
        bands: KEY_BANDS,
      });
      expect(a.findings.map((f) => [f.code, f.cell, f.message])).toEqual([MISMATCH]);
      expect(priorityWrites(a.plan.operations)).toEqual(WRITTEN);
    });

    it("above the register, one blank row between", () => {
      const rows = [...key, [], ...REGISTER];
      const { a, report } = analysed(sheet("Risks", rows));
      const top = key.length + 1;
      expect(report.map((t) => t.range)).toEqual([`A${top + 1}:G${top + 6}`]);
      expect(report[0]?.bands).toMatchObject({ source: "sheet", at, bands: KEY_BANDS });
      expect(a.findings.map((f) => [f.code, f.cell])).toEqual([
        ["priority-mismatch", `G${top + 6}`],
      ]);
      expect(priorityWrites(a.plan.operations)).toEqual(WRITTEN);
    });

    it("beside the register, one blank column between", () => {
      const rows = REGISTER.map((r, k) => [...r, null, ...(key[k] ?? [])]);
      const { a, report } = analysed(sheet("Risks", rows));
      expect(report.map((t) => t.range)).toEqual(["A1:G6"]);
      expect(report[0]?.bands).toMatchObject({
        source: "sheet",
        at: moved(at, 0, 8),
        bands: KEY_BANDS,
      });
      expect(a.findings.map((f) => [f.code, f.cell, f.message])).toEqual([MISMATCH]);
      expect(priorityWrites(a.plan.operations)).toEqual(WRITTEN);
    });

    it("on a sheet of its own", () => {
      const { a, report } = analysed(sheet("Risks", REGISTER), sheet("Risk Key", key));
      expect(report.map((t) => [t.sheet, t.range])).toEqual([["Risks", "A1:G6"]]);
      expect(report[0]?.bands).toMatchObject({
        source: "workbook",
        at: `Risk Key!${at}`,
        bands: KEY_BANDS,
      });
      expect(a.findings.map((f) => [f.sheet, f.code, f.cell, f.message])).toEqual([
        ["Risks", ...MISMATCH],
        [
          "Risk Key",
          "layout-not-found",
          "A1",
          '"Risk Key" holds no table to check: it was read as the key for sheet "Risks"',
        ],
      ]);
      expect(priorityWrites(a.plan.operations)).toEqual(WRITTEN);
    });
  });
});

describe("near misses: number cells that are no key", () => {
  const NEAR: [string, CellValue[][]][] = [
    [
      "bands that overlap",
      [
        [1, 4, "Low"],
        [3, 9, "Medium"],
        [10, 25, "High"],
      ],
    ],
    [
      "ranges with no labels",
      [
        [1, 3],
        [4, 8],
        [9, 25],
      ],
    ],
    [
      "a table of figures that does not start at a score's bottom",
      [
        [10, 20, "North"],
        [30, 40, "South"],
        [50, 60, "East"],
      ],
    ],
    [
      "labels first, one band a row, with no heading naming the bounds",
      [
        ["Low", 1, 3],
        ["Medium", 4, 8],
        ["High", 9, 25],
      ],
    ],
    [
      "a label with figures in it",
      [
        [1, 3, "Q1 2025"],
        [4, 8, "Q2 2025"],
      ],
    ],
  ];

  it.each(NEAR)("%s: the defaults are used", (_name, table) => {
    const rows = [...REGISTER, [], [], ...table];
    const { a, report } = analysed(sheet("Risk Register", rows));
    expect(report[0]?.bands).toMatchObject({ source: "default" });
    expect(a.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      ["priority-mismatch", "G6", 'Priority is "High" but score 8 is in band 5-9 Medium'],
    ]);
    expect(priorityWrites(a.plan.operations)).toEqual(DEFAULT_WRITTEN);
  });

  it("a register's own rows of two figures and a rating are never its key", () => {
    const rows: CellValue[][] = [
      ["Risk", "Likelihood", "Impact", "Priority"],
      ["Depot flooding", 1, 2, "Low"],
      ["Archive fire", 3, 4, "Medium"],
      ["Data breach", 5, 5, "High"],
    ];
    const { report } = analysed(sheet("Risks", rows));
    expect(report.map((t) => t.range)).toEqual(["A1:D4"]);
    expect(report[0]?.bands?.source).not.toBe("sheet");
  });
});

describe("bandsInStretch", () => {
  const cells = (...texts: string[]) => texts.map((text, column) => ({ column, text }));

  it("reads each form with the columns it took, label first", () => {
    expect(bandsInStretch(cells("Key", "1", "4", "Low"))).toEqual([
      { from: 1, to: 4, label: "Low", columns: [3, 1, 2] },
    ]);
    expect(bandsInStretch(cells("1", "to", "4", "Low"))).toEqual([
      { from: 1, to: 4, label: "Low", columns: [3, 0, 1, 2] },
    ]);
    expect(bandsInStretch(cells("Low", "1", "4", "High", "5", "9"))).toEqual([
      { from: 1, to: 4, label: "Low", columns: [0, 1, 2] },
      { from: 5, to: 9, label: "High", columns: [3, 4, 5] },
    ]);
  });

  it("reads nothing when a cell is left over or the bounds fall", () => {
    expect(bandsInStretch(cells("R1", "1", "4", "Low"))).toBeNull();
    expect(bandsInStretch(cells("Low", "1", "4"))).toBeNull();
    expect(bandsInStretch(cells("4", "1", "Low"))).toBeNull();
    expect(bandsInStretch(cells("1", "4", "Likelihood"))).toBeNull();
  });

  it("never throws on arbitrary cells", () => {
    const text = fc.oneof(
      fc.constantFrom("Key", "-", "to", "Low", "Very high", "Score", "1", "4", "25", "101"),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 14 }), (texts) => {
        const bands = bandsInStretch(cells(...texts));
        for (const b of bands ?? []) expect(b.from).toBeLessThanOrEqual(b.to);
      }),
      { numRuns: 300 },
    );
  });
});
