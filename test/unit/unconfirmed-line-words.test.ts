import { analyseWorkbook } from "../../src/core/analyse";
import { sheet, TODAY, workbook } from "../helpers/builders";
import { BASE_PROGRAMME, programmeSheet } from "../helpers/capital";

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

describe("a capital programme's scheme years typed tbc", () => {
  it("get a note each, as other kinds give, and no error", () => {
    const a = analyseWorkbook(
      workbook(
        programmeSheet({
          ...BASE_PROGRAMME,
          sections: [
            {
              name: "Children's Services",
              lines: [
                ["School expansion", 100, 200, 300],
                ["Schools condition", 50, 50, 50],
              ],
            },
            {
              name: "Place",
              lines: [
                ["Highways maintenance", 400, 300, 200],
                ["Depot relocation", 10, "tbc", "TBC"],
                ["Fleet replacement", 5, 0, 5],
              ],
            },
          ],
          financing: [
            ["Prudential borrowing", 300, 280, 270],
            ["Government grants", 200, 200, 200],
            ["Capital receipts", 65, 70, 85],
          ],
        }),
      ),
      { asOf: TODAY },
    );
    expect(a.findings.map((x) => `${x.severity} ${x.code}@${x.cell} ${x.message}`)).toEqual([
      "info unconfirmed-funding@D13 2026/27 Estimate tbc for Depot relocation: left out of the totals",
      "info unconfirmed-funding@E13 2027/28 Estimate tbc for Depot relocation: left out of the totals",
    ]);
  });
});
