import { cellText, isEmptyCell, type SheetSnapshot } from "../snapshot";
import {
  holdsNumber,
  leadingText,
  rowIsBlank,
  scanTables,
  tableBounds,
  tableExtent,
  type TableBounds,
} from "../tables/bounds";
import { LEGEND_MARKER } from "../tables/keys";
import {
  compositeName,
  headerRuns,
  readHeaderBlock,
  readWidenedHeaderBlock,
  type HeaderBlock,
} from "../tables/header-block";
import { mergeIndex } from "../tables/header-spans";
import { POUNDS, scaleOf, titleScale, withTitleScale, type MoneyScale } from "../tables/scale";
import { holdsText } from "../tables/money-columns";
import { classifyBudgetColumn, classifyBudgetHeader, type BudgetField } from "./columns";
import { pairToDate } from "./to-date-columns";

export interface BudgetTable extends TableBounds {
  kind: "budget";
  columns: Partial<Record<BudgetField, number>>;
  /**
   * Every row of the header block (0-based), which may start above `headerRow`: group labels
   * merged above an Excel table's own header row ("Last year 2024/25" over its columns).
   */
  headerRows?: number[];
  /** Composite names (group › words) of the columns, for messages. */
  names?: ReadonlyMap<number, string>;
  /** The scale each money column is kept in, from its units row or header words. */
  scales?: ReadonlyMap<number, MoneyScale>;
  /**
   * Money columns that are no part of the variance but are added up in the totals: last year's
   * budget, outturn and variance, virements, commitments.
   */
  otherMoney?: number[];
}

function matchBudgetHeader(
  sheet: SheetSnapshot,
  row: number,
): Partial<Record<BudgetField, number>> | null {
  const cells = sheet.rows[row];
  if (!cells || holdsNumber(sheet, row, 0, cells.length - 1)) return null;
  const columns: Partial<Record<BudgetField, number>> = {};
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (typeof cell?.value === "number") return null;
    if (!cell || typeof cell.value !== "string") continue;
    const field = classifyBudgetHeader(cell.value.trim());
    if (field && columns[field] === undefined) columns[field] = c;
  }
  return enough(columns) ? columns : null;
}

function enough(columns: Partial<Record<BudgetField, number>>): boolean {
  const budget = columns.budget !== undefined || columns.revisedBudget !== undefined;
  const spend =
    columns.actual !== undefined || columns.forecast !== undefined || columns.cost !== undefined;
  return budget && spend;
}

/** The financial year a column's name states (2024 for "2024/25", "24/25"), or null. */
function yearOf(text: string): number | null {
  const long = /\b((?:19|20)\d\d)\s*[/-]\s*\d\d(?:\d\d)?\b/.exec(text);
  if (long) return Number(long[1]);
  const short = /\b(\d\d)\s*\/\s*(\d\d)\b/.exec(text);
  if (short && Number(short[2]) === (Number(short[1]) + 1) % 100) return 2000 + Number(short[1]);
  return null;
}

const MONEY_FIELDS = new Set<BudgetField>([
  "budget",
  "revisedBudget",
  "budgetToDate",
  "actual",
  "forecast",
  "cost",
]);

const LAST_YEAR = /\b(last|prior|previous)\s+year\b/i;

interface BlockColumns {
  columns: Partial<Record<BudgetField, number>>;
  names: Map<number, string>;
  scales: Map<number, MoneyScale>;
  otherMoney: number[];
}

/**
 * A column of amounts no budget field claims ("Indicative £", "Draft budget £", "2027/28
 * Estimate"): its totals are checked by arithmetic like the budget's. Percentages are not money.
 */
const MONEY_WORDS =
  /£|\b(budget|estimate|indicative|draft|forecast|outturn|projection|projected|cost|income|expenditure|spend|allocation|provision|plan)\b/i;
function namesMoney(name: string, unit: string | null | undefined): boolean {
  const text = `${name} ${unit ?? ""}`;
  return MONEY_WORDS.test(text) && !/%|\bper ?cent\b|\bpercentage\b/i.test(text);
}

/**
 * The budget columns of a header block. Last year's columns (under "Last year 2024/25", or named
 * with an earlier year than the others: "Budget 24/25" beside "Current budget") and hidden
 * (superseded) columns are not this year's budget, forecast or variance.
 */
