import ExcelJS from "exceljs";
import {
  type AddSheet,
  type ApplyOptions,
  type ColumnWrite,
  cellAddress,
  filledDownRuns,
  highlightCondition,
  isDateNumberFormat,
  newColumnsOf,
  nextOwnSheetMarkName,
  ownSheetMarkReference,
  serialToFile,
  type WritePlan,
  widenedPrintArea,
  writtenCell,
} from "../../core";
import { WorkbookError } from "./errors";
import { joinExcelTables } from "./exceljs-tables";
import { hideOwnSheetMarks } from "./package/hide-marks";

/**
 * Styles for written cells: the neighbour's (or the cell's own) borders, fill, font and alignment,
 * with our number format. One object per distinct (style, format) pair, shared by every cell that
 * needs it and never mutated: ExcelJS dedupes styles on save by object identity, so sharing turns
 * a per-cell cost into a per-style one.
 */
const styleCache = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();
const NO_STYLE = {};

function styleFor(
  base: Partial<ExcelJS.Style> | undefined,
  numFmt: string | undefined,
  dropFormat: boolean,
): Partial<ExcelJS.Style> {
  const key = base ?? NO_STYLE;
  const byFormat = styleCache.get(key) ?? new Map<string, Partial<ExcelJS.Style>>();
  styleCache.set(key, byFormat);
  const formatKey = `${dropFormat}|${numFmt ?? ""}`;
  let style = byFormat.get(formatKey);
  if (!style) {
    style = JSON.parse(JSON.stringify(base ?? {})) as Partial<ExcelJS.Style>;
    if (dropFormat) delete style.numFmt;
    if (numFmt) style.numFmt = numFmt;
    byFormat.set(formatKey, style);
  }
  return style;
}

/**
 * A shared formula lives in its first cell; the rest of its range points at it. Before that first
 * cell is written over, the cells that point at it get their own formula, so none is left
 * pointing at nothing (ExcelJS refuses to save that, and Excel would call the file damaged).
 */
function unshare(ws: ExcelJS.Worksheet, cells: readonly ExcelJS.Cell[]): void {
  for (const master of cells) {
    const value = master.value as { shareType?: string; ref?: string } | null;
    if (value?.shareType !== "shared" || !value.ref) continue;
    const [from, to] = value.ref.split(":");
    const a = ws.getCell(from ?? master.address);
    const b = ws.getCell(to ?? from ?? master.address);
    for (let r = Number(a.row); r <= Number(b.row); r++) {
      for (let c = Number(a.col); c <= Number(b.col); c++) {
        const clone = ws.getCell(r, c);
        const shared = clone.value as { sharedFormula?: string; result?: unknown } | null;
        if (shared?.sharedFormula === master.address)
          clone.value = { formula: clone.formula, result: shared.result } as ExcelJS.CellValue;
      }
    }
  }
}

function writeColumn(ws: ExcelJS.Worksheet, op: ColumnWrite, options: ApplyOptions): void {
  const column = op.column + 1;
  unshare(ws, [
    ...(op.header ? [ws.getCell(op.header.row + 1, column)] : []),
    ...op.cells.map((c) => ws.getCell(c.row + 1, column)),
  ]);
  const styleFrom = op.styleFrom === undefined ? undefined : op.styleFrom + 1;
  if (op.header && styleFrom) {
    const width = ws.getColumn(styleFrom).width;
    if (width && !ws.getColumn(column).width) ws.getColumn(column).width = Math.min(width, 14);
  }
  if (op.header) {
    const cell = ws.getCell(op.header.row + 1, column);
    if (styleFrom)
      cell.style = styleFor(ws.getCell(op.header.row + 1, styleFrom).style, undefined, true);
    cell.value = op.header.text;
  }
  const shared = options.valuesOnly ? new Map<number, string>() : filledDownRuns(op);
  for (const planned of op.cells) {
    const cell = ws.getCell(planned.row + 1, column);
    // New columns borrow the neighbour's look; existing ones keep their own. Our format on top.
    if (styleFrom)
      cell.style = styleFor(ws.getCell(planned.row + 1, styleFrom).style, op.numberFormat, true);
    else if (op.numberFormat) cell.style = styleFor(cell.style, op.numberFormat, false);
    const content = writtenCell(op, planned, options);
    const share = shared.get(planned.row);
    if (share && content.formula) {
      // A filled-down run is stored once as a shared formula: the file format's own fill-down,
      // much smaller and faster to write and to open than the formula spelled out per cell.
      const result = content.value === null || content.value === "" ? undefined : content.value;
      cell.value = (
        share.includes(":")
          ? { formula: content.formula.slice(1), result, shareType: "shared", ref: share }
          : { sharedFormula: share, result }
      ) as ExcelJS.CellValue;
    } else {
      setContent(cell, content.formula ?? null, content.value, options.valuesOnly);
    }
  }
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/**
 * The column's band colours as expression rules, as the direct writer writes them. A set already
 * on the sheet with the same first cell and rules (an earlier run's) is kept, its range widened
 * when the column grew, rather than added twice.
 */
function highlightColumn(ws: ExcelJS.Worksheet, op: ColumnWrite): void {
  const h = op.highlight;
  if (!h) return;
  const first = cellAddress(h.fromRow, op.column);
  const ref = `${first}:${cellAddress(h.toRow, op.column)}`;
  const formulas = h.rules.map((rule) => highlightCondition(rule, first));
  const existing = (
    ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }
  ).conditionalFormattings?.find(
    (cf) =>
      cf.ref.split(/\s+/)[0]?.split(":")[0] === first &&
      cf.rules.length === formulas.length &&
      cf.rules.every((r, i) => "formulae" in r && String(r.formulae?.[0]) === formulas[i]),
  );
  if (existing) {
    existing.ref = ref;
    return;
  }
  ws.addConditionalFormatting({
    ref,
    rules: h.rules.map((rule, i) => ({
      type: "expression",
      formulae: [formulas[i]],
      priority: 0,
      style: {
        font: { color: { argb: argb(rule.text) } },
        // A dxf's solid fill is drawn in bgColor; fgColor carries the same for other readers.
        fill: {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: argb(rule.fill) },
          bgColor: { argb: argb(rule.fill) },
        },
      },
    })),
  });
}

