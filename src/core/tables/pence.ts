/**
 * Money's arithmetic in integer pence. Part of the money module (tables/money.ts re-exports all of
 * it; use it from there); kept apart only so the value parser (values.ts), which money.ts itself
 * uses, can round to the penny without an import cycle.
 *
 * Amounts arrive as pounds in floating point (1234.5, or 0.465 in a £m column times 1,000,000).
 * Sums and comparisons are done on whole pence, so 0.1 + 0.2 is 0.30 and never 0.30000000000000004.
 */

/** A whole number of pence. Branded so pounds and pence are not mixed by accident. */
export type Pence = number & { readonly __pence: unique symbol };

/**
 * Half a penny, in pounds: two amounts this close are the same amount to the penny, and an
 * amount this small is nil (a variance of −0.004 is "On budget", never an underspend).
 */
export const HALF_PENNY = 0.005;

/**
 * The largest amount, in pounds, whose pence are exact in a float: Number.MAX_SAFE_INTEGER pence,
 * about £90 trillion. No council sheet holds more; an amount beyond it is not a sensible amount
 * (a typo or an overflowed formula), its pence cannot be counted, and toPence is not exact there.
 */
export const MAX_SENSIBLE_POUNDS = Number.MAX_SAFE_INTEGER / 100;

/** Whether `pounds` is a finite amount within ±MAX_SENSIBLE_POUNDS, so its pence are exact. */
export function isSensibleAmount(pounds: number): boolean {
  return Number.isFinite(pounds) && Math.abs(pounds) <= MAX_SENSIBLE_POUNDS;
}

/** Whether `pounds` is nil to the penny (within half a penny of zero). */
export function isNilMoney(pounds: number): boolean {
  return Math.abs(pounds) <= HALF_PENNY + 1e-9;
}

/**
 * `value` × 10^`places`, rounded to a whole number half away from zero as the decimal the
 * officer typed rounds: 1.005 is 1.005, not the 1.00499999999999989… that the float holds, so
 * it gives 101 pence where Math.round(1.005 * 100) gives 100. Non-finite values pass through.
 */
export function roundDecimal(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const scaled = abs * 10 ** places;
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  // Away from a half, the float product rounds as the decimal does (its error is a few units in
  // the last place of `scaled`); at or near a half only the decimal digits can say.
  const magnitude =
    Math.abs(fraction - 0.5) > 1e-9 + scaled * 1e-15
      ? floor + (fraction > 0.5 ? 1 : 0)
      : roundShortestDecimal(abs, places);
  return (value < 0 ? -magnitude : magnitude) + 0;
}

/**
 * Rounds the shortest decimal that reads back as `abs` (what JavaScript prints for it, and what a
 * typed amount with up to 15 significant digits was), shifted by `places`, half up.
 */
function roundShortestDecimal(abs: number, places: number): number {
  const [mantissa = "0", exponent = "0"] = abs.toExponential().split("e");
  const digits = mantissa.replace(".", "");
  // The decimal point sits after `point` digits once shifted by `places`.
  const point = Number(exponent) + 1 + places;
  if (point >= digits.length) return Number(digits.padEnd(point, "0"));
  if (point < 0) return 0;
  const whole = point === 0 ? 0 : Number(digits.slice(0, point));
  return whole + ((digits[point] ?? "0") >= "5" ? 1 : 0);
}

/** Pounds to whole pence, half a penny rounding away from zero (1.005 → 101); never -0. */
export function toPence(pounds: number): Pence {
  return roundDecimal(pounds, 2) as Pence;
}

/** Whole pence back to pounds. */
export function fromPence(pence: Pence | number): number {
  return pence / 100;
}

/** Pounds rounded to the penny. */
export function roundToPence(pounds: number): number {
  return fromPence(toPence(pounds));
}

/** The sum of amounts in pounds, each rounded to whole pence first, in whole pence. */
export function sumPence(amounts: Iterable<number>): Pence {
  let pence = 0;
  for (const pounds of amounts) pence += toPence(pounds);
  return pence as Pence;
}

/** The sum of amounts in pounds, added as whole pence, in pounds. */
export function sumPounds(amounts: Iterable<number>): number {
  return fromPence(sumPence(amounts));
}

/**
 * Two sums in whole pence agree but for a penny: each part rounded to the penny on its own can
 * leave a sum a penny from the total the council rounded once (three thirds of £1).
 */
export function withinAPenny(a: Pence, b: Pence): boolean {
  return Math.abs(a - b) <= 1;
}

