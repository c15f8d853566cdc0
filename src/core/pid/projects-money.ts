import { repeatedRows } from "../tables/repeated-rows";
import { cellAddress, columnLetter, parseAddress, rangeAddress } from "../a1";
import { finding, type Finding } from "../findings";
import type { TableBounds } from "../tables/bounds";
import type { WriteOperation } from "../plan";
import { cellText, type SheetSnapshot } from "../snapshot";
import { compositeName, type HeaderBlock } from "../tables/header-block";
import { moneyFieldOf, type MoneyField } from "../tables/money-columns";
import { POUNDS, scaleOf, type MoneyScale } from "../tables/scale";
import { classifyRows, type Structure } from "../tables/sections";
import { withImpliedTotals } from "../tables/implied-totals";
import { checkColumnTotals, checkMoneyCells, type TableRef } from "../tables/totals";
import {
  conventionFromFigures,
  conventionFromHeader,
  type VarianceConvention,
  type VarianceLine,
} from "../tables/variance";
import {
  checkVarianceLines,
  planVarianceColumns,
  type RagRule,
  type VarianceTable,
} from "../tables/variance-lines";
import { parseMoney } from "../values";
import {
  skipTypedCells,
  typedOnUnconfirmed,
  unconfirmedLineNotes,
  unconfirmedRows,
  withTypedKept,
} from "../tables/unconfirmed-lines";
import {
  statedRagRule,
  unreadRagRule,
  unreadRagRuleWarning,
  type RagRule as RagRuleStated,
  type UnreadRagRule,
} from "../tables/rag-rule";
import { ragRuleFor, type RagThresholds } from "../tables/rag-settings";
import { amberSettingHint, ratedLinesOf } from "../tables/rag-amber-hint";
import type { RatedColumn } from "../tables/rag-kept-green";

/**
 * Projects with money: a programme summary or scheme monitoring table keeps, beside each project's
 * SRO and manager, its approved budget, spend to date, forecast and variance. Those columns get the
 * budget rules — the shared ones in tables/variance-lines.ts, never budget/'s internals: the
 * variance is checked under the sheet's own sign convention and scale, a blank budget or forecast
 * is reported, totals are re-summed, and Variance %, Status and a budget RAG are written.
 */
export interface ProjectsMoney {
  columns: Partial<Record<MoneyField, number>>;
  scale: MoneyScale;
  convention: VarianceConvention;
  /** Where the convention came from: the variance header's words, or the figures. */
  conventionFrom: "header" | "figures";
  structure: Structure;
  /** Project lines (no totals). */
  lines: number[];
  /** The RAG rule the sheet states ("Red if over £250k or 5%"), null when it states none. */
  ragRule: RagRuleStated | null;
  /** A RAG rule the sheet states that cannot be read (its cell): warned of, never passed over. */
  ragRuleUnread: UnreadRagRule | null;
  /** Lines whose budget is "tbc": left out of variance and totals (1-based in the report). */
  unconfirmed: number[];
}

/** The money columns named in a header block: composite names, so "Variance" under a group reads. */
export function moneyColumnsOf(block: HeaderBlock): Partial<Record<MoneyField, number>> {
  const columns: Partial<Record<MoneyField, number>> = {};
  for (const c of block.columns) {
    const field = moneyFieldOf(compositeName(c));
    if (field && columns[field] === undefined) columns[field] = c.column;
  }
  return columns;
}

function scaleOfBlock(block: HeaderBlock, columns: readonly number[]): MoneyScale {
  for (const column of columns) {
    const c = block.columns.find((h) => h.column === column);
    const scale = scaleOf(c?.unit) ?? scaleOf(c?.text);
    if (scale) return scale;
  }
  return POUNDS;
}

const amount = (sheet: SheetSnapshot, row: number, column: number | undefined) => {
  if (column === undefined) return null;
  const parsed = parseMoney(sheet.rows[row]?.[column]?.value ?? null);
  return parsed.kind === "number" ? parsed.value : null;
};

