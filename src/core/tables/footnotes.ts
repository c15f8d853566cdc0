import { cellText, isEmptyCell, type SheetSnapshot } from "../snapshot";
import type { Extent } from "./bounds";

/**
 * A note under a table ("iBCF 2026/27 allocation not yet announced by DHSC.", "* Subject to
 * Cabinet approval", "Source: DHSC allocations") is not a line of it, blank row above it or not:
 * read as a line, it gets a calculated cell written beside it and may pass for a section heading.
 */
const NOTE_MARK = /^\s*(\*|†|‡|[¹²³]|\(\d\)|notes?\b|nb\b|n\.b\.|sources?\s*:)/i;

/** A sentence: three words or more ending in a full stop, or text led by a note mark. */
export function readsAsFootnote(text: string): boolean {
  const t = text.trim();
  if (NOTE_MARK.test(t)) return true;
  return t.split(/\s+/).length >= 3 && /[a-z)][.!?]$/i.test(t);
}

/** One text cell across the table's columns, no figure: a row that is only words. */
function onlyText(sheet: SheetSnapshot, row: number, first: number, last: number): string | null {
  const cells = sheet.rows[row] ?? [];
  let text: string | null = null;
  for (let c = first; c <= last && c < cells.length; c++) {
    const cell = cells[c];
    if (isEmptyCell(cell ?? undefined)) continue;
    if (text !== null || typeof cell?.value !== "string") return null;
    text = cellText(cell);
  }
  return text;
}

/**
 * The extent without the footnotes closing it: from the first row after the last row holding a
 * figure that reads as a footnote, down to the end.
 */
export function withoutFootnotes(
  sheet: SheetSnapshot,
  extent: Extent,
  first: number,
  last: number,
  holdsFigure: (row: number) => boolean,
): Extent {
  const rows = extent.dataRows;
  let lastFigure = -1;
  rows.forEach((r, i) => {
    if (holdsFigure(r)) lastFigure = i;
  });
  if (lastFigure < 0) return extent;
  for (let i = lastFigure + 1; i < rows.length; i++) {
    const row = rows[i];
    const text = row === undefined ? null : onlyText(sheet, row, first, last);
    if (text === null || !readsAsFootnote(text)) continue;
    const kept = rows.slice(0, i);
    return { dataRows: kept, lastRow: kept[kept.length - 1] ?? extent.lastRow };
  }
  return extent;
}
