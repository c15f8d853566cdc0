import { cellAddress } from "../a1";
import type { PlannedCell } from "../plan";
import type { SheetSnapshot } from "../snapshot";
import { keepsTypedShare, variancePercentColumn, type PercentColumn } from "../tables/percent";
import type { MonthlyTable } from "./detect";
import type { MonthlyModel } from "./model";

/**
 * A profile's own Variance % column as live formulas, as budget tables write theirs
 * (budget/plan.ts): on every line, the variance cell over |budget|, blank where either is not a
 * number or the budget is nil; a typed share right at the precision it shows is kept. A column kept in hundreds (3 = 3%) is written `…*100`, never turned
 * into fractions (tables/percent.ts). A missing column is not added: a profile's own columns are
 * filled, as its RAG column is. `varianceShown` is what each line's variance cell shows once
 * written (ours, or the council's formula or figure left there).
 */
export function variancePercentCells(
  sheet: SheetSnapshot,
  table: MonthlyTable,
  model: MonthlyModel,
  varianceColumn: number,
  varianceShown: (row: number) => number | null,
): PlannedCell[] {
  const column = table.columns.variancePct;
  const budgetColumn = table.columns.budget;
  if (column === undefined || budgetColumn === undefined) return [];
  const lines = model.lines.filter((l) => model.structure.kinds.get(l.row) === "line");
  const read = monthlyPercentColumn(sheet, table, model);
  const hundreds = read?.scale === "hundred";
  return lines.flatMap((line) => {
    const V = cellAddress(line.row, varianceColumn);
    const B = cellAddress(line.row, budgetColumn);
    const variance = varianceShown(line.row);
    const share =
      variance === null || line.budget === null || line.budget === 0
        ? ""
        : (variance / Math.abs(line.budget)) * (hundreds ? 100 : 1);
    // A council's typed share right at the precision it shows is kept, not rewritten.
    if (
      read &&
      typeof share === "number" &&
      keepsTypedShare(sheet.rows[line.row]?.[column], share, read)
    )
      return [];
    return [
      {
        row: line.row,
        formula: `=IF(AND(ISNUMBER(${V}),ISNUMBER(${B})),IF(${B}=0,"",${V}/ABS(${B})${hundreds ? "*100" : ""}),"")`,
        value: share,
      },
    ];
  });
}

/**
 * How the profile keeps its Variance % column (fractions or percentage points, and the places it
 * shows), read from its lines as budget tables read theirs; null without the column.
 */
export function monthlyPercentColumn(
  sheet: SheetSnapshot,
  table: MonthlyTable,
  model: MonthlyModel,
): PercentColumn | null {
  const column = table.columns.variancePct;
  if (column === undefined) return null;
  const lines = model.lines.filter((l) => model.structure.kinds.get(l.row) === "line");
  return variancePercentColumn(
    sheet,
    lines.map((l) => l.row),
    column,
    (row) => {
      const line = lines.find((l) => l.row === row);
      return line?.expectedVariance == null || !line.budget
        ? null
        : line.expectedVariance / Math.abs(line.budget);
    },
  );
}
