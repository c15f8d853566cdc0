import type { ColumnWrite, RecalculatedCell, WritePlan } from "./plan";
import type { Cell, CellValue, ExcelTable, WorkbookSnapshot } from "./snapshot";
import { cellAt } from "./snapshot";
import { parseAddress } from "./a1";
import { staleFormulas, type FormulaCell } from "./formula-dependents";
import { evaluateFormula, type FormulaValue } from "./tables/formula-eval";
import type { PlacedTable } from "./tables/structured-refs";

/**
 * Saved values that stay right after a write. A file carries each formula's last result beside
 * it; when apply corrects a cell (a typed variance 5,600 becomes =D5-C5 showing 6,500), every
 * formula reading it — the council's =SUBTOTAL(109,Parks[Variance £]) in the totals row, our own
 * Variance % beside that total — still carries the result from before. Excel recalculates on
 * opening (the writers set fullCalcOnLoad), but `check`, LibreOffice without recalculation,
 * Power Query and every other reader see the saved figures. So before a file is written, the
 * formulas reading a written cell (directly or through other formulas) are evaluated again with
 * the core's evaluator over the workbook as it will be: our written cells get the value they will
 * show, the council's formulas a fresh cached value (the formula itself is never touched), and a
 * formula the evaluator cannot compute loses its cached value rather than keep a wrong one.
 *
 * Not done when the plan inserts columns (every reference moves; the file writer's insert keeps
 * the caches and Excel recalculates on opening) or for a workbook with more formulas than
 * MAX_FORMULAS (the cost would outgrow the write).
 */
const MAX_FORMULAS = 200_000;

type Overlay = Map<string, Map<number, Cell>>;
const at = (row: number, column: number) => row * 16_384 + column;

/** The workbook's Excel tables by name, as they will be after the plan (grown over new rows). */
function tablesAfter(snapshot: WorkbookSnapshot, ops: readonly ColumnWrite[]) {
  const byName = new Map<string, PlacedTable>();
  for (const sheet of snapshot.sheets)
    for (const table of sheet.tables ?? [])
      byName.set(table.name.toLowerCase(), { sheet: sheet.name, table });
  for (const op of ops) {
    const grows = op.growsTable;
    const placed = grows && byName.get(grows.name.toLowerCase());
    if (!grows || !placed) continue;
    const last = parseAddress(grows.range.split(":")[1] ?? grows.range).row;
    const table: ExcelTable = { ...placed.table, lastRow: Math.max(placed.table.lastRow, last) };
    byName.set(grows.name.toLowerCase(), { ...placed, table });
  }
  return (name: string) => byName.get(name.toLowerCase());
}

function sameValue(a: CellValue | undefined, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 5e-7;
  return (a ?? null) === b;
}

/** A computed value as a file caches it: errors and nothing are not cached. */
function cacheOf(value: FormulaValue | undefined): CellValue {
  if (value === undefined || value === null || typeof value === "object") return null;
  // Fifteen significant digits, as Excel keeps: 0.1+0.2 is cached as 0.3.
  return typeof value === "number" ? Number(value.toPrecision(15)) : value;
}

