import fc from "fast-check";
import type { ColumnWrite } from "../../src/core/plan";
import {
  formatMoney,
  fromPenceScaled,
  isSensibleAmount,
  MAX_SENSIBLE_POUNDS,
  toPence,
  roundToPenceScaled,
  samePence,
  sumScaled,
  toPenceScaled,
} from "../../src/core/tables/money";
import { analyseProfile, buildProfile, type ProfileLine } from "../helpers/monthly-builder";

/**
 * Money kept in a column's own unit (£, £'000, £m) is summed in pence of the POUND, never in
 * hundredths of the unit: 0.125 in £'000 is £125, and rounding it to 0.13 would make it £130.
 * The oracle is integer arithmetic: amounts are generated as whole pence, written in the unit as
 * the decimal an officer types (pence ÷ (100 × multiplier)), and their exact sum is the sum of
 * the integers.
 */
const SCALES = [
  ["£", 1],
  ["£'000", 1_000],
  ["£m", 1_000_000],
] as const;

/** The decimal an officer types for `pence` in a unit of `multiplier` pounds. */
const typed = (pence: number, multiplier: number) => Number(decimal(pence, multiplier));
function decimal(pence: number, multiplier: number): string {
  const places = Math.round(Math.log10(multiplier)) + 2;
  const digits = String(Math.abs(pence)).padStart(places + 1, "0");
  const text = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return pence < 0 ? `-${text}` : text;
}

describe("scaled money: pence of the pound", () => {
  it.each(SCALES)("in %s, twelve months of £125 make £1,500", (_unit, multiplier) => {
    const month = 125 / multiplier;
    expect(toPenceScaled(month, multiplier)).toBe(12_500);
    expect(sumScaled(Array(12).fill(month), multiplier)).toBe(1_500 / multiplier);
  });

  it.each(SCALES)("in %s, the sum of scaled amounts is the exact decimal sum", (_u, multiplier) => {
    const pence = fc.integer({ min: -5_000_000_000, max: 5_000_000_000 });
    fc.assert(
      fc.property(fc.array(pence, { maxLength: 24 }), (counts) => {
        const amounts = counts.map((p) => typed(p, multiplier));
        const exact = counts.reduce((a, b) => a + b, 0);
        expect(amounts.map((a) => toPenceScaled(a, multiplier))).toEqual(counts.map((p) => p + 0));
        expect(sumScaled(amounts, multiplier)).toBe(typed(exact, multiplier));
        expect(fromPenceScaled(exact, multiplier)).toBe(typed(exact, multiplier));
      }),
    );
  });

  it("rounds to the pound's penny, half away from zero, as the decimal reads", () => {
    expect(roundToPenceScaled(0.1234565, 1_000)).toBe(0.12346);
    expect(toPenceScaled(0.1234565, 1_000)).toBe(12_346); // £123.4565 → £123.46
    expect(toPenceScaled(-0.00000005, 1_000_000)).toBe(-5); // −£0.05 in £m
    expect(toPenceScaled(1.005, 1)).toBe(101);
  });

  it("two amounts in £'000 are the same within half a penny of a pound, not of the unit", () => {
    expect(samePence(1.5, 1.56, 1_000)).toBe(false); // £60 apart
    expect(samePence(1.5, 1.500004, 1_000)).toBe(true); // £0.004 apart
    expect(samePence(0.3, 0.1 + 0.2, 1_000_000)).toBe(true);
  });
});

describe("monthly profile in £, £'000, £m: apply writes the exact full year and variance", () => {
  const lineOf = (code: string): ProfileLine => ({
    code,
    label: `Line ${code}`,
    budget: 1.5,
    months: Array<number>(12).fill(0),
  });

  it.each(SCALES)("in %s", (unit, multiplier) => {
    const month = 125 / multiplier;
    const built = buildProfile({
      units: unit,
      fullYearHeader: null,
      sections: [{ heading: null, lines: [lineOf("A1"), lineOf("A2")], total: null }],
    });
    for (const row of built.lineRows.flat())
      for (let k = 0; k < 12; k++) built.sheet.rows[row]![built.firstMonth + k] = { value: month };
    for (const row of built.lineRows.flat())
      built.sheet.rows[row]![built.budget] = { value: 1_500 / multiplier };
    const a = analyseProfile(built);
    const writes = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    const fullYear = writes.find((w) => w.title === "Full year");
    const variance = writes.find((w) => w.title === "Variance");
    // The units row states the new Full year's unit, the sheet's own (the Variance has its own).
    expect(fullYear?.cells.map((c) => c.value)).toEqual([
      unit,
      1_500 / multiplier,
      1_500 / multiplier,
    ]);
    expect(variance?.cells.map((c) => c.value)).toEqual([0, 0]);
  });
});

describe("the bound of a sensible amount: pence exact in a float", () => {
  it("is Number.MAX_SAFE_INTEGER pence, about £90 trillion", () => {
    expect(MAX_SENSIBLE_POUNDS * 100).toBe(Number.MAX_SAFE_INTEGER);
    expect(isSensibleAmount(90_000_000_000_000)).toBe(true);
    expect(isSensibleAmount(-90_000_000_000_000)).toBe(true);
    expect(isSensibleAmount(1e15)).toBe(false);
    expect(isSensibleAmount(-1e21)).toBe(false);
    expect(isSensibleAmount(Number.NaN)).toBe(false);
  });

  it("within it, pence are exact integers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        (pence) => {
          const pounds = Number(decimal(pence, 1));
          expect(isSensibleAmount(pounds)).toBe(true);
          expect(Number.isSafeInteger(toPence(pounds))).toBe(true);
        },
      ),
    );
  });

  it("beyond it, formatMoney writes whole pounds as the float reads, never made-up pence", () => {
    expect(formatMoney(1e21)).toBe("£1,000,000,000,000,000,000,000");
    expect(formatMoney(-1e15)).toBe("-£1,000,000,000,000,000");
    expect(formatMoney(1e15 + 0.25)).toBe("£1,000,000,000,000,000");
    expect(formatMoney(90_000_000_000_000.25)).toBe("£90,000,000,000,000.25");
  });
});
