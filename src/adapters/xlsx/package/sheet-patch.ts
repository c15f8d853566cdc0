import { columnIndex, columnLetter } from "../../../core/a1";
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

function rowXml(layout: SheetLayout, k: number, cells: readonly CellXml[], prefix: string): string {
  const xml = layout.xml;
  let open = xml.slice(layout.rowStart[k], layout.rowOpenEnd[k]);
  if (layout.rowSelfClosing[k]) open = open.replace(/\s*\/>$/, ">");
  const first = layout.rowFirstCell[k] ?? 0;
  const last = layout.rowFirstCell[k + 1] ?? first;
  const out: string[] = [];
  let min = Infinity;
  let max = -Infinity;
  const add = (column: number, text: string) => {
    if (!text) return;
    out.push(text);
    min = Math.min(min, column);
    max = Math.max(max, column);
  };
  let j = 0;
  for (let i = first; i < last; i++) {
    const column = layout.cellColumn[i] ?? 0;
    while (j < cells.length && (cells[j]?.column ?? 0) < column) {
      const c = cells[j++];
      if (c) add(c.column, c.xml);
    }
    // A written cell replaces the one already there (our own column written again).
    if (j < cells.length && cells[j]?.column === column) add(column, cells[j++]?.xml ?? "");
    else add(column, xml.slice(layout.cellStart[i], layout.cellEnd[i]));
  }
  for (; j < cells.length; j++) {
    const c = cells[j];
    if (c) add(c.column, c.xml);
  }
  // spans is an optional hint of the columns a row uses; kept true so Excel never trips on it.
  if (min <= max) open = open.replace(SPANS, `$1"${min + 1}:${max + 1}"`);
  return `${open}${out.join("")}</${prefix}row>`;
}

function newRowXml(row: number, cells: readonly CellXml[], prefix: string): string {
  const written = cells.filter((c) => c.xml);
  if (written.length === 0) return "";
  return `<${prefix}row r="${row + 1}">${written.map((c) => c.xml).join("")}</${prefix}row>`;
}

/** The used range grown to take in the written cells, as <dimension> states it. */
function widenDimension(ref: string, rows: readonly number[], columns: readonly number[]): string {
  const [from, to = from] = ref.split(":");
  const a = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(from ?? "");
  const b = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(to ?? "");
  if (!a?.[1] || !b?.[1] || rows.length === 0 || columns.length === 0) return ref;
  // Loops, not Math.min(...rows): a spread of 100,000 rows overflows the call stack.
  let [top, bottom] = [Number(a[2]) - 1, Number(b[2]) - 1];
  let [left, right] = [columnIndex(a[1]), columnIndex(b[1])];
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
 * The worksheet XML with the edits spliced in. Every byte outside the edited rows, the used-range
 * note and the column widths is copied from the original.
 */
export function patchSheet(layout: SheetLayout, edits: SheetEdits): string {
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
