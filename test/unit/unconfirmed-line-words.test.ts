import { analyseWorkbook } from "../../src/core/analyse";
import { sheet, TODAY, workbook } from "../helpers/builders";

/** A line left out for money not yet known is described with the words its cell holds. */
describe("the note on a line whose figure is not known", () => {
  it.each([
    ["tbc", "Revised budget tbc for C"],
    ["TBC", "Revised budget tbc for C"],
    ["n/a", 'Revised budget "n/a" for C'],
    ["to be confirmed", 'Revised budget "to be confirmed" for C'],
    ["pending", 'Revised budget "pending" for C'],
  ])("%s", (typed, said) => {
    const a = analyseWorkbook(
      workbook(
        sheet("Budget", [
          ["Service", "Revised budget", "Forecast outturn", "Variance"],
          ["A", 1000, 1020, 20],
          ["B", 800, 780, -20],
          ["C", typed, 300, null],
          ["D", 500, 500, 0],
        ]),
      ),
      { asOf: TODAY },
    );
    expect(a.findings.map((x) => `${x.severity} ${x.code}@${x.cell} ${x.message}`)).toEqual([
      `info unconfirmed-funding@B4 ${said}: left out of variance and totals`,
    ]);
  });
});
