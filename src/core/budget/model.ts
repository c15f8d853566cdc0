import type { SheetSnapshot } from "../snapshot";
import { classifyRowsByArithmetic, type TotalRow } from "../tables/arithmetic";
import { statedRagRule, unreadRagRule, type RagRule, type UnreadRagRule } from "../tables/rag-rule";
import { DEFAULT_RAG, type RagThresholds } from "../tables/rag-settings";
import type { MoneyScale } from "../tables/scale";
import type { Structure } from "../tables/sections";
import {
  conventionFromFigures,
  conventionFromHeader,
  figuresShowConvention,
  type VarianceConvention,
} from "../tables/variance";
import { parseMoney } from "../values";
import { moneyOrNilAt } from "../tables/nil-money";
import type { BudgetField } from "./columns";
import { scaleAt, textAt, type BudgetTable } from "./detect";
import { toDatePairOf, type ToDatePair } from "./to-date";
import { fromPence, HALF_PENNY, toPence as pence } from "../tables/money";

export { DEFAULT_RAG, type RagThresholds };

/** One line's budget position, or a group's when the budget is stated once for several lines. */
export interface BudgetLine {
  row: number;
  project: string | null;
  item: string;
  costCode: string | null;
  budget: number | null;
  spend: number | null;
  variance: number | null;
  level: "line" | "group";
  /** For a group: every row whose spend counts against the budget on `row`. */
  rows: number[];
}

export interface BudgetModel {
  budgetColumn: number;
  compareColumn: number;
  compareWith: "forecast" | "actual" | "cost";
  budgetKind: "revised" | "original";
  /** How messages name the budget: a column headed just "Budget" is the budget, not the original. */
  budgetWords: "revised budget" | "original budget" | "budget";
  structure: Structure;
  /** Each total row and the rows it adds, found by arithmetic (tables/arithmetic.ts). */
  totals: TotalRow[];
  lines: BudgetLine[];
  /** Rows whose spend counts in a group budget stated on another row. */
  inGroup: Set<number>;
  /** The scale of the budget column: £'000 and £m are spoken of in pounds. */
  scale: MoneyScale;
  /** Which way round the variance is stated, and what said so. */
  convention: VarianceConvention;
  conventionFrom: "header" | "figures" | "usual";
  /** The RAG rule the sheet states, when it states one. */
  ragRule: RagRule | null;
  /** A RAG rule stated on the sheet that we cannot read: its cell; the RAG column is left alone. */
  ragRuleUnread: UnreadRagRule | null;
  /** Lines left out of variance and totals because their budget is not confirmed ("tbc"). */
  unconfirmed: number[];
  /** The year-to-date pair kept beside the full-year one, with its own variance (to-date.ts). */
  toDate: ToDatePair | null;
}

/** A line's amount: a dash or "nil" is £0 (tables/nil-money.ts); blank, text and tbc are none. */
const money = moneyOrNilAt;

export function moneyColumns(table: BudgetTable): number[] {
  const fields: BudgetField[] = [
    "budget",
    "revisedBudget",
    "actual",
    "forecast",
    "cost",
    "variance",
    "budgetToDate",
    "varianceToDate",
  ];
  const own = fields.map((f) => table.columns[f]).filter((c): c is number => c !== undefined);
  return [...new Set([...own, ...(table.otherMoney ?? [])])].sort((a, b) => a - b);
}

/**
 * The columns naming a table's rows: its ref, project, item and cost code, and every other column
 * of words left of the figures. A council may keep "Portfolio | Budget area | …" with the lines'
 * names under "Budget area" and "Communities total" under "Portfolio": a total's label in any of
 * them marks it a total row, never a line.
 */
function labelColumns(sheet: SheetSnapshot, table: BudgetTable): number[] {
  const c = table.columns;
  const named = [c.ref, c.project, c.item, c.costCode].filter((x): x is number => x !== undefined);
  const firstMoney = Math.min(...moneyColumns(table));
  const words = (column: number) =>
    table.dataRows.some((r) => parseMoney(sheet.rows[r]?.[column]?.value ?? null).kind === "text");
  const more: number[] = [];
  for (let column = table.firstColumn; column < firstMoney; column++)
    if (!named.includes(column) && words(column)) more.push(column);
  return [...named, ...more];
}