function setContent(
  cell: ExcelJS.Cell,
  formula: string | null,
  value: unknown,
  valuesOnly: boolean,
): void {
  if (formula && !valuesOnly) {
    const result = value === null || value === "" ? undefined : value;
    cell.value = { formula: formula.slice(1), result } as ExcelJS.CellFormulaValue;
  } else {
    // Text lands as text, whatever it starts with: ExcelJS never parses "=..." strings.
    cell.value = value === "" ? null : (value as ExcelJS.CellValue);
  }
}

/** Empties one of our own sheets so it can be written again in place (same tab, same mark). */
function clearSheet(ws: ExcelJS.Worksheet): void {
  for (const range of Object.values(
    (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {},
  ))
    if (range.range) ws.unMergeCells(range.range);
  const validations = (ws as unknown as { dataValidations?: { model: object } }).dataValidations;
  if (validations) validations.model = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.value = null;
      cell.style = {};
    });
  });
}

/** The sheet an AddSheet writes: a new one marked as ours, or ours emptied when it `replaces` it. */
function targetSheet(workbook: ExcelJS.Workbook, op: AddSheet): ExcelJS.Worksheet {
  const earlier = op.replaces ? workbook.getWorksheet(op.replaces) : undefined;
  if (op.replaces && !earlier)
    throw new WorkbookError("write-failed", `Sheet "${op.replaces}" is missing from the workbook`);
  if (earlier) {
    clearSheet(earlier);
    return earlier;
  }
  const ws = workbook.addWorksheet(op.sheet);
  // ExcelJS writes every name visible; saveWorkbook hides the mark afterwards.
  const names = workbook.definedNames.model.map((n) => n.name);
  if (op.role)
    workbook.definedNames.add(
      ownSheetMarkReference(op.sheet),
      nextOwnSheetMarkName(op.role, names),
    );
  return ws;
}

function addSheet(workbook: ExcelJS.Workbook, op: AddSheet, options: ApplyOptions): void {
  const ws = targetSheet(workbook, op);
  if (op.print)
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: op.print.portrait ? "portrait" : "landscape",
      fitToPage: op.print.fitToWidth || op.print.onePage === true,
      fitToWidth: 1,
      fitToHeight: op.print.onePage ? 1 : 0,
      printTitlesRow: op.print.titleRows,
    };
  op.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  for (const c of op.cells) {
    const cell = ws.getCell(c.row + 1, c.column + 1);
    setContent(cell, c.formula, c.value, options.valuesOnly);
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    if (c.bold || c.italic || c.color)
      cell.font = {
        ...(c.bold ? { bold: true } : {}),
        ...(c.italic ? { italic: true } : {}),
        ...(c.color ? { color: { argb: argb(c.color) } } : {}),
      };
    // Forms read top-down; text sits left (also in merged cells), numbers keep their own alignment.
    // Heat-map cells sit in the middle of their square.
    cell.alignment = c.center
      ? { vertical: "middle", horizontal: "center", ...(c.wrap ? { wrapText: true } : {}) }
      : {
          vertical: "top",
          ...(typeof c.value === "string" ? { horizontal: "left" as const } : {}),
          ...(c.wrap ? { wrapText: true } : {}),
        };
    if (c.shade) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE7F3" } };
    if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(c.fill) } };
  }
  for (const range of op.merges ?? []) ws.mergeCells(range);
  for (const box of op.boxes ?? []) {
    const [from, to] = box.split(":");
    const a = ws.getCell(from ?? "A1");
    const b = ws.getCell(to ?? from ?? "A1");
    const thin = { style: "thin" as const, color: { argb: "FF8A8886" } };
    for (let r = Number(a.row); r <= Number(b.row); r++) {
      for (let col = Number(a.col); col <= Number(b.col); col++)
        ws.getCell(r, col).border = { top: thin, bottom: thin, left: thin, right: thin };
    }
  }
  for (const h of op.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  for (const v of op.validations ?? []) {
    // ExcelJS has no range-wide setter; the list is written once per cell of the range.
    const [from, to] = v.range.split(":");
    const first = ws.getCell(from ?? "A1");
    const last = ws.getCell(to ?? from ?? "A1");
    for (let r = Number(first.row); r <= Number(last.row); r++) {
      for (let col = Number(first.col); col <= Number(last.col); col++) {
        ws.getCell(r, col).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${v.values.join(",")}"`],
        };
      }
    }
  }
}

