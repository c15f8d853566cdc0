import { analyseWorkbook } from "../../src/core/analyse";
import type { Cell, CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A Variance % beside a wrong typed variance: when it is right for the true variance it is a
 * knock-on of the variance (reported once, at the variance); when it is wrong it is reported, and
 * its message quotes both percentages alike (2.5%, never 0.0249 beside -2.9%).
 */
const pct = (value: number): Cell => ({ value, numberFormat: "0.0%" });
const rows = (variance: number, percent: Cell | CellValue): (Cell | CellValue)[][] => [
  ["Service", "Revised budget", "Forecast outturn", "Variance", "Variance %"],
  ["Libraries", 100000, 102500, variance, percent],
  ["Parks", 200000, 190000, -10000, pct(-0.05)],
];
const findings = (variance: number, percent: Cell | CellValue) =>
  analyseWorkbook(workbook(sheet("Budget", rows(variance, percent))), {
    asOf: TODAY,
  }).findings.map((x) => [x.code, x.cell, x.message]);

describe("Variance % beside a wrong typed variance", () => {
  it("right for the true variance: only the variance is reported", () => {
    expect(findings(-3000, pct(0.025))).toEqual([
      [
        "variance-mismatch",
        "D2",
        expect.stringMatching(
          /^Variance is -£3,000 but forecast £102,500 − budget £100,000 = £2,500/,
        ),
      ],
    ]);
  });

  it("right for neither: reported, both percentages quoted alike", () => {
    expect(findings(-3000, pct(0.04))).toEqual([
      ["variance-mismatch", "D2", expect.stringMatching(/^Variance is -£3,000/)],
      [
        "variance-mismatch",
        "E2",
        "Variance % is 4.0% but the variance as a share of the budget is -3.0% (-£3,000 of £100,000)",
      ],
    ]);
  });

  it("the wrong sign under a right variance is reported", () => {
    expect(findings(2500, pct(-0.025))).toEqual([
      [
        "variance-mismatch",
        "E2",
        "Variance % is -2.5% but the variance as a share of the budget is 2.5% (£2,500 of £100,000; the sign is reversed)",
      ],
    ]);
  });

  it("a fraction typed without a % format is quoted as a percentage too", () => {
    expect(findings(2500, 0.04)).toEqual([
      [
        "variance-mismatch",
        "E2",
        "Variance % is 4.0% but the variance as a share of the budget is 2.5% (£2,500 of £100,000)",
      ],
    ]);
  });
});
