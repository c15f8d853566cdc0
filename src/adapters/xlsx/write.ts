import ExcelJS from "exceljs";
import { writtenCell, type ApplyOptions } from "../../core/apply-plan";
import type { AddSheet, ColumnWrite, WritePlan } from "../../core/plan";
import { WorkbookError } from "./errors";

/** One copy (without its number format) per distinct style: ExcelJS shares style objects. */
const copies = new WeakMap<object, Partial<ExcelJS.Style>>();

/** Borders, fill, font and alignment of the neighbouring column; its number format is its own. */
function copyStyle(target: ExcelJS.Cell, source: ExcelJS.Cell | undefined): void {
  const original = source?.style;
  if (!original || Object.keys(original).length === 0) return;
  let copy = copies.get(original);
  if (!copy) {
    copy = JSON.parse(JSON.stringify(original)) as Partial<ExcelJS.Style>;
    delete copy.numFmt;
    copies.set(original, copy);
  }
  // Each cell gets its own object: ExcelJS mutates a cell's style when its numFmt is set.
  target.style = { ...copy };
}

function writeColumn(ws: ExcelJS.Worksheet, op: ColumnWrite, options: ApplyOptions): void {
  const column = op.column + 1;
  const styleFrom = op.styleFrom === undefined ? undefined : op.styleFrom + 1;
  if (op.header && styleFrom) {
    const width = ws.getColumn(styleFrom).width;
    if (width && !ws.getColumn(column).width) ws.getColumn(column).width = Math.min(width, 14);
  }
  if (op.header) {
    const cell = ws.getCell(op.header.row + 1, column);
    if (styleFrom) copyStyle(cell, ws.getCell(op.header.row + 1, styleFrom));
    cell.value = op.header.text;
  }
  for (const planned of op.cells) {
    const cell = ws.getCell(planned.row + 1, column);
    if (styleFrom) copyStyle(cell, ws.getCell(planned.row + 1, styleFrom));
    const content = writtenCell(op, planned, options);
    setContent(cell, content.formula ?? null, content.value, options.valuesOnly);
    if (op.numberFormat) cell.numFmt = op.numberFormat;
  }
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

function addSheet(workbook: ExcelJS.Workbook, op: AddSheet, options: ApplyOptions): void {
  const ws = workbook.addWorksheet(op.sheet, {
    pageSetup: op.print
      ? {
          paperSize: 9,
          orientation: op.print.portrait ? "portrait" : "landscape",
          fitToPage: op.print.fitToWidth,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: op.print.titleRows,
        }
      : {},
  });
  op.columnWidths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  for (const c of op.cells) {
    const cell = ws.getCell(c.row + 1, c.column + 1);
    setContent(cell, c.formula, c.value, options.valuesOnly);
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    if (c.bold || c.italic)
      cell.font = { ...(c.bold ? { bold: true } : {}), ...(c.italic ? { italic: true } : {}) };
    // Forms read top-down; text sits left (also in merged cells), numbers keep their own alignment.
    cell.alignment = {
      vertical: "top",
      ...(typeof c.value === "string" ? { horizontal: "left" as const } : {}),
      ...(c.wrap ? { wrapText: true } : {}),
    };
    if (c.shade) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE7F3" } };
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
    }
  }
  // Excel recalculates everything when it opens the file, so no reader is left with a stale value.
  workbook.calcProperties.fullCalcOnLoad = true;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