/** The money part of a projects table, when it has both a budget and a forecast column. */
export function projectsMoney(
  sheet: SheetSnapshot,
  bounds: TableBounds,
  block: HeaderBlock,
  labels: readonly number[],
): ProjectsMoney | null {
  const columns = moneyColumnsOf(block);
  const { budget, forecast, variance } = columns;
  if (budget === undefined || forecast === undefined) return null;
  const money = moneyColumnsList(columns);
  // "All projects" (=SUM over the projects, no word "Total") is a total by its arithmetic.
  const structure = withImpliedTotals(
    sheet,
    classifyRows(sheet, bounds.dataRows, labels, money),
    money,
  );
  const lines = bounds.dataRows.filter((r) => structure.kinds.get(r) === "line");
  const header = variance === undefined ? "" : (columnText(block, variance) ?? "");
  const stated = conventionFromHeader(header);
  const figures: VarianceLine[] = [];
  for (const row of lines) {
    const b = amount(sheet, row, budget);
    const f = amount(sheet, row, forecast);
    const v = amount(sheet, row, variance);
    if (b !== null && f !== null && v !== null)
      figures.push({ budget: b, forecast: f, variance: v });
  }
  const unconfirmed = lines.filter(
    (r) => parseMoney(sheet.rows[r]?.[budget]?.value ?? null).kind === "unconfirmed",
  );
  // A note under the last figures ("2% to 5% Amber, >5% Red") may fall inside the bounds.
  const ruleArea = {
    ...bounds,
    headerRows: [block.top],
    lastRow: lastFigureRow(sheet, bounds, money),
  };
  return {
    columns,
    ragRule: statedRagRule(sheet, ruleArea),
    ragRuleUnread: unreadRagRule(sheet, ruleArea),
    unconfirmed,
    scale: scaleOfBlock(block, money),
    convention: stated ?? conventionFromFigures(figures),
    conventionFrom: stated ? "header" : "figures",
    structure,
    lines,
  };
}

/** The last row holding an amount (or a "tbc") in a money column: the table's true end. */
function lastFigureRow(
  sheet: SheetSnapshot,
  bounds: TableBounds,
  money: readonly number[],
): number {
  const figured = bounds.dataRows.filter((r) =>
    money.some((c) => parseMoney(sheet.rows[r]?.[c]?.value ?? null).kind !== "blank"),
  );
  return figured.at(-1) ?? bounds.lastRow;
}

function columnText(block: HeaderBlock, column: number): string | undefined {
  const c = block.columns.find((h) => h.column === column);
  return c ? compositeName(c) : undefined;
}

function moneyColumnsList(columns: Partial<Record<MoneyField, number>>): number[] {
  return (["budget", "actual", "forecast", "variance"] as const)
    .map((f) => columns[f])
    .filter((c): c is number => c !== undefined);
}

function varianceTable(
  sheet: SheetSnapshot,
  bounds: TableBounds,
  money: ProjectsMoney,
  settings: RagRule,
  label: (row: number) => string,
): VarianceTable {
  const c = money.columns;
  return {
    sheet,
    bounds,
    lines: money.lines,
    budget: c.budget as number,
    forecast: c.forecast as number,
    ...(c.variance !== undefined ? { variance: c.variance } : {}),
    ...(c.variancePct !== undefined ? { variancePct: c.variancePct } : {}),
    ...(c.status !== undefined ? { status: c.status } : {}),
    ...(c.rag !== undefined ? { rag: c.rag } : {}),
    // The sheet's rule, else the settings' (as budget tables); none where the sheet states a rule
    // we cannot read, so a council's RAG column is then left as typed.
    ragRule: money.ragRuleUnread ? null : ragRuleFor(money.ragRule, settings),
    convention: money.convention,
    conventionFrom: money.conventionFrom,
    scale: money.scale,
    // "Approved budget £" reads "Approved budget" before an amount in pounds.
    header: (column) =>
      cellText(sheet.rows[bounds.headerRow]?.[column] ?? undefined).replace(/\s*£$/, "") ||
      columnLetter(column),
    label,
  };
}

