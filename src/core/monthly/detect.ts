import { memoByText } from "../memo";
import { rowIsBlank, tableExtent, type TableBounds } from "../tables/bounds";
import { cellText, isEmptyCell, type Cell, type SheetSnapshot } from "../snapshot";
import { compositeName, readHeaderBlock, type HeaderColumn } from "../tables/header-block";
import { mergeIndex, shownCell } from "../tables/header-spans";
import { POUNDS, scaleOf, titleScale, type MoneyScale } from "../tables/scale";
import { monthRun, type MonthHeader } from "./months";
import { namesVarianceDirections } from "../tables/variance";
import { holdsText, ragColumnOf } from "../tables/money-columns";

/**
 * Monthly profiles: a row of consecutive month headers (real dates or month names) with the
 * council's own columns around them: a code and a description, a budget, a full-year total and a
 * variance. The header block may carry a row marking each month Actual or Forecast (above or below
 * the months) and a units row ("£000"); both are header, never data.
 */
export type MonthStatus = "Actual" | "Forecast";

export interface MonthColumn extends MonthHeader {
  column: number;
  status: MonthStatus | null;
}

export type MonthlyField =
  "costCentre" | "label" | "budget" | "fullYear" | "variance" | "variancePct" | "rag";

export interface MonthlyTable extends TableBounds {
  kind: "monthly-profile";
  /** Every header row, top to bottom (0-based); `headerRow` is the first. */
  headerRows: number[];
  months: MonthColumn[];
  columns: Partial<Record<MonthlyField, number>>;
  /** Each named column's composite header text, for messages: "Forecast variance £ Over/(Under)". */
  names: Map<number, string>;
  /** Text columns left of the figures that name a line (code, description). */
  labels: number[];
  scale: MoneyScale;
}

const STATUS = memoByText((text: string): MonthStatus | null => {
  const t = text.trim().toLowerCase();
  if (/^(actuals?|act\.?|a|outturn|spent)$/.test(t)) return "Actual";
  if (/^(forecasts?|fcst\.?|fc|f|projected|projection|estimate|est\.?)$/.test(t)) return "Forecast";
  return null;
});

/** Whether every month column of `row` says Actual or Forecast (merged labels count over their width). */
function statusRow(
  sheet: SheetSnapshot,
  row: number,
  months: readonly number[],
): (MonthStatus | null)[] | null {
  if (row < 0) return null;
  const statuses = months.map((c) => STATUS(cellText(shownCell(sheet, row, c))));
  return statuses.every((s) => s !== null) ? statuses : null;
}

