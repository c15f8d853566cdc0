/** What each queued command does to the workbook when context.sync() carries it to "Excel". */
import { translateFormulaToA1, translateFormulaToR1C1 } from "@borgar/fx";
import { cellName, contains, parseLocal, type Area } from "./a1";
import { isUnbounded } from "./areas";
import { insertColumns } from "./calc";
import { typed, type Value } from "./coerce";
import type { DoubleContext, SheetRef } from "./context";
import { applyConditionalFormatOp, type CfCommand } from "./conditional-formats";
import { key, OfficeError, type DoubleCell, type DoubleSheet } from "./model";
import { resizeTable } from "./table-resize";

export interface Op {
  op: string;
  sheet: SheetRef | null;
  area: Area | null;
  data: unknown;
  /** Set by range commands: the area, worked out when the command runs. */
  at?: () => Area | null;
}

const FORBIDDEN = /[[\]:*?/\\]/;

/** Worksheet names: 1–31 characters, none of []:*?/\, no apostrophe at either end, unique. */
function checkSheetName(ctx: DoubleContext, name: string, except?: DoubleSheet): void {
  if (
    name.length === 0 ||
    name.length > 31 ||
    FORBIDDEN.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  )
    throw new OfficeError("InvalidArgument", `Not a valid sheet name: ${name}`);
  const other = ctx.sheetNamed(name);
  if (other && other !== except)
    throw new OfficeError("ItemAlreadyExists", `A sheet named ${name} exists`);
}

function structureLocked(ctx: DoubleContext): void {
  if (ctx.book.structureProtected)
    throw new OfficeError("AccessDenied", "The workbook structure is protected");
}

function forEachCell(a: Area, fn: (r: number, c: number, i: number, j: number) => void): void {
  for (let r = a.r1; r <= a.r2; r++)
    for (let c = a.c1; c <= a.c2; c++) fn(r, c, r - a.r1, c - a.c1);
}

/** Single input copy: one value (not an array) is applied to every cell, as Ctrl+Enter does. */
function pick(data: unknown, a: Area, i: number, j: number): Value | null {
  if (!Array.isArray(data)) return data as Value;
  const row = data[i] as unknown[] | undefined;
  return (row?.[j] ?? null) as Value | null;
}

function checkShape(data: unknown, a: Area): void {
  if (!Array.isArray(data)) return;
  const rows = data as unknown[][];
  if (rows.length !== a.r2 - a.r1 + 1 || rows.some((r) => r.length !== a.c2 - a.c1 + 1))
    throw new OfficeError("InvalidArgument", "The array does not match the size of the range");
}

function cellAt(sheet: DoubleSheet, r: number, c: number): DoubleCell {
  const k = key(r, c);
  let cell = sheet.cells.get(k);
  if (!cell) sheet.cells.set(k, (cell = { value: "" }));
  return cell;
}

function put(sheet: DoubleSheet, r: number, c: number, input: Value, r1c1: boolean): void {
  const cell = cellAt(sheet, r, c);
  if (input === "") {
    cell.value = "";
    delete cell.formula;
    delete cell.error;
    delete cell.quotePrefix;
    return;
  }
  const text =
    r1c1 && typeof input === "string" && input.startsWith("=")
      ? translateFormulaToA1(input, cellName(r, c))
      : input;
  const t = typed(text);
  cell.value = t.value;
  delete cell.error;
  if (t.formula) cell.formula = t.formula;
  else delete cell.formula;
  if (t.quotePrefix) cell.quotePrefix = true;
  else delete cell.quotePrefix;
  // Excel gives a date (or percentage) its format only when the cell has none of its own.
  if (t.numberFormat && (!cell.numberFormat || cell.numberFormat === "General"))
    cell.numberFormat = t.numberFormat;
}

const FORMAT_KEYS = ["numberFormat", "bold", "italic", "fill", "wrap", "borders"] as const;

function copyFormats(from: DoubleCell | undefined, to: DoubleCell): void {
  for (const k of FORMAT_KEYS) {
    if (from?.[k] === undefined) delete to[k];
    else (to as unknown as Record<string, unknown>)[k] = from[k];
  }
}

const WRITES = new Set([
  "fontColor",
  "horizontalAlignment",
  "verticalAlignment",
  "cfAdd",
  "cfSet",
  "values",
  "formulas",
  "formulasR1C1",
  "numberFormat",
  "bold",
  "italic",
  "fill",
  "wrap",
  "border",
  "columnWidth",
  "rowHeight",
  "copyFrom",
  "autoFill",
  "insert",
  "merge",
  "clear",
  "validation",
]);

