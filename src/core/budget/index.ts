import { columnLetter } from "../a1";
import type { Finding } from "../findings";
import type { WriteOperation } from "../plan";
import type { SheetSnapshot } from "../snapshot";
import { checkBudgetTable } from "./check";
import { columnLetters, placement } from "../layout";
import { detectBudgetTables, type BudgetTable } from "./detect";
import { budgetModel, type BudgetLine, type RagThresholds } from "./model";
import { planBudgetTable } from "./plan";

export interface BudgetTableReport {
  sheet: string;
  kind: "budget";
  range: string;
  headerRow: number;
  columns: Record<string, string>;
  rows: number;
  budget: "revised" | "original";
  compareWith: "forecast" | "actual" | "cost";
  rag: RagThresholds;
  /** Per line, or per project where one budget covers several lines. */
  lines: (Omit<BudgetLine, "row" | "rows"> & { cell: string; rows: number[] })[];
}

export interface BudgetResult {
  tables: BudgetTableReport[];
  found: { sheet: SheetSnapshot; table: BudgetTable }[];
  findings: Finding[];
  operations: WriteOperation[];
}

function report(sheet: SheetSnapshot, table: BudgetTable, rag: RagThresholds): BudgetTableReport {
  const model = budgetModel(sheet, table);
  return {
    ...placement(table),
    kind: "budget",
    columns: columnLetters(table.columns),
    budget: model.budgetKind,
    compareWith: model.compareWith,
    rag,
    lines: model.lines.map(({ row, rows, ...line }) => ({
      ...line,
      cell: `${columnLetter(model.budgetColumn)}${row + 1}`,
      rows: rows.map((r) => r + 1),
    })),
  };
}

export function analyseBudgets(
  sheets: readonly SheetSnapshot[],
  taken: ReadonlyMap<string, ReadonlySet<number>>,
  rag: RagThresholds,
): BudgetResult {
  const result: BudgetResult = { tables: [], found: [], findings: [], operations: [] };
  for (const sheet of sheets) {
    for (const table of detectBudgetTables(sheet, taken.get(sheet.name) ?? new Set())) {
      result.found.push({ sheet, table });
      result.tables.push(report(sheet, table, rag));
      result.findings.push(...checkBudgetTable(sheet, table));
      result.operations.push(...planBudgetTable(sheet, table, rag));
    }
  }
  return result;
}