const VARIANCE =
  /variance|^\s*var\.?(?:\s|$)|over\s*\/?\s*\(?\s*under|under\s*\/?\s*\(?\s*over|adverse|favourable/i;
const BUDGET = /budget|allocation/i;
const PREFERRED_BUDGET = /working|revised|current|latest/i;
const FULL_YEAR =
  /full[\s-]*year|^\s*total\b|\btotal\s*$|year[\s-]*(?:total|end)|annual|\boutturn\b|^\s*forecast\s*$|^\s*(?:fy|year)\b/i;
const CODE = /cost\s*cent(?:re|er)|\bcode\b|^\s*ref\.?\s*$|^\s*cc\s*$|account/i;

function isText(cell: Cell | undefined): boolean {
  return typeof cell?.value === "string" && cell.value.trim() !== "" && !cell.formula;
}

/** True when a column under the header holds more figures than words. */
function holdsFigures(sheet: SheetSnapshot, fromRow: number, column: number): boolean {
  let figures = 0;
  let words = 0;
  for (let r = fromRow; r < sheet.rows.length && figures + words < 12; r++) {
    const value = sheet.rows[r]?.[column]?.value;
    if (typeof value === "number") figures++;
    else if (typeof value === "string" && value.trim() !== "") words++;
  }
  return figures > words;
}

/** The columns beside the months: their roles from their header words. */
function classifyColumns(
  header: readonly HeaderColumn[],
  monthSet: ReadonlySet<number>,
  firstMonth: number,
  lastMonth: number,
  /** A column whose values are words is a label ("Budget line"), whatever its header says. */
  textColumn: (column: number) => boolean = () => false,
): { columns: Partial<Record<MonthlyField, number>>; names: Map<number, string> } {
  const columns: Partial<Record<MonthlyField, number>> = {};
  const names = new Map<number, string>();
  let budgetPreferred = false;
  for (const h of header) {
    if (monthSet.has(h.column)) continue;
    const name = compositeName(h);
    names.set(h.column, name);
    if (VARIANCE.test(name) || namesVarianceDirections(name)) {
      // "Variance %" is a ratio, checked as a share of the budget, not as money.
      const ratio = /%|percent|pct/i.test(name) ? "variancePct" : "variance";
      if (columns[ratio] === undefined) columns[ratio] = h.column;
    } else if (BUDGET.test(name) && !textColumn(h.column)) {
      const preferred = PREFERRED_BUDGET.test(name);
      if (columns.budget === undefined || (preferred && !budgetPreferred)) {
        columns.budget = h.column;
        budgetPreferred = preferred;
      }
    } else if (h.column > lastMonth && ragColumnOf(name) !== null) {
      // "Budget RAG" is the money's; a "Delivery RAG" rates the work and is left alone.
      if (columns.rag === undefined && ragColumnOf(name) === "money") columns.rag = h.column;
    } else if (h.column > lastMonth && FULL_YEAR.test(name)) {
      if (columns.fullYear === undefined) columns.fullYear = h.column;
    } else if (h.column < firstMonth && CODE.test(name)) {
      if (columns.costCentre === undefined) columns.costCentre = h.column;
    } else if (h.column < firstMonth && columns.label === undefined) {
      columns.label = h.column;
    }
  }
  return { columns, names };
}

/**
 * The header's reach: text (or months) next to each other either side of the month run, in any
 * header row, reading a merged cell as its label ("Outturn" merged down over both header rows).
 */
function headerReach(sheet: SheetSnapshot, rows: readonly number[], first: number, last: number) {
  const merges = mergeIndex(sheet).width;
  const width = Math.max(
    ...rows.map((r) => Math.max(sheet.rows[r]?.length ?? 0, merges.get(r) ?? 0)),
  );
  const text = (c: number) => rows.some((r) => isText(shownCell(sheet, r, c)));
  let from = first;
  let to = last;
  while (from > 0 && text(from - 1)) from--;
  while (to + 1 < width && text(to + 1)) to++;
  return { from, to };
}

/**
 * Whether the row above the months is part of the header: labels merged down from it into the
 * month row ("Service", "Budget", "Outturn" over both rows) or group labels merged over the
 * months ("Actuals" | "Forecast"). A row above with no merge reaching down is a title, not header.
 */
function mergedDownInto(sheet: SheetSnapshot, row: number): boolean {
  if (row === 0) return false;
  const index = mergeIndex(sheet);
  const width = index.width.get(row);
  if (width === undefined) return false;
  for (let c = 0; c < width; c++) if (index.at.get(`${row},${c}`)?.top === row - 1) return true;
  return false;
}

/** The scale of the table: a units row or header words, else a line above the table ("£000."). */
function scaleFrom(sheet: SheetSnapshot, header: readonly HeaderColumn[], top: number): MoneyScale {
  for (const h of header) {
    const stated = scaleOf(h.unit) ?? scaleOf(h.text);
    if (stated) return stated;
  }
  return titleScale(sheet, top) ?? POUNDS;
}

/** True when a row holds no figure between from and to: a heading or a note. */
function noFigures(sheet: SheetSnapshot, row: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) {
    const cell = sheet.rows[row]?.[c];
    if (cell?.formula || typeof cell?.value === "number") return false;
  }
  return true;
}

function tableAt(
  sheet: SheetSnapshot,
  row: number,
  taken: ReadonlySet<number>,
  isHeader: (row: number) => boolean,
): MonthlyTable | null {
  const run = monthRun(sheet.rows[row] ?? []);
  if (!run) return null;
  const firstMonth = run.first;
  const lastMonth = run.first + run.headers.length - 1;
  const monthColumns = run.headers.map((_, k) => firstMonth + k);
  const free = !taken.has(row - 1);
  const above = free ? statusRow(sheet, row - 1, monthColumns) : null;
  const merged = free && mergedDownInto(sheet, row);
  const top = above || merged ? row - 1 : row;
  const { from, to } = headerReach(sheet, top === row ? [row] : [top, row], firstMonth, lastMonth);
  // Merged down, the row above holds the labels of the columns beside the months; typed over
  // the months alone, an Actual/Forecast row names no column.
  const block = readHeaderBlock(sheet, merged ? top : row, from, to);
  const headerRows: number[] = [];
  for (let r = top; r <= block.bottom; r++) headerRows.push(r);
  const below = headerRows
    .filter((r) => r > row)
    .map((r) => statusRow(sheet, r, monthColumns))
    .find((s) => s !== null);
  const statuses = above ?? below ?? null;
  const months: MonthColumn[] = run.headers.map((h, k) => ({
    ...h,
    column: firstMonth + k,
    status: statuses?.[k] ?? null,
  }));
  const { columns, names } = classifyColumns(
    block.columns,
    new Set(monthColumns),
    firstMonth,
    lastMonth,
    (column) => holdsText(sheet, block.bottom + 1, column),
  );
  const labels = block.columns
    .map((h) => h.column)
    // "Prior year outturn" left of the months holds figures: money, not a line's name.
    .filter(
      (c) => c < firstMonth && c !== columns.budget && !holdsFigures(sheet, block.bottom + 1, c),
    );
  const extent = tableExtent(sheet, block.bottom, from, to, (r) => taken.has(r) || isHeader(r));
  // Notes under the table ("Figures exclude…") hold no figures and close nothing: left out.
  const dataRows = [...extent.dataRows];
  while (dataRows.length > 0 && noFigures(sheet, dataRows[dataRows.length - 1] as number, from, to))
    dataRows.pop();
  return {
    kind: "monthly-profile",
    sheet: sheet.name,
    headerRow: top,
    headerRows,
    firstColumn: from,
    lastColumn: to,
    dataRows,
    lastRow: dataRows[dataRows.length - 1] ?? block.bottom,
    months,
    columns,
    names,
    labels,
    scale: scaleFrom(sheet, block.columns, top),
  };
}

/** Every monthly profile on the sheet, top to bottom, on rows no earlier kind has taken. */
export function detectMonthlyTables(
  sheet: SheetSnapshot,
  taken: ReadonlySet<number>,
): MonthlyTable[] {
  const tables: MonthlyTable[] = [];
  const isHeader = (r: number) => monthRun(sheet.rows[r] ?? []) !== null;
  for (let r = 0; r < sheet.rows.length; r++) {
    if (taken.has(r) || rowIsBlank(sheet, r, 0, (sheet.rows[r]?.length ?? 1) - 1)) continue;
    const table = tableAt(sheet, r, taken, isHeader);
    if (!table) continue;
    // A row of months with nothing under it is a chart's axis or a calendar, not a profile.
    if (table.dataRows.length === 0 || table.dataRows.every((d) => isEmptyLine(sheet, d, table)))
      continue;
    tables.push(table);
    r = table.lastRow;
  }
  return tables;
}

function isEmptyLine(sheet: SheetSnapshot, row: number, table: MonthlyTable): boolean {
  return table.months.every((m) => isEmptyCell(sheet.rows[row]?.[m.column] ?? undefined));
}
