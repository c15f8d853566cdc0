import { finding, type Finding } from "../findings";
import type { SheetSnapshot } from "../snapshot";
import { headerText, type TableRef } from "./totals";

/**
 * Columns of shares ("% NHS (if Joint Commissioner)", "% LA"): a share lies between 0% and 100%.
 * Excel stores a percentage as a fraction (60% is 0.6, shown through a "0%" number format), so a
 * typed 60 in such a column is 6000%, out of range. A column whose cells carry no percent format
 * and whose figures are all whole percentages (40, 60) is read on a 0–100 scale instead.
 * Excel keeps the fraction and multiplies by 100 only to show it; typing into a cell already
 * formatted as a percentage divides the entry by 100 unless AutoPercentEntry is off
 * (learn.microsoft.com/office/vba/api/excel.application.autopercententry), so a stored 60 is a
 * share typed before the format or pasted in.
 */
export type PercentScale = "fraction" | "hundred";

interface Share {
  row: number;
  value: number;
}

function sharesIn(sheet: SheetSnapshot, rows: readonly number[], column: number): Share[] {
  const out: Share[] = [];
  for (const row of rows) {
    const value = sheet.rows[row]?.[column]?.value;
    if (typeof value === "number") out.push({ row, value });
  }
  return out;
}

/** The scale a share column is kept in: its number format, else its figures. */
export function percentScale(
  sheet: SheetSnapshot,
  rows: readonly number[],
  column: number,
): PercentScale {
  const formatted = rows.some((row) =>
    (sheet.rows[row]?.[column]?.numberFormat ?? "").includes("%"),
  );
  if (formatted) return "fraction";
  const shares = sharesIn(sheet, rows, column);
  if (shares.length === 0) return "fraction";
  const fractions = shares.filter((s) => s.value >= 0 && s.value <= 1).length;
  return fractions * 2 >= shares.length ? "fraction" : "hundred";
}

/**
 * The scale a council's Variance % column is kept in: a percent format says fraction; without
 * one, its figures say — each compared with the line's true share (variance over |budget|): 3
 * beside a 3% share is kept in hundreds (3 = 3%), 0.03 in fractions. A column written in
 * hundreds is written as `…*100` under its own number format, never turned into fractions.
 */
export function variancePercentScale(
  sheet: SheetSnapshot,
  rows: readonly number[],
  column: number,
  share: (row: number) => number | null,
): PercentScale {
  const formatted = rows.some((row) =>
    (sheet.rows[row]?.[column]?.numberFormat ?? "").includes("%"),
  );
  if (formatted) return "fraction";
  let hundreds = 0;
  let fractions = 0;
  for (const { row, value } of sharesIn(sheet, rows, column)) {
    const actual = share(row);
    if (actual === null || actual === 0) continue;
    // Stated to one decimal place of a percent at most: 4.4 for 4.37%, 0.044 for 0.0437.
    if (Math.abs(value - actual * 100) <= 0.05 + 1e-9) hundreds++;
    else if (Math.abs(value - actual) <= 0.0005 + 1e-12) fractions++;
  }
  return hundreds > fractions ? "hundred" : "fraction";
}

/** Every share outside 0%–100% in the given rows and columns, as `out-of-range`. */
export function checkPercentCells(
  t: TableRef,
  rows: readonly number[],
  columns: readonly number[],
  out: Finding[],
): void {
  for (const column of columns) {
    const scale = percentScale(t.sheet, rows, column);
    const top = scale === "fraction" ? 1 : 100;
    for (const { row, value } of sharesIn(t.sheet, rows, column)) {
      if (value >= 0 && value <= top) continue;
      const shown = scale === "fraction" ? `${round(value * 100)}%` : `${round(value)}%`;
      out.push(
        finding(
          "out-of-range",
          t.sheet.name,
          row,
          column,
          `${headerText(t, column)} is ${shown} (${value}); a share lies between 0% and 100%` +
            (scale === "fraction" && value > 1 && value <= 100 ? ` — did you mean ${value}%?` : ""),
          { table: t.range, actual: value, expected: `0–${top}` },
        ),
      );
    }
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * A percentage as the sheet means it, one decimal place: 0.0249 in a % cell is 2.5%; a figure in
 * a cell without a % format is a fraction when it is within ±1 (0.0249) and already a percentage
 * otherwise (2.49), so a message never sets 0.0249 beside -2.9%.
 */
export function percentText(value: number, asFraction: boolean): string {
  const percent = asFraction || Math.abs(value) <= 1 ? value * 100 : value;
  return `${percent.toFixed(1)}%`;
}
