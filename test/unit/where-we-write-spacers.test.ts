import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { newColumns } from "../../src/core/plan-helpers";
import { sheet, TODAY, workbook } from "../helpers/builders";

const table = {
  sheet: "S",
  headerRow: 0,
  firstColumn: 0,
  lastColumn: 2,
  dataRows: [1],
  lastRow: 1,
};

describe("narrow spacer columns are no place to write", () => {
  it("newColumns passes over a spacer beside the table, and a run that would cover one", () => {
    const s = sheet("S", [
      ["A", "B", "C"],
      [1, 2, 3],
    ]);
    expect(newColumns(s, table, 1)).toMatchObject({ first: 3, operations: [] });
    const spaced = { ...s, narrowColumns: [{ first: 3, last: 3 }] };
    expect(newColumns(spaced, table, 1)).toMatchObject({ first: 4, operations: [] });
    // Two columns may not straddle a spacer further out either.
    const two = { ...s, narrowColumns: [{ first: 4, last: 5 }] };
    expect(newColumns(two, table, 2)).toMatchObject({ first: 6, operations: [] });
    // A block inside a carrying-on header is still inserted beside it (the spacer moves right).
    const carrying = sheet("S", [
      ["A", "B", "C", "Next"],
      [1, 2, 3, "x"],
    ]);
    expect(
      newColumns({ ...carrying, narrowColumns: [{ first: 3, last: 3 }] }, table, 1, "beside"),
    ).toMatchObject({ first: 3, operations: [{ kind: "insert-columns", column: 3, count: 1 }] });
  });

  it("a register's score and priority go past the spacer a council leaves beside it", () => {
    const rows = [
      ["Ref", "Risk", "Likelihood", "Impact"],
      ["R1", "Flood", 2, 3, null, null],
      ["R2", "Fire", 4, 4, null, null],
    ];
    const plan = (narrow: boolean) => {
      const s = sheet("Risks", rows);
      const snapshot = workbook(narrow ? { ...s, narrowColumns: [{ first: 4, last: 4 }] } : s);
      return analyseWorkbook(snapshot, { asOf: TODAY }).plan.operations.filter(
        (o): o is ColumnWrite => o.kind === "column" && o.header !== null,
      );
    };
    const columnsOf = (narrow: boolean) => plan(narrow).map((o) => [o.title, o.column]);
    // Without the width known, E is an empty column beside the table and is used.
    expect(columnsOf(false)[0]?.[1]).toBe(4);
    // With E a spacer, nothing new is written into it.
    expect(columnsOf(true).map(([, c]) => c)).toEqual([5, 6]);
    expect(columnsOf(true).map(([t]) => t)).toEqual(columnsOf(false).map(([t]) => t));
  });
});
