import { cellAddress } from "../a1";
import type { SheetSnapshot } from "../snapshot";
import { parseMoney, type ParsedValue } from "../values";
import { fromPence, isSensibleAmount, roundToPence, sumInUnit, toPence } from "./pence";

export {
  fromMicroUnits,
  fromPence,
  fromPenceScaled,
  HALF_PENNY,
  isNilMoney,
  isSensibleAmount,
  MAX_SENSIBLE_POUNDS,
  roundDecimal,
  roundToMicroUnits,
  roundToPence,
  roundToPenceScaled,
  penceDecimals,
  samePence,
  sumInUnit,
  sumPence,
  sumPounds,
  sumScaled,
  toMicroUnits,
  toPence,
  toPenceScaled,
  withinAPenny,
  withoutFloatNoise,
  type Pence,
} from "./pence";

export type At = readonly [row: number, column: number];

export interface MoneySum {
  /** In pounds, exact to the penny. */
  total: number;
  /** Parts that were "tbc"/"n/a": left out of the total and said so. */
  unconfirmed: number;
}

/** Reads a cell's amount; checks may substitute a recomputed value for a derived cell. */
export type Resolve = (row: number, column: number) => ParsedValue;

export const cellMoney =
  (sheet: SheetSnapshot): Resolve =>
  (r, c) =>
    parseMoney(sheet.rows[r]?.[c]?.value ?? null);

/**
 * The sum as an officer means it: numbers typed as text count, "tbc" is left out. In the sheet's
 * units; `multiplier` is the unit in pounds (1,000 for £'000, 1,000,000 for £m).
 */
export function sumMoney(
  sheet: SheetSnapshot,
  cells: readonly At[],
  resolve: Resolve = cellMoney(sheet),
  multiplier = 1,
): MoneySum {
  const numbers: number[] = [];
  let unconfirmed = 0;
  for (const [r, c] of cells) {
    const parsed = resolve(r, c);
    if (parsed.kind === "number") numbers.push(parsed.value);
    else if (parsed.kind === "unconfirmed") unconfirmed++;
  }
  return { total: sumInUnit(numbers, multiplier), unconfirmed };
}

/** What Excel's SUM over these cells gives: numbers only, text ignored. */
export function sumFormulaValue(sheet: SheetSnapshot, cells: readonly At[]): number {
  let sum = 0;
  for (const [r, c] of cells) {
    const v = sheet.rows[r]?.[c]?.value;
    if (typeof v === "number") sum += v;
  }
  return roundToPence(sum);
}

/** "=SUM(D5:D11,D14,D18:D20)": runs of neighbouring cells become ranges. */
export function sumFormula(cells: readonly At[], sheetPrefix = ""): string {
  if (cells.length === 0) return "=0";
  const sorted = [...cells].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const parts: string[] = [];
  let start = sorted[0] as At;
  let end = start;
  const flush = () => {
    const from = sheetPrefix + cellAddress(start[0], start[1]);
    parts.push(start === end ? from : `${from}:${cellAddress(end[0], end[1])}`);
  };
  for (const cell of sorted.slice(1)) {
    if (cell[1] === end[1] && cell[0] === end[0] + 1) end = cell;
    else if (cell[0] === end[0] && cell[1] === end[1] + 1 && start[0] === end[0]) end = cell;
    else {
      flush();
      start = cell;
      end = cell;
    }
  }
  flush();
  return `=SUM(${parts.join(",")})`;
}

const WHOLE_POUNDS = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const WITH_PENCE = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** What formatMoney writes for NaN or ±Infinity: words, never "£NaN" or "£∞". */
export const NOT_AN_AMOUNT = "not a number";

/**
 * An amount in pounds as an officer writes it: £1,234 when whole, £1,234.50 when not; negatives
 * as -£5,000. Rounded to the penny first, so -0.004 is £0, never "-£0". NaN and ±Infinity are
 * no amount at all and say so (NOT_AN_AMOUNT) rather than throw: they reach a finding's message
 * only from a bug, and a report that says "not a number" points at it without losing the rest.
 * Beyond ±MAX_SENSIBLE_POUNDS (about £90 trillion) the float holds no pence, so the amount is
 * written in whole pounds as the float reads (1e21 is £1,000,000,000,000,000,000,000), never
 * with made-up pence; isSensibleAmount is how checks tell such an amount apart.
 */
export function formatMoney(pounds: number): string {
  if (!Number.isFinite(pounds)) return NOT_AN_AMOUNT;
  if (!isSensibleAmount(pounds)) return WHOLE_POUNDS.format(pounds);
  const pence = toPence(pounds);
  return (pence % 100 === 0 ? WHOLE_POUNDS : WITH_PENCE).format(fromPence(pence));
}

/** A sheet name as a formula reference: 'Appendix 2'!. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}
