import { cellAddress } from "../a1";
import type { SheetSnapshot } from "../snapshot";
import { parseMoney, roundMoney, type ParsedValue } from "../values";

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
 * The sum as an officer means it: numbers typed as text count, "tbc" is left out. Parts are added
 * in ten-thousandths of the sheet's unit, not pence: in £m a part of 2.875 (£2,875,000) rounded
 * to 2.88 would put the sum of a right total £5,000 out; in pounds it is the same as pence.
 */
export function sumMoney(
  sheet: SheetSnapshot,
  cells: readonly At[],
  resolve: Resolve = cellMoney(sheet),
): MoneySum {
  let parts = 0;
  let unconfirmed = 0;
  for (const [r, c] of cells) {
    const parsed = resolve(r, c);
    if (parsed.kind === "number") parts += Math.round(parsed.value * 10_000);
    else if (parsed.kind === "unconfirmed") unconfirmed++;
  }
  return { total: parts / 10_000, unconfirmed };
}

/** What Excel's SUM over these cells gives: numbers only, text ignored. */
export function sumFormulaValue(sheet: SheetSnapshot, cells: readonly At[]): number {
  let sum = 0;
  for (const [r, c] of cells) {
    const v = sheet.rows[r]?.[c]?.value;
    if (typeof v === "number") sum += v;
  }
  return roundMoney(sum);
}

/**
 * Equal to the penny. Amounts kept in £'000 or £m carry more than two decimals (0.465 is
 * £465,000 in £m), so rounding each side to pence can split two equal amounts that straddle a
 * half penny (−0.46499999… from a formula against −0.47 from pence arithmetic): within half a
 * penny of each other is the same amount too.
 */
export function samePence(a: number, b: number): boolean {
  return Math.round(a * 100) === Math.round(b * 100) || Math.abs(a - b) <= 0.005 + 1e-9;
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

/** £1,234 or £1,234.50; negatives as -£5,000. */
export function formatMoney(value: number): string {
  const pence = Math.round(Math.abs(value) * 100);
  const pounds = Math.floor(pence / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const rest = pence % 100 === 0 ? "" : `.${String(pence % 100).padStart(2, "0")}`;
  return `${value < 0 ? "-" : ""}£${pounds}${rest}`;
}

/** A sheet name as a formula reference: 'Appendix 2'!. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}
