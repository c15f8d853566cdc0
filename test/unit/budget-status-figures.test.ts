import { analyseWorkbook } from "../../src/core/analyse";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A Status the council typed that disagrees with its line says the line's figures, in pounds
 * whatever the column's scale, as the variance messages do (trial w04: G8 said only "the line is
 * overspend").
 */
const statusFindings = (rows: Entry[][]) =>
  analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY })
    .findings.filter((f) => f.message.startsWith("Status"))
    .map((f) => [f.cell, f.message]);

describe("a Status disagreeing with its line gives the figures", () => {
  it("pounds: an overspend typed Underspend", () => {
    const rows: Entry[][] = [
      ["Service", "Budget", "Forecast", "Variance", "Status"],
      ["Libraries", 640000, 651200, 11200, "Underspend"],
      ["Parks", 200000, 190000, -10000, "Underspend"],
    ];
    expect(statusFindings(rows)).toEqual([
      [
        "E2",
        'Status is "Underspend" but forecast £651,200 against budget £640,000 is an overspend of £11,200',
      ],
    ]);
  });

  it("£'000: amounts quoted in pounds", () => {
    const rows: Entry[][] = [
      ["Service", "Revised budget £'000", "Forecast outturn £'000", "Variance £'000", "Status"],
      ["Libraries", 640, 651.2, 11.2, "Overspend"],
      ["Parks", 200, 190, -10, "Overspend"],
    ];
    expect(statusFindings(rows)).toEqual([
      [
        "E3",
        'Status is "Overspend" but forecast £190,000 against budget £200,000 is an underspend of £10,000',
      ],
    ]);
  });

  it("a line on budget typed Overspend", () => {
    const rows: Entry[][] = [
      ["Cost centre", "Budget", "Projected outturn", "Status"],
      ["Libraries", 640000, 651200, "Overspend"],
      ["Parks", 200000, 200000, "Overspend"],
    ];
    expect(statusFindings(rows)).toEqual([
      ["D3", 'Status is "Overspend" but forecast £200,000 against budget £200,000 is on budget'],
    ]);
  });
});
