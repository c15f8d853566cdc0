import { isEmptyCell, type SheetSnapshot } from "../snapshot";
import {
  headerSpan,
  holdsNumber,
  leadingText,
  rowIsBlank,
  tableBounds,
  tableExtent,
  textRuns,
  type Extent,
  type TableBounds,
} from "../tables/bounds";
import { withoutFootnotes } from "../tables/footnotes";
import { parseMoney } from "../values";
import { LEGEND_MARKER } from "../tables/keys";
import { classifyFundingHeader, type FundingColumn } from "../tables/funding-columns";
import { headerRuns, readWidenedHeaderBlock } from "../tables/header-block";
import { parseYearLabel } from "../tables/years";
import { classifyGrantHeaders, grantColumns } from "./grants";
import { columnsWithin, splitAtSideTables } from "../tables/side-tables";
import { withRowTotalColumn } from "./row-total-column";
import { withUnnamedLabelColumn } from "./label-column";

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
  const texts = new Map<number, string>();
  for (let c = from; c <= to && c < cells.length; c++) {
    const value = cells[c]?.value;
    if (typeof value === "string" && value.trim()) texts.set(c, value.trim());
  }
  const grants = classifyGrantHeaders(texts, classifyFundingHeader);
  // Award / paid / balance with no year in any header is a grants register, even where the
  // title names a year that would make "Amount awarded" that year's money.
  if (grants && ![...columns.values()].some((r) => r.role === "money")) return { columns: grants };
  yearFromTitle(
    sheet,
    row,
    columns,
    [...texts.values()].some((t) => DECISION_LOG.test(t)),
  );
  if (enoughColumns(columns)) return { columns };
  return grants ? { columns: grants } : null;
}

/**
 * A single-year sheet names its year once, in the title ("Better Care Fund 2025-26 Planning
 * Template") or the sheet name, and heads its money "Income (£)". Yearless money columns take
 * that year when the title names exactly one; otherwise they are not read as money at all, and a
 * yearless amount beside year columns is left alone (it is not one of the years).
 */
function yearFromTitle(
  sheet: SheetSnapshot,
  row: number,
  columns: Map<number, FundingColumn>,
  decisionsLog: boolean,
) {
  const amounts = [...columns].filter(([, role]) => role.role === "amount").map(([c]) => c);
  if (amounts.length === 0) return;
  const hasYears = [...columns.values()].some((r) => r.role === "money");
  const year = hasYears || decisionsLog ? null : titleYear(sheet, row);
  for (const column of amounts) {
    if (year) columns.set(column, { role: "money", year, source: null, total: false });
    else columns.delete(column);
  }
}

/**
 * Headers of a decisions log ("Reference | Date | Decision | Decision maker | Amount"): its
 * amount is what each decision approved, not a year's funding, whatever year its title names
 * ("Decisions 2025/26").
 */
const DECISION_LOG =
  /^(decision|decisions|decision maker|decision taker|decided by|key decision)$/i;

const TITLE_ROWS = 6;

/** The one financial year the title rows above a header (or the sheet's name) state, if any. */
export function titleYear(sheet: SheetSnapshot, headerRow: number): string | null {
  const years = new Set<string>();
  const note = (text: string) => {
    const parsed = parseYearLabel(text);
    if (parsed?.label.kind === "year") years.add(parsed.label.year);
  };
  for (let r = Math.max(0, headerRow - TITLE_ROWS); r < headerRow; r++)
    for (const cell of sheet.rows[r] ?? [])
      if (typeof cell?.value === "string" && cell.value.length <= 120) note(cell.value);
  if (years.size === 0) note(sheet.name);
  return years.size === 1 ? ([...years][0] ?? null) : null;
}

function enoughColumns(columns: Map<number, FundingColumn>): boolean {
  const roles = [...columns.values()];
  const years = roles.filter((r) => r.role === "money" || r.role === "ambiguous-year").length;
  const labelled = roles.some((r) => r.role === "label" || r.role === "source" || r.role === "ref");
  return years >= 2 || (years === 1 && labelled);
}

/** "£500,000", "£1.2m": a sum of money, not a unit ("£'000", "£000", "£m"). */
const AMOUNT_OF_MONEY = /£\s*[1-9]/;

/**
 * A title line stating a sum ("Key decision threshold 2024/25 £500,000", often merged across the
 * table) is a title, not a year grouped over the columns under it: one text cell with money
 * above a table is not a header row.
 */
function statesAnAmount(sheet: SheetSnapshot, row: number, from: number, to: number): boolean {
  const texts = (sheet.rows[row] ?? [])
    .slice(from, to + 1)
    .filter((cell) => !isEmptyCell(cell ?? undefined));
  const only = texts.length === 1 ? texts[0]?.value : null;
  return typeof only === "string" && AMOUNT_OF_MONEY.test(only);
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
  if (holdsNumber(sheet, row, from, to) || statesAnAmount(sheet, row, from, to)) return null;
  const block = readWidenedHeaderBlock(sheet, row, from, to);
  if (block.bottom === row) return null;
  const columns = new Map<number, FundingColumn>();
  for (const column of block.columns) {
    const text = column.group ? `${column.group} ${column.text}` : column.text;
    const role = classifyFundingHeader(text);
    if (role) columns.set(column.column, role);
  }
  yearFromTitle(
    sheet,
    row,
    columns,
    block.columns.some((c) => DECISION_LOG.test(c.text.trim())),
  );
  if (!enoughColumns(columns)) return null;
  const named = new Set(block.columns.map((c) => c.column));
  let first = Math.min(...columns.keys());
  let last = Math.max(...columns.keys());
  while (named.has(first - 1)) first--;
  while (named.has(last + 1)) last++;
  return { columns, bottom: block.bottom, first, last };
}

