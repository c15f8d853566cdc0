import { cellAddress, reportRow } from "../a1";
import type { SheetSnapshot } from "../snapshot";
import { columnLetters, placement } from "../tables/bounds";
import { detectBudgetTables, type BudgetTable } from "./detect";
import { unconfirmedBudgetNote } from "../tables/variance-lines";
import type { VarianceConvention } from "../tables/variance";
import type { RagLimit } from "../tables/rag-rule";
import { withOtherSheetRule } from "../tables/rag-rule-elsewhere";
import { budgetModel, type BudgetLine, type BudgetModel, type RagThresholds } from "./model";
import { modelEach } from "../tables/models";
import type { RowKind } from "../tables/sections";

export interface BudgetTableReport {
  sheet: string;
  kind: "budget";
  range: string;
  headerRow: number;
  columns: Record<string, string>;
  rows: number;
  /** Every header row (1-based) when the header is a block of rows. */
  headerRows?: number[];
  budget: "revised" | "original";
  /** How the budget is named in words: "revised budget", "original budget" or just "budget". */
  budgetWords?: "revised budget" | "original budget" | "budget";
  /** The scale the budget column is kept in: "£", "£'000", "£m". */
  unit: string;
  /** How the variance is stated: "forecast-minus-budget" or "budget-minus-forecast", and what said so. */
  varianceConvention: VarianceConvention;
  conventionFrom: "header" | "figures" | "usual";
  /** The sheet's own RAG rule, when it states one. */
  ragRule?: string;
  /** The other sheet that states the rule ("Notes"), when the table's own sheet states none. */
  ragRuleSheet?: string;
  /** Lines whose budget is "tbc": left out of variance and totals. */
  notes: string[];
  compareWith: "forecast" | "actual" | "cost";
  /** The RAG rule the table is rated by: the sheet's stated rule when one was read, else settings. */
  rag: RagThresholds | StatedRag;
  /**
   * Per line, or per project where one budget covers several lines, and the subtotal and total
   * rows with their own level: a reader adding the lines skips those, or counts money twice.
   */
  lines: (Omit<BudgetLine, "row" | "rows" | "level"> & {
    level: ReportedLevel;
    cell: string;
    rows: number[];
  })[];
}

/** A reported row's level: a line, a project's group of lines, a subtotal or a grand total. */
export type ReportedLevel = BudgetLine["level"] | "subtotal" | "total";

const LEVEL_OF_TOTAL: Partial<Record<RowKind, ReportedLevel>> = {
  "section-total": "subtotal",
  "grand-total": "total",
};

/** A RAG rule the sheet states, as the JSON report shows it: its words and what they were read as. */
export interface StatedRag {
  rule: string;
  red: RagLimit;
  amber: RagLimit | null;
}

/** A budget table read once: its bounds and columns, and its lines, groups and totals. */
export interface BudgetTableModel {
  sheet: SheetSnapshot;
  table: BudgetTable;
  model: BudgetModel;
}

/** Every budget table not already claimed by another kind of table, each modelled once. */
export function budgetModels(
  sheets: readonly SheetSnapshot[],
  taken: ReadonlyMap<string, ReadonlySet<number>>,
  beside?: ReadonlyMap<string, SheetSnapshot>,
): BudgetTableModel[] {
  return modelEach(
    sheets,
    taken,
    detectBudgetTables,
    (sheet, table) => ({
      sheet,
      table,
      model: withOtherSheetRule(budgetModel(sheet, table), sheets, sheet),
    }),
    beside,
  );
}

/** What check --json says about a budget table. */
export function budgetReport(m: BudgetTableModel, rag: RagThresholds): BudgetTableReport {
  const { table, model } = m;
  return {
    ...placement(table),
    kind: "budget",
    ...(table.headerRows && table.headerRows.length > 1
      ? { headerRows: table.headerRows.map((r) => r + 1) }
      : {}),
    columns: columnLetters(table.columns),
    budget: model.budgetKind,
    budgetWords: model.budgetWords,
    unit: model.scale.unit,
    varianceConvention: model.convention,
    conventionFrom: model.conventionFrom,
    ...(model.ragRule ? { ragRule: model.ragRule.source } : {}),
    ...(model.ragRule?.sheet ? { ragRuleSheet: model.ragRule.sheet } : {}),
    notes: model.unconfirmed.map(unconfirmedBudgetNote),
    compareWith: model.compareWith,
    rag: model.ragRule
      ? { rule: model.ragRule.source, red: model.ragRule.red, amber: model.ragRule.amber }
      : rag,
    lines: model.lines.map(({ row, rows, ...line }) => ({
      ...line,
      level: LEVEL_OF_TOTAL[model.structure.kinds.get(row) ?? "line"] ?? line.level,
      cell: cellAddress(row, model.budgetColumn),
      rows: rows.map(reportRow),
    })),
  };
}