export function budgetColumnsOf(sheet: SheetSnapshot, block: HeaderBlock): BlockColumns | null {
  const hidden = new Set(sheet.hiddenColumns);
  const years = block.columns.map((c) => yearOf(`${c.group ?? ""} ${c.text}`));
  const current = Math.max(...years.map((y) => y ?? -Infinity));
  const columns: Partial<Record<BudgetField, number>> = {};
  const names = new Map<number, string>();
  const scales = new Map<number, MoneyScale>();
  const otherMoney: number[] = [];
  block.columns.forEach((column, k) => {
    const name = compositeName(column);
    names.set(column.column, name);
    const scale = scaleOf(column.unit) ?? scaleOf(name);
    if (scale) scales.set(column.column, scale);
    if (hidden.has(column.column)) return;
    const named = classifyBudgetColumn(column.group, column.text, column.unit);
    // "Over/Under" (or "Under/Over", "Over / Under budget") over "Over" and "Under" is the
    // council's status column; the same words over figures are its variance.
    const field =
      named === "variance" && holdsSpendWords(sheet, block.bottom + 1, column.column)
        ? "status"
        : named;
    if (!field) {
      if (namesMoney(name, column.unit) && !holdsText(sheet, block.bottom + 1, column.column))
        otherMoney.push(column.column);
      return;
    }
    // "Budget holder", "Budget line", "Budget code" hold words: labels, not the budget amount.
    if (MONEY_FIELDS.has(field) && holdsText(sheet, block.bottom + 1, column.column)) return;
    const year = years[k];
    const lastYear =
      LAST_YEAR.test(name) || (year !== null && year !== undefined && year < current);
    const money = !["item", "project", "costCode", "ref"].includes(field);
    if (lastYear || field === "virements" || field === "commitments") {
      if (money && field !== "variancePct" && field !== "status" && field !== "rag")
        otherMoney.push(column.column);
      if (!lastYear && columns[field] === undefined) columns[field] = column.column;
      return;
    }
    if (columns[field] === undefined) columns[field] = column.column;
    // A second budget or forecast (next year's "Budget £" under "2026/27") is money all the same.
    else if (MONEY_FIELDS.has(field)) otherMoney.push(column.column);
  });
  const paired = pairToDate(columns, otherMoney);
  return enough(paired) ? { columns: paired, names, scales, otherMoney } : null;
}

/** A line's spend status in words: "Over", "Under", "Overspend", "Over budget", "On target". */
const SPEND_WORD = /^(?:(?:over|under)(?:\s*spend|\s+budget)?|on\s+(?:budget|target|track))$/i;

/** True when the first figures or words under a header are mostly spend statuses, not amounts. */
function holdsSpendWords(sheet: SheetSnapshot, fromRow: number, column: number): boolean {
  let words = 0;
  let other = 0;
  for (let r = fromRow; r < sheet.rows.length && words + other < 12; r++) {
    const cell = sheet.rows[r]?.[column];
    if (isEmptyCell(cell ?? undefined)) continue;
    if (typeof cell?.value === "string" && SPEND_WORD.test(cell.value.trim())) words++;
    else other++;
  }
  return words > other;
}

/** The block's columns in runs of neighbouring named columns. */
function runsOf(block: HeaderBlock): HeaderBlock[] {
  const runs: HeaderBlock[] = [];
  for (const column of block.columns) {
    const last = runs[runs.length - 1];
    const previous = last?.columns[last.columns.length - 1];
    if (last && previous && previous.column === column.column - 1) last.columns.push(column);
    else runs.push({ ...block, columns: [column] });
  }
  return runs;
}

/** True when a column is blank in its header and in the rows under it: a spacer. */
function blankColumn(sheet: SheetSnapshot, column: number, top: number): boolean {
  for (let r = top; r < Math.min(sheet.rows.length, top + 200); r++)
    if (!isEmptyCell(sheet.rows[r]?.[column] ?? undefined)) return false;
  return true;
}

/**
 * Runs parted by one blank spacer column, joined where the run beyond it is no budget table of
 * its own and joining adds columns the budget rules read (a forecast, a variance).
 */
