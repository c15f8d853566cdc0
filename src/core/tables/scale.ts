import type { SheetSnapshot } from "../snapshot";
import { unitOf } from "./header-units";
import { formatMoney } from "./money";
import { roundToPence } from "./pence";

/**
 * The scale a money column is kept in. Councils keep monitoring appendices and capital programmes
 * in thousands ("£'000", "£000", "£k") or millions ("£m"), stated in a units row under the header
 * or in the header words ("Budget £'000"). A cell's 280 in a £'000 column is £280,000: messages and
 * thresholds in pounds work on `amount × multiplier`; findings keep `expected`/`actual` in the
 * sheet's own units so the officer can find the figure they typed.
 */
export interface MoneyScale {
  /** 1, 1,000 or 1,000,000. */
  multiplier: number;
  /** How the sheet says it: "£", "£'000", "£m". */
  unit: string;
}

export const POUNDS: MoneyScale = { multiplier: 1, unit: "£" };

const THOUSANDS =
  /£\s*(?:'|’)?\s*000s?\b|£\s*k\b|£\s*thousands?\b|\(\s*£?\s*(?:'|’)?000s?\s*\)|\bthousands\b/i;
const MILLIONS = /£\s*m\b|£\s*millions?\b|\(\s*£?m\s*\)|\bmillions\b/i;

/** The scale stated by a unit ("£'000") or by header words ("Budget £000", "Total (£m)"); null when none is stated. */
export function scaleOf(text: string | null | undefined): MoneyScale | null {
  if (!text) return null;
  const t = text.trim();
  const m = MILLIONS.exec(t);
  if (m) return { multiplier: 1_000_000, unit: "£m" };
  const k = THOUSANDS.exec(t);
  if (k) return { multiplier: 1_000, unit: "£'000" };
  return null;
}

/** An amount in the column's units, in pounds (rounded to the penny). */
export function toPounds(amount: number, scale: MoneyScale): number {
  return roundToPence(amount * scale.multiplier);
}

/**
 * An amount in the column's units said in pounds, the way an officer reads it: "£280,000" for 280
 * in £'000, "£1,250,000" for 1.25 in £m. Always full pounds (never "£280k") so one message style
 * serves every sheet.
 */
export function formatScaled(amount: number, scale: MoneyScale): string {
  return formatMoney(toPounds(amount, scale));
}

/**
 * The scale of a column of a table whose header sits on `headerRow` (0-based): stated in its
 * header words ("Approved £'000"), in a units row just under the header ("£'000"), or in a group
 * label just over it; pounds when none is stated.
 */
export function columnScale(sheet: SheetSnapshot, headerRow: number, column: number): MoneyScale {
  const text = (row: number) => {
    const v = sheet.rows[row]?.[column]?.value;
    return typeof v === "string" ? v : null;
  };
  const below = text(headerRow + 1);
  return (
    scaleOf(text(headerRow)) ??
    (below !== null && unitOf(below) !== null ? scaleOf(below) : null) ??
    scaleOf(text(headerRow - 1)) ??
    POUNDS
  );
}

/** Rows over a table's top searched for a title that states the scale. */
const TITLE_DEPTH = 4;

/**
 * The scale a title line above a table states for every column ("General Fund Revenue Forecast
 * Outturn 2025/26 (£m)", "How the programme is financed (£'000)", "Figures in £000"): any cell
 * of the few rows over the table's top, nearest first; null when none. A row holding figures
 * belongs to a table above, not to this one's title, and ends the search. Every money kind takes
 * its title scale here; a units row or a column's header unit wins over it (`withTitleScale`).
 */
export function titleScale(sheet: SheetSnapshot, top: number): MoneyScale | null {
  for (let r = top - 1; r >= Math.max(0, top - TITLE_DEPTH); r--) {
    const cells = sheet.rows[r] ?? [];
    if (cells.some((cell) => typeof cell?.value === "number")) return null;
    for (const cell of cells) {
      const stated = typeof cell?.value === "string" ? scaleOf(cell.value) : null;
      if (stated) return stated;
    }
  }
  return null;
}

/** Each column's own scale (units row, header words), else the title's for the columns without. */
export function withTitleScale(
  own: ReadonlyMap<number, MoneyScale>,
  columns: Iterable<number>,
  title: MoneyScale | null,
): Map<number, MoneyScale> {
  const scales = new Map(own);
  if (title) for (const column of columns) if (!scales.has(column)) scales.set(column, title);
  return scales;
}
