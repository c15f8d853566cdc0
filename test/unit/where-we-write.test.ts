import fc from "fast-check";
import { parseAddress } from "../../src/core/a1";
import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite, WriteOperation } from "../../src/core/plan";
import { columnsFree, isUnitsRow, newColumns } from "../../src/core/plan-helpers";
import { isEmptyCell, type CellValue, type SheetSnapshot } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

const plan = (s: SheetSnapshot) => analyseWorkbook(workbook(s), { asOf: TODAY }).plan.operations;
const writes = (ops: WriteOperation[]) => ops.filter((o): o is ColumnWrite => o.kind === "column");
const inserts = (ops: WriteOperation[]) => ops.filter((o) => o.kind === "insert-columns");

const inMerge = (merges: readonly string[], row: number, column: number) =>
  merges.some((m) => {
    const [a, b] = m.split(":").map(parseAddress);
    return !!a && !!b && a.row <= row && row <= b.row && a.column <= column && column <= b.column;
  });

const REGISTER: CellValue[][] = [
  ["Risk", "Likelihood", "Impact"],
  ["Flooding", 2, 3],
  ["Staffing", 3, 3],
];

const OWNER_ROWS: CellValue[][] = [
  ["Risk", "Inherent risk", null, null, "Residual risk", null, "Owner", "Review date"],
  ["", "Likelihood", "Impact", "Score", "Likelihood", "Impact", "", ""],
  ["Flooding", 2, 3, 6, 1, 3, "J Smith", 46300],
  ["Staffing", 3, 3, 9, 2, 2, "K Jones", 46320],
];
const OWNER_MERGES = ["B1:D1", "E1:F1", "G1:G2", "H1:H2"];

const DIRECTION_ROWS: CellValue[][] = [
  ["Risk", "Inherent risk", null, null, "Residual risk", null, null],
  ["", "Likelihood", "Impact", "Score", "Likelihood", "Impact", ""],
  ["Flooding", 2, 3, 6, 1, 3, "↑"],
  ["Staffing", 3, 3, 9, 2, 2, "↓"],
];
const DIRECTION_MERGES = ["B1:D1", "E1:F1", "G1:G2"];

/** Each operation as [column, header] or [kind, inserted column]: where the plan puts things. */
const layout = (s: SheetSnapshot) =>
  plan(s).map((o) =>
    o.kind === "column"
      ? [o.column, o.header?.text ?? null]
      : [o.kind, o.kind === "insert-columns" ? o.column : o.sheet],
  );