function joinSpacedRuns(sheet: SheetSnapshot, runs: HeaderBlock[]): HeaderBlock[] {
  const out: HeaderBlock[] = [];
  for (const run of runs) {
    const previous = out[out.length - 1];
    const end = previous?.columns[previous.columns.length - 1]?.column;
    const start = run.columns[0]?.column;
    if (
      previous &&
      end !== undefined &&
      start === end + 2 &&
      blankColumn(sheet, end + 1, previous.top) &&
      budgetColumnsOf(sheet, run) === null
    ) {
      const joined = { ...previous, columns: [...previous.columns, ...run.columns] };
      const before = budgetColumnsOf(sheet, previous);
      const after = budgetColumnsOf(sheet, joined);
      const adds = (f: BudgetField) =>
        after?.columns[f] !== undefined && before?.columns[f] === undefined;
      if (after && (adds("forecast") || adds("variance"))) {
        out[out.length - 1] = joined;
        continue;
      }
    }
    out.push(run);
  }
  return out;
}

/**
 * A lone text cell after a blank row with no figures before the next blank row: a note under
 * the table ("Figures in £'000…", "RAG: Red = …"), not a section heading (which has lines).
 */
function noteAfterGap(sheet: SheetSnapshot, row: number, first: number, last: number): boolean {
  if (row === 0 || !rowIsBlank(sheet, row - 1, first, last)) return false;
  const filled = (sheet.rows[row] ?? [])
    .slice(first, last + 1)
    .filter((cell) => !isEmptyCell(cell ?? undefined));
  if (filled.length !== 1 || typeof filled[0]?.value !== "string") return false;
  for (let r = row + 1; r < sheet.rows.length && !rowIsBlank(sheet, r, first, last); r++)
    if (holdsNumber(sheet, r, first, last) || sheet.rows[r]?.some((c) => c?.formula)) return false;
  return true;
}

/** The first header row with a label or merge over the table's first column: where the table starts. */
function tableTop(sheet: SheetSnapshot, block: HeaderBlock, first: number): number {
  const merges = mergeIndex(sheet).at;
  for (let r = block.top; r < block.bottom; r++)
    if (cellText(sheet.rows[r]?.[first] ?? undefined) || merges.has(`${r},${first}`)) return r;
  return block.bottom;
}

/**
 * A run of budget headers after a blank column with a table of another kind on its left
 * (headers over figures: a funding plan, a grants register) is a summary kept beside that table
 * ("Directorate | Budget | Forecast"), not a budget table: claiming its rows would take them from
 * the table beside it, which the kinds read after budgets would then never see.
 */
function besideATable(sheet: SheetSnapshot, block: HeaderBlock, left: HeaderBlock[]): boolean {
  return left.some((run) => {
    const first = run.columns[0]?.column ?? 0;
    const last = run.columns[run.columns.length - 1]?.column ?? 0;
    return (
      last > first &&
      holdsNumber(sheet, block.bottom + 1, first, last) &&
      budgetColumnsOf(sheet, run) === null
    );
  });
}

/**
 * A budget table whose header block starts at `row` over columns from..to (widened over the
 * header rows below it), or null when the block names no budget beside a spend, forecast or cost.
 * Other kinds reading money tables (projects with money) build their budget model from this and
 * call `budgetModel`, `checkBudgetTable` and `planBudgetTable` on it.
 */
