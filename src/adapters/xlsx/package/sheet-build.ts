import {
  type AddSheet,
  type ApplyOptions,
  cellAddress,
  isDateNumberFormat,
  parseAddress,
  serialToFile,
  type SheetCell,
} from "../../../core";
import { cellXml } from "./column-writes";
import type { CellLook, Styles } from "./styles";
import { escapeXml } from "./xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The shade of section headings and the grey of form borders (as the ExcelJS writer draws them). */
const SHADE = "FFDDE7F3";
const BORDER = "FF8A8886";
/** Paper size 9 is A4 (ECMA-376 §18.3.1.64, pageSetup paperSize). */
const A4 = 9;

interface Slot {
  cell?: SheetCell;
  boxed: boolean;
}

function rangeCells(range: string): { row: number; column: number }[] {
  const [from, to] = range.split(":");
  const a = parseAddress(from ?? "A1");
  const b = parseAddress(to ?? from ?? "A1");
  const cells = [];
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++)
    for (let c = Math.min(a.column, b.column); c <= Math.max(a.column, b.column); c++)
      cells.push({ row: r, column: c });
  return cells;
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

function lookOf(slot: Slot): CellLook {
  const c = slot.cell;
  // Forms read top-down; text sits left (also in merged cells), numbers keep their own alignment.
  return {
    ...(c?.numberFormat ? { numberFormat: c.numberFormat } : {}),
    ...(c?.bold ? { bold: true } : {}),
    ...(c?.italic ? { italic: true } : {}),
    ...(c?.shade ? { fill: SHADE } : {}),
    ...(c?.fill ? { fill: argb(c.fill) } : {}),
    ...(c?.color ? { color: argb(c.color) } : {}),
    ...(slot.boxed ? { border: BORDER } : {}),
    ...(c?.center
      ? { horizontal: "center" as const, vertical: "center" as const }
      : {
          ...(typeof c?.value === "string" ? { horizontal: "left" as const } : {}),
          vertical: "top" as const,
        }),
    ...(c?.wrap ? { wrap: true } : {}),
  };
}

/**
 * The worksheet XML of a sheet we create (Reconciliation, PID), written from the plan alone: cells
 * (text as inline strings, so the shared-strings part is left as it was), formulas with their
 * cached values, styles added to styles.xml, merges, list drop-downs, column widths, row heights
 * and print set-up. Elements follow the order CT_Worksheet requires (ECMA-376 Part 1, §18.3.1.99).
 */
export function buildSheetXml(
  op: AddSheet,
  styles: Styles,
  options: ApplyOptions,
  /** The workbook counts dates from 1904: date cells are stored in its system. */
  date1904 = false,
): string {
  const grid = new Map<number, Map<number, Slot>>();
  const slot = (row: number, column: number): Slot => {
    const cells = grid.get(row) ?? new Map<number, Slot>();
    grid.set(row, cells);
    const found = cells.get(column) ?? { boxed: false };
    cells.set(column, found);
    return found;
  };
  for (const c of op.cells) slot(c.row, c.column).cell = c;
  for (const box of op.boxes ?? [])
    for (const { row, column } of rangeCells(box)) slot(row, column).boxed = true;
  const heights = new Map((op.rowHeights ?? []).map((h) => [h.row, h.height]));
  for (const row of heights.keys()) if (!grid.has(row)) grid.set(row, new Map());

  let lastRow = 0;
  let lastColumn = 0;
  const rows: string[] = [];
  for (const row of [...grid.keys()].sort((a, b) => a - b)) {
    const cells = grid.get(row) ?? new Map<number, Slot>();
    const xml: string[] = [];
    for (const column of [...cells.keys()].sort((a, b) => a - b)) {
      const s = cells.get(column) ?? { boxed: false };
      const c = s.cell;
      const useFormula = c?.formula && !options.valuesOnly;
      const value =
        date1904 && typeof c?.value === "number" && isDateNumberFormat(c.numberFormat)
          ? serialToFile(c.value, true)
          : c?.value;
      const content = useFormula
        ? { formula: c?.formula ?? "", value: value ?? null }
        : { value: value === undefined || value === "" ? null : value };
      const text = cellXml("", cellAddress(row, column), styles.cellLook(lookOf(s)), content);
      if (text) {
        xml.push(text);
        lastRow = Math.max(lastRow, row);
        lastColumn = Math.max(lastColumn, column);
      }
    }
    const height = heights.get(row);
    const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    if (xml.length > 0 || ht)
      rows.push(
        xml.length > 0
          ? `<row r="${row + 1}"${ht}>${xml.join("")}</row>`
          : `<row r="${row + 1}"${ht}/>`,
      );
  }
  const cols = op.columnWidths
    .map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`)
    .join("");
  const merges = op.merges ?? [];
  const validations = (op.validations ?? []).map(
    (v) =>
      `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${v.range}"><formula1>${escapeXml(`"${v.values.join(",")}"`)}</formula1></dataValidation>`,
  );
  const print = op.print;
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">`,
    print?.fitToWidth || print?.onePage ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "",
    `<dimension ref="A1:${cellAddress(lastRow, lastColumn)}"/>`,
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="15"/>`,
    cols ? `<cols>${cols}</cols>` : "",
    rows.length > 0 ? `<sheetData>${rows.join("")}</sheetData>` : "<sheetData/>",
    merges.length > 0
      ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "",
    validations.length > 0
      ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`
      : "",
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
    print
      ? `<pageSetup paperSize="${A4}" orientation="${print.portrait ? "portrait" : "landscape"}"${print.onePage ? ' fitToWidth="1" fitToHeight="1"' : print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`
      : "",
    `</worksheet>`,
  ].join("");
}
