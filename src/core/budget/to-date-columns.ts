import type { BudgetField } from "./columns";

/**
 * The year-to-date block beside the full-year one. With a full-year pair (an annual budget and a
 * forecast) the budget and variance to date stay their own pair with the actual to date. Without
 * one, the to-date columns are the table's pair: a budget to date is the budget the actual is
 * compared with (an annual budget beside it is money added up in the totals, no variance's) and
 * a variance to date is the variance. A to-date variance with nothing to pair is money alone.
 */
export function pairToDate(
  found: Partial<Record<BudgetField, number>>,
  otherMoney: number[],
): Partial<Record<BudgetField, number>> {
  const { budgetToDate, varianceToDate, ...columns } = found;
  if (budgetToDate === undefined && varianceToDate === undefined) return found;
  const annual = columns.revisedBudget ?? columns.budget;
  if (annual !== undefined && columns.forecast !== undefined) {
    if (budgetToDate !== undefined && columns.actual !== undefined)
      return { ...found, ...(varianceToDate === undefined ? {} : { varianceToDate }) };
    otherMoney.push(...[budgetToDate, varianceToDate].filter((c) => c !== undefined));
    return columns;
  }
  if (budgetToDate !== undefined) {
    otherMoney.push(...[columns.budget, columns.revisedBudget].filter((c) => c !== undefined));
    delete columns.revisedBudget;
    columns.budget = budgetToDate;
  }
  if (varianceToDate === undefined) return columns;
  if (columns.variance === undefined) columns.variance = varianceToDate;
  else otherMoney.push(varianceToDate);
  return columns;
}
