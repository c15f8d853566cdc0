import { analyseWorkbook } from "../../src/core/analyse";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";
import { buildProfile, type ProfileSpec } from "../helpers/monthly-builder";

/**
 * A month of a profile typed as text with a letter O for a zero ("2O", "1,2OO") is reported once,
 * where it is. The figures the council keyed from the right amount — the month's column total,
 * the full-year total, a variance typed from the true full year — disagree with the line's
 * =SUM full year (which skips the text) only by that amount: each is said to be right as typed in
 * the text cell's finding, never a finding of its own, before apply and after it (when apply's
 * variance and full-year formulas read the text-short full year).
 */
const twelve = (n: number) => Array.from({ length: 12 }, () => n);
const withText = (n: number, month: number, text: string) =>
  twelve(n).map((v, k) => (k === month ? text : v));

const findingsOf = (spec: ProfileSpec) => {
  const first = workbook(buildProfile(spec).sheet);
  const analysis = analyseWorkbook(first, { asOf: TODAY });
  const applied = applyPlanToSnapshot(first, analysis.plan, { valuesOnly: false });
  return {
    before: analysis.findings,
    after: analyseWorkbook(applied, { asOf: TODAY }).findings,
  };
};
const cells = (fs: readonly { code: string; cell: string }[]) => fs.map((f) => [f.code, f.cell]);

describe("a month typed as text with a letter O, its knock-on totals and variance", () => {
  it("sections with typed totals and a variance typed from the true full year", () => {
    // Resurfacing 20 a month on 200: full year 240, variance 40; July typed "2O" (G5).
    const { before, after } = findingsOf({
      sections: [
        {
          heading: "Roads",
          lines: [
            {
              code: "H1",
              label: "Resurfacing",
              budget: 200,
              months: withText(20, 3, "2O"),
              variance: 40,
            },
            { code: "H2", label: "Gullies", budget: 100, months: twelve(10), variance: 20 },
          ],
          total: "Total roads",
          typedTotals: { 0: 300, 4: 30, 13: 360, 14: 60 },
        },
        {
          heading: "Lighting",
          lines: [{ code: "L1", label: "Street lights", budget: 14_400, months: twelve(1_200) }],
          total: "Total lighting",
        },
      ],
      grandTotal: "Grand total",
    });
    expect(cells(before)).toEqual([["not-a-number", "G5"]]);
    expect(before[0]?.message).toBe(
      'Jul-25 "2O" is not an amount; Q5, G7 and P7 are right as typed: they count the right figure here',
    );
    expect(cells(after)).toEqual([["not-a-number", "G5"]]);
    expect(after[0]?.message).not.toContain("puts out");
  });

  it("one typed total row under the lines, the variance by formula", () => {
    const { before, after } = findingsOf({
      sections: [
        {
          heading: null,
          lines: [
            { code: "H1", label: "Resurfacing", budget: 200, months: withText(20, 3, "2O") },
            { code: "H2", label: "Gullies", budget: 100, months: twelve(10) },
            { code: "H3", label: "Lights", budget: 14_400, months: twelve(1_200) },
          ],
          total: "Total",
          typedTotals: { 0: 14_700, 4: 1_230, 13: 14_760, 14: 60 },
        },
      ],
    });
    expect(cells(before)).toEqual([["not-a-number", "G4"]]);
    expect(before[0]?.message).toBe(
      'Jul-25 "2O" is not an amount; G7, P7 and Q7 are right as typed: they count the right figure here',
    );
    expect(cells(after)).toEqual([["not-a-number", "G4"]]);
    expect(after[0]?.message).not.toContain("puts out");
  });

  it("£000 with 1,2OO in September and no variance column", () => {
    const { before, after } = findingsOf({
      units: "£000",
      varianceHeader: null,
      sections: [
        {
          heading: null,
          lines: [
            { code: "H1", label: "Lighting", budget: 14_400, months: withText(1_200, 5, "1,2OO") },
            { code: "H2", label: "Gullies", budget: 120, months: twelve(10) },
          ],
          total: "Total",
          typedTotals: { 6: 1_210, 13: 14_520 },
        },
      ],
    });
    expect(cells(before)).toEqual([["not-a-number", "I5"]]);
    expect(before[0]?.message).toBe(
      'Sep-25 "1,2OO" is not an amount; I7 and P7 are right as typed: they count the right figure here',
    );
    expect(cells(after)).toEqual([["not-a-number", "I5"]]);
  });

  it("a variance out by more than the text's amount is still its own error", () => {
    const { before } = findingsOf({
      sections: [
        {
          heading: null,
          lines: [
            {
              code: "H1",
              label: "Resurfacing",
              budget: 200,
              months: withText(20, 3, "2O"),
              variance: 45,
            },
            { code: "H2", label: "Gullies", budget: 100, months: twelve(10), variance: 20 },
          ],
          total: "Total",
        },
      ],
    });
    expect(cells(before)).toEqual([
      ["not-a-number", "G4"],
      ["variance-mismatch", "Q4"],
    ]);
  });
});

describe("a profile whose lines' full years are left blank under a typed total", () => {
  const MONTHS = [
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "Jan",
    "Feb",
    "Mar",
  ];
  const rows = (july: number | string): Entry[][] => [
    ["Line", "Budget", ...MONTHS, "Full year"],
    ["Resurfacing", 240, ...twelve(20).map((v, k) => (k === 3 ? july : v)), null],
    ["Gullies", 120, ...twelve(10), null],
    ["Street lighting", 14_400, ...twelve(1_200), null],
    ["Total", 14_760, ...twelve(1_230), 14_760],
  ];
  const found = (july: number | string) => {
    const first = workbook(sheet("Profile", rows(july)));
    const analysis = analyseWorkbook(first, { asOf: TODAY });
    const applied = applyPlanToSnapshot(first, analysis.plan, { valuesOnly: false });
    return { before: analysis.findings, after: analyseWorkbook(applied, { asOf: TODAY }).findings };
  };

  it("judges the full-year total as if each blank full year held its months' sum", () => {
    const { before, after } = found(20);
    expect(cells(before)).toEqual([]);
    expect(cells(after)).toEqual([]);
  });

  it("with July typed 2O, the total is right as typed, before apply and after", () => {
    const { before, after } = found("2O");
    expect(cells(before)).toEqual([["not-a-number", "F2"]]);
    expect(before[0]?.message).toBe(
      'Jul "2O" is not an amount; F5 and O5 are right as typed: they count the right figure here',
    );
    expect(cells(after)).toEqual([["not-a-number", "F2"]]);
    expect(after[0]?.message).toBe(before[0]?.message);
  });
});
