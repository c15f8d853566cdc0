import { analyseWorkbook } from "../../src/core/analyse";
import { f, sheet, TODAY, workbook } from "../helpers/builders";
import { analyseProfile, buildProfile, line } from "../helpers/monthly-builder";

/**
 * A line whose budget is "tbc" is left out of variance and totals, with an info note, not
 * compared against zero. A typed total is right whether the council added the line's other
 * figures or not; a SUM formula is judged by what it computes.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY });
const brief = (rows: Rows) =>
  analyse(rows).findings.map((x) => `${x.severity} ${x.code}@${x.cell}`);

/** Row 4 (Excel) is the tbc line with a forecast of 450; `total` is the Total row's figures. */
const withTbc = (total: Rows[number]): Rows => [
  ["Service", "Budget £", "Forecast £", "Variance £"],
  ["Housing", 3120, 3050, -70],
  ["Leisure", 2205, 2160, -45],
  ["Homelessness", "tbc", 450, null],
  ["Libraries", 900, 950, 50],
  total,
];

describe("a line whose budget is tbc", () => {
  it("is noted once, as information, and its variance is not compared", () => {
    const a = analyse(withTbc(["Total", 6225, 6160, -65]));
    expect(a.findings.map((x) => `${x.severity} ${x.code}@${x.cell}`)).toEqual([
      "info unconfirmed-funding@B4",
    ]);
    expect(a.findings[0]?.message).toBe(
      "Budget £ tbc for Homelessness: left out of variance and totals",
    );
  });

  it("a typed total that adds the tbc line's forecast is right too", () => {
    expect(brief(withTbc(["Total", 6225, 6610, -65]))).toEqual(["info unconfirmed-funding@B4"]);
  });

  it("a typed total right neither way is an error", () => {
    expect(brief(withTbc(["Total", 6225, 6500, -65]))).toEqual([
      "info unconfirmed-funding@B4",
      "error total-mismatch@C6",
    ]);
  });

  it("the council's SUM over the tbc row is judged by what it computes", () => {
    const total = ["Total", f("=SUM(B2:B5)", 6225), f("=SUM(C2:C5)", 6610), f("=SUM(D2:D5)", -65)];
    expect(brief(withTbc(total))).toEqual(["info unconfirmed-funding@B4"]);
  });

  it("a forecast tbc is noted the same way", () => {
    const rows = withTbc(["Total", 6225, 4450, -20]).map((r, k) =>
      k === 2 ? ["Leisure", 2205, "tbc", null] : r,
    );
    expect(brief(rows)).toEqual(["info unconfirmed-funding@C3", "info unconfirmed-funding@B4"]);
  });
});

describe("a monthly line whose months are all tbc", () => {
  it("is noted once and a budget total typed without it is right", () => {
    const tbcLine = {
      ...line("GI01", -300, 0),
      months: Array.from({ length: 12 }, () => "tbc"),
    };
    const built = buildProfile({
      sections: [
        {
          heading: null,
          lines: [line("PA01", 1190, 1200), line("SU01", 250, 240), tbcLine],
          total: "Total",
          // The council's budget total leaves the tbc line's -300 out: 1,440.
          typedTotals: { 0: 1440 },
        },
      ],
      varianceHeader: null,
    });
    const a = analyseProfile(built);
    const row = (built.lineRows[0]?.[2] as number) + 1;
    expect(a.findings.map((x) => `${x.severity} ${x.code}@${x.cell}`)).toEqual([
      `info unconfirmed-funding@D${row}`,
    ]);
    expect(a.findings[0]?.message).toBe(
      "Every month tbc for GI01 Service line GI01: left out of variance and totals",
    );
  });
});
