import { analyseWorkbook, isRiskReport, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A register with a side table one blank column away ("Directorate | Open risks" summarising it):
 * new columns written into that blank column would close the only gap, and the next reading would
 * take register and side table for one. The columns are inserted beside the register instead, so
 * the gap moves right with the side table; a second apply finds them and changes nothing.
 */
const analyse = (rows: CellValue[][]) =>
  analyseWorkbook(workbook(sheet("Risks", rows)), { asOf: TODAY });
const layout = (a: Analysis) =>
  a.plan.operations.map((o) => [o.kind, "column" in o ? o.column : null]);
const values = (a: Analysis) =>
  (a.plan.operations.filter((o) => o.kind === "column") as ColumnWrite[]).map((o) => [
    o.header?.text ?? null,
    o.cells.map((c) => c.value),
  ]);

describe("new columns never close the gap to a side table", () => {
  // One column to add (Priority), the only blank column F before the side table at G.
  const oneGap: CellValue[][] = [
    ["Ref", "Risk", "Likelihood", "Impact", "Score", null, "Directorate", "Open risks"],
    ["R1", "Flood", 2, 3, 6, null, "Adults", 3],
    ["R2", "Cyber attack", 4, 4, 16, null, "Place", 5],
    ["R3", "Staff turnover", 1, 5, 5, null, "Resources", 2],
  ];
  // Two columns to add (Score, Priority), exactly two blank columns E:F before the side table.
  const twoGaps: CellValue[][] = [
    ["Ref", "Risk", "Likelihood", "Impact", null, null, "Directorate", "Open risks"],
    ["R1", "Flood", 2, 3, null, null, "Adults", 3],
    ["R2", "Cyber attack", 4, 4, null, null, "Place", 5],
    ["R3", "Staff turnover", 1, 5, null, null, "Resources", 2],
  ];

  it("one blank column: Priority is inserted at F, the side table moves to H", () => {
    const a = analyse(oneGap);
    expect(layout(a)).toEqual([
      ["insert-columns", 5],
      ["column", 4],
      ["column", 5],
    ]);
    expect(values(a)).toEqual([
      [null, [6, 16, 5]],
      ["Priority", ["Medium", "High", "Medium"]],
    ]);
  });

  it("two blank columns, two to add: both are inserted at E, the gap kept", () => {
    const a = analyse(twoGaps);
    expect(layout(a)).toEqual([
      ["insert-columns", 4],
      ["column", 4],
      ["column", 5],
    ]);
    expect(values(a)).toEqual([
      ["Score", [6, 16, 5]],
      ["Priority", ["Medium", "High", "Medium"]],
    ]);
  });

  it.each([
    ["one blank column", oneGap, 1],
    ["two blank columns", twoGaps, 2],
  ])(
    "%s: the applied sheet reads as register and side table apart; apply again changes nothing",
    (_gap, rows, gap) => {
      const first = workbook(sheet("Risks", rows));
      const once = applyPlanToSnapshot(first, analyseWorkbook(first, { asOf: TODAY }).plan, {
        valuesOnly: false,
      });
      const reread = analyseWorkbook(once, { asOf: TODAY });
      expect(reread.tables.filter(isRiskReport).map((t) => t.range)).toEqual(["A1:F4"]);
      // The side table kept its blank columns before it, moved right with it.
      expect(once.sheets[0]?.rows[0]?.slice(6)).toEqual([
        ...Array<null>(gap).fill(null),
        { value: "Directorate" },
        { value: "Open risks" },
      ]);
      expect(reread.findings).toEqual([]);
      expect(
        reread.plan.operations.filter((o) => o.kind !== "column" || o.header !== null),
      ).toEqual([]);
      expect(applyPlanToSnapshot(once, reread.plan, { valuesOnly: false })).toEqual(once);
    },
  );
});