describe("where new calculated columns go", () => {
  it("uses the columns right beside the table when they are free", () => {
    const ops = plan(sheet("Register", REGISTER));
    expect(inserts(ops)).toEqual([]);
    expect(writes(ops).map((w) => [w.column, w.header?.text])).toEqual([
      [3, "Score"],
      [4, "Priority"],
    ]);
  });

  it("skips a merged note beside the data: the first free columns further right are used", () => {
    const rows = REGISTER.map((r) => [...r]);
    (rows[1] as CellValue[])[3] = "Notes for the board";
    const s = sheet("Register", rows, { merges: ["D2:E3"] });
    const ops = plan(s);
    expect(inserts(ops)).toEqual([]);
    expect(writes(ops).map((w) => w.column)).toEqual([5, 6]);
    for (const w of writes(ops)) {
      expect(inMerge(s.merges, w.header?.row ?? 0, w.column)).toBe(false);
      for (const c of w.cells)
        expect(isEmptyCell(s.rows[c.row]?.[w.column] ?? undefined)).toBe(true);
    }
  });

  it("counts a formula showing nothing as something: it is never written over", () => {
    const rows: (CellValue | ReturnType<typeof f>)[][] = REGISTER.map((r) => [...r]);
    (rows[2] as unknown[])[3] = f('=IF(B3>2,"check","")', "");
    const ops = plan(sheet("Register", rows as CellValue[][]));
    expect(inserts(ops)).toEqual([]);
    expect(writes(ops).map((w) => w.column)).toEqual([4, 5]);
  });

  it("inserts only when a pair's columns must sit between existing ones", () => {
    // Inherent and residual blocks under merged group headers, then a column in use whose header
    // is blank and merged down (G1:G2, a direction-of-travel arrow): the residual score and
    // priority belong right after the residual impact, inside the header.
    const s = sheet("Register", DIRECTION_ROWS, { merges: DIRECTION_MERGES });
    const ops = plan(s);
    const residual = writes(ops).filter((w) => w.header !== null && w.column >= 6);
    expect(residual.map((w) => w.header?.text)).toEqual([
      "Inherent priority",
      "Residual score",
      "Residual priority",
    ]);
    expect(inserts(ops)).toEqual([
      expect.objectContaining({ kind: "insert-columns", column: 6, count: residual.length }),
    ]);
  });

  it("reads named headers beside the pairs into the table: new columns go after it, no insert", () => {
    // "Owner" and "Review date" merged down (G1:G2, H1:H2) are columns of the register.
    const s = sheet("Register", OWNER_ROWS, { merges: OWNER_MERGES });
    const ops = plan(s);
    expect(inserts(ops)).toEqual([]);
    expect(writes(ops).map((w) => [w.column, w.header?.text ?? null])).toEqual([
      [3, null],
      [8, "Inherent priority"],
      [9, "Residual score"],
      [10, "Residual priority"],
    ]);
  });

  it("never writes a header with nothing under it", () => {
    // A header-only "table" (no data rows) plans no new column at all.
    const s = sheet("Register", [["Risk", "Likelihood", "Impact"]]);
    expect(writes(plan(s)).filter((w) => w.header !== null)).toEqual([]);
  });

  it("writes no figure into a units row, also in an existing calculated column", () => {
    const rows: CellValue[][] = [
      ["Service", "Revised budget", "Forecast outturn", "Variance"],
      [null, "£'000", "£'000", "£'000"],
      ["Libraries", 110, 120, 10],
      ["Parks", 200, 190, -10],
      ["Roads", 1000, 1080, 70],
    ];
    const s = sheet("Budget", rows);
    expect(isUnitsRow(s, 1, 0, 3)).toBe(true);
    expect(isUnitsRow(s, 2, 0, 3)).toBe(false);
    const ops = writes(plan(s));
    expect(ops.length).toBeGreaterThan(0);
    // Only a new column states its unit there, as text ("%" over a percentage); no formula.
    expect(ops.flatMap((w) => w.cells.filter((c) => c.row === 1).map((c) => [w.title, c]))).toEqual(
      [["Variance %", { row: 1, formula: null, value: "%" }]],
    );
    // The typed variance 70 at D5 is the one wrong figure; it is the only user cell rewritten.
    expect(ops.find((w) => w.column === 3)?.cells.map((c) => c.row)).toEqual([2, 3, 4]);
  });

  it("writes nothing into a money table's sub-header rows, but fills a line of 'tbc's", () => {
    const budget = sheet("Budget", [
      ["Service", "Revised budget", "Forecast outturn"],
      [null, "(as approved)", "(at P6)"],
      ["Libraries", 110, 120],
      ["Parks", 200, 190],
    ]);
    const ops = writes(plan(budget));
    expect(ops.length).toBeGreaterThan(0);
    for (const w of ops) expect(w.cells.map((c) => c.row)).toEqual([2, 3]);
    const funding = sheet("Funding", [
      ["Funding source", "2025/26 £", "2026/27 £"],
      ["Grant A", "tbc", "tbc"],
      ["Grant B", 100, 200],
      ["Grant C", 50, 70],
    ]);
    const total = writes(plan(funding)).find((w) => w.header !== null);
    expect(total?.cells.map((c) => c.row)).toEqual([1, 2, 3]);
  });

  it("newColumns: first free run at the right edge, an insert only for a block inside a header", () => {
    const s = sheet("S", [
      ["A", "B", "C", "Next", null, null],
      [1, 2, 3, "x", null, "y"],
    ]);
    const table = {
      sheet: "S",
      headerRow: 0,
      firstColumn: 0,
      lastColumn: 2,
      dataRows: [1],
      lastRow: 1,
    };
    expect(columnsFree(s, 0, 1, 4, 1)).toBe(true);
    expect(columnsFree(s, 0, 1, 4, 2)).toBe(false);
    expect(newColumns(s, table, 1)).toMatchObject({ first: 4, operations: [] });
    expect(newColumns(s, table, 2)).toMatchObject({ first: 6, operations: [] });
    expect(newColumns(s, table, 1, "beside")).toMatchObject({
      first: 3,
      operations: [{ kind: "insert-columns", column: 3, count: 1 }],
    });
    // A block whose neighbour is not part of its header goes to the free columns, like any other.
    const loose = sheet("S", [
      ["A", "B", "C"],
      [1, 2, 3, "note"],
    ]);
    expect(newColumns(loose, table, 1, "beside")).toMatchObject({ first: 4, operations: [] });
    // Where merges cannot be known (Excel before ExcelApi 1.13), a one-row header cannot hide a
    // blank header merged down: the plan is the one the known sheet gets.
    expect(newColumns({ ...loose, mergesUnknown: true }, table, 1, "beside")).toMatchObject({
      first: 4,
      operations: [],
    });
    // A header of two rows blank all the way down beside the block may be such a merge: the
    // insert is taken, which is safe whatever is merged.
    const twoRows = sheet("S", [
      ["A", "B", "C"],
      ["x", "y", "z"],
      [1, 2, 3, "note"],
    ]);
    const block = { ...table, headerRows: [0, 1], dataRows: [2], lastRow: 2 };
    expect(newColumns({ ...twoRows, mergesUnknown: true }, block, 1, "beside")).toMatchObject({
      first: 3,
      operations: [{ kind: "insert-columns", column: 3, count: 1 }],
    });
    expect(newColumns(twoRows, block, 1, "beside")).toMatchObject({ first: 4, operations: [] });
  });

  it("plans the same insert with merges unknown as with a merged two-row header known", () => {
    // As a blank merged-down header beside a register: the header cell beside the residual pair
    // is blank in both header rows, and the column under it holds data.
    const known = sheet("Register", DIRECTION_ROWS, { merges: DIRECTION_MERGES });
    const unknown: SheetSnapshot = { ...known, merges: [], mergesUnknown: true };
    expect(layout(known)).toContainEqual(["insert-columns", 6]);
    expect(layout(unknown)).toEqual(layout(known));
    // Told wrongly that nothing is merged, the planner would have gone past the merge instead.
    expect(layout({ ...known, merges: [] })).not.toEqual(layout(known));
  });

  it("plans the same with merges known, unknown and absent when the headers say it all", () => {
    // Group labels typed once over their sub-headers read as the merged ones do (header-block.ts).
    const known = sheet("Register", OWNER_ROWS, { merges: OWNER_MERGES });
    expect(layout({ ...known, merges: [], mergesUnknown: true })).toEqual(layout(known));
    expect(layout({ ...known, merges: [] })).toEqual(layout(known));
  });
});

