import { cellPositionOf } from "../a1";
import { cellText, isEmptyCell, type Cell, type SheetSnapshot } from "../snapshot";
import { unitOf } from "./header-units";

/**
 * Where a header's cells stand for wider areas: the sheet's merges, and group labels typed once
 * over their sub-headers without a merge (read the same way, so a header reads alike whether or
 * not the host can say where merges are). header-block.ts reads header blocks through these.
 */

const isText = (cell: Cell | undefined) =>
  typeof cell?.value === "string" && cell.value.trim() !== "" && !cell.formula;

export interface MergeIndex {
  /** "row,column" of every cell inside a merge → the merge's area. */
  readonly at: ReadonlyMap<string, MergeArea>;
  /** Per row, one past the rightmost merged column: a merge may reach past the row's cells. */
  readonly width: ReadonlyMap<number, number>;
}

function position(address: string | undefined): { row: number; column: number } | null {
  return address ? cellPositionOf(address) : null;
}

export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const mergeCache = new WeakMap<SheetSnapshot, MergeIndex>();

/** The sheet's merges by cell, built once per sheet. Unreadable merge strings are passed over. */
export function mergeIndex(sheet: SheetSnapshot): MergeIndex {
  const cached = mergeCache.get(sheet);
  if (cached) return cached;
  const at = new Map<string, MergeArea>();
  const width = new Map<number, number>();
  for (const text of sheet.merges) {
    const [from, to] = text.split(":");
    const a = position(from);
    const b = to === undefined ? a : position(to);
    if (!a || !b) continue;
    const area = {
      top: Math.min(a.row, b.row),
      left: Math.min(a.column, b.column),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
    };
    // A whole-sheet merge would be millions of cells; a header merge is small.
    if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > 10_000) continue;
    for (let r = area.top; r <= area.bottom; r++) {
      width.set(r, Math.max(width.get(r) ?? 0, area.right + 1));
      for (let c = area.left; c <= area.right; c++) at.set(`${r},${c}`, area);
    }
  }
  const index = { at, width };
  mergeCache.set(sheet, index);
  return index;
}

/**
 * Group labels typed once over their sub-headers without a merge. Excel before ExcelApi 1.13
 * cannot report merges (the snapshot says `mergesUnknown`), and councils often centre a label
 * with "Center Across Selection" (Excel.HorizontalAlignment.centerAcrossSelection, ExcelApi 1.1: an
 * alignment, not a merge; learn.microsoft.com/javascript/api/excel/excel.horizontalalignment) or
 * just type it once over
 * the block. A label in `row` spans the blank cells to its right while the row below holds a
 * sub-header under each of them: it ends at the next label, at a blank spacer column or at data;
 * a group that runs on to the end of the header ends where its sub-headers stop repeating the
 * pattern of an earlier group in the row. Cells inside a
 * real merge are never part of an inferred span, so the two agree where both are known.
 */
/**
 * A lone label over the first column of a header ("Risks", "Funding available") titles the table
 * below it: it is no group. A group shares its row with other labels or sits over later columns.
 */
function titleOver(upper: readonly (Cell | null | undefined)[], lower: typeof upper, c: number) {
  const first = lower.findIndex((cell) => isText(cell ?? undefined));
  if (first !== c) return false;
  return upper.every((cell, k) => k === c || isEmptyCell(cell ?? undefined));
}

