import {
  type AddSheet,
  cellAddress,
  columnLetter,
  nextOwnSheetMarkName,
  ownSheetMarkReference,
  type OwnSheetRole,
} from "../../core";
import { asInput, Batcher, bytes } from "./batcher";
import type { ExcelRuntime } from "./runtime";

/**
 * Marks a sheet as ours with a hidden workbook-scoped defined name (own-sheets.ts):
 * NamedItemCollection.add is ExcelApi 1.4; NamedItem.visible (1.1, "Specifies if the object is
 * visible") set to false hides it: VBA's Name.Visible says such a name "won't appear in the Define
 * Name dialog box".
 */
export function markSheet(
  context: Excel.RequestContext,
  sheet: string,
  role: OwnSheetRole,
  names: string[],
): void {
  const name = nextOwnSheetMarkName(role, names);
  names.push(name);
  context.workbook.names.add(name, `=${ownSheetMarkReference(sheet)}`).visible = false;
}

/**
 * Excel's column width is in points; plans give characters. A character of the default font
 * (Calibri 11) is 7 pixels, plus 5 pixels of padding; a pixel is 0.75 points at 96 dpi.
 */
export const charactersToPoints = (characters: number) =>
  Math.round((characters * 7 + 5) * 0.75 * 100) / 100;

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

/** Adds a sheet the plan asks for (or rewrites ours it replaces), marked with its role. */
export async function addSheet(
  context: Excel.RequestContext,
  op: AddSheet,
  valuesOnly: boolean,
  batcher: Batcher,
  runtime: ExcelRuntime,
  names: string[],
): Promise<void> {
  let ws: Excel.Worksheet;
  if (op.replaces) {
    // Our earlier sheet is refreshed in place: its mark stays, its contents and formats go.
    ws = context.workbook.worksheets.getItem(op.replaces);
    ws.getRange().clear("All");
    if (op.replaces !== op.sheet) ws.name = op.sheet;
  } else {
    ws = context.workbook.worksheets.add(op.sheet);
    // A council table we start for the user (a Decisions register) carries no role: not ours.
    if (op.role) markSheet(context, op.sheet, op.role, names);
  }
  const rows = Math.max(...op.cells.map((c) => c.row)) + 1;
  const columns = Math.max(...op.cells.map((c) => c.column)) + 1;
  const grid: (string | number | boolean)[][] = Array.from({ length: rows }, () =>
    Array<string | number | boolean>(columns).fill(""),
  );
  for (const c of op.cells)
    (grid[c.row] as (string | number | boolean)[])[c.column] =
      c.formula && !valuesOnly ? c.formula : asInput(c.value);
  await batcher.add(bytes(grid), `${op.sheet}!A1:${cellAddress(rows - 1, columns - 1)}`);
  ws.getRange(`A1:${cellAddress(rows - 1, columns - 1)}`).formulas = grid;
  for (const m of op.merges ?? []) ws.getRange(m).merge(false);
  for (const box of op.boxes ?? []) {
    const borders = ws.getRange(box).format.borders;
    for (const edge of EDGES) borders.getItem(edge).style = "Continuous";
  }
  for (const h of op.rowHeights ?? [])
    ws.getRange(cellAddress(h.row, 0)).format.rowHeight = h.height;
  for (const c of op.cells) {
    if (
      !c.bold &&
      !c.italic &&
      !c.numberFormat &&
      !c.wrap &&
      !c.shade &&
      !c.fill &&
      !c.color &&
      !c.center
    )
      continue;
    await batcher.add(0);
    const cell = ws.getRange(cellAddress(c.row, c.column));
    if (c.bold) cell.format.font.bold = true;
    if (c.italic) cell.format.font.italic = true;
    if (c.shade) cell.format.fill.color = "#DDE7F3";
    // RangeFill.color and RangeFont.color take "#RRGGBB"; the alignments are ExcelApi 1.1.
    if (c.fill) cell.format.fill.color = c.fill;
    if (c.color) cell.format.font.color = c.color;
    if (c.center) {
      cell.format.horizontalAlignment = "Center";
      cell.format.verticalAlignment = "Center";
    }
    if (c.wrap) cell.format.wrapText = true;
    if (c.numberFormat) cell.numberFormat = [[c.numberFormat]];
  }
  op.columnWidths.forEach((width, i) => {
    const letter = columnLetter(i);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = charactersToPoints(width);
  });
  if (runtime.supports("1.8")) {
    for (const v of op.validations ?? [])
      ws.getRange(v.range).dataValidation.rule = {
        list: { inCellDropDown: true, source: v.values.join(",") },
      };
  }
  if (op.print && runtime.supports("1.9")) {
    ws.pageLayout.orientation = op.print.portrait ? "Portrait" : "Landscape";
    ws.pageLayout.paperSize = "A4";
    if (op.print.onePage) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
    else if (op.print.fitToWidth)
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (op.print.titleRows) ws.pageLayout.setPrintTitleRows(op.print.titleRows);
  }
}
