import { cellAddress, rangeCorners } from "../../../core";
import type { SheetXmlOffsets } from "./sheet-read";
import { ByteSink } from "./byte-sink";
import { PackageFormatError, withAttribute } from "./xml";
import type { Splice } from "./conditional-formats";

/** A cell to put into a row: its 0-based column and its XML, or "" to leave the column empty. */
export interface CellXml {
  column: number;
  xml: string;
}

export interface SheetEdits {
  /** The 0-based rows that get cells, ascending. */
  rows: readonly number[];
  /** The cells for one of those rows, sorted by column, made when asked for. */
  cellsAt(row: number): CellXml[];
  /** Whether the plan writes this cell (0-based). */
  writes(row: number, column: number): boolean;
  /** Widths (characters) for columns that have none yet. */
  widths: { column: number; width: number }[];
  /** Edits after the cell data (conditional formats), in ascending order, not overlapping. */
  splices?: readonly Splice[];
}

/** The namespace prefix the sheet writes its elements with ("" or "x:"). */
export function elementPrefix(offsets: SheetXmlOffsets): string {
  const match = /^<([\w.-]+:)?sheetData/.exec(
    offsets.xml.slice(offsets.sheetData.start, offsets.sheetData.start + 40),
  );
  return match?.[1] ?? "";
}

const SPANS = /(\sspans\s*=\s*)(?:"[^"]*"|'[^']*')/;

/** The smallest and largest row and column that gain cells, for the used-range note. */
class Extent {
  top = Infinity;
  bottom = -Infinity;
  left = Infinity;
  right = -Infinity;

  row(row: number): void {
    this.top = Math.min(this.top, row);
    this.bottom = Math.max(this.bottom, row);
  }

  column(column: number): void {
    this.left = Math.min(this.left, column);
    this.right = Math.max(this.right, column);
  }
}

/**
 * One row with the written cells merged in by column. Runs of untouched cells are copied as one
 * slice of the source (with whatever lies between them), so a row that only gains cells at its
 * end costs one copy, not one per cell.
 */
function writeRow(
  out: ByteSink,
  offsets: SheetXmlOffsets,
  k: number,
  cells: readonly CellXml[],
  prefix: string,
): void {
  const xml = offsets.xml;
  const rowEnd = offsets.rowEnd[k] ?? 0;
  const selfClosing = offsets.rowSelfClosing[k] === true;
  let open = xml.slice(offsets.rowStart[k], offsets.rowOpenEnd[k]);
  if (selfClosing) open = open.replace(/\s*\/>$/, ">");
  const first = offsets.rowFirstCell[k] ?? 0;
  const last = offsets.rowFirstCell[k + 1] ?? first;
  // spans is an optional hint of the columns a row uses; widened to take in the new cells.
  let left = last > first ? (offsets.cellColumn[first] ?? 0) : Infinity;
  let right = last > first ? (offsets.cellColumn[last - 1] ?? 0) : -Infinity;
  for (const c of cells)
    if (c.xml) [left, right] = [Math.min(left, c.column), Math.max(right, c.column)];
  out.write(right >= left ? open.replace(SPANS, `$1"${left + 1}:${right + 1}"`) : open);
  // Where the row's content ends: before its end tag (whose own spelling is kept).
  const closeStart = selfClosing ? rowEnd : xml.lastIndexOf("<", rowEnd - 1);
  const close = selfClosing ? `</${prefix}row>` : xml.slice(closeStart, rowEnd);
  let runStart = selfClosing ? rowEnd : (offsets.rowOpenEnd[k] ?? 0);
  let j = 0;
  for (let i = first; i < last && j < cells.length; i++) {
    const column = offsets.cellColumn[i] ?? 0;
    const cellStart = offsets.cellStart[i] ?? 0;
    if ((cells[j]?.column ?? 0) > column) continue;
    out.write(xml.slice(runStart, cellStart));
    runStart = cellStart;
    while (j < cells.length && (cells[j]?.column ?? 0) < column) out.write(cells[j++]?.xml ?? "");
    // A written cell replaces the one already there (our own column written again).
    if (cells[j]?.column === column) {
      out.write(cells[j++]?.xml ?? "");
      runStart = offsets.cellEnd[i] ?? cellStart;
    }
  }
  // The rest of the existing cells, then what goes after them, before anything else in the row.
  const cellsEnd = last > first ? (offsets.cellEnd[last - 1] ?? runStart) : runStart;
  out.write(xml.slice(runStart, Math.max(runStart, cellsEnd)));
  for (; j < cells.length; j++) out.write(cells[j]?.xml ?? "");
  out.write(xml.slice(Math.max(runStart, cellsEnd), closeStart));
  out.write(close);
}

function newRowXml(row: number, cells: readonly CellXml[], prefix: string): string {
  const written = cells.filter((c) => c.xml);
  if (written.length === 0) return "";
  return `<${prefix}row r="${row + 1}">${written.map((c) => c.xml).join("")}</${prefix}row>`;
}

/** The used range grown to take in the written cells, as <dimension> states it. */