export function applyOp(ctx: DoubleContext, op: Op): void {
  if (op.op === "suspendCalc" || op.op.startsWith("page.") || op.op === "printTitles") return;
  if (op.op === "addName") return addName(ctx, op.data as { name: string; reference: string });
  if (op.op === "nameVisible") {
    const { name, v } = op.data as { name: string; v: boolean };
    const item = ctx.book.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (!item) throw new OfficeError("ItemNotFound", `No name ${name}`);
    item.visible = v;
    return;
  }
  if (op.op === "tableResize" || op.op === "tableOnSheet") return tableOp(ctx, op);
  if (op.op === "addSheet") {
    structureLocked(ctx);
    const name = String(op.data);
    checkSheetName(ctx, name);
    const sheet: DoubleSheet = { name, cells: new Map(), hiddenRows: new Set() };
    ctx.book.sheets.push(sheet);
    if (op.sheet) ctx.bind(op.sheet, sheet);
    return;
  }
  const sheet = ctx.resolveSheet(op.sheet);
  if (!sheet) throw new OfficeError("ItemNotFound", `No sheet ${op.sheet?.lookup ?? ""}`);
  if (sheet.protected && WRITES.has(op.op))
    throw new OfficeError("AccessDenied", `The sheet ${sheet.name} is protected`);
  const a = op.at ? op.at() : op.area;
  switch (op.op) {
    case "printArea": {
      // setPrintArea takes one or more areas, comma-separated, with or without "$".
      sheet.printArea = String(op.data)
        .split(",")
        .map((part) => parseLocal(part.slice(part.lastIndexOf("!") + 1)));
      return;
    }
    case "copySheet": {
      structureLocked(ctx);
      const { copyRef } = op.data as { copyRef: SheetRef };
      let n = 2;
      while (ctx.sheetNamed(`${sheet.name.slice(0, 26)} (${n})`)) n++;
      const copy: DoubleSheet = {
        ...sheet,
        name: `${sheet.name.slice(0, 26)} (${n})`,
        cells: new Map([...sheet.cells].map(([k, c]) => [k, { ...c }])),
        hiddenRows: new Set(sheet.hiddenRows),
        hiddenColumns: new Set(sheet.hiddenColumns ?? []),
        visibility: "Visible",
      };
      ctx.book.sheets.push(copy);
      ctx.bind(copyRef, copy);
      return;
    }
    case "rename":
      structureLocked(ctx);
      checkSheetName(ctx, String(op.data), sheet);
      for (const n of ctx.book.names) n.formula = renameIn(n.formula, sheet.name, String(op.data));
      sheet.name = String(op.data);
      return;
    case "visibility":
      structureLocked(ctx);
      sheet.visibility = op.data as DoubleSheet["visibility"];
      return;
    case "activate":
      // Excel cannot activate a hidden or very hidden sheet (as in the UI).
      if ((sheet.visibility ?? "Visible") !== "Visible")
        throw new OfficeError("InvalidOperation", `The sheet ${sheet.name} is hidden`);
      return;
    case "cfAdd":
    case "cfSet":
      if (!a) throw new OfficeError("InvalidArgument", `No range for ${op.op}`);
      sheet.conditionalFormats ??= [];
      applyConditionalFormatOp(sheet.conditionalFormats, op.op, op.data as CfCommand, a);
      return;
    case "select":
      if ((sheet.visibility ?? "Visible") !== "Visible")
        throw new OfficeError("InvalidOperation", `The sheet ${sheet.name} is hidden`);
      ctx.selected = `${sheet.name}!${a ? cellName(a.r1, a.c1) : ""}`;
      return;
  }
  if (!a) throw new OfficeError("InvalidArgument", `No range for ${op.op}`);
  writeCells(ctx, sheet, op, a);
}

