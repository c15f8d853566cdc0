import { finding, type Finding } from "../findings";
import { generalNumber } from "../number-format-shown";
import type { Cell, SheetSnapshot } from "../snapshot";
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
 * A council's Variance % column as it is read: the scale its figures are kept in and the decimal
 * places it shows them to. Councils type it as a fraction under a percent format (0.044 shown
 * 4.4%), as a fraction without one (0.0437), or in percentage points without a % format (4.4
 * meaning 4.4%, "-0.7" for an underspend of 0.7%), rounded to what they show.
 */
export interface PercentColumn {
  scale: PercentScale;
  /** Decimal places shown, in the column's own units (4.4 → 1; 4.4% of a fraction → 3). */
  decimals: number;
}

/** The most decimal places General shows: more are float noise, not what was typed. */
const MOST_DECIMALS = 10;

/**
 * The decimal places a column shows its figures to: its number format's ("0.0%" shows a fraction
 * to 3, "0.0" to 1), else, under General, the most its typed figures carry (General shows what
 * was typed: -0.7, 4 and 2.5 are shown to 1). A formula's figure is computed, not rounded by
 * anyone, so it says nothing of the places the council shows. Null when nothing says.
 */
function shownDecimals(
  sheet: SheetSnapshot,
  rows: readonly number[],
  column: number,
): number | null {
  let most: number | null = null;
  for (const row of rows) {
    const cell = sheet.rows[row]?.[column];
    if (typeof cell?.value !== "number") continue;
    const format = cell.numberFormat ?? "General";
    if (format !== "General" && /[0#?]/.test(format)) {
      const places = /\.([0#?]+)/.exec(format.split(";")[0] ?? "")?.[1]?.length ?? 0;
      return places + (format.includes("%") ? 2 : 0);
    }
    if (cell.formula) continue;
    const fraction = generalNumber(cell.value).split(".")[1] ?? "";
    if (!fraction.includes("E")) most = Math.max(most ?? 0, fraction.length);
  }
  return most === null ? null : Math.min(most, MOST_DECIMALS);
}

/**
 * True when a stated Variance % shows `share` (variance over |budget|, a fraction) at the
 * column's precision: within half a unit of its last decimal shown. A fraction is never held
 * tighter than a tenth of a percent (0.0005), as councils round shares to one place.
 */
export function showsShare(stated: number, share: number, column: PercentColumn): boolean {
  const value = column.scale === "hundred" ? share * 100 : share;
  const half = 0.5 * 10 ** -column.decimals;
  const tolerance = column.scale === "fraction" ? Math.max(half, 0.0005) : half;
  return Math.abs(stated - value) <= tolerance + 1e-9;
}

/** A figure as a column showing `decimals` places shows it, rounded half away from zero as Excel does. */
function shownAt(value: number, decimals: number): number {
  const scaled = Math.round(Math.abs(value) * 10 ** decimals * 1e9) / 1e9;
  return Math.sign(value) * Math.round(scaled);
}

/**
 * A council's typed share that is right at the precision its column shows, where the formula
 * written in its place would show another figure: 1.2 typed for 1.25% in a "0.0" column (half
 * way: the council rounded down, Excel rounds up). A right figure is not rewritten; the cell is
 * kept as typed. `computed` is what the formula would hold, in the column's own units.
 */
export function keepsTypedShare(
  cell: Cell | null | undefined,
  computed: number,
  column: PercentColumn,
): boolean {
  if (!cell || cell.formula || typeof cell.value !== "number") return false;
  const share = column.scale === "hundred" ? computed / 100 : computed;
  if (!showsShare(cell.value, share, column)) return false;
  return shownAt(cell.value, column.decimals) !== shownAt(computed, column.decimals);
}

/**
 * How a council's Variance % column is kept: a percent format says fraction; without one, its
 * figures say — each compared, at the decimals the column shows, with the line's true share
 * (variance over |budget|): 3 beside a 3% share is kept in hundreds (3 = 3%), 0.03 in fractions.
 * A column written in hundreds is written as `…*100` under its own number format, never turned
 * into fractions.
 */
export function variancePercentColumn(
  sheet: SheetSnapshot,
  rows: readonly number[],
  column: number,
  share: (row: number) => number | null,
): PercentColumn {
  const shown = shownDecimals(sheet, rows, column);
  // Where nothing says how many places are shown, one place of a percent: 4.4, or 0.044.
  const hundred: PercentColumn = { scale: "hundred", decimals: shown ?? 1 };
  const fraction: PercentColumn = { scale: "fraction", decimals: shown ?? 3 };
  const formatted = rows.some((row) =>
    (sheet.rows[row]?.[column]?.numberFormat ?? "").includes("%"),
  );
  if (formatted) return fraction;
  let hundreds = 0;
  let fractions = 0;
  for (const { row, value } of sharesIn(sheet, rows, column)) {
    const actual = share(row);
    if (actual === null || actual === 0) continue;
    // The scale is a matter of size: a sign typed the wrong way round is the line's own error.
    const [size, of] = [Math.abs(value), Math.abs(actual)];
    if (showsShare(size, of, hundred)) hundreds++;
    else if (showsShare(size, of, fraction)) fractions++;
  }
  return hundreds > fractions ? hundred : fraction;
}

/** The scale alone a council's Variance % column is kept in (see variancePercentColumn). */
export function variancePercentScale(
  sheet: SheetSnapshot,
  rows: readonly number[],
  column: number,
  share: (row: number) => number | null,
): PercentScale {
  return variancePercentColumn(sheet, rows, column, share).scale;
}

/**
 * The number format our formulas in a points column are written under: where the council rounded
 * under General (-0.7 typed for -0.704…), the places it showed ("0.0"), so the formula shows -0.7
 * as the typed figure did. None where the figures written need no more places than the column
 * showed (3 stays 3), for a fraction column, or for one the council formatted itself (kept).
 */
export function pointsFormat(
  sheet: SheetSnapshot,
  rows: readonly number[],
  column: number,
  read: PercentColumn,
  written: readonly unknown[],
): string | undefined {
  if (read.scale !== "hundred") return undefined;
  const formatted = rows.some((row) => {
    const format = sheet.rows[row]?.[column]?.numberFormat;
    return format !== undefined && format !== "General";
  });
  const step = 10 ** read.decimals;
  const longer = written.some(
    (v) => typeof v === "number" && Math.abs(Math.round(v * step) / step - v) > 1e-9,
  );
  if (formatted || !longer) return undefined;
  return read.decimals === 0 ? "0" : `0.${"0".repeat(read.decimals)}`;
}

/** A stated Variance % as the column means it, for messages: 4 in hundreds and 0.04 both 4.0%. */
export function statedPercentText(value: number, column: PercentColumn): string {
  return percentText(column.scale === "hundred" ? value / 100 : value, true);
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
