import { cellText, isEmptyCell, type Cell, type SheetSnapshot } from "../snapshot";
import { parseMoney, parseScaleValue } from "../values";
import { areaAt, mergeIndex, shownCell, spansOf, type MergeArea } from "./header-spans";
import { isCountWord, unitOf } from "./header-units";
import {
  datesUnderGroup,
  isDateHeading,
  isValueWord,
  namedAbove,
  namesColumnsApart,
} from "./header-words";

/**
 * Header blocks: councils' headers span one to three rows. A group label merged across columns
 * ("Residual risk" over Likelihood | Impact | Score), single headers merged down over the block
 * ("Ref"), words stacked over rows in separate cells ("Date of" / "next" / "review") and a units row
 * ("£'000", "%") all belong to the header. Every column gets one composite name that the table
 * kinds classify: its group (from a merge wider than the column, or a label typed once over
 * blank cells above sub-headers: the same reading whether or not the merges are known) and its
 * own words.
 *
 * Shared geometry for every table kind: nothing here knows about risks or money.
 */

export interface HeaderColumn {
  column: number;
  /** Group labels over the column (merges or typed spans wider than it): "Residual risk". */
  group: string | null;
  /** The column's own words, stacked rows joined: "Date of next review". */
  text: string;
  /** The unit stated in a units row, when there is one: "£'000". */
  unit: string | null;
}

export interface HeaderBlock {
  /** First and last header rows (0-based). */
  top: number;
  bottom: number;
  /** Columns from..to with any header text, left to right. */
  columns: HeaderColumn[];
}

const isText = (cell: Cell | undefined) =>
  typeof cell?.value === "string" && cell.value.trim() !== "" && !cell.formula;

/** True when a cell holds a number, a boolean, a formula or an error: data, not a header. */
function isData(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (cell.formula || cell.error) return true;
  return typeof cell.value === "number" || typeof cell.value === "boolean";
}

/**
 * Whether `next` continues the header block `rows` in columns from..to: no data in it, some text,
 * and a sign that it is header — a merge reaching down into it, a group label merged above its
 * text, a units row, or short stacked words with the first column left empty.
 */
function continuesHeader(
  sheet: SheetSnapshot,
  rows: readonly number[],
  next: number,
  from: number,
  to: number,
): boolean {
  const merges = mergeIndex(sheet).at;
  const previous = rows[rows.length - 1] ?? next - 1;
  let texts = 0;
  let short = true;
  let units = true;
  let evidence = false;
  // Month dates under "Actual" | "Forecast" merged over them head their columns.
  const dated = datesUnderGroup(sheet, previous, next, from, to);
  for (let c = from; c <= to; c++) {
    const own = sheet.rows[next]?.[c] ?? undefined;
    const area = merges.get(`${next},${c}`);
    if (area && area.top < next && area.top >= rows[0]!) evidence = true;
    if (area && area.top < next) continue;
    if (dated && isDateHeading(own)) {
      texts++;
      continue;
    }
    if (isData(own)) return false;
    if (!isText(own)) continue;
    texts++;
    const text = cellText(own);
    // A rating or a yes under a column the block has already named is a line's ("Medium" under
    // "Likelihood"), however the cells above are spread: a line, never a header row. Under a
    // rating word itself ("Amber" under "Red") it is a key listed beside the header, not a line.
    const ratedAbove = isValueWord(cellText(sheet.rows[previous]?.[c] ?? undefined));
    if (isValueWord(text) && !ratedAbove && namedAbove(sheet, rows, c)) return false;
    if (text.length > 30) short = false;
    if (!unitOf(text)) units = false;
    const above = areaAt(sheet, previous, c);
    if (above && above.right > above.left) evidence = true;
  }
  if (texts === 0) return false;
  if (evidence || units || dated) return true;
  const lead = sheet.rows[next]?.[from] ?? undefined;
  if (short && !isText(lead) && !isData(lead)) return true;
  return (
    carriesWordsOn(sheet, previous, next, from, to) ||
    namesColumnsApart(sheet, previous, next, from, to)
  );
}

/**
 * Words carried on from the row above, each under a header word of its own ("Cost" / "centre",
 * "Latest" / "budget", "Commit-" / "ments", "Variance" / "Under/" / "(Over)"), even with the first
 * column filled: two or more short texts, most of those under text beginning in lower case, a
 * bracket or a figure — a data row's words begin with capitals. Beside them a heading may start in
 * this row under a blank cell ("Annual" / "budget" then "Actual", "2025/26"): it begins with a
 * capital or a year.
 */
