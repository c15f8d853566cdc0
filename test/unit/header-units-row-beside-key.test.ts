import { analyseWorkbook } from "../../src/core/analyse";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A units row under the header ("£m" under each money column) stays header when a RAG key is
 * listed one blank column beside the header, one band a row ("Red" / "Amber" / "Green"): "Amber"
 * under "Red" is the key's next band, not a line's rating under a named column. Found when the
 * rating-word rule for second header rows made such a units row a line (five not-a-number
 * errors on "£m" and every amount read in pounds, not millions).
 */
const rows = (title: string | null): CellValue[][] => [
  [title, null, null, null, null, null, null, null, null, null, "RAG key", null],
  [
    "Service",
    "Original budget",
    "Working budget",
    "Forecast outturn",
    "Adverse/(Favourable)",
    "Actual to date",
    "Variance %",
    "Over/Under",
    "RAG",
    null,
    "Red",
    "> 5%",
  ],
  [null, "£m", "£m", "£m", "£m", "£m", "%", null, null, null, "Amber", "2% to 5%"],
  ["Finance", 6.9, 7.1, 7.05, -0.05, 5.01, -0.7, "Under", "Green", null, "Green", "< 2%"],
  ["ICT", 6, 6.25, 6.5, 0.25, 4.9, 4, "Over", "Amber"],
  ["Legal and democratic", 3.1, 3.15, 3.17, 0.02, 2.3, 0.6, "Over", "Green"],
  ["Corporate landlord", 38.5, 40, 41.2, 1.2, 30.1, 3, "Over", "Amber"],
  ["Total Resources", 54.5, 56.5, 57.92, 1.42, 42.31, null, null, null],
];

describe("a units row beside a RAG key listed down the rows", () => {
  it.each([null, "Resources - revenue outturn forecast, Period 9"])(
    "title %p: the units row is header, £m read, no finding",
    (title) => {
      const analysis = analyseWorkbook(workbook(sheet("Resources", rows(title))), {
        asOf: TODAY,
      });
      const budget = analysis.tables.find((t) => t.kind === "budget");
      expect(budget?.headerRows).toEqual(expect.arrayContaining([2, 3]));
      expect(analysis.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([]);
    },
  );

  it("a planted wrong variance is the one finding, quoted in pounds", () => {
    const planted = rows(null);
    planted[4]![4] = 0.35;
    const analysis = analyseWorkbook(workbook(sheet("Resources", planted)), { asOf: TODAY });
    expect(analysis.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["variance-mismatch@E5"]);
    expect(analysis.findings[0]?.message).toContain("£350,000");
  });
});