export function readBudgetTable(
  sheet: SheetSnapshot,
  row: number,
  from: number,
  to: number,
  taken: ReadonlySet<number> = new Set(),
): BudgetTable | null {
  // Group labels above a table's own header cover only some columns: the header row under
  // them says how wide the table is.
  const block = readWidenedHeaderBlock(sheet, row, from, to);
  // A blank column between header runs parts two tables (a chart-data block beside the table),
  // unless what lies beyond a one-column spacer is no table of its own but this one's forecast
  // and variance ("Budget | Spend to date | | Forecast | Variance").
  const runs = joinSpacedRuns(sheet, runsOf(block));
  const found = runs
    .map((run, k) =>
      besideATable(sheet, block, runs.slice(0, k)) ? null : budgetColumnsOf(sheet, run),
    )
    .find((f) => f !== null);
  if (!found) return null;
  const named = new Set(block.columns.map((c) => c.column));
  const recognised = Object.values(found.columns).filter((c): c is number => c !== undefined);
  let first = Math.min(...recognised);
  let last = Math.max(...recognised);
  while (named.has(first - 1)) first--;
  while (named.has(last + 1)) last++;
  const extent = tableExtent(sheet, block.bottom, first, last, (r) => {
    if (taken.has(r)) return true;
    const lead = leadingText(sheet, r, first, last);
    return LEGEND_MARKER.test(lead) || noteAfterGap(sheet, r, first, last);
  });
  const top = tableTop(sheet, block, first);
  return withCodes(sheet, {
    kind: "budget",
    ...tableBounds(sheet, top, first, last, extent),
    columns: found.columns,
    headerRows: Array.from({ length: block.bottom - row + 1 }, (_, k) => row + k),
    names: found.names,
    scales: withTitleScale(found.scales, found.names.keys(), titleScale(sheet, Math.min(top, row))),
    otherMoney: found.otherMoney,
  });
}

/** Every budget table on the sheet: a budget column beside actual, forecast or cost. */
export function detectBudgetTables(
  sheet: SheetSnapshot,
  taken: ReadonlySet<number>,
): BudgetTable[] {
  const tables: BudgetTable[] = [];
  const legend = (row: number, first: number, last: number) =>
    LEGEND_MARKER.test(leadingText(sheet, row, first, last));
  for (let r = 0; r < sheet.rows.length; r++) {
    if (taken.has(r) || holdsNumber(sheet, r, 0, (sheet.rows[r]?.length ?? 1) - 1)) continue;
    for (const run of headerRuns(sheet, r)) {
      const table = readBudgetTable(sheet, r, run.from, run.to, taken);
      if (!table) continue;
      tables.push(table);
      r = table.lastRow;
      break;
    }
  }
  if (tables.length > 0) return tables;
  // Headers with gaps wider than a spacer: the one-row reading over the whole row.
  const matchUnlessBeside = (row: number) => {
    const columns = matchBudgetHeader(sheet, row);
    const budget = columns?.revisedBudget ?? columns?.budget;
    if (!columns || budget === undefined) return columns;
    const block = readHeaderBlock(sheet, row, 0, (sheet.rows[row]?.length ?? 1) - 1);
    const runs = runsOf(block);
    const k = runs.findIndex((run) => run.columns.some((c) => c.column === budget));
    return k > 0 && besideATable(sheet, block, runs.slice(0, k)) ? null : columns;
  };
  return scanTables(sheet, taken, matchUnlessBeside, legend).map((t) => ({
    kind: "budget" as const,
    ...t,
  }));
}

const CODE = /^[A-Z]{0,6}[-_/.]?\d[\w./-]*$/i;

/**
 * Two label columns ("Line" | "Description"): the first holding codes (HRA01, SR-04) is the
 * line's reference, the other its name.
 */
function withCodes(sheet: SheetSnapshot, table: BudgetTable): BudgetTable {
  const c = table.columns;
  if (c.item === undefined || c.ref !== undefined) return table;
  const item = c.item;
  const texts = table.dataRows
    .map((r) => cellText(sheet.rows[r]?.[item] ?? undefined))
    .filter(Boolean);
  const codes = texts.filter((t) => CODE.test(t)).length;
  if (texts.length === 0 || codes < texts.length * 0.6) return table;
  const other = [...(table.names?.keys() ?? [])].find(
    (col) =>
      col !== item &&
      col >= table.firstColumn &&
      col <= table.lastColumn &&
      classifyBudgetHeader(table.names?.get(col) ?? "") === "item",
  );
  return {
    ...table,
    columns: { ...c, ref: item, ...(other === undefined ? {} : { item: other }) },
  };
}

export function textAt(sheet: SheetSnapshot, row: number, column: number | undefined): string {
  return column === undefined ? "" : cellText(sheet.rows[row]?.[column] ?? undefined);
}

/** The scale of a table's money column (pounds where none is stated). */
export function scaleAt(table: BudgetTable, column: number): MoneyScale {
  return table.scales?.get(column) ?? POUNDS;
}
