import { columnLetter, parseAddress, type CellPosition } from "../../../core/a1";
import type { SheetLayout } from "./sheet-read";
import { PackageFormatError, withAttribute } from "./xml";

/** A cell to put into a row: its 0-based column and its XML, or "" to leave the column empty. */
export interface CellXml {
  column: number;
  xml: string;
}

export interface SheetEdits {
  /** 0-based row → cells, sorted by column. */
  rows: Map<number, CellXml[]>;
  /** Widths (characters) for columns that have none yet. */
  widths: { column: number; width: number }[];
}

/** The namespace prefix the sheet writes its elements with ("" or "x:"). */
export function elementPrefix(layout: SheetLayout): string {
  const match = /^<([\w.-]+:)?sheetData/.exec(
    layout.xml.slice(layout.sheetData.start, layout.sheetData.start + 40),
  );
  return match?.[1] ?? "";
}

const SPANS = /(\sspans\s*=\s*)(?:"[^"]*"|'[^']*')/;

/**
 * One row with the written cells merged in by column. Runs of untouched cells are copied as one
 * slice of the source (with whatever lies between them), so a row that only gains cells at its
 * end costs one copy, not one per cell.
 */
function rowXml(layout: SheetLayout, k: number, cells: readonly CellXml[], prefix: string): string {
  const xml = layout.xml;
  const rowEnd = layout.rowEnd[k] ?? 0;
  const selfClosing = layout.rowSelfClosing[k] === true;
  let open = xml.slice(layout.rowStart[k], layout.rowOpenEnd[k]);
  if (selfClosing) open = open.replace(/\s*\/>$/, ">");
  // Where the row's content ends: before its end tag (whose own spelling is kept).
  const closeStart = selfClosing ? rowEnd : xml.lastIndexOf("<", rowEnd - 1);
  const close = selfClosing ? `</${prefix}row>` : xml.slice(closeStart, rowEnd);
  const first = layout.rowFirstCell[k] ?? 0;
  const last = layout.rowFirstCell[k + 1] ?? first;
  const out: string[] = [open];
  let runStart = selfClosing ? rowEnd : (layout.rowOpenEnd[k] ?? 0);
  let j = 0;
  for (let i = first; i < last && j < cells.length; i++) {
    const column = layout.cellColumn[i] ?? 0;
    const cellStart = layout.cellStart[i] ?? 0;
    if ((cells[j]?.column ?? 0) > column) continue;
    out.push(xml.slice(runStart, cellStart));
    runStart = cellStart;
    while (j < cells.length && (cells[j]?.column ?? 0) < column) out.push(cells[j++]?.xml ?? "");
    // A written cell replaces the one already there (our own column written again).
    if (cells[j]?.column === column) {
      out.push(cells[j++]?.xml ?? "");
      runStart = layout.cellEnd[i] ?? cellStart;
    }
  }
  // The rest of the existing cells, then what goes after them, before anything else in the row.
  const cellsEnd = last > first ? (layout.cellEnd[last - 1] ?? runStart) : runStart;
  out.push(xml.slice(runStart, Math.max(runStart, cellsEnd)));
  for (; j < cells.length; j++) out.push(cells[j]?.xml ?? "");
  out.push(xml.slice(Math.max(runStart, cellsEnd), closeStart), close);
  // spans is an optional hint of the columns a row uses; widened to take in the new cells.
  const columns = [
    ...(last > first ? [layout.cellColumn[first] ?? 0, layout.cellColumn[last - 1] ?? 0] : []),
    ...cells.filter((c) => c.xml).map((c) => c.column),
  ];
  if (columns.length > 0)
    out[0] = open.replace(SPANS, `$1"${Math.min(...columns) + 1}:${Math.max(...columns) + 1}"`);
  return out.join("");
}

function newRowXml(row: number, cells: readonly CellXml[], prefix: string): string {
  const written = cells.filter((c) => c.xml);
  if (written.length === 0) return "";
  return `<${prefix}row r="${row + 1}">${written.map((c) => c.xml).join("")}</${prefix}row>`;
}

/** The used range grown to take in the written cells, as <dimension> states it. */
/** The corners of "A1:K29" (or "A1"), or null when the text is not a range. */
function rangeCorners(ref: string): [CellPosition, CellPosition] | null {
  const [from = "", to = from] = ref.split(":");
  try {
    return [parseAddress(from), parseAddress(to)];
  } catch {
    return null;
  }
}

function widenDimension(ref: string, rows: readonly number[], columns: readonly number[]): string {
  const corners = rangeCorners(ref);
  if (!corners || rows.length === 0 || columns.length === 0) return ref;
  const [a, b] = corners;
  // Loops, not Math.min(...rows): a spread of 100,000 rows overflows the call stack.
  let [top, bottom] = [a.row, b.row];
  let [left, right] = [a.column, b.column];
  for (const r of rows) [top, bottom] = [Math.min(top, r), Math.max(bottom, r)];
  for (const c of columns) [left, right] = [Math.min(left, c), Math.max(right, c)];
  return `${columnLetter(left)}${top + 1}:${columnLetter(right)}${bottom + 1}`;
}