/**
 * Millionths of a sheet's own unit. Tables in £'000 or £m carry more than two decimals (0.512 in a
 * £m column is £512,000), so their sums are kept in millionths of the unit, not pence of it.
 */
export function toMicroUnits(amount: number): number {
  return roundDecimal(amount, 6);
}

export function fromMicroUnits(micro: number): number {
  return micro / 1e6;
}

/** An amount in a sheet's own unit, rounded to a millionth of it (see toMicroUnits). */
export function roundToMicroUnits(amount: number): number {
  return fromMicroUnits(toMicroUnits(amount));
}

/**
 * The decimal places of a column's unit below the pound's penny: 2 for £, 5 for £'000, 8 for £m;
 * null when the multiplier is not a power of ten (then the float product is rounded instead).
 */
function pennyPlaces(multiplier: number): number | null {
  const places = penceDecimals(multiplier);
  return multiplier > 0 && 10 ** (places - 2) === multiplier ? places : null;
}

/**
 * How many decimals of a column's unit reach the pound's penny (2 for £, 5 for £'000, 8 for £m):
 * the places of an Excel ROUND that rounds a figure in that unit to the penny.
 */
export function penceDecimals(multiplier: number): number {
  return 2 + Math.round(Math.log10(multiplier));
}

/**
 * An amount in a column's own unit (0.125 in £'000, i.e. £125) to whole pence of the POUND, as
 * its decimal reads: 0.125 × 1,000 → 12,500p. Never round to a hundredth of the unit (0.13 in
 * £'000 is £130, £5 off): money kept in £'000 or £m is summed and compared in these pence.
 */
export function toPenceScaled(amount: number, multiplier: number): Pence {
  const places = pennyPlaces(multiplier);
  return (places === null ? toPence(amount * multiplier) : roundDecimal(amount, places)) as Pence;
}

/** Whole pence of the pound back to a column's unit (12,500p → 0.125 in £'000), as exact as the float allows. */
export function fromPenceScaled(pence: Pence | number, multiplier: number): number {
  const places = pennyPlaces(multiplier);
  // One correctly rounded division by an exact power of ten gives the float nearest the decimal.
  return places === null ? pence / 100 / multiplier : pence / 10 ** places;
}

/** An amount in a column's unit, rounded to the pound's penny and kept in that unit. */
export function roundToPenceScaled(amount: number, multiplier: number): number {
  return fromPenceScaled(toPenceScaled(amount, multiplier), multiplier);
}

/** The sum of amounts in a column's unit, added as whole pence of the pound, in that unit. */
export function sumScaled(amounts: Iterable<number>, multiplier: number): number {
  let pence = 0;
  for (const amount of amounts) pence += toPenceScaled(amount, multiplier);
  return fromPenceScaled(pence, multiplier);
}

/**
 * Two amounts in a column's unit (pounds by default; `multiplier` 1,000 for £'000) are the same to
 * the pound's penny. Amounts kept in £'000 or £m carry more than two decimals (0.465 is £465,000 in
 * £m), so rounding each side to pence can split two equal amounts that straddle a half penny
 * (−0.46499999… from a formula against −0.465 from pence arithmetic): within half a penny of each
 * other is the same amount too. The one tolerance for money: no check has its own.
 */
export function samePence(a: number, b: number, multiplier = 1): boolean {
  return (
    toPenceScaled(a, multiplier) === toPenceScaled(b, multiplier) ||
    Math.abs(a - b) * multiplier <= HALF_PENNY + 1e-9
  );
}

/**
 * The sum of amounts in a column's unit, exact to whichever is finer: a millionth of the unit, or
 * the pound's penny (in £m a millionth is a whole pound). Not pence of the unit: 0.512 in a £m
 * column is £512,000, and rounding it to 0.51 would lose £2,000 a cell; not pence of the pound
 * either in £, where a typed 12.345 stays 12.345 for the check to quote.
 */
export function sumInUnit(amounts: Iterable<number>, multiplier = 1): number {
  const places = pennyPlaces(multiplier);
  const fine = places === null ? null : Math.max(6, places);
  const steps = fine === null ? Math.max(1e6, multiplier * 100) : 10 ** fine;
  let count = 0;
  for (const amount of amounts)
    count += fine === null ? roundDecimal(amount * steps, 0) : roundDecimal(amount, fine);
  return count / steps;
}

/**
 * A formula's result as Excel shows it, without the float noise of its arithmetic (0.1 + 0.2 is
 * 0.3, not 0.30000000000000004): rounded to a billionth, far below any penny of any unit.
 */
export function withoutFloatNoise(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
