import { cellText, type SheetSnapshot } from "../snapshot";

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
  ownTable: (from: number, to: number) => boolean,
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
        (ownTable(c, run.to) && ownTable(from, gapStart - 1))
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
