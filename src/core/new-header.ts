import type { ColumnWrite } from "./plan";
import { cellText, isEmptyCell, type SheetSnapshot } from "./snapshot";
import type { TableBounds } from "./tables/bounds";
import { areaAt, shownCell } from "./tables/header-spans";
import { unitOf } from "./tables/header-units";

/**
 * Where a new calculated column's header goes in a header block of two or three rows (group
 * labels merged over sub-headers, perhaps a units row): a council names its columns in the
 * sub-header row, so the new header goes there, not into the row of group labels; the units row
 * states the new column's unit as it does for the others. A one-row header is its own names row.
 */
export interface HeaderPlace {
  /** The row naming the columns: the lowest row of the block that is not a units row. */
  names: number;
  /** The row stating units ("£'000", "%"), when the block has one. */
  units: number | null;
}

type WithHeaderRows = TableBounds & { headerRows?: readonly number[] };

/** True when every text of the row in first..last is a unit ("£'000", "%", "No.", "(1-5)"). */
function statesUnits(sheet: SheetSnapshot, row: number, first: number, last: number): boolean {
  let units = 0;
  for (let c = first; c <= last; c++) {
    const cell = sheet.rows[row]?.[c];
    if (isEmptyCell(cell ?? undefined)) continue;
    if (cell?.formula || !unitOf(cellText(cell ?? undefined))) return false;
    units++;
  }
  return units > 0;
}

/**
 * True when a column's own name starts in row `above` and carries on below it, down to `row`
 * ("2025/26" over "Revised", "Date of" over "review"): the block's rows then name the columns
 * together, and a new header stays in the top row as before. A group label (a merge or typed span
 * wider than one column) and a header merged down (or standing over blank cells) do not.
 */
function stackedOver(sheet: SheetSnapshot, table: TableBounds, above: number, row: number) {
  for (let c = table.firstColumn; c <= table.lastColumn; c++) {
    const area = areaAt(sheet, above, c);
    if (area && (area.right > area.left || area.bottom >= row)) continue;
    if (!cellText(shownCell(sheet, above, c))) continue;
    for (let r = above + 1; r <= row; r++)
      if (cellText(sheet.rows[r]?.[c] ?? undefined)) return true;
  }
  return false;
}

export function headerPlace(sheet: SheetSnapshot, table: WithHeaderRows): HeaderPlace {
  const rows = table.headerRows && table.headerRows.length > 1 ? table.headerRows : [];
  let units: number | null = null;
  const naming: number[] = [];
  for (const row of rows) {
    // Rows above the header row hold group labels over its columns or a title beside the table
    // ("RAG key" over a key kept to its right): neither names the table's columns.
    if (row <= table.headerRow) continue;
    if (statesUnits(sheet, row, table.firstColumn, table.lastColumn)) units ??= row;
    else if (units === null) naming.push(row);
  }
  // The lowest row under which nothing above is a column's own stacked words names the columns.
  const names = [...naming]
    .reverse()
    .find((row) => rows.every((above) => above >= row || !stackedOver(sheet, table, above, row)));
  return { names: names ?? table.headerRow, units };
}

/**
 * The money unit the units row states for the table's amounts: the one most of its money
 * columns state ("£'000" on a thousands sheet). Null when the row states no money unit.
 */
function moneyUnit(sheet: SheetSnapshot, table: TableBounds, row: number): string | null {
  const counts = new Map<string, number>();
  for (let c = table.firstColumn; c <= table.lastColumn; c++) {
    const unit = unitOf(cellText(sheet.rows[row]?.[c] ?? undefined));
    if (unit && unit.includes("£")) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [unit, count] of counts) if (best === null || count > counts.get(best)!) best = unit;
  return best;
}

/**
 * The unit a new column states: "%" for a percentage, the table's money unit for an amount
 * (variance, year total, balance), nothing for a label (priority, status, RAG) — a label has no
 * unit, and a score's scale is the key's to state.
 */
function unitFor(
  sheet: SheetSnapshot,
  table: TableBounds,
  op: ColumnWrite,
  unitsRow: number,
  money: boolean,
): string | null {
  if (!money) return null;
  if (op.numberFormat?.includes("%")) return "%";
  const amounts = op.cells.some((c) => typeof c.value === "number");
  return amounts ? moneyUnit(sheet, table, unitsRow) : null;
}

/**
 * A new column's header moved from the block's top row to its names row, and its unit written
 * into the units row (as a plain text cell of the column, above its figures). A column the sheet
 * already has (header null) is left as it is.
 */
export function placeHeader(
  sheet: SheetSnapshot,
  table: TableBounds,
  op: ColumnWrite,
  place: HeaderPlace,
  money: boolean,
): ColumnWrite {
  if (!op.header || op.header.row !== table.headerRow) return op;
  if (place.names === table.headerRow && place.units === null) return op;
  const unit = place.units === null ? null : unitFor(sheet, table, op, place.units, money);
  const header = { ...op.header, row: place.names };
  if (unit === null || place.units === null) return { ...op, header };
  return { ...op, header, cells: [{ row: place.units, formula: null, value: unit }, ...op.cells] };
}
