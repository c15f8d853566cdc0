import { cellAddress, rangeAddress } from "../a1";
import type { ColumnWrite, PlannedCell, WriteOperation } from "../plan";
import { guardWrites, newColumns } from "../plan-helpers";
import type { SheetSnapshot } from "../snapshot";
import { roundToPenceScaled, sumScaled, sumFormula } from "../tables/money";
import { columnScale } from "../tables/scale";
import type { Structure } from "../tables/sections";
import { grandParts } from "../tables/totals";
import type { FundingTable } from "./detect";
import type { GrantColumns } from "./grants";

const TITLE = "Balance £";

/**
 * A grants register with no balance column gets one: each grant's award less paid to date as a
 * live formula (=IF(AND(ISNUMBER(D5),ISNUMBER(E5)),D5-E5,"") — a "tbc" award leaves it blank
 * rather than reading as nil), and each total row the SUM of the balances it covers, so the
 * column stays right when a payment is entered.
 */
export function planGrantBalance(
  sheet: SheetSnapshot,
  table: FundingTable,
  structure: Structure,
  grant: GrantColumns,
): WriteOperation[] {
  if (grant.balance !== null) return [];
  const { first: column, operations } = newColumns(sheet, table, 1, "edge", [TITLE]);
  const number = (row: number, c: number): number | null => {
    const cell = sheet.rows[row]?.[c];
    return typeof cell?.value === "number" ? cell.value : null;
  };
  // Balances are in the award's unit, rounded to the pound's penny (0.125 in £'000 is £125).
  const multiplier = columnScale(sheet, table.headerRow, grant.award).multiplier;
  const balances = new Map<number, number>();
  const cells: PlannedCell[] = [];
  for (const row of table.dataRows) {
    if (structure.kinds.get(row) !== "line") continue;
    const award = cellAddress(row, grant.award);
    const paid = cellAddress(row, grant.paid);
    const a = number(row, grant.award);
    const p = number(row, grant.paid);
    const value = a !== null && p !== null ? roundToPenceScaled(a - p, multiplier) : "";
    if (typeof value === "number") balances.set(row, value);
    cells.push({
      row,
      formula: `=IF(AND(ISNUMBER(${award}),ISNUMBER(${paid})),${award}-${paid},"")`,
      value,
    });
  }
  const total = (row: number, parts: readonly number[]) => {
    const value = sumScaled(
      parts.map((r) => balances.get(r) ?? 0),
      multiplier,
    );
    balances.set(row, value);
    cells.push({ row, formula: sumFormula(parts.map((r) => [r, column] as const)), value });
  };
  for (const section of structure.sections)
    if (section.totalRow !== null) total(section.totalRow, section.lines);
  for (const grand of structure.grandTotals) total(grand, grandParts(structure, grand));
  // A totals row with nothing to add (no lines) is left alone rather than written =SUM().
  const kept = cells.filter((c) => c.formula !== "=0");
  const op: ColumnWrite = {
    kind: "column",
    sheet: sheet.name,
    table: rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn),
    column,
    title: TITLE,
    header: { row: table.headerRow, text: TITLE },
    cells: kept.sort((a, b) => a.row - b.row),
    numberFormat: sheet.rows[table.dataRows[0] ?? 0]?.[grant.award]?.numberFormat ?? "#,##0",
    styleFrom: grant.paid,
  };
  return guardWrites(sheet, table, [...operations, op], { money: true });
}