/** Random cells and merges right of a register: whatever sits there, nothing of it is written over. */
const clutter = fc.array(
  fc.record({
    row: fc.integer({ min: 0, max: 4 }),
    column: fc.integer({ min: 3, max: 9 }),
    kind: fc.constantFrom("text", "number", "formula", "merge"),
    width: fc.integer({ min: 1, max: 3 }),
  }),
  { maxLength: 6 },
);

describe("on random clutter beside a register", () => {
  it("new columns go only into empty, unmerged cells, never against other header text; an insert only where the header carries on or another header stands right of the register", () => {
    fc.assert(
      fc.property(clutter, (items) => {
        const rows: unknown[][] = [
          ["Risk", "Likelihood", "Impact"],
          ["Flooding", 2, 3],
          ["Staffing", 3, 3],
          ["Fraud", 1, 4],
        ];
        const merges: string[] = [];
        for (const it of items) {
          const row = (rows[it.row] ??= []);
          if (it.kind === "merge") {
            const a = `${String.fromCharCode(65 + it.column)}${it.row + 1}`;
            const b = `${String.fromCharCode(65 + it.column + it.width)}${it.row + 1}`;
            if (merges.some((m) => m.split(":").some((x) => x === a || x === b))) continue;
            merges.push(`${a}:${b}`);
          } else
            row[it.column] = it.kind === "text" ? "note" : it.kind === "number" ? 7 : f("=1+1", 2);
        }
        const s = sheet("Register", rows as CellValue[][], { merges });
        const ops = plan(s);
        const headerAt = (c: number) =>
          !isEmptyCell(s.rows[0]?.[c] ?? undefined) || inMerge(merges, 0, c);
        const headerCarriesOn = headerAt(3);
        // A new column's header touching another header would join the two on the next reading.
        const headerBeyond = Array.from({ length: 12 }, (_, k) => 4 + k).some(headerAt);
        if (inserts(ops).length > 0) {
          expect(headerCarriesOn || headerBeyond).toBe(true);
          return;
        }
        const added = writes(ops).filter((w) => w.header !== null);
        const columns = added.map((w) => w.column);
        if (columns.length > 0) {
          expect(headerAt(Math.max(...columns) + 1)).toBe(false);
          // Left of them: the register's own last column, or a blank one.
          const tableEnd = parseAddress(added[0]?.table.split(":")[1] ?? "A1").column;
          if (Math.min(...columns) > tableEnd + 1)
            expect(headerAt(Math.min(...columns) - 1)).toBe(false);
        }
        for (const w of added) {
          for (const r of [w.header?.row ?? 0, ...w.cells.map((c) => c.row)]) {
            expect(isEmptyCell(s.rows[r]?.[w.column] ?? undefined)).toBe(true);
            expect(inMerge(merges, r, w.column)).toBe(false);
          }
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });
});
