import { cellPositionOf } from "../a1";
import { cellText, type SheetSnapshot } from "../snapshot";
import { readHeaderBlock } from "./header-block";

/**
 * A second table kept beside the first, one or two blank columns away ("Directorate | 2025/26 £ |
 * 2026/27 £" summarising the register on its left), shares the first one's header row, and the
 * header runs that tolerate a skipped column read the two as one. A blank column between two
 * blocks of headers separates tables when the block after it is a table of its own (it starts
 * with a column naming its lines and holds columns of its own kind), or when an Excel table
 * starts or ends at the gap: an Excel table's columns are exactly its ref.
 */
export function splitAtSideTables(
  sheet: SheetSnapshot,
  row: number,
  runs: readonly { from: number; to: number }[],
  /** Whether from..to is a table of its own; `left` is the block before the gap, when asked of the block after it. */
  ownTable: (from: number, to: number, left?: { from: number; to: number }) => boolean,
): { from: number; to: number }[] {
  const split: { from: number; to: number }[] = [];
  for (const run of runs) {
    let from = run.from;
    for (let c = run.from + 1; c <= run.to; c++) {
      if (!isHeaderText(sheet, row, c) || isHeaderText(sheet, row, c - 1)) continue;
      // c starts a block of headers after a gap ending at c - 1.
      const gapStart = lastTextBefore(sheet, row, c) + 1;
      if (gapStart <= from) continue;
      if (
        excelEdgeAt(sheet, row, gapStart - 1, c) ||
        (ownTable(c, run.to, { from, to: gapStart - 1 }) && ownTable(from, gapStart - 1))
      ) {
        split.push({ from, to: gapStart - 1 });
        from = c;
      }
    }
    split.push({ from, to: run.to });
  }
  return split;
}

/** Only the entries of a column map that lie inside first..last (the table's own columns). */
export function columnsWithin<V>(
  columns: ReadonlyMap<number, V>,
  first: number,
  last: number,
): Map<number, V> {
  return new Map([...columns].filter(([c]) => c >= first && c <= last));
}

function isHeaderText(sheet: SheetSnapshot, row: number, column: number): boolean {
  return cellText(sheet.rows[row]?.[column] ?? undefined) !== "";
}

function lastTextBefore(sheet: SheetSnapshot, row: number, column: number): number {
  let c = column - 1;
  while (c >= 0 && !isHeaderText(sheet, row, c)) c--;
  return c;
}

/** An Excel table on the sheet whose header row is `row` ends at `left` or starts at `right`. */
function excelEdgeAt(sheet: SheetSnapshot, row: number, left: number, right: number): boolean {
  return (sheet.tables ?? []).some(
    (t) =>
      t.firstRow <= row + 2 &&
      t.firstRow >= row &&
      (t.lastColumn === left || t.firstColumn === right),
  );
}

/** Rows looked at under a block's first column to tell a column of labels. */
const LABEL_ROWS = 6;

/** The header words of columns from..to of a row, lower case (merged cells read once). */
function headerWords(sheet: SheetSnapshot, row: number, from: number, to: number): Set<string> {
  const words = new Set<string>();
  for (let c = from; c <= to; c++) {
    const text = cellText(sheet.rows[row]?.[c] ?? undefined).toLowerCase();
    if (text) words.add(text.replace(/\s+/g, " "));
  }
  return words;
}

/** True when the column under the header holds labels (text) rather than figures. */
function holdsLabels(sheet: SheetSnapshot, row: number, column: number): boolean {
  let texts = 0;
  let figures = 0;
  for (let r = row + 1; r < sheet.rows.length && texts + figures < LABEL_ROWS; r++) {
    const cell = sheet.rows[r]?.[column];
    if (typeof cell?.value === "number" || cell?.formula) figures++;
    else if (cellText(cell ?? undefined)) texts++;
  }
  return texts > figures;
}

/**
 * Header runs of any kind's table split where a second table stands beside it, one or two blank
 * columns away (a key "Score | Rating" beside a register, a summary "Directorate | Budget |
 * Forecast" beside the lines): the block after the gap opens with a column of labels and repeats
 * a heading of the block before it, or an Excel table starts or ends at the gap. A blank spacer
 * column inside a register, with the header carrying on over figures, does not split it; nor
 * does a gap under a merged group label (its hidden cells read as blank). A title typed in a
 * register's group-label row beside it ("Risk matrix" over a key of figures) splits off too: the
 * register's header block carries on in the row below while the block after the gap already
 * holds figures there, so the two cannot share a header.
 */
export function splitBesideTables(
  sheet: SheetSnapshot,
  row: number,
  runs: readonly { from: number; to: number }[],
): { from: number; to: number }[] {
  const merged = new Set(sheet.merges.length === 0 ? [] : mergedColumns(sheet, row));
  return splitAtSideTables(sheet, row, runs, (from, to, left) => {
    // The block before the gap may open with a header merged down ("Ref" over two rows): only
    // the block after the gap is asked whether it starts inside a merge.
    if (!left) return true;
    if (merged.has(from - 1) || merged.has(from)) return false;
    for (let c = left.to + 1; c < from; c++) if (holdsDataUnder(sheet, row, c)) return false;
    if (figuresUnderHeaderBlock(sheet, row, left, from, to)) return true;
    if (!holdsLabels(sheet, row, from)) return false;
    const before = headerWords(sheet, row, left.from, left.to);
    return [...headerWords(sheet, row, from, to)].some((w) => before.has(w));
  });
}

/**
 * A column holds data under the header row `row`, in most of the rows looked at: under a blank
 * header cell it is a column of the table whose header was left blank (a risk's description), not
 * a gap between tables.
 */
export function holdsDataUnder(sheet: SheetSnapshot, row: number, column: number): boolean {
  let filled = 0;
  let looked = 0;
  for (let r = row + 1; r < sheet.rows.length && looked < LABEL_ROWS; r++, looked++)
    if (cellText(sheet.rows[r]?.[column] ?? undefined)) filled++;
  return filled >= 2 && filled * 2 > looked;
}

/** The block before the gap has a header row under `row` where from..to already holds figures. */
function figuresUnderHeaderBlock(
  sheet: SheetSnapshot,
  row: number,
  left: { from: number; to: number },
  from: number,
  to: number,
): boolean {
  const next = sheet.rows[row + 1] ?? [];
  let figures = false;
  for (let c = from; c <= to && !figures; c++) {
    const cell = next[c];
    figures = typeof cell?.value === "number" || Boolean(cell?.formula);
  }
  return figures && readHeaderBlock(sheet, row, left.from, left.to).bottom > row;
}

/** Columns of `row` inside a merged area (a group label's hidden cells). */
function mergedColumns(sheet: SheetSnapshot, row: number): number[] {
  const columns: number[] = [];
  for (const text of sheet.merges) {
    const [a, b] = text.split(":");
    const from = cellPositionOf(a ?? "");
    const to = cellPositionOf(b ?? a ?? "");
    if (!from || !to || row < from.row || row > to.row) continue;
    for (let c = from.column; c <= to.column; c++) columns.push(c);
  }
  return columns;
}
