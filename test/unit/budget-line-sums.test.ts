import { analyseWorkbook } from "../../src/core/analyse";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A line's own sum across its columns (Revised budget =SUM(C5:D5) of Original and Virements, or
 * =C5+D5) adds no rows above it: the line is a line, not a subtotal of the lines before it. Only
 * the section total that is really wrong is reported.
 */
describe("a budget whose lines carry the council's own Revised budget formula", () => {
  const build = (revised: (r: number) => string) =>
    workbook(
      sheet("Budget", [
        [
          "Cost centre",
          "Description",
          "Original budget",
          "Virements",
          "Revised budget",
          "Forecast",
        ],
        ["SERVICE 1"],
        ["CC1", "Line 1", 100, 10, f(revised(3), 110), 120],
        ["CC2", "Line 2", 200, -20, f(revised(4), 180), 170],
        ["CC3", "Line 3", 300, 0, f(revised(5), 300), 310],
        // Forecast total typed wrong: 600 for 600 + 10… the lines add to 600, stated 610.
        [
          "Total service 1",
          null,
          f("=SUM(C3:C5)", 600),
          f("=SUM(D3:D5)", -10),
          f("=SUM(E3:E5)", 590),
          610,
        ],
      ]),
    );

  it.each([
    ["=SUM(Cn:Dn)", (r: number) => `=SUM(C${r}:D${r})`],
    ["=Cn+Dn", (r: number) => `=C${r}+D${r}`],
  ])("reads %s on every line as a line, and reports only the wrong total", (_, revised) => {
    const a = analyseWorkbook(build(revised), { asOf: TODAY });
    expect(a.findings.filter((x) => x.severity !== "info").map((x) => [x.code, x.cell])).toEqual([
      ["total-mismatch", "F6"],
    ]);
    const variance = a.plan.operations.find((o) => o.kind === "column" && o.title === "Variance");
    expect(
      variance?.kind === "column" ? variance.cells.map((c) => [c.row, c.value]) : null,
    ).toEqual([
      [2, 10],
      [3, -10],
      [4, 10],
      [5, 20],
    ]);
  });
});