/**
 * Which funding table this is, by the columns that name its lines (those left of its money;
 * "Notes" or "Grant officer" after the money describe lines, they do not key them):
 * - `funding-sources`: lines are the sources themselves (a Source column and money by year);
 * - `allocations`: a long table whose lines name what is funded and, in a Source column, from
 *   which source (one source per line, so a scheme may take several lines);
 * - `funding`: money by year per line with no Source column — a wide plan with source × year
 *   columns ("2025/26" over "UKSPF £ | Council match £"), or a register of grants.
 */
/** The kind, with a sources sheet's own allocated/difference columns kept only on a sources table. */
function kindAndColumns(columns: Map<number, FundingColumn>): {
  kind: FundingKind;
  columns: Map<number, FundingColumn>;
} {
  // A grants register (award, paid, balance) is money by grant: a funding table, whatever
  // names its lines; its balance column is its own, not a sources sheet's difference.
  if (grantColumns(columns)) return { kind: "funding", columns };
  const kind = kindOf(columns);
  if (kind === "funding-sources") return { kind, columns };
  const kept = new Map(
    [...columns].filter(([, r]) => r.role !== "allocated" && r.role !== "difference"),
  );
  return { kind, columns: kept };
}

function kindOf(columns: Map<number, FundingColumn>): FundingKind {
  const entries = [...columns.entries()];
  if (entries.some(([, r]) => r.role === "money" && r.source !== null)) return "funding";
  const money = entries.filter(([, r]) => r.role === "money").map(([c]) => c);
  const firstMoney = money.length > 0 ? Math.min(...money) : Infinity;
  const keys = entries.filter(([c]) => c < firstMoney).map(([, r]) => r.role);
  const source = keys.includes("source");
  if (source && (keys.includes("label") || keys.includes("ref"))) return "allocations";
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
    for (const block of splitAtSideTables(
      sheet,
      r,
      textRuns(sheet, r, 2),
      fundingOfItsOwn(sheet, r),
    )) {
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
      const bounds = tableBounds(sheet, r, first, last, endAtFootnote(sheet, extent, first, last));
      // A header with no line under it (a title merged over the years) is no table.
      if (bounds.dataRows.length === 0) continue;
      tables.push({ ...kindAndColumns(ownColumns(sheet, header.columns, bounds)), ...bounds });
      r = extent.lastRow;
      break;
    }
  }
  return tables;
}

/** The table's own columns (inside its bounds), its unnamed row-total column read by its sums. */
function ownColumns(
  sheet: SheetSnapshot,
  columns: Map<number, FundingColumn>,
  bounds: TableBounds,
): Map<number, FundingColumn> {
  const own = columnsWithin(columns, bounds.firstColumn, bounds.lastColumn);
  const named = withUnnamedLabelColumn(sheet, own, bounds);
  return withRowTotalColumn(sheet, named, bounds.firstColumn, bounds.lastColumn, bounds.dataRows);
}

/**
 * A block of headers that is a funding table of its own: its first column names its lines (it is
 * not a year or a total) and the block reads as a funding header by itself.
 */
function fundingOfItsOwn(sheet: SheetSnapshot, row: number) {
  return (from: number, to: number): boolean => {
    const first = sheet.rows[row]?.[from]?.value;
    const role = typeof first === "string" ? classifyFundingHeader(first.trim()) : null;
    if (role && role.role !== "label" && role.role !== "ref" && role.role !== "source")
      return false;
    return matchFundingHeader(sheet, row, from, to) !== null;
  };
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

/** A funding table ends at a note under its last figures (tables/footnotes.ts). */
function endAtFootnote(sheet: SheetSnapshot, extent: Extent, first: number, last: number): Extent {
  return withoutFootnotes(sheet, extent, first, last, (row) => {
    const cells = sheet.rows[row] ?? [];
    for (let c = first; c <= last && c < cells.length; c++) {
      const kind = parseMoney(cells[c]?.value ?? null).kind;
      if (kind === "number" || kind === "unconfirmed") return true;
    }
    return false;
  });
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
    const bounds = tableBounds(sheet, row, first, last, endAtFootnote(sheet, extent, first, last));
    if (bounds.dataRows.length === 0) continue;
    return {
      ...kindAndColumns(ownColumns(sheet, header.columns, bounds)),
      ...bounds,
      headerRows: Array.from({ length: header.bottom - row + 1 }, (_, k) => row + k),
    };
  }
  return null;
}
