import ExcelJS from "exceljs";
import {
  type Cell,
  type ExcelTable,
  cellPositionOf,
  keyCells,
  ownSheetsFromNames,
  rangeColumns,
  type SheetSnapshot,
  SPACER_WIDTH,
  type WorkbookSnapshot,
  serialFromUtcMs,
} from "../../core";
import { classifyBytes, WorkbookError } from "./errors";
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "./package/read-limits";
import { INDEXED_COLOURS } from "./package/key-fills";
import { operand } from "./package/rule-fills";

function serial(date: Date): number {
  return serialFromUtcMs(date.getTime());
}

type Scalar = string | number | boolean | null;

function scalar(value: unknown): { value: Scalar; error?: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return { value };
  if (value instanceof Date) return { value: serial(value) };
  if (typeof value === "object") {
    const v = value as { error?: string; richText?: { text: string }[]; text?: unknown };
    if (v.error) return { value: null, error: v.error };
    if (v.richText) return { value: v.richText.map((r) => r.text).join("") };
    if (v.text !== undefined) return scalar(v.text);
  }
  return { value: String(value) };
}

function readCell(cell: ExcelJS.Cell): Cell | null {
  if (cell.type === ExcelJS.ValueType.Null || cell.type === ExcelJS.ValueType.Merge) return null;
  // "General" is the absence of a format, however a file spells it (LibreOffice lists it as one).
  const numberFormat =
    cell.numFmt && cell.numFmt.toLowerCase() !== "general" ? { numberFormat: cell.numFmt } : {};
  if (cell.type === ExcelJS.ValueType.Formula) {
    const { value, error } = scalar(cell.result);
    return { value, formula: `=${cell.formula}`, ...numberFormat, ...(error ? { error } : {}) };
  }
  const { value, error } = scalar(cell.value);
  return { value, ...numberFormat, ...(error ? { error } : {}) };
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  // The public `model` getter rebuilds the whole sheet model; the merge map is all we need.
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges;
  if (merges) return Object.values(merges).flatMap((m) => (m.range ? [m.range] : []));
  return ws.model.merges ?? [];
}

/** What ExcelJS keeps of a table part once loaded (its `Table.model`). */
interface LoadedTableModel {
  name?: string;
  displayName?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: { name?: string }[];
}

/**
 * The sheet's Excel tables as ExcelJS loaded them. ExcelJS sets `headerRow` only when the file
 * writes headerRowCount="1", but the attribute's default is 1 (ECMA-376 §18.5.1.2) and Excel
 * leaves it out: a table whose first row holds its column names has its header row shown.
 */
function tablesOf(ws: ExcelJS.Worksheet, rows: readonly (Cell | null)[][]): ExcelTable[] {
  const tables: ExcelTable[] = [];
  for (const table of ws.getTables() as unknown as { model?: LoadedTableModel }[]) {
    const model = table.model;
    const [from, to] = (model?.tableRef ?? "").split(":");
    const name = model?.displayName ?? model?.name;
    if (!model || !name || !from) continue;
    const first = cellPositionOf(from);
    const last = cellPositionOf(to ?? from);
    if (!first || !last) continue;
    const listed = (model.columns ?? []).map((c) => c.name ?? "");
    const top = Math.min(first.row, last.row);
    const left = Math.min(first.column, last.column);
    const right = Math.max(first.column, last.column);
    const headerText = (k: number) => String(rows[top]?.[left + k]?.value ?? "");
    const showHeaders =
      model.headerRow === true ||
      (listed.length > 0 && listed.every((c, k) => headerText(k) === c));
    // ExcelJS stops listing a table's columns at the first one holding a <calculatedColumnFormula>
    // (corpus 15 and 17); a shown header row holds every column's name, so the rest are read there.
    const columns =
      showHeaders && listed.length < right - left + 1
        ? Array.from({ length: right - left + 1 }, (_, k) => listed[k] ?? headerText(k))
        : listed;
    tables.push({
      name,
      firstRow: top,
      firstColumn: left,
      lastRow: Math.max(first.row, last.row),
      lastColumn: right,
      showHeaders,
      showTotals: model.totalsRow === true,
      columns,
    });
  }
  return tables.sort((a, b) => a.firstRow - b.firstRow || a.firstColumn - b.firstColumn);
}

function readSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const rows: (Cell | null)[][] = [];
  const hiddenRows: number[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    if (row.hidden) hiddenRows.push(r - 1);
    const cells: (Cell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const read = readCell(cell);
      if (!read) return;
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = read;
    });
    if (cells.length > 0) {
      while (rows.length < r - 1) rows.push([]);
      rows[r - 1] = cells;
    }
  }
  const hiddenColumns: number[] = [];
  const narrowColumns: { first: number; last: number }[] = [];
  (ws.columns ?? []).forEach((column, i) => {
    if (column?.hidden) hiddenColumns.push(i);
    // A visible column narrower than SPACER_WIDTH characters is a spacer between blocks.
    else if (column?.width !== undefined && column.width < SPACER_WIDTH) {
      const last = narrowColumns[narrowColumns.length - 1];
      if (last && last.last === i - 1) last.last = i;
      else narrowColumns.push({ first: i, last: i });
    }
  });
  const tables = tablesOf(ws, rows);
  const sheet: SheetSnapshot = {
    name: ws.name,
    rows,
    hiddenRows,
    hiddenColumns,
    merges: mergesOf(ws),
    ...(ws.state === "hidden" || ws.state === "veryHidden" ? { visibility: ws.state } : {}),
    ...(tables.length > 0 ? { tables } : {}),
    ...(narrowColumns.length > 0 ? { narrowColumns } : {}),
  };
  const keyFills = keyFillsOf(ws, sheet);
  const ruleFills = ruleFillsOf(ws);
  return { ...sheet, ...(keyFills ? { keyFills } : {}), ...(ruleFills ? { ruleFills } : {}) };
}

