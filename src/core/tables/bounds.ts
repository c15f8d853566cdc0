import { columnLetter, rangeAddress, reportRow, type A1Range, type ReportRow } from "../a1";
import { cellText, isEmptyCell, type Cell, type SheetSnapshot } from "../snapshot";
import { excelTableFor } from "./excel-tables";
import { ragRuleRow } from "./rag-rule";

/** Where a table sits on its sheet (0-based): what every kind of table has in common. */
export interface TableBounds {
  sheet: string;
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
  /** Rows holding data, in order; blank separator rows are left out. */
  dataRows: number[];
  /** The last data row, or the header row when there is no data. */
  lastRow: number;
}

/**
 * Generic table geometry shared by every table kind: how far a header row reaches, and where the
 * data under it ends.
 */

const isText = (cell: Cell | null | undefined) =>
  typeof cell?.value === "string" && cell.value.trim() !== "";

/** The run of header text around the recognised columns; a number or a gap ends it. */
export function headerSpan(
  sheet: SheetSnapshot,
  row: number,
  recognised: readonly number[],
): { first: number; last: number } {
  const cells = sheet.rows[row] ?? [];
  let first = Math.min(...recognised);
  let last = Math.max(...recognised);
  while (first > 0 && isText(cells[first - 1])) first--;
  while (last + 1 < cells.length && isText(cells[last + 1])) last++;
  return { first, last };
}

/**
 * Runs of text cells in a row, the candidate headers. A header names its columns, so a number
 * ends a run: a stray figure beside a header never makes the header look like data. Up to
 * `maxGap` empty cells may sit inside a run (funding headers often skip a column).
 */
export function textRuns(
  sheet: SheetSnapshot,
  row: number,
  maxGap = 0,
): { from: number; to: number }[] {
  const cells = sheet.rows[row] ?? [];
  const runs: { from: number; to: number }[] = [];
  let open = false;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (!isText(cell)) {
      if (!isEmptyCell(cell ?? undefined)) open = false;
      continue;
    }
    const last = runs[runs.length - 1];
    if (open && last && last.to >= c - 1 - maxGap) last.to = c;
    else runs.push({ from: c, to: c });
    open = true;
  }
  return runs;
}

export function rowIsBlank(
  sheet: SheetSnapshot,
  row: number,
  first: number,
  last: number,
): boolean {
  const cells = sheet.rows[row];
  if (!cells) return true;
  for (let c = first; c <= last && c < cells.length; c++) {
    if (!isEmptyCell(cells[c] ?? undefined)) return false;
  }
  return true;
}

/** The first non-empty text in the row's span, used to spot legends and section headings. */
export function leadingText(
  sheet: SheetSnapshot,
  row: number,
  first: number,
  last: number,
): string {
  const cells = sheet.rows[row] ?? [];
  for (let c = first; c <= last && c < cells.length; c++) {
    const text = cellText(cells[c] ?? undefined);
    if (text) return text;
  }
  return "";
}

export interface Extent {
  /** Rows holding data, in order; blank separator rows are left out. */
  dataRows: number[];
  /** The last data row, or the header row when there is no data. */
  lastRow: number;
}

/** Blank rows looked past for a table that carries on (`resumes`): a page's worth of spacing. */
const MAX_GAP_ROWS = 5;

/**
 * Walks down from the header. A single blank row (or any number of hidden ones) may sit inside a
 * table; two visible blank rows in a row, a row `stops` accepts (a legend, a new header), or a row
 * stating a RAG rule across its cells (rag-rule.ts) end it
 * — unless the kind says the first filled row after the gap (up to five blank rows) carries the
 * same table on (`resumes`: a register's next section under its heading).
 */
export function tableExtent(
  sheet: SheetSnapshot,
  headerRow: number,
  first: number,
  last: number,
  stops: (row: number) => boolean,
  resumes?: (row: number) => boolean,
): Extent {
  const hidden = new Set(sheet.hiddenRows);
  const dataRows: number[] = [];
  let blanks = 0;
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    if (rowIsBlank(sheet, r, first, last)) {
      if (hidden.has(r) || ++blanks < 2) continue;
      let next = r + 1;
      while (next <= r + MAX_GAP_ROWS - 2 && rowIsBlank(sheet, next, first, last)) next++;
      if (!resumes || next >= sheet.rows.length || !resumes(next)) break;
      r = next - 1;
      blanks = 0;
      continue;
    }
    // A RAG rule written along a row under the table is the sheet's rule, never a line of it.
    if (stops(r) || ragRuleRow(sheet, r)) break;
    blanks = 0;
    dataRows.push(r);
  }
  return { dataRows, lastRow: dataRows[dataRows.length - 1] ?? headerRow };
}

