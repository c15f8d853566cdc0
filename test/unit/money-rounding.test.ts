import fc from "fast-check";
import {
  formatMoney,
  HALF_PENNY,
  isNilMoney,
  NOT_AN_AMOUNT,
  roundDecimal,
  roundToMicroUnits,
  toMicroUnits,
  toPence,
} from "../../src/core/tables/money";

/**
 * The oracle: a decimal string rounded to `places` decimals, half away from zero, in exact
 * integer arithmetic (BigInt), never touching floating point.
 */
function exactRound(decimal: string, places: number): bigint {
  const negative = decimal.startsWith("-");
  const [whole = "0", fraction = ""] = decimal.replace("-", "").split(".");
  const digits = BigInt(whole + fraction);
  const scale = 10n ** BigInt(fraction.length);
  const shifted = digits * 10n ** BigInt(places);
  let rounded = shifted / scale;
  if ((shifted % scale) * 2n >= scale) rounded += 1n;
  return negative ? -rounded : rounded;
}

/**
 * Decimals as an officer types them: up to 15 significant digits (so the float that reads them
 * back prints as the same decimal), with 0–6 decimal places.
 */
const typedDecimal = fc
  .tuple(
    fc.boolean(),
    fc.bigInt({ min: 0n, max: 999_999_999n }),
    fc
      .integer({ min: 0, max: 5 })
      .chain((n) => fc.tuple(fc.constant(n), fc.bigInt({ min: 0n, max: 10n ** BigInt(n) - 1n }))),
  )
  .map(([negative, whole, [places, fraction]]) => {
    const text = places === 0 ? `${whole}` : `${whole}.${String(fraction).padStart(places, "0")}`;
    return negative ? `-${text}` : text;
  });

describe("toPence rounds the decimal that was typed, half away from zero", () => {
  it.each([
    [1.005, 101],
    [-1.005, -101],
    [0.285, 29],
    [1.015, 102],
    [2.675, 268],
    [8.345, 835],
    [1234567.895, 123456790],
    [0.005, 1],
    [0.0049, 0],
    [-0.004, 0],
    [0.29, 29],
    [12.345, 1235],
  ])("%p pounds is %p pence", (pounds, pence) => {
    expect(toPence(pounds)).toBe(pence);
  });

  it("never gives -0", () => {
    expect(Object.is(toPence(-0.001), 0)).toBe(true);
    expect(Object.is(toPence(-0), 0)).toBe(true);
  });

  it("agrees with exact decimal arithmetic (BigInt) for every typed amount", () => {
    fc.assert(
      fc.property(typedDecimal, (decimal) => {
        expect(BigInt(toPence(Number(decimal)))).toBe(exactRound(decimal, 2));
      }),
      { numRuns: 20000 },
    );
  });

  it("agrees with exact decimal arithmetic at every number of places (micro-units of £m)", () => {
    fc.assert(
      fc.property(typedDecimal, fc.integer({ min: 0, max: 6 }), (decimal, places) => {
        expect(BigInt(roundDecimal(Number(decimal), places))).toBe(exactRound(decimal, places));
      }),
      { numRuns: 20000 },
    );
  });

  it("rounds exact halves in millionths the same way (0.0000005 → 1 micro-unit)", () => {
    expect(toMicroUnits(0.0000005)).toBe(1);
    expect(toMicroUnits(-2.8750005)).toBe(-2875001);
    expect(roundToMicroUnits(1.42 - 1.51)).toBe(-0.09);
  });

  it("passes NaN and Infinity through rather than inventing an amount", () => {
    expect(toPence(NaN)).toBeNaN();
    expect(toPence(Infinity)).toBe(Infinity);
  });
});

describe("half a penny", () => {
  it("is the one tolerance: within it is nil, beyond it is not", () => {
    expect(HALF_PENNY).toBe(0.005);
    expect(isNilMoney(0.004)).toBe(true);
    expect(isNilMoney(-0.005)).toBe(true);
    expect(isNilMoney(1.42 - 1.42 + 0.1 + 0.2 - 0.3)).toBe(true);
    expect(isNilMoney(0.006)).toBe(false);
  });
});

describe("formatMoney of something that is not an amount", () => {
  it.each([NaN, Infinity, -Infinity])("%p says it is not a number", (value) => {
    expect(formatMoney(value)).toBe(NOT_AN_AMOUNT);
    expect(formatMoney(value)).not.toMatch(/£|NaN|∞/);
  });

  it("rounds a typed half penny away from zero in what it prints", () => {
    expect(formatMoney(1.005)).toBe("£1.01");
    expect(formatMoney(-1.005)).toBe("-£1.01");
  });
});