/** Which budget and which spend to compare, per line or per group of lines of one project. */
export function budgetModel(sheet: SheetSnapshot, table: BudgetTable): BudgetModel {
  const c = table.columns;
  const budgetColumn = (c.revisedBudget ?? c.budget) as number;
  const compareWith =
    c.forecast !== undefined ? "forecast" : c.actual !== undefined ? "actual" : "cost";
  const compareColumn = (c[compareWith] ?? 0) as number;
  const labels = labelColumns(sheet, table);
  const structure = classifyRowsByArithmetic(sheet, table.dataRows, labels, moneyColumns(table));
  const rows = table.dataRows.filter(
    (r) =>
      structure.kinds.get(r) === "line" ||
      structure.kinds.get(r) === "section-total" ||
      structure.kinds.get(r) === "grand-total",
  );
  const lines: BudgetLine[] = [];
  const inGroup = new Set<number>();
  const base = (row: number): BudgetLine => ({
    row,
    project: textAt(sheet, row, c.project) || null,
    item: textAt(sheet, row, c.item) || textAt(sheet, row, c.costCode) || textAt(sheet, row, c.ref),
    costCode: textAt(sheet, row, c.costCode) || null,
    budget: money(sheet, row, budgetColumn),
    spend: money(sheet, row, compareColumn),
    variance: null,
    level: "line",
    rows: [row],
  });
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    const line = base(row);
    // Consecutive lines of one project where only this one states a budget share it.
    const group = [row];
    if (line.project && line.budget !== null && structure.kinds.get(row) === "line") {
      for (let j = i + 1; j < rows.length; j++) {
        const next = rows[j] as number;
        if (
          structure.kinds.get(next) !== "line" ||
          textAt(sheet, next, c.project) !== line.project ||
          money(sheet, next, budgetColumn) !== null
        )
          break;
        group.push(next);
      }
    }
    if (group.length > 1) {
      const spends = group.map((r) => money(sheet, r, compareColumn));
      const spend = spends.some((s) => s !== null)
        ? fromPence(spends.reduce<number>((sum, s) => sum + pence(s ?? 0), 0))
        : null;
      lines.push({
        ...line,
        spend,
        level: "group",
        rows: group,
        variance: spend === null ? null : fromPence(pence(spend) - pence(line.budget as number)),
      });
      group.slice(1).forEach((r) => inGroup.add(r));
      i += group.length - 1;
      continue;
    }
    line.variance =
      line.spend !== null && line.budget !== null
        ? fromPence(pence(line.spend) - pence(line.budget))
        : null;
    lines.push(line);
  }
  const header =
    c.variance === undefined
      ? ""
      : (table.names?.get(c.variance) ?? textAt(sheet, table.headerRow, c.variance));
  const stated = conventionFromHeader(header);
  const figures = lines.flatMap((l) => {
    const v = c.variance === undefined ? null : money(sheet, l.row, c.variance);
    return l.level === "line" &&
      structure.kinds.get(l.row) === "line" &&
      v !== null &&
      l.budget !== null &&
      l.spend !== null
      ? [{ budget: l.budget, forecast: l.spend, variance: v }]
      : [];
  });
  const unconfirmed = lines
    .filter(
      (l) => parseMoney(sheet.rows[l.row]?.[budgetColumn]?.value ?? null).kind === "unconfirmed",
    )
    .map((l) => l.row);
  return {
    budgetColumn,
    compareColumn,
    compareWith,
    budgetKind: c.revisedBudget !== undefined ? "revised" : "original",
    budgetWords: budgetWordsOf(sheet, table, budgetColumn),
    structure,
    totals: structure.totals,
    lines,
    inGroup,
    scale: scaleAt(table, budgetColumn),
    convention: stated ?? conventionFromFigures(figures),
    conventionFrom: stated ? "header" : figuresShowConvention(figures) ? "figures" : "usual",
    ragRule: statedRagRule(sheet, table),
    ragRuleUnread: unreadRagRule(sheet, table),
    unconfirmed,
    toDate: toDatePairOf(sheet, table, structure),
  };
}

function budgetWordsOf(
  sheet: SheetSnapshot,
  table: BudgetTable,
  budgetColumn: number,
): BudgetModel["budgetWords"] {
  if (table.columns.revisedBudget !== undefined) return "revised budget";
  const name = table.names?.get(budgetColumn) ?? textAt(sheet, table.headerRow, budgetColumn);
  return /\boriginal\b/i.test(name) ? "original budget" : "budget";
}

export function statusOf(variance: number): "Overspend" | "Underspend" | "On budget" {
  return variance > HALF_PENNY ? "Overspend" : variance < -HALF_PENNY ? "Underspend" : "On budget";
}
