import fc from "fast-check";
import { withImpliedTotals } from "../../src/core/tables/implied-totals";
import {
  penceDecimals,
  samePence,
  sumInUnit,
  sumPence,
  toPence,
  toPenceScaled,
  withinAPenny,
  withoutFloatNoise,
} from "../../src/core/tables/money";
import { classifyRows } from "../../src/core/tables/sections";
import { sheet } from "../helpers/builders";

/**
 * The money module's sums and comparisons, the ones every check now goes through. The oracle is
 * integer arithmetic: amounts are generated as whole counts of the smallest step (pence, or
 * millionths of a unit), written as the decimal an officer types, and their exact sum is the sum
 * of the integers.
 */

/** The decimal an officer types for `count` steps of 10^-`places`, e.g. 12345 at 2 → 123.45. */
function typed(count: number, places: number): number {
  const digits = String(Math.abs(count)).padStart(places + 1, "0");
  const text = `${count < 0 ? "-" : ""}${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return Number(text);
}

/** The same list in a different order (a permutation given by sort keys). */
const shuffled = <T>(items: readonly T[], keys: readonly number[]) =>
  items
    .map((item, i) => ({ item, key: keys[i] ?? 0 }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);

const SCALES = [
  ["£", 1],
  ["£'000", 1_000],
  ["£m", 1_000_000],
] as const;

describe("sums in pence", () => {
  const pence = fc.integer({ min: -1_000_000_000_00, max: 1_000_000_000_00 });
  const list = fc.array(pence, { maxLength: 40 });

  it("are exact: the sum of typed amounts is the sum of their pence", () => {
    fc.assert(
      fc.property(list, (counts) => {
        const exact = counts.reduce((a, b) => a + b, 0);
        expect(sumPence(counts.map((p) => typed(p, 2)))).toBe(exact + 0);
      }),
    );
  });

  it("do not depend on the order the amounts come in", () => {
    fc.assert(
      fc.property(list, fc.array(fc.double({ noNaN: true }), { maxLength: 40 }), (counts, keys) => {
        const amounts = counts.map((p) => typed(p, 2));
        expect(sumPence(shuffled(amounts, keys))).toBe(sumPence(amounts));
      }),
    );
  });

  it("keep the half penny that was typed (1.005 is 101p, where Math.round(1.005 * 100) is 100)", () => {
    expect(Math.round(1.005 * 100)).toBe(100);
    expect(toPence(1.005)).toBe(101);
    expect(sumPence([1.005, 1.005])).toBe(202);
    expect(toPence(-1.005)).toBe(-101);
  });

  it("agree but for a penny when parts rounded one by one miss the total rounded once", () => {
    const third = 1 / 3;
    const parts = sumPence([third, third, third]);
    expect(parts).toBe(99);
    expect(withinAPenny(parts, toPence(1))).toBe(true);
    expect(withinAPenny(parts, toPence(1.01))).toBe(false);
  });
});

describe("sums in a column's unit (£, £'000, £m)", () => {
  it.each(SCALES)(
    "in %s keep millionths of the unit or the pound's penny, whichever is finer",
    (_u, multiplier) => {
      const places = Math.max(6, penceDecimals(multiplier));
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { maxLength: 30 }),
          fc.array(fc.double({ noNaN: true }), { maxLength: 30 }),
          (counts, keys) => {
            const amounts = counts.map((n) => typed(n, places));
            const exact = typed(
              counts.reduce((a, b) => a + b, 0),
              places,
            );
            expect(sumInUnit(amounts, multiplier)).toBe(exact);
            expect(sumInUnit(shuffled(amounts, keys), multiplier)).toBe(exact);
          },
        ),
      );
    },
  );

  it("keeps £512,000 typed as 0.512 in £m, and a typed 12.345 in £ as it is", () => {
    expect(sumInUnit([0.512, 0.512], 1_000_000)).toBe(1.024);
    expect(sumInUnit([12.345, 0.1, 0.2])).toBe(12.645);
  });

  it("says how many decimals of the unit reach the pound's penny", () => {
    expect(SCALES.map(([, m]) => penceDecimals(m))).toEqual([2, 5, 8]);
  });
});

describe("the same amount to the penny", () => {
  it("in pounds by default, the same as in a unit of £1", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (a, d) => {
          expect(samePence(a, a + d)).toBe(samePence(a, a + d, 1));
        },
      ),
    );
    expect(samePence(0.1 + 0.2, 0.3)).toBe(true);
    expect(samePence(10, 10.004)).toBe(true);
    expect(samePence(10, 10.01)).toBe(false);
  });

  it("in £'000 and £m, to the pound's penny, not the unit's", () => {
    expect(samePence(1.167, 1.168, 1_000_000)).toBe(false); // £1,000 apart
    expect(samePence(1.167, 1.168)).toBe(true); // in £, a tenth of a penny apart
    expect(samePence(0.46499999999, 0.465, 1_000_000)).toBe(true); // a formula's float noise
    expect(toPenceScaled(0.465, 1_000_000)).toBe(46_500_000);
  });
});

describe("a formula's result without float noise", () => {
  it("is what Excel shows, to far below a penny of any unit", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(withoutFloatNoise(0.1 + 0.2)).toBe(0.3);
    expect(withoutFloatNoise(1.42 - 1.51)).toBe(-0.09);
    expect(withoutFloatNoise(0.00000125)).toBe(0.00000125); // £1.25 in £m
  });
});

describe("an unlabelled total in £'000 is found by pence of the pound", () => {
  // £123.50 + £123.50 = £247.00, kept in £'000 with three decimals and more: rounding each line
  // to hundredths of the unit (0.12) would make the lines add to £240 and miss the total.
  const rows = [
    ["Line", "Budget", "Forecast"],
    ["Parks", 0.1235, 0.2505],
    ["Libraries", 0.1235, 0.2505],
    ["", 0.247, 0.501],
  ];
  const s = sheet("Profile", rows);
  const money = [1, 2];
  const labelled = classifyRows(s, [1, 2, 3], [0], money);

  it("is a total in its unit", () => {
    const structure = withImpliedTotals(s, labelled, money, 1_000);
    expect(structure.grandTotals).toEqual([3]);
    expect(structure.kinds.get(3)).toBe("grand-total");
  });

  it("the same figures in pounds are lines, not a total (0.247 is not 0.12 + 0.12)", () => {
    const structure = withImpliedTotals(s, labelled, money);
    expect(structure.kinds.get(3)).toBe("line");
  });
});