/** Amounts that are not amounts, missing budgets and forecasts, variances, and the totals. */
export function checkProjectsMoney(
  sheet: SheetSnapshot,
  bounds: TableBounds,
  money: ProjectsMoney,
  settings: RagRule,
  label: (row: number) => string,
): Finding[] {
  const out: Finding[] = [];
  // A line with a "tbc" budget or forecast: a note each, and totals accepted with or without
  // its other figures, as budget tables do (tables/unconfirmed-lines.ts).
  const { budget, forecast } = money.columns;
  const { plain, forecastTbc, kept } = tbcLines(sheet, bounds, money);
  const ref: TableRef = {
    ...plain,
    unconfirmedLines: new Set([...money.unconfirmed, ...forecastTbc]),
  };
  const notes = [
    ...unconfirmedLineNotes(ref, money.unconfirmed, budget as number, label),
    ...unconfirmedLineNotes(ref, forecastTbc, forecast as number, label),
  ].sort((a, b) => parseAddress(a.cell).row - parseAddress(b.cell).row);
  out.push(...withTypedKept(ref, notes, kept));
  if (money.ragRuleUnread) {
    // With no rule read, a typed RAG column is the council's judgement (left as it is); a new
    // one is written under the settings' rule.
    const consequence =
      money.columns.rag === undefined
        ? "the Budget RAG column is written under it"
        : "the RAG column is left as typed, neither checked nor rewritten";
    out.push(unreadRagRuleWarning(sheet, money.ragRuleUnread, plain.range, consequence));
  }
  const columns = moneyColumnsList(money.columns);
  checkMoneyCells(ref, bounds.dataRows, columns, out);
  for (const f of checkVarianceLines(varianceTable(sheet, bounds, money, settings, label)))
    out.push(f);
  checkColumnTotals(ref, money.structure, columns, out);
  return out;
}

export function planProjectsMoney(
  sheet: SheetSnapshot,
  bounds: TableBounds,
  money: ProjectsMoney,
  rule: RagRule,
  label: (row: number) => string,
): WriteOperation[] {
  const operations = planVarianceColumns(varianceTable(sheet, bounds, money, rule, label), rule);
  // A typed RAG, Status or Variance on a "tbc" line is the council's own judgement: kept.
  return skipTypedCells(operations, tbcLines(sheet, bounds, money).kept);
}

/**
 * The lines whose forecast is "tbc" (those whose budget is are `money.unconfirmed`), and the
 * calculated cells the council typed on any tbc line, which are left as typed.
 */
function tbcLines(sheet: SheetSnapshot, bounds: TableBounds, money: ProjectsMoney) {
  const plain: TableRef = {
    sheet,
    headerRow: bounds.headerRow,
    range: rangeAddress(bounds.headerRow, bounds.firstColumn, bounds.lastRow, bounds.lastColumn),
  };
  const c = money.columns;
  const forecastTbc = unconfirmedRows(
    plain,
    money.lines.filter((r) => !money.unconfirmed.includes(r)),
    c.forecast,
  );
  const rows = [...money.unconfirmed, ...forecastTbc];
  const kept = typedOnUnconfirmed(plain, rows, [c.variance, c.variancePct, c.status, c.rag]);
  return { plain, forecastTbc, kept };
}

/** The same reference twice among the lines: the later one is reported, naming the first. */
export function duplicateIds(
  sheet: SheetSnapshot,
  bounds: TableBounds,
  column: number,
  rows: readonly number[],
): Finding[] {
  const out: Finding[] = [];
  const range = rangeAddress(
    bounds.headerRow,
    bounds.firstColumn,
    bounds.lastRow,
    bounds.lastColumn,
  );
  const idOf = (row: number) => cellText(sheet.rows[row]?.[column] ?? undefined);
  for (const { row, first } of repeatedRows(rows, (r) => idOf(r).toLowerCase())) {
    const id = idOf(row);
    const at = cellAddress(first, column);
    out.push(
      finding(
        "duplicate-id",
        sheet.name,
        row,
        column,
        `Reference ${id} is used twice (first at ${at})`,
        {
          table: range,
        },
      ),
    );
  }
  return out;
}

/** The Cost RAG column as the settings' rule rates it, where the sheet states no rule. */
export function projectsRagColumn(
  sheet: SheetSnapshot,
  money: ProjectsMoney,
  rag: RagThresholds,
): RatedColumn | null {
  const { budget, forecast, rag: column } = money.columns;
  if (column === undefined || budget === undefined || forecast === undefined) return null;
  if (money.ragRule || money.ragRuleUnread) return null;
  const lines = ratedLinesOf(sheet, money.lines, { budget, forecast, rag: column }, money.scale);
  return { column, lines, rule: ragRuleFor(null, rag) };
}

/**
 * For the warning on a suspect Cost RAG column (suspect-columns.ts): the Amber setting its
 * colours imply, when the settings' rule without an Amber band rates the table, as budget tables.
 */
export function projectsRagHint(
  sheet: SheetSnapshot,
  money: ProjectsMoney,
  rag: RagThresholds,
): (column: number) => string | null {
  const rated = projectsRagColumn(sheet, money, rag);
  return (column) =>
    rated === null || column !== rated.column ? null : amberSettingHint(rated.lines, rated.rule);
}