function writeCells(ctx: DoubleContext, sheet: DoubleSheet, op: Op, a: Area): void {
  const cellLevel = ["values", "formulas", "formulasR1C1", "numberFormat"].includes(op.op);
  // Setting cell-level properties of an unbounded range is not allowed.
  if (cellLevel && isUnbounded(a))
    throw new OfficeError("InvalidArgument", "Cannot set cell values of an unbounded range");
  switch (op.op) {
    case "values":
    case "formulas":
    case "formulasR1C1":
      checkShape(op.data, a);
      forEachCell(a, (r, c, i, j) => {
        const v = pick(op.data, a, i, j);
        if (v !== null) put(sheet, r, c, v, op.op === "formulasR1C1");
      });
      ctx.dirty = true;
      return;
    case "numberFormat":
      checkShape(op.data, a);
      forEachCell(a, (r, c, i, j) => {
        const v = pick(op.data, a, i, j);
        if (v === null) return;
        const cell = cellAt(sheet, r, c);
        if (v === "" || v === "General") delete cell.numberFormat;
        else cell.numberFormat = String(v);
      });
      return;
    case "bold":
    case "italic":
    case "fill":
    case "wrap":
    case "fontColor":
    case "horizontalAlignment":
    case "verticalAlignment":
      forEachCell(a, (r, c) => {
        (cellAt(sheet, r, c) as unknown as Record<string, unknown>)[op.op] = op.data;
      });
      return;
    case "border":
      forEachCell(a, (r, c) => {
        const cell = cellAt(sheet, r, c);
        cell.borders = [...(cell.borders ?? []), (op.data as { edge: string }).edge];
      });
      return;
    case "columnWidth":
      for (let c = a.c1; c <= a.c2; c++) (sheet.columnWidths ??= new Map()).set(c, Number(op.data));
      return;
    case "rowHeight":
      for (let r = a.r1; r <= a.r2; r++) (sheet.rowHeights ??= new Map()).set(r, Number(op.data));
      return;
    case "validation":
      (sheet.validations ??= new Map()).set(cellName(a.r1, a.c1), op.data);
      return;
    case "merge":
      (sheet.merges ??= []).push(a);
      return;
    case "clear":
      for (const k of [...sheet.cells.keys()]) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        if (contains(a, r, c)) sheet.cells.delete(k);
      }
      sheet.merges = (sheet.merges ?? []).filter((m) => !contains(a, m.r1, m.c1));
      ctx.dirty = true;
      return;
    case "copyFrom": {
      const { from } = op.data as { from: Area };
      forEachCell(a, (r, c, i, j) => {
        const source = sheet.cells.get(key(from.r1 + (i % (from.r2 - from.r1 + 1)), from.c1 + j));
        copyFormats(source, cellAt(sheet, r, c));
      });
      return;
    }
    case "autoFill":
      return autoFill(ctx, sheet, a, (op.data as { to: Area }).to);
    case "insert":
      insertColumns(ctx.book, sheet, a.c1, a.c2 - a.c1 + 1);
      ctx.dirty = true;
      return;
    default:
      throw new Error(`The double has no command ${op.op}`);
  }
}

/** Table commands: find the table by name (ItemNotFound if there is none) and do the command. */
function tableOp(ctx: DoubleContext, op: Op): void {
  const { table: name, address } = op.data as { table: string; address?: string };
  const lower = name.toLowerCase();
  const onSheet = op.sheet ? ctx.resolveSheet(op.sheet) : undefined;
  for (const sheet of onSheet ? [onSheet] : ctx.book.sheets) {
    const table = sheet.tables?.find((t) => t.name.toLowerCase() === lower);
    if (!table) continue;
    if (op.op === "tableResize" && address !== undefined) resizeTable(sheet, table, address);
    return;
  }
  throw new OfficeError("ItemNotFound", `No table ${name}${onSheet ? ` on ${onSheet.name}` : ""}`);
}

/**
 * Range.autoFill(destination, "FillCopy"): the source's contents and formats are copied into
 * the destination; relative references move with each row; rows hidden by a filter are skipped.
 */
function autoFill(ctx: DoubleContext, sheet: DoubleSheet, from: Area, to: Area): void {
  if (!contains(to, from.r1, from.c1) || !contains(to, from.r2, from.c2))
    throw new OfficeError("InvalidArgument", "The destination must include the source range");
  const height = from.r2 - from.r1 + 1;
  for (let r = to.r1; r <= to.r2; r++) {
    if (contains(from, r, from.c1) || sheet.filteredRows?.has(r)) continue;
    const sr = from.r1 + ((r - from.r1) % height);
    for (let c = to.c1; c <= to.c2; c++) {
      const source = sheet.cells.get(key(sr, c));
      const cell = cellAt(sheet, r, c);
      copyFormats(source, cell);
      if (source?.formula)
        put(sheet, r, c, translateFormulaToR1C1(source.formula, cellName(sr, c)), true);
      else put(sheet, r, c, source?.value ?? "", false);
    }
  }
  ctx.dirty = true;
}

function renameIn(formula: string, from: string, to: string): string {
  const quote = (n: string) => `'${n.replace(/'/g, "''")}'!`;
  return formula
    .split(quote(from))
    .join(quote(to))
    .split(`=${from}!`)
    .join(`=${quote(to)}`);
}

function addName(ctx: DoubleContext, data: { name: string; reference: string }): void {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(data.name))
    throw new OfficeError("InvalidArgument", `Not a valid name: ${data.name}`);
  if (ctx.book.names.some((n) => n.name.toLowerCase() === data.name.toLowerCase()))
    throw new OfficeError("ItemAlreadyExists", `The name ${data.name} exists`);
  const formula = data.reference.startsWith("=") ? data.reference : `=${data.reference}`;
  ctx.book.names.push({ name: data.name, formula, visible: true });
}