/** Applies a plan to a loaded workbook in place. Sheets, cells and styles not in the plan are untouched. */
export function applyPlan(
  workbook: ExcelJS.Workbook,
  plan: WritePlan,
  options: ApplyOptions,
): void {
  for (const op of plan.operations) {
    if (op.kind === "add-sheet") {
      addSheet(workbook, op, options);
      continue;
    }
    const ws = workbook.getWorksheet(op.sheet);
    if (!ws)
      throw new WorkbookError("write-failed", `Sheet "${op.sheet}" is missing from the workbook`);
    if (op.kind === "insert-columns") {
      ws.spliceColumns(op.column + 1, 0, ...Array.from({ length: op.count }, () => []));
    } else {
      writeColumn(ws, op, options);
      highlightColumn(ws, op);
    }
  }
  widenPrintAreas(workbook, plan);
  if (workbook.properties.date1904) storeDatesIn1904(workbook, plan);
  refreshCachedValues(workbook, plan);
  joinExcelTables(workbook, plan);
  // Excel recalculates everything when it opens the file, so no reader is left with a stale value.
  workbook.calcProperties.fullCalcOnLoad = true;
}

/**
 * Council formulas whose saved value the written cells made stale carry the fresh one
 * (core/recalculate-plan.ts): only the result changes; the formula, shared or not, stays.
 */
function refreshCachedValues(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  for (const c of plan.recalculated ?? []) {
    const cell = workbook.getWorksheet(c.sheet)?.getCell(c.row + 1, c.column + 1);
    const value = cell?.value;
    if (!cell || typeof value !== "object" || value === null) continue;
    if (!("formula" in value || "sharedFormula" in value)) continue;
    const fresh: Record<string, unknown> = { ...value };
    if (c.value === null) delete fresh.result;
    else fresh.result = c.value;
    cell.value = fresh as unknown as ExcelJS.CellValue;
  }
}

/**
 * Print areas widened over the new columns, as the direct writer does (widenedPrintArea). ExcelJS
 * holds a sheet's area as "A1:R24" ("&&" between ranges) and puts a "$" before each end as it
 * saves ("$A1:$R24"): given "A$1:S$24", it saves the absolute "$A$1:$S$24" the direct writer does.
 */
function widenPrintAreas(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  for (const ws of workbook.worksheets) {
    const area = ws.pageSetup.printArea;
    if (!area || area.includes("&&")) continue;
    const ops = plan.operations.filter(
      (op): op is ColumnWrite => op.kind === "column" && op.sheet === ws.name,
    );
    const widened = widenedPrintArea(area, newColumnsOf(ops));
    if (widened) ws.pageSetup.printArea = widened.replace(/\$([A-Z]+)/g, "$1");
  }
}

/**
 * In a workbook on the 1904 date system, the dates the plan wrote (1900-system serials, as the
 * core counts) are stored in the file's system: ExcelJS writes numbers as given.
 */
function storeDatesIn1904(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  const shift = (cell: ExcelJS.Cell) => {
    if (typeof cell.value === "number" && isDateNumberFormat(cell.numFmt))
      cell.value = serialToFile(cell.value, true);
  };
  for (const op of plan.operations) {
    if (op.kind === "insert-columns") continue;
    const ws = workbook.getWorksheet(op.sheet);
    if (!ws) continue;
    if (op.kind === "add-sheet")
      for (const c of op.cells) shift(ws.getCell(c.row + 1, c.column + 1));
    else for (const c of op.cells) shift(ws.getCell(c.row + 1, op.column + 1));
  }
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  // ExcelJS cannot write a hidden name: our own-sheet marks are hidden afterwards.
  return hideOwnSheetMarks(new Uint8Array(buffer as ArrayBuffer));
}
