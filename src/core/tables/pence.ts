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

/** Pounds to whole pence, half a penny rounding up (as Math.round does); never -0. */
export function toPence(pounds: number): Pence {
  return (Math.round(pounds * 100) + 0) as Pence;
}

/** Whole pence back to pounds. */
export function fromPence(pence: Pence): number {
  return pence / 100;
}

/** Pounds rounded to the penny. */
export function roundToPence(pounds: number): number {
  return fromPence(toPence(pounds));
}

/** The sum of amounts in pounds, added as whole pence, in pounds. */
export function sumPounds(amounts: Iterable<number>): number {
  let pence = 0;
  for (const pounds of amounts) pence += toPence(pounds);
  return fromPence(pence as Pence);
}
