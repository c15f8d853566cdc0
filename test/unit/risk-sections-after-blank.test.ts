import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A register kept in sections under directorate headings, each section closed by a blank row
 * (and, in some, a "Total risks" row first): the heading after a blank row is a section of the
 * register, not a note under it, so every section's risks are read. Headings and totals rows are
 * not risks: no finding on them and nothing written into them.
 */
type Row = CellValue[];

function register(withTotals: boolean, headingColumn: 0 | 1) {
  const rows: Row[] = [["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"]];
  const sections: [string, [number, number][]][] = [
    [
      "Adults and Health",
      [
        [2, 3],
        [4, 4],
        [1, 5],
        [3, 3],
      ],
    ],
    [
      "Place",
      [
        [5, 4],
        [2, 2],
        [3, 1],
        [4, 2],
      ],
    ],
    [
      "Resources",
      [
        [1, 1],
        [2, 5],
        [5, 5],
        [3, 4],
      ],
    ],
  ];
  sections.forEach(([name, risks], s) => {
    const heading: Row = [null, null];
    heading[headingColumn] = name;
    rows.push(heading);
    risks.forEach(([l, i], k) => {
      rows.push([`${name.slice(0, 3).toUpperCase()}${k + 1}`, `Risk ${s}.${k}`, l, i, l * i, null]);
    });
    if (withTotals) rows.push(["Total risks", risks.length]);
    rows.push([]);
  });
  // Planted: a typed score in the last section, where a reader stopping at the first blank
  // row would never look.
  rows[withTotals ? 19 : 17]![4] = 7;
  return sheet("Risks", rows);
}

const cases = [
  ["headings in column A", false, 0],
  ["headings in column B", false, 1],
  ["headings in column A with Total risks rows", true, 0],
  ["headings in column B with Total risks rows", true, 1],
] as const;

describe("risk register in sections under headings with a blank row between", () => {
  it.each(cases)("reads every section (%s)", (_name, totals, column) => {
    const a = analyseWorkbook(workbook(register(totals, column)), { asOf: TODAY });
    const risks = a.tables.filter(isRiskReport);
    expect(risks).toHaveLength(1);
    expect(risks[0]).toMatchObject({ range: totals ? "A1:F21" : "A1:F18", headerRow: 1 });
    expect(a.findings.map((x) => [x.code, x.cell, x.expected])).toEqual([
      ["score-mismatch", totals ? "E20" : "E18", 12],
    ]);
  });

  it.each(cases)("writes priorities on risk rows only (%s)", (_name, totals, column) => {
    const a = analyseWorkbook(workbook(register(totals, column)), { asOf: TODAY });
    const writes = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    const risks = totals
      ? [3, 4, 5, 6, 10, 11, 12, 13, 17, 18, 19, 20]
      : [3, 4, 5, 6, 9, 10, 11, 12, 15, 16, 17, 18];
    // Score (E) and priority (F) on every risk row, and on no heading or totals row.
    expect(writes.map((w) => w.column)).toEqual([4, 5]);
    expect(writes[0]!.cells.map((c) => c.row + 1)).toEqual(risks);
    expect(writes[0]!.cells.map((c) => c.value)).toEqual([6, 16, 5, 9, 20, 4, 3, 8, 1, 10, 25, 12]);
    expect(writes[1]!.cells.map((c) => c.row + 1)).toEqual(risks);
    expect(writes[1]!.cells.map((c) => c.value)).toEqual([
      "Medium",
      "High",
      "Medium",
      "Medium",
      "Very high",
      "Low",
      "Low",
      "Medium",
      "Low",
      "High",
      "Very high",
      "High",
    ]);
  });
});
