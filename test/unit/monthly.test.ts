import { cellAddress } from "../../src/core/a1";
import { analyseWorkbook } from "../../src/core/analyse";
import { TODAY, workbook } from "../helpers/builders";
import {
  analyseProfile,
  buildProfile,
  findingsOf,
  profileReport,
  twoSections,
  line,
  monthsOf,
  type MonthForm,
} from "../helpers/monthly-builder";

/**
 * Monthly profiles, one trait at a time, each with the exact findings: header forms (dates shown
 * mmm-yy, month names), the Actual/Forecast row, units rows, dashes for nil, sections and totals,
 * variance conventions, missing budgets, and where the calculated columns are written.
 */
describe("monthly profile: month headers", () => {
  it("reads real dates shown mmm-yy as the months Apr-25 to Mar-26", () => {
    const built = buildProfile(twoSections());
    const a = analyseProfile(built);
    expect(a.tables).toHaveLength(1);
    const t = profileReport(a);
    expect(t.kind).toBe("monthly-profile");
    expect(t.range).toBe("A3:Q14");
    expect(t.headerRows).toEqual([3]);
    expect(t.months.map((m) => m.month)).toEqual([
      "Apr-25",
      "May-25",
      "Jun-25",
      "Jul-25",
      "Aug-25",
      "Sep-25",
      "Oct-25",
      "Nov-25",
      "Dec-25",
      "Jan-26",
      "Feb-26",
      "Mar-26",
    ]);
    expect(t.months.every((m) => m.headerIsDate)).toBe(true);
    expect(t.columns).toEqual({
      costCentre: "A",
      label: "B",
      budget: "C",
      fullYear: "P",
      variance: "Q",
    });
    expect(t.totalRows).toEqual([7, 12, 14]);
    expect(findingsOf(a)).toEqual([]);
  });

  it.each<[MonthForm, string, string]>([
    ["Apr", "Apr", "Mar"],
    ["April", "Apr", "Mar"],
    ["Apr-25", "Apr-25", "Mar-26"],
    ["April 2025", "Apr-25", "Mar-26"],
  ])("reads month names typed as %s", (form, first, last) => {
    const a = analyseProfile(buildProfile(twoSections({ months: form })));
    const t = profileReport(a);
    expect(t.kind).toBe("monthly-profile");
    expect(t.months).toHaveLength(12);
    expect(t.months[0]?.month).toBe(first);
    expect(t.months[11]?.month).toBe(last);
    expect(t.months.some((m) => m.headerIsDate)).toBe(false);
    expect(findingsOf(a)).toEqual([]);
  });

  it("reads month headers that are formulas caching dates (=EDATE(D3,1))", () => {
    const built = buildProfile(twoSections());
    const header = built.sheet.rows[built.headerRow]!;
    for (let k = 1; k < 12; k++) {
      const cell = header[built.firstMonth + k]!;
      header[built.firstMonth + k] = {
        ...cell,
        formula: `=EDATE(${cellAddress(built.headerRow, built.firstMonth + k - 1)},1)`,
      };
    }
    const a = analyseProfile(built);
    expect(
      profileReport(a)
        .months.map((m) => m.month)
        .slice(0, 2),
    ).toEqual(["Apr-25", "May-25"]);
    expect(findingsOf(a)).toEqual([]);
  });

  it("finds the budget, full year and variance by their words wherever they sit", () => {
    const sheetRows: (string | number | null)[][] = [
      [
        "Service",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Year end forecast",
        "Annual budget",
        "Var",
      ],
      ["Libraries", 10, 10, 10, 10, 10, 10, 60, 50, 10],
      ["Museums", 5, 5, 5, 5, 5, 5, 30, 40, 10],
    ];
    const a = analyseWorkbook(
      workbook({
        name: "YTD",
        rows: sheetRows.map((r) => r.map((v) => (v === null ? null : { value: v }))),
        hiddenRows: [],
        hiddenColumns: [],
        merges: [],
      }),
      { asOf: TODAY },
    );
    const t = profileReport(a);
    expect(t.columns).toEqual({ label: "A", fullYear: "H", budget: "I", variance: "J" });
    expect(t.months.map((m) => m.month)).toEqual(["Apr", "May", "Jun", "Jul", "Aug", "Sep"]);
    expect(a.findings).toEqual([
      expect.objectContaining({ code: "variance-mismatch", cell: "J3", expected: -10, actual: 10 }),
    ]);
  });

  it("does not take five months, or months out of order, for a profile", () => {
    const built = buildProfile(twoSections({ months: "Apr" }));
    const header = built.sheet.rows[built.headerRow] ?? [];
    header[built.firstMonth + 5] = { value: "Apr" }; // Apr May Jun Jul Aug | Apr …
    header[built.firstMonth + 10] = { value: "Dec" };
    const a = analyseProfile(built);
    expect(a.tables.some((t) => t.kind === "monthly-profile")).toBe(false);
  });
});