function colsXml(layout: SheetLayout, widths: SheetEdits["widths"], prefix: string): string | null {
  const missing = widths.filter(
    (w) => !layout.columns.some((c) => c.min <= w.column && w.column <= c.max),
  );
  if (missing.length === 0) return null;
  const entries = [
    ...layout.columns.map((c) => ({ at: c.min, xml: layout.xml.slice(c.start, c.end) })),
    ...missing.map((w) => ({
      at: w.column,
      xml: `<${prefix}col min="${w.column + 1}" max="${w.column + 1}" width="${w.width}" customWidth="1"/>`,
    })),
  ].sort((a, b) => a.at - b.at);
  return `<${prefix}cols>${entries.map((e) => e.xml).join("")}</${prefix}cols>`;
}

/**
 * A shared formula is stored once, in its first cell; the others only point at it. Writing over
 * that first cell while some of the others stay would leave them pointing at nothing (Excel then
 * calls the file damaged), so such a write is refused here and left to the ExcelJS writer.
 */
function checkSharedFormulas(layout: SheetLayout, edits: SheetEdits): void {
  const written = (row: number, column: number) =>
    edits.rows.get(row)?.some((c) => c.column === column) === true;
  for (const master of layout.sharedMasters) {
    if (!written(master.row, master.column)) continue;
    const corners = rangeCorners(master.ref);
    if (!corners) throw new PackageFormatError(`unreadable shared formula range ${master.ref}`);
    const [a, b] = corners;
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.column; c <= b.column; c++)
        if (!written(r, c))
          throw new PackageFormatError(
            `the shared formula ${master.ref} continues beyond the written cells`,
          );
  }
}

/**
 * The worksheet XML with the edits spliced in. Every byte outside the edited rows, the used-range
 * note and the column widths is copied from the original.
 */
export function patchSheet(layout: SheetLayout, edits: SheetEdits): string {
  checkSharedFormulas(layout, edits);
  const xml = layout.xml;
  const prefix = elementPrefix(layout);
  const pieces: { start: number; end: number; text: string }[] = [];
  const pending = [...edits.rows.keys()].sort((a, b) => a - b);
  const inserted: string[] = [];
  let p = 0;
  for (let k = 0; k < layout.rowNumber.length; k++) {
    const row = (layout.rowNumber[k] ?? 0) - 1;
    const before: string[] = [];
    while (p < pending.length && (pending[p] ?? 0) < row) {
      const r = pending[p++] ?? 0;
      before.push(newRowXml(r, edits.rows.get(r) ?? [], prefix));
    }
    const start = layout.rowStart[k] ?? 0;
    if (before.length > 0) pieces.push({ start, end: start, text: before.join("") });
    if (pending[p] === row) {
      p++;
      pieces.push({
        start,
        end: layout.rowEnd[k] ?? start,
        text: rowXml(layout, k, edits.rows.get(row) ?? [], prefix),
      });
    }
  }
  for (; p < pending.length; p++) {
    const r = pending[p] ?? 0;
    inserted.push(newRowXml(r, edits.rows.get(r) ?? [], prefix));
  }
  const { sheetData } = layout;
  if (inserted.length > 0) {
    if (sheetData.selfClosing) {
      pieces.push({
        start: sheetData.start,
        end: sheetData.closeStart,
        text: `<${prefix}sheetData>${inserted.join("")}</${prefix}sheetData>`,
      });
    } else
      pieces.push({
        start: sheetData.closeStart,
        end: sheetData.closeStart,
        text: inserted.join(""),
      });
  }
  const writtenRows = pending;
  const writtenColumns = [
    ...new Set(
      [...edits.rows.values()].flatMap((cells) => cells.filter((c) => c.xml).map((c) => c.column)),
    ),
  ];
  if (layout.dimension) {
    const ref = widenDimension(layout.dimension.ref, writtenRows, writtenColumns);
    const tag = xml.slice(layout.dimension.start, layout.dimension.end);
    pieces.push({
      start: layout.dimension.start,
      end: layout.dimension.end,
      text: withAttribute(tag, "ref", ref),
    });
  }
  const cols = colsXml(layout, edits.widths, prefix);
  if (cols !== null) {
    if (layout.cols) pieces.push({ start: layout.cols.start, end: layout.cols.end, text: cols });
    else pieces.push({ start: sheetData.start, end: sheetData.start, text: cols });
  }
  pieces.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const piece of pieces) {
    if (piece.start < at) throw new PackageFormatError("overlapping edits in a worksheet");
    out.push(xml.slice(at, piece.start), piece.text);
    at = piece.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}