function widenDimension(ref: string, extent: Extent): string {
  const corners = rangeCorners(ref);
  if (!corners || extent.top > extent.bottom || extent.left > extent.right) return ref;
  const [a, b] = corners;
  const top = Math.min(a.row, extent.top);
  const bottom = Math.max(b.row, extent.bottom);
  const left = Math.min(a.column, extent.left);
  const right = Math.max(b.column, extent.right);
  return `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

function colsXml(
  offsets: SheetXmlOffsets,
  widths: SheetEdits["widths"],
  prefix: string,
): string | null {
  const missing = widths.filter(
    (w) => !offsets.columns.some((c) => c.min <= w.column && w.column <= c.max),
  );
  if (missing.length === 0) return null;
  const entries = [
    ...offsets.columns.map((c) => ({ at: c.min, xml: offsets.xml.slice(c.start, c.end) })),
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
function checkSharedFormulas(offsets: SheetXmlOffsets, edits: SheetEdits): void {
  for (const master of offsets.sharedMasters) {
    if (!edits.writes(master.row, master.column)) continue;
    const corners = rangeCorners(master.ref);
    if (!corners) throw new PackageFormatError(`unreadable shared formula range ${master.ref}`);
    const [a, b] = corners;
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.column; c <= b.column; c++)
        if (!edits.writes(r, c))
          throw new PackageFormatError(
            `the shared formula ${master.ref} continues beyond the written cells`,
          );
  }
}

/**
 * The worksheet with the edits spliced in, as UTF-8. Every byte outside the edited rows, the
 * used-range note and the column widths is copied from the original.
 */
export function patchSheet(offsets: SheetXmlOffsets, edits: SheetEdits): Uint8Array {
  checkSharedFormulas(offsets, edits);
  const { xml, sheetData } = offsets;
  const prefix = elementPrefix(offsets);
  if ((offsets.dimension?.end ?? 0) > sheetData.start || (offsets.cols?.end ?? 0) > sheetData.start)
    throw new PackageFormatError("column widths or used range after the cell data");
  // The cell data is written first: the used range, which comes before it, depends on it.
  const body = new ByteSink(xml.length - sheetData.start + edits.rows.length * 200);
  const extent = new Extent();
  const cellsAt = (row: number) => {
    const cells = edits.cellsAt(row);
    extent.row(row);
    for (const c of cells) if (c.xml) extent.column(c.column);
    return cells;
  };
  const pending = edits.rows;
  let p = 0;
  let at = sheetData.start;
  for (let k = 0; k < offsets.rowNumber.length && p < pending.length; k++) {
    const row = (offsets.rowNumber[k] ?? 0) - 1;
    const start = offsets.rowStart[k] ?? 0;
    if ((pending[p] ?? 0) > row) continue;
    body.write(xml.slice(at, start));
    at = start;
    for (; p < pending.length && (pending[p] ?? 0) < row; p++) {
      const r = pending[p] ?? 0;
      body.write(newRowXml(r, cellsAt(r), prefix));
    }
    if (pending[p] === row) {
      writeRow(body, offsets, k, cellsAt(row), prefix);
      at = offsets.rowEnd[k] ?? start;
      p++;
    }
  }
  // Rows below the last one the sheet has go at the end of the cell data.
  if (p < pending.length) {
    const selfClosing = sheetData.selfClosing;
    body.write(xml.slice(at, selfClosing ? sheetData.start : sheetData.closeStart));
    if (selfClosing) body.write(`<${prefix}sheetData>`);
    for (; p < pending.length; p++) {
      const r = pending[p] ?? 0;
      body.write(newRowXml(r, cellsAt(r), prefix));
    }
    if (selfClosing) body.write(`</${prefix}sheetData>`);
    at = sheetData.closeStart;
  }
  for (const splice of edits.splices ?? []) {
    if (splice.start < at) throw new PackageFormatError("an edit inside the cell data");
    body.write(xml.slice(at, splice.start));
    body.write(splice.text);
    at = splice.end;
  }
  body.write(xml.slice(at));
  const head = patchHead(offsets, edits, extent, prefix);
  const cellData = body.bytes();
  const out = new Uint8Array(head.length + cellData.length);
  out.set(head);
  out.set(cellData, head.length);
  return out;
}

/** Everything before the cell data, with the used range widened and new column widths added. */
function patchHead(offsets: SheetXmlOffsets, edits: SheetEdits, extent: Extent, prefix: string) {
  const { xml, sheetData } = offsets;
  const pieces: { start: number; end: number; text: string }[] = [];
  if (offsets.dimension) {
    const ref = widenDimension(offsets.dimension.ref, extent);
    const tag = xml.slice(offsets.dimension.start, offsets.dimension.end);
    pieces.push({
      start: offsets.dimension.start,
      end: offsets.dimension.end,
      text: withAttribute(tag, "ref", ref),
    });
  }
  const cols = colsXml(offsets, edits.widths, prefix);
  if (cols !== null) {
    if (offsets.cols) pieces.push({ start: offsets.cols.start, end: offsets.cols.end, text: cols });
    else pieces.push({ start: sheetData.start, end: sheetData.start, text: cols });
  }
  pieces.sort((a, b) => a.start - b.start);
  const out = new ByteSink(sheetData.start + 1024);
  let at = 0;
  for (const piece of pieces) {
    out.write(xml.slice(at, piece.start));
    out.write(piece.text);
    at = piece.end;
  }
  out.write(xml.slice(at, sheetData.start));
  return out.bytes();
}