/** Header rows name columns; a row with a number anywhere in the span is data. Cheap, so it runs first. */
export function holdsNumber(
  sheet: SheetSnapshot,
  row: number,
  first: number,
  last: number,
): boolean {
  const cells = sheet.rows[row];
  if (!cells) return false;
  for (let c = first; c <= last && c < cells.length; c++)
    if (typeof cells[c]?.value === "number") return true;
  return false;
}

/**
 * The bounds of the table whose header is at `headerRow`, spanning `first` to `last`. Where the
 * table is kept as an Excel table, that table's own bounds are taken: its header row, its columns,
 * and every row down to its last (totals row included), blank lines inside it skipped.
 */
export function tableBounds(
  sheet: SheetSnapshot,
  headerRow: number,
  first: number,
  last: number,
  extent: { dataRows: number[]; lastRow: number },
): TableBounds {
  const found = sheet.tables ? excelTableFor(sheet, headerRow, first, last) : undefined;
  // Only a table whose own rows reach into the Excel table's body is that table: a header found
  // above it whose rows were stopped (by rows another kind took) is not.
  const excel =
    found && extent.dataRows.some((r) => r > found.firstRow && r <= found.lastRow)
      ? found
      : undefined;
  if (excel) {
    const header = excel.showHeaders ? excel.firstRow : headerRow;
    const dataRows: number[] = [];
    for (let r = Math.max(header + 1, excel.firstRow); r <= excel.lastRow; r++)
      if (!rowIsBlank(sheet, r, excel.firstColumn, excel.lastColumn)) dataRows.push(r);
    return {
      sheet: sheet.name,
      headerRow: header,
      firstColumn: excel.firstColumn,
      lastColumn: excel.lastColumn,
      dataRows,
      lastRow: dataRows[dataRows.length - 1] ?? header,
    };
  }
  return {
    sheet: sheet.name,
    headerRow,
    firstColumn: first,
    lastColumn: last,
    dataRows: extent.dataRows,
    lastRow: extent.lastRow,
  };
}

/**
 * Every table on a sheet whose header `match` recognises (a map of field → column), top to
 * bottom: its span, and its data down to a blank pair, a row `stops` accepts, or the next header.
 * Rows in `taken` belong to tables of another kind and are passed over.
 */
export function scanTables<C extends Partial<Record<string, number>>>(
  sheet: SheetSnapshot,
  taken: ReadonlySet<number>,
  match: (row: number) => C | null,
  stops: (row: number, first: number, last: number) => boolean = () => false,
): (TableBounds & { columns: C })[] {
  const tables: (TableBounds & { columns: C })[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    if (taken.has(r) || stops(r, 0, (sheet.rows[r]?.length ?? 1) - 1)) continue;
    const columns = match(r);
    if (!columns) continue;
    const recognised = Object.values(columns).filter((c): c is number => c !== undefined);
    const { first, last } = headerSpan(sheet, r, recognised);
    const extent = tableExtent(
      sheet,
      r,
      first,
      last,
      (row) => taken.has(row) || stops(row, first, last) || match(row) !== null,
    );
    const bounds = tableBounds(sheet, r, first, last, extent);
    tables.push({ ...bounds, columns });
    r = Math.max(extent.lastRow, bounds.lastRow);
  }
  return tables;
}

/** Where a table is, as every table report states it: 1-based header row, A1 range, data rows. */
export function placement(t: TableBounds): {
  sheet: string;
  range: A1Range;
  headerRow: ReportRow;
  rows: number;
} {
  return {
    sheet: t.sheet,
    range: rangeAddress(t.headerRow, t.firstColumn, t.lastRow, t.lastColumn),
    headerRow: reportRow(t.headerRow),
    rows: t.dataRows.length,
  };
}

/** Field → column index, as field → column letter for reports. */
export function columnLetters(columns: object): Record<string, string> {
  const letters: Record<string, string> = {};
  for (const [field, column] of Object.entries(columns) as [string, unknown][])
    if (typeof column === "number") letters[field] = columnLetter(column);
  return letters;
}