describe("monthly profile: header block", () => {
  it.each(["above", "below"] as const)(
    "reads an Actual/Forecast row %s the months as part of the header",
    (where) => {
      const built = buildProfile(twoSections({ status: where }));
      const a = analyseProfile(built);
      const t = profileReport(a);
      expect(t.headerRows).toEqual(where === "above" ? [3, 4] : [3, 4]);
      expect(t.months.map((m) => m.status)).toEqual([
        ...Array<string>(7).fill("Actual"),
        ...Array<string>(5).fill("Forecast"),
      ]);
      expect(findingsOf(a)).toEqual([]);
    },
  );

  it("reads a £000 units row as header and says amounts in pounds", () => {
    const built = buildProfile({
      months: "Apr",
      units: "£000",
      budgetHeader: "Budget 2025/26",
      fullYearHeader: "Total",
      varianceHeader: "Adverse/ (Favourable)",
      sections: [
        {
          heading: null,
          lines: [line("L1", 2460, 2534), line("L2", -820, -880, { variance: 60 })],
          total: null,
        },
      ],
    });
    const a = analyseProfile(built);
    const t = profileReport(a);
    expect(t.headerRows).toEqual([3, 4]);
    expect(t.unit).toBe("£'000");
    expect(t.multiplier).toBe(1000);
    expect(a.findings).toEqual([
      expect.objectContaining({
        code: "variance-mismatch",
        cell: cellAddress(built.lineRows[0]![1]!, built.variance!),
        expected: -60,
        actual: 60,
        message:
          "Adverse/ (Favourable) is £60,000 but Total -£880,000 − Budget 2025/26 -£820,000 = -£60,000 " +
          "(forecast less budget, positive = overspend, as its header states; the sign is reversed)",
      }),
    ]);
  });
});

describe("monthly profile: figures", () => {
  it("reads a dash typed or a zero shown as a dash as nil, never as text", () => {
    const months = monthsOf(48_000);
    const dashed = [...months.slice(0, 7), "-", "-", "-", "-", months[11] ?? 0];
    const zeros = [0, 0, 0, 0, 0, 0, 0, 30_000, 40_000, 40_000, 40_000, 42_000];
    const built = buildProfile({
      sections: [
        {
          heading: null,
          lines: [
            { code: "P1", label: "Parks events", budget: 40_000, months: dashed },
            { code: "W1", label: "Winter service", budget: 190_000, months: zeros },
          ],
          total: null,
        },
      ],
    });
    expect(findingsOf(analyseProfile(built))).toEqual([]);
  });

  it('reports "57,9OO" as not a number, once, and its SUM full year as right', () => {
    const months: (number | string)[] = monthsOf(600_000);
    months[4] = "57,9OO";
    const built = buildProfile({
      sections: [
        {
          heading: null,
          lines: [
            line("HM04", 300_000, 290_000),
            { code: "HM05", label: "Drainage", budget: 612_000, months },
          ],
          total: null,
        },
      ],
    });
    const a = analyseProfile(built);
    const row = built.lineRows[0]![1]!;
    expect(a.findings).toEqual([
      expect.objectContaining({
        code: "not-a-number",
        cell: cellAddress(row, built.firstMonth + 4),
        message: 'Aug-25 "57,9OO" is not an amount',
      }),
    ]);
  });

  it("reports a typed full year off its months at the full year, not again in its variance or totals", () => {
    const spec = twoSections();
    spec.sections[0]!.lines[1] = line("HM02", 120_000, 118_800, { fullYear: 107_300 });
    const built = buildProfile(spec);
    const a = analyseProfile(built);
    expect(a.findings).toEqual([
      expect.objectContaining({
        code: "total-mismatch",
        cell: cellAddress(built.lineRows[0]![1]!, built.fullYear!),
        expected: 118_800,
        actual: 107_300,
        message: "Full year is £107,300 but the months Apr-25 to Mar-26 add to £118,800",
      }),
    ]);
  });

  it("reports a stale typed variance with the header's convention", () => {
    const spec = twoSections();
    spec.sections[1]!.lines[0] = line("TR01", 500_000, 512_300, { variance: 8_000 });
    const built = buildProfile(spec);
    const a = analyseProfile(built);
    expect(a.findings).toEqual([
      expect.objectContaining({
        code: "variance-mismatch",
        cell: cellAddress(built.lineRows[1]![0]!, built.variance!),
        expected: 12_300,
        actual: 8_000,
      }),
    ]);
  });

  it("works an Under/(Over) variance as budget less full year", () => {
    const built = buildProfile({
      varianceHeader: "Variance Under/(Over)",
      forecastLessBudget: false,
      sections: [
        {
          heading: null,
          lines: [line("A", 100_000, 110_000), line("B", 50_000, 45_000, { variance: -5_000 })],
          total: null,
        },
      ],
    });
    const a = analyseProfile(built);
    expect(profileReport(a).variance).toEqual({
      convention: "budget-minus-forecast",
      from: "header",
    });
    expect(a.findings).toEqual([
      expect.objectContaining({
        code: "variance-mismatch",
        cell: cellAddress(built.lineRows[0]![1]!, built.variance!),
        expected: 5_000,
        actual: -5_000,
      }),
    ]);
  });

  it("takes the convention from the figures when the header states none", () => {
    const built = buildProfile({
      varianceHeader: "Variance",
      forecastLessBudget: false,
      sections: [
        {
          heading: null,
          lines: [
            line("A", 100_000, 110_000),
            line("B", 50_000, 45_000),
            line("C", 80_000, 86_000, { variance: 9_999 }),
          ],
          total: null,
        },
      ],
    });
    const a = analyseProfile(built);
    expect(profileReport(a).variance).toEqual({
      convention: "budget-minus-forecast",
      from: "figures",
    });
    expect(a.findings).toEqual([
      expect.objectContaining({
        code: "variance-mismatch",
        cell: cellAddress(built.lineRows[0]![2]!, built.variance!),
        expected: -6_000,
        actual: 9_999,
      }),
    ]);
  });

  it("reports a blank budget as missing and checks no variance on that line", () => {
    const built = buildProfile({
      sections: [
        {
          heading: null,
          lines: [line("A", 100_000, 110_000), line("NEW", null, 36_000)],
          total: null,
        },
      ],
    });
    const a = analyseProfile(built);
    expect(a.findings).toEqual([
      expect.objectContaining({
        code: "missing-value",
        cell: cellAddress(built.lineRows[0]![1]!, built.budget),
        message:
          "Working budget is blank for NEW Service line NEW, which has a full year of £36,000",
      }),
    ]);
  });
});