type RuleFill = NonNullable<SheetSnapshot["ruleFills"]>[number];

/** A dxf colour as ExcelJS loads it (ARGB or a legacy index) as "#rrggbb". */
function colourOf(colour: { argb?: string; indexed?: number } | undefined): string | undefined {
  const rgb = /^(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(colour?.argb ?? "")?.[1];
  if (rgb) return `#${rgb.toLowerCase()}`;
  return colour?.indexed === undefined ? undefined : INDEXED_COLOURS[colour.indexed];
}

/**
 * The sheet's "cell value" conditional-format rules (cellIs) with a solid fill, in priority
 * order, as the direct reader gives them (package/rule-fills.ts): ExcelJS loads each rule's dxf
 * as its style, a solid pattern's colour in bgColor (or, from other tools, fgColor only).
 */
function ruleFillsOf(ws: ExcelJS.Worksheet): RuleFill[] | undefined {
  const formats =
    (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings ?? [];
  const found: (RuleFill & { priority: number })[] = [];
  for (const format of formats) {
    const columns = format.ref.split(/\s+/).flatMap((ref) => {
      const span = rangeColumns(ref);
      return span ? Array.from({ length: span[1] - span[0] + 1 }, (_, i) => span[0] + i) : [];
    });
    for (const rule of format.rules) {
      if (rule.type !== "cellIs" || !rule.operator) continue;
      const fill = rule.style?.fill;
      const solid = fill?.type === "pattern" && (fill.pattern ?? "solid") === "solid";
      const colour = solid ? (colourOf(fill.bgColor) ?? colourOf(fill.fgColor)) : undefined;
      const values = (rule.formulae ?? []).map((f) => operand(String(f)));
      if (!colour || values.length === 0 || values.some((v) => v === undefined)) continue;
      found.push({
        columns,
        operator: rule.operator,
        values: values as (number | string)[],
        fill: colour,
        priority: rule.priority ?? 0,
      });
    }
  }
  if (found.length === 0) return undefined;
  return found.sort((x, y) => x.priority - y.priority).map(({ priority: _p, ...r }) => r);
}

/**
 * The solid fills of the sheet's key cells (`keyCells`, a few at most), by address, as the
 * direct reader gives them (package/key-fills.ts): ARGB colours only, white left out.
 */
function keyFillsOf(
  ws: ExcelJS.Worksheet,
  sheet: SheetSnapshot,
): Record<string, string> | undefined {
  const fills: Record<string, string> = {};
  for (const address of keyCells(sheet)) {
    const fill = ws.getCell(address).fill;
    const argb =
      fill?.type === "pattern" && fill.pattern === "solid" ? fill.fgColor?.argb : undefined;
    const rgb = argb && /^(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(argb)?.[1]?.toLowerCase();
    if (rgb && rgb !== "ffffff") fills[address] = `#${rgb}`;
  }
  return Object.keys(fills).length > 0 ? fills : undefined;
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
}

/**
 * Reads an .xlsx held in memory. Throws WorkbookError (never anything else) with a message
 * naming `name` and saying what to do.
 */
export async function loadWorkbook(bytes: Uint8Array, name: string): Promise<LoadedWorkbook> {
  classifyBytes(bytes, name);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    // ExcelJS (with JSZip and its XML parser under it) has no error type of its own: whatever
    // Error it throws while loading means it could not read this file. Anything else thrown
    // (not an Error, or our own fault) is not a verdict on the file and goes on.
    const isError = typeof error === "object" && error !== null && "message" in error;
    if (!isError || error instanceof WorkbookError) throw error;
    throw new WorkbookError(
      "damaged",
      `${name} could not be read: the workbook is damaged or incomplete`,
    );
  }
  // The snapshot walks every row up to rowCount: a row number a file made up (2,147,483,648)
  // must stop here, not in a loop of two billion steps.
  for (const ws of workbook.worksheets)
    if (ws.rowCount > EXCEL_MAX_ROWS || ws.columnCount > EXCEL_MAX_COLUMNS)
      throw new WorkbookError(
        "damaged",
        `${name} could not be read: the workbook is damaged or incomplete (sheet ${ws.name} goes beyond Excel's grid)`,
      );
  const own = ownSheetsFromNames(
    workbook.definedNames.model.flatMap((n) =>
      n.ranges[0] === undefined ? [] : [{ name: n.name, reference: n.ranges[0] }],
    ),
  );
  const sheets = workbook.worksheets.map((ws) => {
    const sheet = readSheet(ws);
    const role = own.get(sheet.name);
    return role ? { ...sheet, ours: role } : sheet;
  });
  return { workbook, snapshot: { sheets } };
}