function inferSpans(sheet: SheetSnapshot, row: number): MergeArea[] {
  const merges = mergeIndex(sheet).at;
  const upper = sheet.rows[row] ?? [];
  const lower = sheet.rows[row + 1];
  if (!lower) return [];
  // Most sheets have no merges: then no cell's key is built (this runs on every row of a sheet).
  const free = (r: number, c: number) => merges.size === 0 || !merges.has(`${r},${c}`);
  const subHeader = (c: number) => isText(lower[c] ?? undefined) && free(row + 1, c);
  // A blank cell under a column's own name ("Action planned" over the blank beside "Rating") is
  // the end of that name, not room for a label beside it to span: the label is the next word of
  // its own column ("Risk" / "Rating"), and the row under it may be data.
  const over = row > 0 ? (sheet.rows[row - 1] ?? []) : [];
  const namedAbove = (c: number) => isText(over[c] ?? undefined) && free(row - 1, c);
  // A units row ("£m" under every column) is no row of sub-headers: a label over it is no group.
  const onlyUnits = (from: number, to: number) => {
    for (let k = from; k <= to; k++) if (!unitOf(cellText(lower[k] ?? undefined))) return false;
    return true;
  };
  const spans: { area: MergeArea; toEnd: boolean; stacked: boolean }[] = [];
  const lastText = lower.reduce<number>(
    (last, cell, c) => (isText(cell ?? undefined) ? c : last),
    -1,
  );
  for (let c = 0; c < upper.length; c++) {
    if (!isText(upper[c] ?? undefined) || !free(row, c) || !subHeader(c)) continue;
    if (KEY_LINE.test(cellText(upper[c] ?? undefined))) continue;
    let end = c + 1;
    while (
      isEmptyCell(upper[end] ?? undefined) &&
      free(row, end) &&
      subHeader(end) &&
      !namedAbove(end)
    )
      end++;
    if (end - 1 === c || titleOver(upper, lower, c) || onlyUnits(c, end - 1)) continue;
    spans.push({
      area: { top: row, bottom: row, left: c, right: end - 1 },
      toEnd: end > lastText && !upper.slice(end).some((cell) => isText(cell ?? undefined)),
      stacked: stackedWords(cellText(upper[c] ?? undefined), lower, c, end - 1),
    });
    c = end - 1;
  }
  const words = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, k) => cellText(lower[from + k] ?? undefined))
      .map((w) => w.toLowerCase().replace(/\s+/g, " "))
      .join("|");
  // Ended by neither a label nor a spacer, a group whose sub-headers begin with an earlier group's
  // whole pattern ("Likelihood | Impact | Score") ends where that pattern does: "Owner" after it
  // stands alone. A spacer ends a group as the council drew it (Northbrook's "Rating" is residual).
  for (const span of spans) {
    if (!span.toEnd) continue;
    const { left, right } = span.area;
    for (const earlier of spans) {
      if (earlier === span) break;
      const width = earlier.area.right - earlier.area.left;
      if (left + width >= right) continue;
      if (words(left, left + width) === words(earlier.area.left, earlier.area.right)) {
        span.area.right = left + width;
        break;
      }
    }
  }
  // A label over the first words of one header is no group, unless another label in the row
  // stands over the same sub-headers ("Capital" and "Revenue" over "budget | Spend"): a pattern
  // repeated is a group's.
  const pattern = (a: MergeArea) => words(a.left, a.right);
  return spans
    .filter((s) => !s.stacked || spans.some((o) => o !== s && pattern(o.area) === pattern(s.area)))
    .map((s) => s.area);
}

/**
 * Words known to label a group of columns: a pair of a risk assessment (Inherent, Residual,
 * Target, Current), a year ("Current year", "Last year 2024/25", "2025/26").
 */
const GROUP_WORD =
  /\b(inherent|gross|residual|net|target|current)\b|\b(last|previous|prior|next|this|full) year\b|\b(?:19|20)\d{2}\b|\b\d{2}\s*[/-]\s*\d{2}\b/i;

/**
 * Words of one header stacked over two cells of one column, typed without a merge ("Annual" /
 * "budget 2025/26", "Forecast" / "outturn", "Total" / "scheme cost"), with headings of their own
 * under the blank cells beside ("Spend to date", "Variance", "2025/26"): the cell under the label
 * carries its phrase on (it begins in lower case or with a bracket) while a heading under the
 * blanks begins with a capital or a figure. A known group word keeps the label a group ("Current
 * year" over "budget | Forecast").
 */
function stackedWords(
  label: string,
  lower: readonly (Cell | null | undefined)[],
  from: number,
  to: number,
): boolean {
  if (GROUP_WORD.test(label)) return false;
  if (!/^[\p{Ll}(]/u.test(cellText(lower[from] ?? undefined))) return false;
  for (let k = from + 1; k <= to; k++)
    if (/^[\p{Lu}\d]/u.test(cellText(lower[k] ?? undefined))) return true;
  return false;
}

/**
 * A key's band or definition typed over a header ("1-2 Low risk", "L = Likelihood (1-4)") is no
 * group label, merged or not; year labels ("2025-26", "2025/26") are.
 */
const KEY_LINE = /^\d{1,2}\s*[-–]\s*\d{1,2}\s+\p{L}|^\S{1,3}\s*=\s*\S/u;

const NO_SPANS: MergeArea[] = [];
const spanCache = new WeakMap<SheetSnapshot, Map<number, MergeArea[]>>();

export function spansOf(sheet: SheetSnapshot, row: number): MergeArea[] {
  let rows = spanCache.get(sheet);
  if (!rows) spanCache.set(sheet, (rows = new Map()));
  let spans = rows.get(row);
  if (!spans) {
    spans = inferSpans(sheet, row);
    rows.set(row, spans.length > 0 ? spans : NO_SPANS);
  }
  return spans;
}

/** The merge at (row, column), or the span of a group label typed once over its columns. */
export function areaAt(sheet: SheetSnapshot, row: number, column: number): MergeArea | undefined {
  const index = mergeIndex(sheet);
  const merged = index.width.has(row) ? index.at.get(`${row},${column}`) : undefined;
  if (merged) return merged;
  const spans = spansOf(sheet, row);
  return spans.length === 0 ? undefined : spans.find((a) => a.left <= column && column <= a.right);
}

/** The cell a reader sees at (row, column): the merge's (or span's) top-left cell inside one. */
export function shownCell(sheet: SheetSnapshot, row: number, column: number): Cell | undefined {
  const area = areaAt(sheet, row, column);
  const r = area ? area.top : row;
  const c = area ? area.left : column;
  return sheet.rows[r]?.[c] ?? undefined;
}
