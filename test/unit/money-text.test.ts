import fc from "fast-check";
import { monthOfHeader, monthRun } from "../../src/core/monthly/months";
import type { Cell } from "../../src/core/snapshot";
import { parseMoney } from "../../src/core/values";

/**
 * Money typed as councils type it, pasted from Word and web pages: the minus sign U+2212, brackets
 * inside or outside the £, k/m suffixes, spaces around the £. Garbage is text, never a number.
 * The property tests build amounts from parts and work out the pence with integer arithmetic
 * (BigInt), independent of the parser.
 */
const number = (value: number) => ({ kind: "number", value, fromText: true });

describe("parseMoney: tricky money text", () => {
  it.each([
    ["\u2212£5", -5],
    ["£\u22125", -5],
    ["\u22121,234.50", -1234.5],
    ["£(1.005)", -1.01],
    ["(£1,234)", -1234],
    ["( £1,234 )", -1234],
    ["£1.2m", 1200000],
    ["£1.2 m", 1200000],
    ["£250k", 250000],
    ["£250K", 250000],
    ["-£0.5m", -500000],
    ["£0.25m", 250000],
    [" £ 1,234 ", 1234],
    ["£\u00a01,234", 1234],
    ["– £5", -5],
    ["(1.2m)", -1200000],
    ["£1.5bn", 1500000000],
    ["GBP 1,000", 1000],
  ])("reads %p as %p", (input, pounds) => {
    expect(parseMoney(input)).toEqual(number(pounds));
  });

  it.each([
    "--5",
    "(-5)",
    "-(5)",
    "£-(5)",
    "(5",
    "5)",
    "££5",
    "1 234",
    "£1,2345",
    "1.2.3m",
    "£m",
    "k",
    "5mk",
    "£5 approx",
    "−−£5",
    "(£)",
    "£-",
  ])("%p is text, not an amount", (input) => {
    expect(parseMoney(input)).toEqual({ kind: "text", text: input.trim() });
  });

  it("a minus sign alone is nil, as a hyphen or dash alone is", () => {
    expect(parseMoney("\u2212")).toEqual({ kind: "blank" });
  });

  const MONEY_CHARS = fc.constantFrom(
    ..."0123456789,.£()-\u2013\u2212 kKmMbnGBP\u00a0x%".split(""),
  );

  it("never throws on text made of money's characters, and a number it reads is finite", () => {
    fc.assert(
      fc.property(fc.array(MONEY_CHARS, { maxLength: 24 }), (chars) => {
        const parsed = parseMoney(chars.join(""));
        return parsed.kind !== "number" || Number.isFinite(parsed.value);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads every generated amount to the exact penny, whatever its sign form and suffix", () => {
    fc.assert(
      fc.property(
        // Up to £10m × 1,000,000 (£10 trillion): pence exact in a float.
        fc.bigInt({ min: 0n, max: 10n ** 7n }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom("", "k", "m"),
        fc.constantFrom("plain", "hyphen", "minus-sign", "brackets-out", "brackets-in", "after-£"),
        fc.boolean(),
        (units, decimals, suffix, form, grouped) => {
          // units / 10^decimals of the suffix's unit, typed with or without thousands commas.
          const scale = 10n ** BigInt(decimals);
          const whole = (units / scale).toString();
          const fraction =
            decimals > 0 ? `.${(units % scale).toString().padStart(decimals, "0")}` : "";
          const wholeText = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
          const body = `${wholeText}${fraction}${suffix}`;
          const text = {
            plain: `£${body}`,
            hyphen: `-£${body}`,
            "minus-sign": `\u2212£${body}`,
            "brackets-out": `(£${body})`,
            "brackets-in": `£(${body})`,
            "after-£": `£ -${body}`,
          }[form];
          // Exact pence: units × unit × 100 / 10^decimals, half a penny away from zero.
          const unit = suffix === "k" ? 1000n : suffix === "m" ? 1000000n : 1n;
          const hundredfold = units * unit * 100n;
          const pence = (hundredfold * 2n + scale) / (2n * scale);
          const sign = form === "plain" || pence === 0n ? 1 : -1;
          const parsed = parseMoney(text);
          expect(parsed.kind).toBe("number");
          if (parsed.kind !== "number") return;
          expect(Math.round(parsed.value * 100)).toBe(sign * Number(pence));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("month-header parsing never throws on money-like and month-like text", () => {
    const MONTHISH = fc.oneof(
      fc.constantFrom("Apr", "April", "Apr-25", "April 2025", "Sept", "Mar-26", "P1", "Month 1"),
      fc.string({ maxLength: 16 }),
      fc.array(MONEY_CHARS, { maxLength: 12 }).map((c) => c.join("")),
      fc.double(),
      fc.integer({ min: -100000, max: 3000000 }),
    );
    const cell = MONTHISH.map((value): Cell => ({
      value,
      numberFormat: typeof value === "number" ? "mmm-yy" : "General",
    }));
    fc.assert(
      fc.property(fc.array(fc.option(cell), { maxLength: 20 }), (row) => {
        for (const c of row) monthOfHeader(c);
        monthRun(row);
      }),
      { numRuns: 1500 },
    );
  });
});
