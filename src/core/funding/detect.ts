import { isEmptyCell, type SheetSnapshot } from "../snapshot";
import {
  headerSpan,
  holdsNumber,
  leadingText,
  rowIsBlank,
  tableBounds,
  tableExtent,
  textRuns,
  type TableBounds,
} from "../tables/bounds";
import { LEGEND_MARKER } from "../tables/keys";
import { classifyFundingHeader, type FundingColumn } from "../tables/funding-columns";
import { headerRuns, readHeaderBlock } from "../tables/header-block";

export type FundingKind = "funding" | "funding-sources" | "allocations";

/** A funding table: money by year (and by source), found on a sheet. Rows/columns 0-based. */
export interface FundingTable extends TableBounds {
  kind: FundingKind;
  columns: Map<number, FundingColumn>;
  /** Every header row (0-based) when the header is a block of rows (a year merged over sources). */
  headerRows?: number[];
}

interface HeaderMatch {
  columns: Map<number, FundingColumn>;
}

export function matchFundingHeader(
  sheet: SheetSnapshot,
  row: number,
  from: number,
  to: number,
): HeaderMatch | null {
  const cells = sheet.rows[row];
  if (!cells || holdsNumber(sheet, row, from, to)) return null;
  if (LEGEND_MARKER.test(leadingText(sheet, row, from, Math.min(to, cells.length - 1))))
    return null;
  const columns = new Map<number, FundingColumn>();
  for (let c = from; c <= to && c < cells.length; c++) {
    const cell = cells[c];
    // A header names columns; a row holding amounts is data, whatever its labels say.
    if (typeof cell?.value === "number") return null;
    if (!cell || typeof cell.value !== "string") continue;
    const column = classifyFundingHeader(cell.value.trim());
    if (column) columns.set(c, column);
  }
  const roles = [...columns.values()];
  const years = roles.filter((r) => r.role === "money" || r.role === "ambiguous-year").length;
  const labelled = roles.some((r) => r.role === "label" || r.role === "source" || r.role === "ref");
  return years >= 2 || (years === 1 && labelled) ? { columns } : null;
}

function enoughColumns(columns: Map<number, FundingColumn>): boolean {
  const roles = [...columns.values()];
  const years = roles.filter((r) => r.role === "money" || r.role === "ambiguous-year").length;
  const labelled = roles.some((r) => r.role === "label" || r.role === "source" || r.role === "ref");
  return years >= 2 || (years === 1 && labelled);
}

/**
 * A header of two or three rows: a year merged over source columns ("2025/26" over "PHG £ |
 * Council £ | Total £"), labels merged down over the block. Each column is read by its composite
 * name ("2025/26 PHG £"). Null when the header is a single row (the one-row reader handles it).
 */
function matchFundingBlock(
  sheet: SheetSnapshot,
  row: number,
  from: number,
  to: number,
): { columns: Map<number, FundingColumn>; bottom: number; first: number; last: number } | null {
  if (holdsNumber(sheet, row, from, to)) return null;
  const block = readHeaderBlock(sheet, row, from, to);
  if (block.bottom === row) return null;
  const columns = new Map<number, FundingColumn>();
  for (const column of block.columns) {
    const text = column.group ? `${column.group} ${column.text}` : column.text;
    const role = classifyFundingHeader(text);
    if (role) columns.set(column.column, role);
  }
  if (!enoughColumns(columns)) return null;
  const named = new Set(block.columns.map((c) => c.column));
  let first = Math.min(...columns.keys());
  let last = Math.max(...columns.keys());
  while (named.has(first - 1)) first--;
  while (named.has(last + 1)) last++;
  return { columns, bottom: block.bottom, first, last };
}

function kindOf(columns: Map<number, FundingColumn>): FundingKind {
  const roles = [...columns.values()];
  if (roles.some((r) => r.role === "money" && r.source !== null)) return "allocations";
  const source = roles.some((r) => r.role === "source");
  const label = roles.some((r) => r.role === "label");
  if (source && label) return "allocations";
  return source ? "funding-sources" : "funding";
}

/**
 * Every funding table on the sheet. `taken` holds rows already claimed by another kind of table
 * (a risk register), which are skipped.
 */
export function detectFundingTables(
  sheet: SheetSnapshot,
  taken: ReadonlySet<number>,
): FundingTable[] {
  const tables: FundingTable[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    if (taken.has(r)) continue;
    const wide = blockTable(sheet, r, taken);
    if (wide) {
      tables.push(wide);
      r = wide.lastRow;
      continue;
    }
    for (const block of textRuns(sheet, r, 2)) {
      const header = matchFundingHeader(sheet, r, block.from, block.to);
      if (!header) continue;
      const { first, last } = headerSpan(sheet, r, [...header.columns.keys()]);
      const extent = tableExtent(sheet, r, first, last, (row) => {
        if (taken.has(row)) return true;
        return (
          LEGEND_MARKER.test(leadingText(sheet, row, first, last)) ||
          matchFundingHeader(sheet, row, first, last) !== null ||
          titleOfNextTable(sheet, row, first, last)
        );
      });
      tables.push({
        kind: kindOf(header.columns),
        ...tableBounds(sheet, r, first, last, extent),
        columns: header.columns,
      });
      r = extent.lastRow;
      break;
    }
  }
  return tables;
}

/**
 * A lone title after a blank row with a table header right under it ("Allocations by service"
 * over the next table) belongs to that table, not to the one above it.
 */
function titleOfNextTable(sheet: SheetSnapshot, row: number, first: number, last: number): boolean {
  if (row === 0 || !rowIsBlank(sheet, row - 1, first, last)) return false;
  const cells = sheet.rows[row] ?? [];
  const filled = cells.filter((cell) => !isEmptyCell(cell ?? undefined));
  if (filled.length !== 1 || typeof filled[0]?.value !== "string") return false;
  const next = sheet.rows[row + 1] ?? [];
  return (
    matchFundingHeader(sheet, row + 1, 0, next.length - 1) !== null ||
    headerRuns(sheet, row + 1).some((run) => matchFundingBlock(sheet, row + 1, run.from, run.to))
  );
}

/** The table under a header block starting at `row`, if there is one. */
function blockTable(
  sheet: SheetSnapshot,
  row: number,
  taken: ReadonlySet<number>,
): FundingTable | null {
  for (const run of headerRuns(sheet, row)) {
    const header = matchFundingBlock(sheet, row, run.from, run.to);
    if (!header) continue;
    const { first, last } = header;
    const extent = tableExtent(sheet, header.bottom, first, last, (r) => {
      if (taken.has(r)) return true;
      return (
        LEGEND_MARKER.test(leadingText(sheet, r, first, last)) ||
        matchFundingHeader(sheet, r, first, last) !== null
      );
    });
    return {
      kind: kindOf(header.columns),
      ...tableBounds(sheet, row, first, last, extent),
      columns: header.columns,
      headerRows: Array.from({ length: header.bottom - row + 1 }, (_, k) => row + k),
    };
  }
  return null;
}