/** The plan with the saved values of every formula its writes make stale computed afresh. */
export function withRecalculatedCaches(snapshot: WorkbookSnapshot, plan: WritePlan): WritePlan {
  if (plan.operations.some((op) => op.kind === "insert-columns")) return plan;
  const ops = plan.operations.filter((op): op is ColumnWrite => op.kind === "column");
  if (ops.length === 0) return plan;
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  // The written cells, as the workbook will hold them.
  const overlay: Overlay = new Map();
  const changed: { sheet: string; row: number; column: number }[] = [];
  for (const op of ops) {
    const sheet = sheets.get(op.sheet);
    if (!sheet) continue;
    const cells = overlay.get(op.sheet) ?? new Map<number, Cell>();
    overlay.set(op.sheet, cells);
    const put = (row: number, cell: Cell) => {
      const before = cellAt(sheet, row, op.column);
      if (before?.formula !== cell.formula || !sameValue(before?.value, cell.value))
        changed.push({ sheet: op.sheet, row, column: op.column });
      cells.set(at(row, op.column), cell);
    };
    if (op.header) put(op.header.row, { value: op.header.text });
    for (const c of op.cells)
      put(c.row, c.formula ? { value: c.value, formula: c.formula } : { value: c.value });
  }
  if (changed.length === 0) return plan;
  const formulas: FormulaCell[] = [];
  for (const sheet of snapshot.sheets) {
    const written = overlay.get(sheet.name);
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        const formula = (written?.get(at(r, c)) ?? cell)?.formula;
        if (formula) formulas.push({ sheet: sheet.name, row: r, column: c, formula });
      }),
    );
    written?.forEach((cell, key) => {
      const [r, c] = [Math.floor(key / 16_384), key % 16_384];
      if (cell.formula && !sheet.rows[r]?.[c]?.formula)
        formulas.push({ sheet: sheet.name, row: r, column: c, formula: cell.formula });
    });
    if (formulas.length > MAX_FORMULAS) return plan;
  }
  const findTable = tablesAfter(snapshot, ops);
  const stale = [...staleFormulas(formulas, changed, findTable)].map((i) => formulas[i]!);
  if (stale.length === 0) return plan;
  // Stale cells read as "not computed yet" until evaluated; each result is kept for the next.
  const fresh: Overlay = new Map();
  const pending = new Set(stale.map((f) => `${f.sheet}\u0000${at(f.row, f.column)}`));
  const lookup = (name: string, row: number, column: number): Cell | null | undefined => {
    const sheet =
      sheets.get(name) ?? snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) return undefined;
    const key = at(row, column);
    const done = fresh.get(sheet.name)?.get(key);
    if (done) return done;
    const cell = overlay.get(sheet.name)?.get(key) ?? cellAt(sheet, row, column) ?? null;
    return cell?.formula && pending.has(`${sheet.name}\u0000${key}`)
      ? { formula: cell.formula, value: null }
      : cell;
  };
  const hidden = new Map(snapshot.sheets.map((s) => [s.name.toLowerCase(), new Set(s.hiddenRows)]));
  const context = {
    table: findTable,
    hiddenRow: (sheet: string, row: number) => hidden.get(sheet.toLowerCase())?.has(row) === true,
  };
  const results = new Map<string, CellValue>();
  for (const f of stale) {
    const value = cacheOf(evaluateFormula(f.formula, f.sheet, lookup, { ...context, row: f.row }));
    const key = at(f.row, f.column);
    pending.delete(`${f.sheet}\u0000${key}`);
    if (value !== null) {
      const cells = fresh.get(f.sheet) ?? new Map<number, Cell>();
      fresh.set(f.sheet, cells);
      cells.set(key, { formula: f.formula, value });
    }
    results.set(`${f.sheet}\u0000${key}`, value);
  }
  return freshPlan(plan, snapshot, overlay, results);
}

/** Our written cells with their fresh values, and the council's formulas whose cache changes. */
function freshPlan(
  plan: WritePlan,
  snapshot: WorkbookSnapshot,
  overlay: Overlay,
  results: ReadonlyMap<string, CellValue>,
): WritePlan {
  const operations = plan.operations.map((op) => {
    if (op.kind !== "column") return op;
    let cells = op.cells;
    op.cells.forEach((c, i) => {
      const key = `${op.sheet}\u0000${at(c.row, op.column)}`;
      if (!c.formula || !results.has(key)) return;
      const value = results.get(key) ?? null;
      if (sameValue(c.value, value)) return;
      if (cells === op.cells) cells = op.cells.slice();
      cells[i] = { ...c, value };
    });
    return cells === op.cells ? op : { ...op, cells };
  });
  const recalculated: RecalculatedCell[] = [];
  for (const [key, value] of results) {
    const [sheetName = "", place = "0"] = key.split("\u0000");
    const [row, column] = [Math.floor(Number(place) / 16_384), Number(place) % 16_384];
    if (overlay.get(sheetName)?.has(Number(place))) continue;
    const sheet = snapshot.sheets.find((s) => s.name === sheetName);
    const before = sheet && cellAt(sheet, row, column);
    if (!before || (sameValue(before.value, value) && !before.error)) continue;
    recalculated.push({ sheet: sheetName, row, column, value });
  }
  return {
    ...plan,
    operations,
    ...(recalculated.length
      ? { recalculated: [...(plan.recalculated ?? []), ...recalculated] }
      : {}),
  };
}
