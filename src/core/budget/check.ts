import { rangeAddress } from "../a1";
import { finding, type Finding } from "../findings";
import type { SheetSnapshot } from "../snapshot";
import { formatMoney, samePence } from "../tables/money";
import { checkColumnTotals, checkMoneyCells, type TableRef } from "../tables/totals";
import { parseMoney } from "../values";
import type { BudgetTable } from "./detect";
import { budgetModel, moneyColumns, type BudgetModel } from "./model";

function checkVariance(
  ref: TableRef,
  table: BudgetTable,
  model: BudgetModel,
  out: Finding[],
): void {
  const column = table.columns.variance;
  if (column === undefined) return;
  for (const line of model.lines) {
    if (line.variance === null) continue;
    const stated = parseMoney(ref.sheet.rows[line.row]?.[column]?.value ?? null);
    if (stated.kind !== "number" || samePence(stated.value, line.variance)) continue;
    const what =
      line.level === "group"
        ? `${line.project} spend ${formatMoney(line.spend ?? 0)} (rows ${line.rows.map((r) => r + 1).join(", ")})`
        : `${model.compareWith} ${formatMoney(line.spend ?? 0)}`;
    const reversed = samePence(stated.value, -line.variance)
      ? " (the sign is reversed: variance here is spend − budget, positive = overspend)"
      : "";
    const message = `Variance is ${formatMoney(stated.value)} but ${what} − budget ${formatMoney(line.budget ?? 0)} = ${formatMoney(line.variance)}${reversed}`;
    out.push(
      finding("variance-mismatch", ref.sheet.name, line.row, column, message, {
        table: ref.range,
        expected: line.variance,
        actual: stated.value,
      }),
    );
  }
}

function checkMissingBudgets(ref: TableRef, model: BudgetModel, out: Finding[]): void {
  for (const line of model.lines) {
    if (line.level !== "line" || line.budget !== null || line.spend === null) continue;
    if (model.structure.kinds.get(line.row) !== "line") continue;
    const raw = parseMoney(ref.sheet.rows[line.row]?.[model.budgetColumn]?.value ?? null);
    if (raw.kind !== "blank") continue;
    out.push(
      finding(
        "missing-value",
        ref.sheet.name,
        line.row,
        model.budgetColumn,
        `Budget is blank for ${line.item || "this line"}, which has ${model.compareWith} ${formatMoney(line.spend)}`,
        { table: ref.range },
      ),
    );
  }
}

/** Variances, missing budgets, subtotals and totals of a budget table. */
export function checkBudgetTable(
  sheet: SheetSnapshot,
  table: BudgetTable,
  model: BudgetModel = budgetModel(sheet, table),
): Finding[] {
  const out: Finding[] = [];
  const ref: TableRef = {
    sheet,
    headerRow: table.headerRow,
    range: rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn),
  };
  const valueRows = table.dataRows.filter((r) => model.structure.kinds.get(r) !== "heading");
  checkMoneyCells(ref, valueRows, moneyColumns(table), out);
  checkVariance(ref, table, model, out);
  checkMissingBudgets(ref, model, out);
  // A variance on a total row is that row's spend less its budget (checked above), not a sum: a
  // total row whose own figures are off is reported there, not a second time in its variance.
  const summed = moneyColumns(table).filter((c) => c !== table.columns.variance);
  checkColumnTotals(ref, model.structure, summed, out);
  return out;
}
