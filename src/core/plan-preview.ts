import { cellAddress, parseAddress, type CellPosition } from "./a1";
import type { AddSheet, ColumnWrite, InsertColumns, WriteOperation, WritePlan } from "./plan";
import type { Cell, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import type { Finding } from "./findings";
import { insertColumnsInFormula } from "./formula-insert";

/**
 * Puts insertions first (rightmost first) and moves every other table's writes past the columns
 * inserted to their left, so adapters can apply the operations one after another. Their formulas
 * were planned on the sheet as it was: their references move as Excel moves them on the insert
 * (a second register's score =I2*J2 follows its ratings to K2*L2).
 */
export function orderOperations(operations: readonly WriteOperation[]): WriteOperation[] {
  const inserts = operations.filter((op): op is InsertColumns => op.kind === "insert-columns");
  const rightmostFirst = [...inserts].sort((a, b) => b.column - a.column);
  const writes = operations.filter((op): op is ColumnWrite => op.kind === "column");
  const shifted = writes.map((w) => {
    const others = rightmostFirst.filter((ins) => ins.table !== w.table);
    let shift = 0;
    for (const ins of others)
      if (ins.sheet === w.sheet && ins.column <= w.column) shift += ins.count;
    const moved = (formula: string) =>
      others.reduce((f, ins) => insertColumnsInFormula(f, w.sheet, ins), formula);
    const cells =
      others.length === 0
        ? w.cells
        : w.cells.map((c) => (c.formula === null ? c : { ...c, formula: moved(c.formula) }));
    if (shift === 0 && cells.every((c, i) => c === w.cells[i])) return w;
    return {
      ...w,
      column: w.column + shift,
      cells,
      ...(w.styleFrom !== undefined ? { styleFrom: w.styleFrom + shift } : {}),
    };
  });
  const added = operations.filter((op): op is AddSheet => op.kind === "add-sheet");
  return [...rightmostFirst, ...shifted, ...added];
}

function shiftMerge(range: string, at: number, count: number): string {
  return range
    .split(":")
    .map((a) => {
      const p = parseAddress(a);
      return cellAddress(p.row, p.column >= at ? p.column + count : p.column);
    })
    .join(":");
}

/** A sheet's formulas after columns were inserted on `op.sheet` (this sheet or another). */
function withMovedFormulas(sheet: SheetSnapshot, op: InsertColumns): SheetSnapshot {
  let changed = false;
  const rows = sheet.rows.map((row) => {
    let moved: typeof row | undefined;
    row.forEach((cell, c) => {
      if (!cell?.formula) return;
      const formula = insertColumnsInFormula(cell.formula, sheet.name, op);
      if (formula === cell.formula) return;
      moved ??= [...row];
      moved[c] = { ...cell, formula };
    });
    if (moved) changed = true;
    return moved ?? row;
  });
  return changed ? { ...sheet, rows } : sheet;
}

function insertInto(sheet: SheetSnapshot, op: InsertColumns): SheetSnapshot {
  const blanks = new Array<null>(op.count).fill(null);
  return {
    ...sheet,
    rows: sheet.rows.map((row) =>
      row.length > op.column
        ? [...row.slice(0, op.column), ...blanks, ...row.slice(op.column)]
        : row,
    ),
    hiddenColumns: sheet.hiddenColumns.map((c) => (c >= op.column ? c + op.count : c)),
    merges: sheet.merges.map((m) => shiftMerge(m, op.column, op.count)),
  };
}

export interface ApplyOptions {
  /** Write computed values instead of formulas. */
  valuesOnly: boolean;
}

/** What a written cell will hold: a formula (with its cached value) or a plain value. */
export function writtenCell(
  op: ColumnWrite,
  cell: ColumnWrite["cells"][number],
  options: ApplyOptions,
): Cell {
  const written: Cell =
    cell.formula && !options.valuesOnly
      ? { value: cell.value, formula: cell.formula }
      : // Without a formula, an empty result is simply an empty cell.
        { value: cell.value === "" ? null : cell.value };
  if (op.numberFormat) written.numberFormat = op.numberFormat;
  return written;
}

function setCell(
  rows: (Cell | null | undefined)[][],
  row: number,
  column: number,
  cell: Cell,
): void {
  while (rows.length <= row) rows.push([]);
  const cells = [...(rows[row] ?? [])];
  while (cells.length <= column) cells.push(null);
  cells[column] = cell;
  rows[row] = cells;
}

/** The snapshot as it will be after the plan: used to re-check and to list what changed. */
export function applyPlanToSnapshot(
  snapshot: WorkbookSnapshot,
  plan: WritePlan,
  options: ApplyOptions,
): WorkbookSnapshot {
  const sheets = snapshot.sheets.map((s) => ({ ...s, rows: [...s.rows] }));
  const byName = new Map(sheets.map((s, i) => [s.name, i]));
  for (const op of plan.operations) {
    if (op.kind === "add-sheet") {
      // A sheet of ours that is refreshed keeps its place; a new one goes last.
      const at = byName.get(op.replaces ?? "") ?? sheets.length;
      sheets[at] = addedSheet(op, options);
      byName.set(op.sheet, at);
      continue;
    }
    const index = byName.get(op.sheet);
    const sheet = index === undefined ? undefined : sheets[index];
    if (index === undefined || !sheet) continue;
    if (op.kind === "insert-columns") {
      // References move on every sheet, as Excel moves them; cells move on the inserted one.
      sheets.forEach((s, i) => (sheets[i] = withMovedFormulas(s, op)));
      sheets[index] = insertInto(sheets[index] ?? sheet, op);
      continue;
    }
    if (op.header) setCell(sheet.rows, op.header.row, op.column, { value: op.header.text });
    for (const cell of op.cells)
      setCell(sheet.rows, cell.row, op.column, writtenCell(op, cell, options));
    const grows = op.growsTable;
    if (grows && sheet.tables) {
      const lastRow = parseAddress(grows.range.split(":")[1] ?? grows.range).row;
      sheets[index] = {
        ...sheet,
        tables: sheet.tables.map((t) =>
          t.name === grows.name && !t.showTotals && lastRow > t.lastRow ? { ...t, lastRow } : t,
        ),
      };
    }
  }
  return { sheets };
}

/** A new sheet as the snapshot will see it. */
function addedSheet(op: AddSheet, options: ApplyOptions): SheetSnapshot {
  const rows: (Cell | null | undefined)[][] = [];
  for (const c of op.cells) {
    const cell: Cell =
      c.formula && !options.valuesOnly
        ? { value: c.value, formula: c.formula }
        : { value: c.value === "" ? null : c.value };
    setCell(
      rows,
      c.row,
      c.column,
      c.numberFormat ? { ...cell, numberFormat: c.numberFormat } : cell,
    );
  }
  return {
    name: op.sheet,
    rows,
    hiddenRows: [],
    hiddenColumns: [],
    merges: op.merges ?? [],
    ours: op.role,
  };
}

/**
 * What is still wrong once the plan is applied, without analysing the workbook again: a finding
 * on a cell the plan rewrites is resolved (the cell now holds the right calculation); every other
 * finding stays, its address moved past any inserted columns. Equal to a fresh analysis (tested).
 */
export function findingsAfter(findings: readonly Finding[], plan: WritePlan): Finding[] {
  const inserts = plan.operations.filter((op): op is InsertColumns => op.kind === "insert-columns");
  // Written rows by sheet and column: a set of numbers per column, not a string per cell, since
  // a large register writes hundreds of thousands of cells and only a few findings are looked up.
  const written = new Map<string, Set<number>>();
  for (const op of plan.operations) {
    if (op.kind !== "column") continue;
    const key = `${op.sheet}!${op.column}`;
    const rows = written.get(key) ?? new Set<number>();
    written.set(key, rows);
    for (const cell of op.cells) rows.add(cell.row);
  }
  const isWritten = (f: Finding) => {
    const at = parseAddress(f.cell);
    return written.get(`${f.sheet}!${at.column}`)?.has(at.row) === true;
  };
  const moved = (f: Finding): Finding => {
    const at = parseAddress(f.cell);
    let column = at.column;
    // Rightmost first, as they are applied: each insert moves what lies at or beyond it.
    for (const ins of [...inserts].sort((a, b) => b.column - a.column))
      if (ins.sheet === f.sheet && column >= ins.column) column += ins.count;
    return column === at.column ? f : { ...f, cell: cellAddress(at.row, column) };
  };
  // A table's range grows over the columns added for it, and moves past columns inserted to its left.
  const ranges = new Map<string, string>();
  for (const op of plan.operations) {
    if (op.kind !== "column" || ranges.has(`${op.sheet}|${op.table}`)) continue;
    const [from, to] = op.table.split(":").map(parseAddress) as [
      CellPosition,
      CellPosition | undefined,
    ];
    const end = to ?? from;
    const shift = (c: number) =>
      c +
      inserts
        .filter((i) => i.sheet === op.sheet && i.table !== op.table && i.column <= c)
        .reduce((n, i) => n + i.count, 0);
    const added = plan.operations.filter(
      (o): o is ColumnWrite =>
        o.kind === "column" && o.sheet === op.sheet && o.table === op.table && o.header !== null,
    );
    const last = Math.max(shift(end.column), ...added.map((o) => o.column));
    ranges.set(
      `${op.sheet}|${op.table}`,
      `${cellAddress(from.row, shift(from.column))}:${cellAddress(end.row, last)}`,
    );
  }
  return findings
    .map(moved)
    .filter((f) => !isWritten(f))
    .map((f) => {
      const range = f.table === undefined ? undefined : ranges.get(`${f.sheet}|${f.table}`);
      return range && range !== f.table ? { ...f, table: range } : f;
    });
}
