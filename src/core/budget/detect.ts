import { cellText, type SheetSnapshot } from "../snapshot";
import { headerSpan, holdsNumber, leadingText, tableExtent, type TableBounds } from "../layout";
import { LEGEND_MARKER } from "../risk/legend";
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
  const tables: BudgetTable[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    if (
      taken.has(r) ||
      LEGEND_MARKER.test(leadingText(sheet, r, 0, (sheet.rows[r]?.length ?? 1) - 1))
    )
      continue;
    const columns = matchBudgetHeader(sheet, r);
    if (!columns) continue;
    const recognised = Object.values(columns).filter((c): c is number => c !== undefined);
    const { first, last } = headerSpan(sheet, r, recognised);
    const extent = tableExtent(
      sheet,
      r,
      first,
      last,
      (row) =>
        taken.has(row) ||
        LEGEND_MARKER.test(leadingText(sheet, row, first, last)) ||
        matchBudgetHeader(sheet, row) !== null,
    );
    tables.push({
      kind: "budget",
      sheet: sheet.name,
      headerRow: r,
      firstColumn: first,
      lastColumn: last,
      dataRows: extent.dataRows,
      lastRow: extent.lastRow,
      columns,
    });
    r = extent.lastRow;
  }
  return tables;
}

export function textAt(sheet: SheetSnapshot, row: number, column: number | undefined): string {
  return column === undefined ? "" : cellText(sheet.rows[row]?.[column] ?? undefined);
}
