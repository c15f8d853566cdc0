import { cellAddress, rangeAddress } from "../a1";
import type { ColumnWrite, PlannedCell, WriteOperation } from "../plan";
import { guardWrites, newColumns } from "../plan-helpers";
import { cellText, type SheetSnapshot } from "../snapshot";
import { roundToPenceScaled, sumScaled, sumFormula } from "../tables/money";
import { columnScale } from "../tables/scale";
import type { Structure } from "../tables/sections";
import { grandParts } from "../tables/totals";
import type { FundingTable } from "./detect";
import type { GrantColumns } from "./grants";

const TITLE = "Balance £";

/**
 * The balance is a calculated column (DESIGN: calculated columns are live formulas), as a budget's
 * variance is. A grants register with no balance column gets one: each grant's award less paid to
 * date as a live formula (=IF(AND(ISNUMBER(D5),ISNUMBER(E5)),D5-E5,"") — a "tbc" award leaves it
 * blank rather than reading as nil), and each total row the SUM of the balances it covers, so the
 * column stays right when a payment is entered. A balance column the council keeps gets the same
 * formula on its lines where a figure is typed or nothing is (a typed 1,150,000 for 2,100,000 −
 * 1,050,000 is replaced, as a typed variance is); its formulas and its total rows are its own.
 */
export function planGrantBalance(
  sheet: SheetSnapshot,
  table: FundingTable,
  structure: Structure,
  grant: GrantColumns,
): WriteOperation[] {
  const own = grant.balance;
  const { first: column, operations } =
    own === null ? newColumns(sheet, table, 1, "edge", [TITLE]) : { first: own, operations: [] };
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
  // Typed totals in the council's own column are checked, replaced only when asked (funding's
  // --replace-totals): the new column's totals are ours to write.
  if (own === null) {
    for (const section of structure.sections)
      if (section.totalRow !== null) total(section.totalRow, section.lines);
    for (const grand of structure.grandTotals) total(grand, grandParts(structure, grand));
  }
  // A totals row with nothing to add (no lines) is left alone rather than written =SUM().
  const kept = cells.filter((c) => c.formula !== "=0");
  const op: ColumnWrite = {
    kind: "column",
    sheet: sheet.name,
    table: rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn),
    column,
    title:
      own === null ? TITLE : cellText(sheet.rows[table.headerRow]?.[own] ?? undefined) || TITLE,
    header: own === null ? { row: table.headerRow, text: TITLE } : null,
    cells: kept.sort((a, b) => a.row - b.row),
    money: true,
    // A new column takes the award's look; the council's own column keeps its own format.
    ...(own === null
      ? { numberFormat: formatOf(sheet, table, grant.award) ?? "#,##0", styleFrom: grant.paid }
      : withFormat(formatOf(sheet, table, own))),
  };
  return guardWrites(sheet, table, [...operations, op], { money: true });
}

/** The number format a money column's lines carry, if any. */
function formatOf(sheet: SheetSnapshot, table: FundingTable, column: number): string | undefined {
  for (const r of table.dataRows) {
    const format = sheet.rows[r]?.[column]?.numberFormat;
    if (format && format !== "General") return format;
  }
  return undefined;
}

const withFormat = (format: string | undefined) => (format ? { numberFormat: format } : {});
