import { cellText, type SheetSnapshot } from "../snapshot";
import { holdsNumber, leadingText, scanTables, type TableBounds } from "../tables/bounds";
import { LEGEND_MARKER } from "../tables/keys";
import { classifyBudgetHeader, type BudgetField } from "./columns";

export interface BudgetTable extends TableBounds {
  kind: "budget";
  columns: Partial<Record<BudgetField, number>>;
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
  const budget = columns.budget !== undefined || columns.revisedBudget !== undefined;
  const spend =
    columns.actual !== undefined || columns.forecast !== undefined || columns.cost !== undefined;
  return budget && spend ? columns : null;
}

/** Every budget table on the sheet: a budget column beside actual, forecast or cost. */
export function detectBudgetTables(
  sheet: SheetSnapshot,
  taken: ReadonlySet<number>,
): BudgetTable[] {
  const legend = (row: number, first: number, last: number) =>
    LEGEND_MARKER.test(leadingText(sheet, row, first, last));
  return scanTables(sheet, taken, (row) => matchBudgetHeader(sheet, row), legend).map((t) => ({
    kind: "budget" as const,
    ...t,
  }));
}

export function textAt(sheet: SheetSnapshot, row: number, column: number | undefined): string {
  return column === undefined ? "" : cellText(sheet.rows[row]?.[column] ?? undefined);
}
