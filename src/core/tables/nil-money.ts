import { cellAddress } from "../a1";
import type { CellValue, SheetSnapshot } from "../snapshot";
import { parseMoney, type ParsedValue } from "../values";

/**
 * A dash or "nil" typed in a money column is an amount of nothing, as accountants write it
 * ("-", "–", "—", "nil"): a budget or forecast of £0, never a blank figure waiting to be filled
 * in. Monthly profiles read it so; this makes every money kind read it the same way.
 */
const NIL_MARK = /^\s*(?:[-–—]|nil)\s*$/i;

export function isNilMark(value: CellValue | undefined): boolean {
  return typeof value === "string" && NIL_MARK.test(value);
}

/** parseMoney, with a nil mark read as 0 (a number the officer typed as text). */
export function parseMoneyOrNil(value: CellValue): ParsedValue {
  return isNilMark(value) ? { kind: "number", value: 0, fromText: true } : parseMoney(value);
}

/** The amount in a cell, a nil mark being 0; null for a blank, text or "tbc". */
export function moneyOrNilAt(sheet: SheetSnapshot, row: number, column: number): number | null {
  const parsed = parseMoneyOrNil(sheet.rows[row]?.[column]?.value ?? null);
  return parsed.kind === "number" ? parsed.value : null;
}

/**
 * How a written formula reads a money cell: its address, or N(address) where the cell holds a
 * nil mark, so the formula works with it as 0 in Excel too and stays live if a figure is typed
 * over the dash later. Microsoft's N function page: N returns a number as that number and
 * "anything else" (text) as 0 (https://support.microsoft.com/excel/functions/n-function).
 */
export function moneyRef(sheet: SheetSnapshot, row: number, column: number): string {
  const address = cellAddress(row, column);
  return isNilMark(sheet.rows[row]?.[column]?.value) ? `N(${address})` : address;
}
