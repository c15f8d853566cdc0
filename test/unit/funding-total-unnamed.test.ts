import { analyseWorkbook } from "../../src/core/analyse";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A grand total whose label lacks the word "Total" ("All schemes", "Net cost of services") is
 * found by its arithmetic — =SUM over the rows above, or typed figures equal to the lines'
 * sum — and is not counted as one more line in the reconciliation.
 */
type Rows = Parameters<typeof sheet>[1];
const plan = (total: Rows[number]): Rows => [
  ["Scheme", "2025/26 ASF £", "2025/26 UKSPF £"],
  ["Digital skills", 100000, 20000],
  ["ESOL", 50000, 30000],
  total,
];
const funding = sheet("Funding", [
  ["Source", "2025/26 £"],
  ["Adult Skills Fund", 150000],
  ["UK Shared Prosperity Fund", 50000],
]);

describe("a total line without the word Total", () => {
  it.each([
    ["=SUM formulas", ["All schemes", f("=SUM(B2:B3)", 150000), f("=SUM(C2:C3)", 50000)]],
    ["typed figures", ["Net cost of services", 150000, 50000]],
  ] as const)("by %s: reconciles, no doubled figures", (_, total) => {
    const analysis = analyseWorkbook(workbook(sheet("Plan", plan([...total])), funding), {
      asOf: TODAY,
    });
    expect(analysis.findings).toEqual([]);
    const lines = analysis.reconciliation?.lines ?? [];
    expect(lines.map((l) => [l.source, l.available, l.allocated])).toEqual([
      ["Adult Skills Fund", 150000, 150000],
      ["UK Shared Prosperity Fund", 50000, 50000],
    ]);
  });

  it("a last line that does not add the others is still a line", () => {
    const analysis = analyseWorkbook(
      workbook(sheet("Plan", plan(["Careers hub", 1000, 500])), funding),
      { asOf: TODAY },
    );
    expect(analysis.findings.map((x) => [x.code, x.cell, x.difference])).toEqual([
      ["reconciliation-difference", "B2", 1000],
      ["reconciliation-difference", "B3", 500],
    ]);
  });
});

describe("the grand total message of a table with one section", () => {
  it("names its own lines, not the lines of all sections", () => {
    const rows: Rows = [
      ["Scheme", "2025/26 £"],
      ["Skills"],
      ["Digital skills", 100],
      ["ESOL", 50],
      ["Total", 170],
    ];
    const messages = analyseWorkbook(workbook(sheet("Plan", rows)), { asOf: TODAY }).findings.map(
      (x) => [x.code, x.cell, x.message],
    );
    expect(messages).toEqual([
      ["total-mismatch", "B5", "2025/26 £ is £170 but its lines (rows 3–4) sum to £150"],
    ]);
  });
});