function carriesWordsOn(
  sheet: SheetSnapshot,
  previous: number,
  next: number,
  from: number,
  to: number,
): boolean {
  let under = 0;
  let carried = 0;
  let own = 0;
  for (let c = from; c <= to; c++) {
    const cell = sheet.rows[next]?.[c] ?? undefined;
    if (!isText(cell)) continue;
    const text = cellText(cell);
    if (text.length > 20) return false;
    // "tbc", "n/a", "£250,000" typed as text: amounts of a data row, not header words; so are
    // ratings with their words ("1 - Rare", "Likely (4)"), a key's rows under its headings.
    if (parseMoney(text).kind !== "text" || ratedWord(text)) return false;
    if (!isText(sheet.rows[previous]?.[c] ?? undefined)) {
      if (!/^(?:\p{Lu}|(?:19|20)\d{2}\b)/u.test(text)) return false;
      own++;
      continue;
    }
    under++;
    if (/^[\p{Ll}(\d/]/u.test(text)) carried++;
  }
  return under + own >= 2 && carried * 2 > under;
}

function ratedWord(text: string): boolean {
  const parsed = parseScaleValue(text);
  return parsed.kind === "number" && /^\p{Lu}/u.test(parsed.label ?? "");
}

/** A row of units and scale notes only ("£'000", "(1-5)"), at least one of them, no data. */
function unitsRow(sheet: SheetSnapshot, row: number, from: number, to: number): boolean {
  let units = 0;
  for (let c = from; c <= to; c++) {
    const cell = sheet.rows[row]?.[c] ?? undefined;
    if (isEmptyCell(cell)) continue;
    if (!isText(cell) || !unitOf(cellText(cell))) return false;
    units++;
  }
  return units > 0;
}

/**
 * The header block whose top row is `top`, over columns from..to: up to `maxRows` rows, each
 * below the top one only if it continues the header.
 */
export function readHeaderBlock(
  sheet: SheetSnapshot,
  top: number,
  from: number,
  to: number,
  maxRows = 3,
): HeaderBlock {
  const rows = [top];
  for (let next = top + 1; next < sheet.rows.length; next++) {
    // A units row ("(1-5)", "£'000") under a full block of words is still header: it may be
    // the block's fourth row.
    if (rows.length >= maxRows && !(rows.length === maxRows && unitsRow(sheet, next, from, to)))
      break;
    if (!continuesHeader(sheet, rows, next, from, to)) break;
    rows.push(next);
  }
  const bottom = rows[rows.length - 1] ?? top;
  // "No." is a count's unit in a row of units, a word of the name among header words ("Risk No.").
  const unitRows = new Set(rows.filter((r) => unitsRow(sheet, r, from, to)));
  const columns: HeaderColumn[] = [];
  for (let c = from; c <= to; c++) {
    const groups: string[] = [];
    const words: string[] = [];
    let unit: string | null = null;
    let seen: MergeArea | null = null;
    for (const r of rows) {
      // A label typed over blank cells spans them only over sub-headers; under the block's last
      // row lie data, so there it is a column's own word ("Likeli-" / "hood" over "4 - Likely").
      const area =
        r === bottom && bottom > top ? mergeIndex(sheet).at.get(`${r},${c}`) : areaAt(sheet, r, c);
      if (area && area === seen) continue;
      seen = area ?? null;
      const text = cellText(
        (area ? sheet.rows[area.top]?.[area.left] : sheet.rows[r]?.[c]) ?? undefined,
      );
      if (!text) continue;
      const stated = unitOf(text);
      if (stated && r !== top && (unitRows.has(r) || !isCountWord(stated))) unit = stated;
      else if (area && area.right > area.left) groups.push(text);
      else words.push(text);
    }
    const text = joinStacked(words);
    const group = groups.join(" › ");
    // A unit alone ("%" under a blank cell beside "Variance") still heads its column.
    if (!text && !group) {
      if (unit) columns.push({ column: c, group: null, text: unit, unit });
      continue;
    }
    columns.push(
      text
        ? { column: c, group: group || null, text, unit }
        : { column: c, group: null, text: group, unit },
    );
  }
  return { top, bottom, columns };
}

/**
 * A column's stacked words as one name. A word broken over two rows with a hyphen ("Likeli-" /
 * "hood", "Commit-" / "ments") is one word again; a break without a hyphen ("Likeli" / "hood")
 * stays two words here, and the kind's field matching joins it where that makes a header word.
 */
function joinStacked(words: readonly string[]): string {
  return words
    .join("\n")
    .replace(/(\p{L})-[ \t]*\n[ \t]*(?=\p{Ll})/gu, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The header block at `row`, widened over the header rows below it: group labels above a table's
 * own header cover only some columns, and a column headed in a lower row only (a total or
 * variance added beside the groups, "Review" / "date" stacked under a blank group-row cell, a
 * heading typed in the block's last row alone) is the table's too: every column with header
 * text in any row of the block. The rows under the top one say how wide the table is. A run in
 * the row under the block widens it only when, read over the wider columns, that row is header.
 */
export function readWidenedHeaderBlock(
  sheet: SheetSnapshot,
  row: number,
  from: number,
  to: number,
): HeaderBlock {
  let block = readHeaderBlock(sheet, row, from, to);
  let span = { first: from, last: to };
  const moved = (w: typeof span) => w.first !== span.first || w.last !== span.last;
  // Each widening may bring in the row under the block: three header rows at most.
  for (let pass = 0; pass < 3; pass++) {
    const inside = widenedOver(sheet, row, row + 1, block.bottom, span);
    // A row of figures under the block is data, never header: not worth reading for runs.
    const next = block.bottom + 1;
    const below =
      moved(inside) || dataIn(sheet, next, span.first, span.last)
        ? inside
        : widenedOver(sheet, row, next, next, span);
    if (!moved(below)) break;
    const read = readHeaderBlock(sheet, row, below.first, below.last);
    // Figures under the wider columns would end the block early: those columns are not ours;
    // the row under the block widens it only when it is then read as header.
    const kept = below === inside ? read.bottom >= block.bottom : read.bottom > block.bottom;
    if (!kept) break;
    span = below;
    block = read;
  }
  return block;
}

function dataIn(sheet: SheetSnapshot, row: number, from: number, to: number): boolean {
  const cells = sheet.rows[row];
  if (!cells) return true;
  for (let c = from; c <= to && c < cells.length; c++)
    if (isData(cells[c] ?? undefined)) return true;
  return false;
}

/**
 * The span widened over the header runs of rows from..through that overlap or touch it, never
 * past a figure in the block's top row (`top`): a header's top row holds no data.
 */
function widenedOver(
  sheet: SheetSnapshot,
  top: number,
  from: number,
  through: number,
  span: { first: number; last: number },
): { first: number; last: number } {
  let { first, last } = span;
  for (let r = from; r <= through && r < sheet.rows.length; r++)
    for (const run of headerRuns(sheet, r))
      if (run.to >= first - 1 && run.from <= last + 1) {
        first = Math.min(first, run.from);
        last = Math.max(last, run.to);
      }
  const figure = (c: number) => isData(sheet.rows[top]?.[c] ?? undefined);
  let left = span.first;
  while (left > first && !figure(left - 1)) left--;
  let right = span.last;
  while (right < last && !figure(right + 1)) right++;
  return { first: left, last: right };
}

/** The composite name of a header column: "Residual risk › Likelihood". */
export function compositeName(column: HeaderColumn): string {
  return column.group ? `${column.group} › ${column.text}` : column.text;
}

/**
 * Runs of header text in a row, reading a merged cell as text over its whole width, so that a
 * group label merged over sub-headers is one run. One blank spacer column may sit inside a run; a
 * number (or other data) ends it.
 */
export function headerRuns(sheet: SheetSnapshot, row: number): { from: number; to: number }[] {
  const cells = sheet.rows[row] ?? [];
  const runs: { from: number; to: number }[] = [];
  let open = false;
  const spans = spansOf(sheet, row);
  const width = Math.max(
    cells.length,
    mergeIndex(sheet).width.get(row) ?? 0,
    ...spans.map((a) => a.right + 1),
  );
  // Most rows hold neither a merge nor a span: read their cells directly (a million-cell sheet).
  const plain = spans.length === 0 && !mergeIndex(sheet).width.has(row);
  for (let c = 0; c < width; c++) {
    const cell = plain ? (cells[c] ?? undefined) : shownCell(sheet, row, c);
    if (isData(cell)) {
      open = false;
      continue;
    }
    if (!isText(cell)) continue;
    const last = runs[runs.length - 1];
    if (open && last && last.to >= c - 2) last.to = c;
    else runs.push({ from: c, to: c });
    open = true;
  }
  return runs;
}
