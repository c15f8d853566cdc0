import { analyseWorkbook } from "../../src/core/analyse";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A grand total that adds its subtotals one by one and leaves one out (new-user trial t12c, w10:
 * "=E8+E11" under three subtotals): the message names the row the formula leaves out, as it does
 * for a SUM whose range stops short ("leaves out row 17").
 */
function budget(grand: (column: string) => Entry): Entry[][] {
  const rows: Entry[][] = [
    ["Budget line", "Budget", "Forecast"],
    ["Homelessness prevention", 1850, 1910],
    ["Temporary accommodation", 4200, 5150],
    ["Sub-total", f("=SUM(B2:B3)", 6050), f("=SUM(C2:C3)", 7060)],
    ["Private sector housing", 740, 722],
    ["Disabled facilities admin", 210, 215],
    ["Sub-total", f("=SUM(B5:B6)", 950), f("=SUM(C5:C6)", 937)],
    ["Housing strategy", 320, 305],
    ["Home improvement agency", 180, 188],
    ["Sub-total", f("=SUM(B8:B9)", 500), f("=SUM(C8:C9)", 493)],
  ];
  rows.push(["Total Housing", grand("B"), grand("C")]);
  return rows;
}

const messages = (rows: Entry[][]) =>
  analyseWorkbook(workbook(sheet("Housing", rows)), { asOf: TODAY })
    .findings.filter((x) => x.severity === "error")
    .map((x) => [x.code, x.cell, x.message]);

describe("a grand total that leaves out a subtotal", () => {
  it('"=C4+C7" over three subtotals: the message names row 10', () => {
    const rows = budget((c) => (c === "B" ? f("=B4+B7+B10", 7500) : f("=C4+C7", 7997)));
    expect(messages(rows)).toEqual([
      [
        "total-mismatch",
        "C11",
        "Forecast is £7,997 but the totals it adds (rows 4, 7, 10) sum to £8,490; its formula C4+C7 leaves out row 10",
      ],
    ]);
  });

  it('"=SUM(C4,C7)" says the same', () => {
    const rows = budget((c) => (c === "B" ? f("=SUM(B4,B7,B10)", 7500) : f("=SUM(C4,C7)", 7997)));
    expect(messages(rows).map(([, , m]) => m)).toEqual([
      "Forecast is £7,997 but the totals it adds (rows 4, 7, 10) sum to £8,490; its formula SUM(C4,C7) leaves out row 10",
    ]);
  });

  it("a typed wrong grand total names no formula", () => {
    const rows = budget((c) => (c === "B" ? 7500 : 7997));
    expect(messages(rows).map(([, , m]) => m)).toEqual([
      "Forecast is £7,997 but the totals it adds (rows 4, 7, 10) sum to £8,490",
    ]);
  });
});
