import { parseStructRef } from "@borgar/fx";
import type { ExcelTable } from "../snapshot";

/**
 * Structured references ("Parks[Variance £]", "Parks[[#This Row],[Budget £]]",
 * "Parks[[#Totals],[Budget £]]") as the cells they name, so the formula evaluator reads a
 * council's table formulas as Excel does. Microsoft's "Using structured references with Excel
 * tables": a column name alone means the column's data rows (no header, no totals row); #Headers,
 * #Totals, #All and #Data name those parts; #This Row (the "@" Excel shows) the formula's own row;
 * [[Col1]:[Col3]] a span of columns.
 */

/** An Excel table and the sheet it is on. */
export interface PlacedTable {
  sheet: string;
  table: ExcelTable;
}

export interface CellArea {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The cells a structured reference names, or undefined when it names what cannot be placed (an
 * unknown table or column, #This Row outside the table's rows, another workbook).
 */
export function structuredArea(
  text: string,
  findTable: (name: string) => PlacedTable | undefined,
  /** The row of the formula's own cell, for #This Row; undefined when unknown. */
  ownRow: number | undefined,
): CellArea | undefined {
  const ref = parseStructRef(text);
  if (!ref?.table || (ref.context?.length ?? 0) > 0) return undefined;
  const placed = findTable(ref.table);
  if (!placed) return undefined;
  const { table } = placed;
  const names = table.columns.map((c) => c.toLowerCase());
  const wanted = ref.columns ?? [];
  const at = wanted.map((c) => names.indexOf(c.toLowerCase()));
  if (at.some((i) => i < 0)) return undefined;
  const left = table.firstColumn + (wanted.length ? Math.min(...at) : 0);
  const right = wanted.length ? table.firstColumn + Math.max(...at) : table.lastColumn;
  const header = table.showHeaders ? table.firstRow : undefined;
  const totals = table.showTotals ? table.lastRow : undefined;
  const dataTop = table.firstRow + (table.showHeaders ? 1 : 0);
  const dataBottom = table.lastRow - (table.showTotals ? 1 : 0);
  const sections = (ref.sections ?? []).map((s) => s.toLowerCase());
  let top = dataTop;
  let bottom = dataBottom;
  if (sections.includes("this row")) {
    if (ownRow === undefined || ownRow < dataTop || ownRow > dataBottom) return undefined;
    top = bottom = ownRow;
  } else if (sections.includes("all")) {
    top = table.firstRow;
    bottom = table.lastRow;
  } else if (sections.length > 0) {
    const rows: number[] = [];
    if (sections.includes("headers") && header !== undefined) rows.push(header);
    if (sections.includes("data")) rows.push(dataTop, dataBottom);
    if (sections.includes("totals") && totals !== undefined) rows.push(totals);
    if (rows.length === 0) return undefined;
    top = Math.min(...rows);
    bottom = Math.max(...rows);
  }
  if (bottom < top) return undefined;
  return { sheet: placed.sheet, top, left, bottom, right };
}
