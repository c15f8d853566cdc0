import fc from "fast-check";
import { formatScaled, scaleOf, toPounds } from "../../src/core/tables/scale";
import {
  conventionFromFigures,
  conventionFromHeader,
  overspendOf,
  varianceOf,
} from "../../src/core/tables/variance";

describe("money scale from units and header words", () => {
  it.each([
    ["£'000", 1000],
    ["£000", 1000],
    ["£000s", 1000],
    ["£k", 1000],
    ["Budget £'000", 1000],
    ["Outturn (£000)", 1000],
    ["£m", 1_000_000],
    ["Total 2025-29 £m", 1_000_000],
    ["£ millions", 1_000_000],
  ])("%s is × %d", (text, multiplier) => {
    expect(scaleOf(text)?.multiplier).toBe(multiplier);
  });

  it.each(["£", "Budget £", "Expenditure for 2025-26 (£)", "%", "No.", "Mandated?", ""])(
    "%s states no scale",
    (text) => {
      expect(scaleOf(text)).toBeNull();
    },
  );

  it("speaks in pounds", () => {
    expect(formatScaled(280, { multiplier: 1000, unit: "£'000" })).toBe("£280,000");
    expect(formatScaled(1.25, { multiplier: 1_000_000, unit: "£m" })).toBe("£1,250,000");
    expect(formatScaled(-0.09, { multiplier: 1_000_000, unit: "£m" })).toBe("-£90,000");
    expect(toPounds(0.465, { multiplier: 1_000_000, unit: "£m" })).toBe(465000);
  });

  it("never throws on any text", () => {
    fc.assert(fc.property(fc.string(), (s) => void scaleOf(s)));
  });
});

describe("variance sign convention", () => {
  it.each([
    ["Variance Over/(Under)", "forecast-minus-budget"],
    ["Variance £ Adverse/(Favourable)", "forecast-minus-budget"],
    ["Adverse/ (Favourable)", "forecast-minus-budget"],
    ["Forecast variance £ Over/(Under)", "forecast-minus-budget"],
    ["Variance Under/ (Over)", "budget-minus-forecast"],
    ["FORECAST VARIANCE UNDER / (OVER)", "budget-minus-forecast"],
    ["Favourable/(Adverse)", "budget-minus-forecast"],
    ["Forecast overspend", "forecast-minus-budget"],
  ])("%s is %s", (header, convention) => {
    expect(conventionFromHeader(header)).toBe(convention);
  });

  it.each(["Variance", "Forecast variance £", "Variance %", "Var"])("%s states none", (h) => {
    expect(conventionFromHeader(h)).toBeNull();
  });

  it("reads the convention the figures follow when the header says none", () => {
    const lines = [
      { budget: 100, forecast: 120, variance: -20 },
      { budget: 50, forecast: 40, variance: 10 },
      { budget: 70, forecast: 70, variance: 0 },
    ];
    expect(conventionFromFigures(lines)).toBe("budget-minus-forecast");
    expect(conventionFromFigures([])).toBe("forecast-minus-budget");
  });

  it("a variance and its overspend agree under both conventions", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (b, f) => {
        for (const c of ["forecast-minus-budget", "budget-minus-forecast"] as const)
          expect(overspendOf(varianceOf(b, f, c), c)).toBe(f - b);
      }),
    );
  });
});
