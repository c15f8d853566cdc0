import { cellAddress } from "../a1";
import { cellText, isEmptyCell, type SheetSnapshot } from "../snapshot";
import { LEGEND_MARKER } from "./keys";

/**
 * Keys whose numbers sit in cells of their own: "1 | 4 | Low" (under "Score from" | "Score to" |
 * "Rating", or after a title, "Key | 1 | 4 | Low"), "1 | - | 4 | Low", and one line across,
 * "Low | 1 | 4 | Medium | 5 | 9 | High | 10 | 16". Read from a stretch of neighbouring filled
 * cells, every one of which must be part of a band (a title may lead): a register's row leaves
 * its reference or title over, so it is never one. Total: any cells in, no throw.
 */

/** One filled cell of a stretch: its column and its text as shown. */
export interface StretchCell {
  column: number;
  text: string;
}

/** A band read from cells: its bounds, label, and the columns it was read from, label first. */
export interface NumberCellBand {
  from: number;
  to: number;
  label: string;
  columns: number[];
}

/** A score bound in a cell: a whole number 0..100. */
function boundOf(text: string): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n <= 100 ? n : null;
}

const DASH = /^(?:-|–|—|to)$/i;
/** A band's label: a word or three, no figures, never a scale's name or a key's title. */
const LABEL = /^[A-Za-z][A-Za-z /&-]*$/;
const NOT_LABEL = /likelihood|impact|probability|severity|consequence|score|\bkey\b/i;

function labelOf(text: string): string | null {
  const t = text.trim();
  if (!LABEL.test(t) || NOT_LABEL.test(t) || t.split(/\s+/).length > 3) return null;
  return t;
}

/** A key line's title: "Key", "Key:", "Risk key", "Rating bands". */
function isTitle(text: string): boolean {
  return LEGEND_MARKER.test(text.trim()) || /^[A-Za-z ]{0,20}\bkey\s*:?$/i.test(text.trim());
}

/** Bounds from `i`: "1" | "4" or "1" | "-" | "4"; how many cells they take. */
function boundsAt(cells: readonly StretchCell[], i: number) {
  const from = boundOf(cells[i]?.text ?? "");
  if (from === null) return null;
  const next = cells[i + 1]?.text ?? "";
  const to = boundOf(next);
  if (to !== null) return from <= to ? { from, to, used: 2 } : null;
  const after = boundOf(cells[i + 2]?.text ?? "");
  return DASH.test(next.trim()) && after !== null && from <= after
    ? { from, to: after, used: 3 }
    : null;
}

/**
 * The bands a stretch of neighbouring cells states, left to right, or null unless every cell is
 * part of one (a title may lead). Numbers first ("1 | 4 | Low") may state one band; label first
 * ("Low | 1 | 4") only two or more, since one such row is as much a money table's line.
 */
export function bandsInStretch(cells: readonly StretchCell[]): NumberCellBand[] | null {
  if (cells.length < 3 || cells.length > 60) return null;
  const bands: NumberCellBand[] = [];
  let i = cells[0] && isTitle(cells[0].text) ? 1 : 0;
  let labelFirst = 0;
  while (i < cells.length) {
    const cols = (k: number, n: number) => cells.slice(k, k + n).map((c) => c.column);
    const lead = boundsAt(cells, i);
    const trailing = lead && cells[i + lead.used];
    const after = trailing ? labelOf(trailing.text) : null;
    if (lead && trailing && after) {
      bands.push({
        from: lead.from,
        to: lead.to,
        label: after,
        columns: [trailing.column, ...cols(i, lead.used)],
      });
      i += lead.used + 1;
      continue;
    }
    const first = labelOf(cells[i]?.text ?? "");
    const tail = first ? boundsAt(cells, i + 1) : null;
    if (!first || !tail) return null;
    bands.push({ from: tail.from, to: tail.to, label: first, columns: cols(i, tail.used + 1) });
    labelFirst++;
    i += tail.used + 1;
  }
  if (bands.length === 0 || (labelFirst > 0 && bands.length < 2)) return null;
  return bands;
}

/**
 * Bands from number cells make a key only when they read as one: rising without overlap, from the
 * bottom of a score (0 or 1), each a labelled range. A table of small figures seldom starts there.
 */
