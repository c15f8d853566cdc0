import { displayedValue, showSameFigure } from "./number-format-shown";
import { cellAddress, columnRangeAddress, parseAddress, type CellPosition } from "./a1";
import type { AddSheet, ColumnWrite, InsertColumns, WriteOperation, WritePlan } from "./plan";
import type { Cell, CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
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

export interface Change {
  sheet: string;
  cell: string;
  /** The formula or value the cell held. */
  before: CellValue;
  /** The formula or value it holds now. */
  after: CellValue;
  /** The value it shows now. */
  afterValue: CellValue;
  /** False when a typed value became a formula that shows the same value. */
  valueChanged: boolean;
  /**
   * True when the figure changed only beyond what the cell's number format shows (0.044 to
   * 0.0437 under "0.0%": 4.4% both): not a different value to the officer, only a rounded one.
   */
  rounded?: boolean;
}

/**
 * A change as a person reads it: both values as the cell shows them through its number format
 * (£61,731.46, 30%, (280)), where `before` and `afterValue` are the bare figures and `before` may
 * be the formula the cell held. Lists for people (the CLI's, the pane's) print `shown`; `--json`
 * reports the Change alone (changeRecord), so its machine values stay as the contract states.
 */
export interface ShownChange extends Change {
  shown: { before: string; after: string };
}

/** The change as `--json` reports it: its machine values, without the display text. */
export function changeRecord(change: ShownChange): Change {
  const { sheet, cell, before, after, afterValue, valueChanged, rounded } = change;
  return {
    sheet,
    cell,
    before,
    after,
    afterValue,
    valueChanged,
    ...(rounded === undefined ? {} : { rounded }),
  };
}

export interface Written {
  sheet: string;
  range: string;
  column: string;
}

function shown(cell: Cell | null | undefined): CellValue {
  if (!cell) return null;
  return cell.formula ?? cell.value;
}

/**
 * Whether two values show the same: numbers that differ only by float noise (−0.7 against
 * −0.7000000000000028, a sum of decimals) are the same figure. The bound is under a penny in every
 * scale councils keep money in (£m to eight decimals is 1e-8) and relative to the size beyond that,
 * so a real change of a penny is always a change.
 */
function sameShownValue(before: CellValue, after: CellValue): boolean {
  if (typeof before === "number" && typeof after === "number") {
    const gap = Math.abs(before - after);
    return gap < 1e-9 || gap <= 1e-12 * Math.max(Math.abs(before), Math.abs(after));
  }
  return before === after;
}

/**
 * The change with its display text, made when first read and kept: formatting every figure
 * through its number format is most of the cost of a 100,000-cell list, and the lists people read
 * print only their first rows (the CLI twenty, the pane a page at a time); `--json` none.
 */
function withShownText(
  change: Change,
  previous: Cell | null | undefined,
  after: Cell,
): ShownChange {
  let text: ShownChange["shown"] | undefined;
  return Object.defineProperty(change, "shown", {
    enumerable: true,
    get: () =>
      (text ??= {
        before: displayedValue(previous),
        // The written cell keeps the cell's own number format unless the plan sets one.
        after: displayedValue({
          ...after,
          numberFormat: after.numberFormat ?? previous?.numberFormat,
        }),
      }),
  }) as ShownChange;
}

/** Every cell that held something before and holds something else after, and every range written. */
export function describePlan(
  snapshot: WorkbookSnapshot,
  plan: WritePlan,
  options: ApplyOptions,
): { changed: ShownChange[]; written: Written[] } {
  const inserts: WritePlan = {
    operations: plan.operations.filter((op) => op.kind === "insert-columns"),
  };
  const before = applyPlanToSnapshot(snapshot, inserts, options);
  const sheets = new Map(before.sheets.map((s) => [s.name, s]));
  const changed: ShownChange[] = [];
  const written: Written[] = [];
  for (const op of plan.operations) {
    if (op.kind === "add-sheet") {
      const last = op.cells.reduce(
        (m, c) => ({ row: Math.max(m.row, c.row), column: Math.max(m.column, c.column) }),
        { row: 0, column: 0 },
      );
      written.push({
        sheet: op.sheet,
        range: `A1:${cellAddress(last.row, last.column)}`,
        column: op.title,
      });
      continue;
    }
    if (op.kind !== "column") continue;
    const sheet = sheets.get(op.sheet);
    const rows = [...(op.header ? [op.header.row] : []), ...op.cells.map((c) => c.row)];
    if (rows.length === 0) continue;
    // A loop, not Math.min(...rows): a 100,000-row column's spread overflows a Web Worker's stack.
    const top = rows.reduce((a, b) => Math.min(a, b));
    const bottom = rows.reduce((a, b) => Math.max(a, b));
    written.push({
      sheet: op.sheet,
      range: columnRangeAddress(op.column, top, bottom),
      column: op.title,
    });
    const entries: [number, Cell][] = op.cells.map((c) => [c.row, writtenCell(op, c, options)]);
    if (op.header) entries.unshift([op.header.row, { value: op.header.text }]);
    for (const [row, after] of entries) {
      const previous = sheet?.rows[row]?.[op.column];
      const old = shown(previous);
      const now = shown(after);
      if (old === null || old === "" || old === now) continue;
      const same = sameShownValue(previous?.value ?? null, after.value);
      const rounded =
        !same &&
        typeof previous?.value === "number" &&
        typeof after.value === "number" &&
        showSameFigure(
          previous.value,
          previous.numberFormat,
          after.value,
          after.numberFormat ?? previous.numberFormat,
        );
      const change: Change = {
        sheet: op.sheet,
        cell: cellAddress(row, op.column),
        before: old,
        after: now,
        afterValue: after.value,
        valueChanged: !same && !rounded,
        ...(rounded ? { rounded: true } : {}),
      };
      changed.push(withShownText(change, previous, after));
    }
  }
  return { changed, written };
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
