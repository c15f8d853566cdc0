import type { CellValue, SheetSnapshot } from "../snapshot";
import { evaluateFormula, type FormulaValue } from "../tables/formula-eval";
import { isError } from "../tables/formula-values";

/** What a formula on `sheet` computes, reading other sheets too; undefined beyond the evaluator. */
export function computed(
  sheet: SheetSnapshot,
  formula: string,
  sheets: readonly SheetSnapshot[] | undefined,
): FormulaValue | undefined {
  const lookup = (name: string, r: number, c: number) => {
    const on = name === sheet.name ? sheet : sheets?.find((x) => x.name === name);
    return on ? (on.rows[r]?.[c] ?? null) : undefined;
  };
  return evaluateFormula(formula, sheet.name, lookup);
}

/**
 * The error a formula cell shows, saved or (saved without a value) computed, with the formula
 * without its "=": a council's MATCH over its word list gives #N/A for a word not in the list.
 * Null for a cell that is no formula or shows no error.
 */
export function formulaError(
  sheet: SheetSnapshot,
  row: number,
  column: number,
  sheets: readonly SheetSnapshot[] | undefined,
): { formula: string; error: string } | null {
  const cell = sheet.rows[row]?.[column];
  if (!cell?.formula) return null;
  let error = cell.error;
  if (!error && cell.value === null) {
    const v = computed(sheet, cell.formula, sheets);
    if (isError(v)) error = v.error;
  }
  return error ? { formula: cell.formula.replace(/^=/, ""), error } : null;
}

/**
 * What a cell shows: its saved value, or for a formula saved without one (a file written by a tool
 * that never calculates) what the formula computes on its own sheet. Null where the cell is empty,
 * the formula errs or is beyond the evaluator: no value to read a column's contents by.
 */
export function shownOnSheet(sheet: SheetSnapshot, row: number, column: number): CellValue {
  const cell = sheet.rows[row]?.[column];
  if (!cell?.formula || cell.value !== null || cell.error) return cell?.value ?? null;
  const v = computed(sheet, cell.formula, undefined);
  return v === undefined || (typeof v === "object" && v !== null) ? null : v;
}