export function keyFromNumberCells(bands: readonly { from: number; to: number }[]): boolean {
  if (bands.length < 2) return false;
  const [first] = bands;
  if (!first || first.from > 1) return false;
  return bands.every((b, k) => k === 0 || b.from > (bands[k - 1]?.to ?? Infinity));
}

/** A band read from a sheet's number cells, with the cells it was read from ("E2", "F2"). */
export interface CellsBand {
  from: number;
  to: number;
  label: string;
  cells: string[];
}

/** A whole score 0..100 typed or as short text: what a key's number cell holds. */
export function smallWhole(value: unknown): boolean {
  return typeof value === "number"
    ? Number.isInteger(value) && value >= 0 && value <= 100
    : typeof value === "string" && /^\s*\d{1,3}\s*$/.test(value);
}

/**
 * Bands in the row's stretches of neighbouring filled cells outside the tables, each read whole
 * (`bandsInStretch`), with the columns they take. Only a stretch with a small whole number among
 * its first three cells is read, so a money table's lines are passed over at a glance.
 */
export function numberCellBands(
  sheet: SheetSnapshot,
  r: number,
  inTable: (row: number, column: number) => boolean,
): { bands: CellsBand[]; columns: Set<number>; at: string } | null {
  const row = sheet.rows[r] ?? [];
  let found: { bands: CellsBand[]; columns: Set<number>; at: string } | null = null;
  for (let c = 0; c < row.length; c++) {
    if (isEmptyCell(row[c] ?? undefined)) continue;
    let end = c;
    while (end + 1 < row.length && !isEmptyCell(row[end + 1] ?? undefined)) end++;
    const start = c;
    c = end;
    if (end - start < 2 || ![0, 1, 2].some((k) => smallWhole(row[start + k]?.value))) continue;
    // Cheap tests first: a register's rows fail them before their cells are looked up.
    if (Array.from({ length: end - start + 1 }, (_, k) => start + k).some((k) => inTable(r, k)))
      continue;
    const stretch = [];
    for (let k = start; k <= end; k++)
      stretch.push({ column: k, text: cellText(row[k] ?? undefined) });
    const bands = bandsInStretch(stretch);
    if (!bands) continue;
    // The key starts at its first band's first cell ("1" of "1 | 4 | Low"), after any title.
    const first = Math.min(...(bands[0]?.columns ?? [start]));
    found ??= { bands: [], columns: new Set(), at: cellAddress(r, first) };
    for (let k = start; k <= end; k++) found.columns.add(k);
    for (const b of bands) {
      const cells = b.columns.map((col) => cellAddress(r, col));
      found.bands.push({ from: b.from, to: b.to, label: b.label, cells });
    }
  }
  return found;
}

const BOUND_HEADER = /\b(from|to|min|minimum|max|maximum|lower|upper|start|end|lowest|highest)\b/i;

/** A score bound of a key table: a whole number 0..100, typed or as text. */
function bound(value: unknown): number | null {
  const n =
    typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n : null;
}

/**
 * A band as a row of a small key table, "Rating | Score from | Score to" (or "Band | Min | Max",
 * "Priority | Lower | Upper") over "Low | 1 | 4": the label, then its two bounds. A row of a money
 * table looks the same, so the table's header must name the bounds: within a few rows above, the
 * two columns are headed "from" / "to", "min" / "max" or the like.
 */
export function bandInTableRow(
  sheet: SheetSnapshot,
  r: number,
  c: number,
  failed: Map<number, number>,
): { from: number; to: number; label: string } | null {
  const row = sheet.rows[r] ?? [];
  const from = bound(row[c + 1]?.value);
  const to = bound(row[c + 2]?.value);
  const label = cellText(row[c] ?? undefined);
  if (from === null || to === null || from > to || /\d/.test(label)) return null;
  // The row above failed the same look upward (a register's rows of small numbers): so does this.
  if (failed.get(c) === r - 1) {
    failed.set(c, r);
    return null;
  }
  failed.set(c, r);
  for (let up = r - 1; up >= Math.max(0, r - 12); up--) {
    const cells = sheet.rows[up] ?? [];
    if (bound(cells[c + 1]?.value) !== null) continue;
    const heads = [cells[c + 1], cells[c + 2]].map((cell) => cellText(cell ?? undefined));
    if (!heads.every((h) => BOUND_HEADER.test(h))) return null;
    failed.delete(c);
    return { from, to, label };
  }
  return null;
}
