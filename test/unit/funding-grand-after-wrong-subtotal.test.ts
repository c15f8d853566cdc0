import { analyseWorkbook } from "../../src/core/analyse";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A grand total adding the subtotals ("All schemes" =C4+C6) stays a total when one typed
 * subtotal is wrong: only that subtotal is reported, and the allocations are not doubled.
 * And a council's own row-total column, whatever its name ("Both years"), is recognised by its
 * sums: checked, and no second "Total all years" written beside it.
 */
type Rows = Parameters<typeof sheet>[1];
const funding = sheet("Funding", [
  ["Funding source", "2025/26"],
  ["Adult Skills Fund", 210],
  ["UK Shared Prosperity Fund", 60],
]);
const plan = (grand: Rows[number]): Rows => [
  ["Ref", "Activity", "ASF 2025/26", "UKSPF 2025/26"],
  ["1.1", "Digital skills", 100, 20],
  ["1.2", "ESOL", 50, 30],
  [null, "Skills subtotal", f("=SUM(C2:C3)", 150), 40],
  ["2.1", "Keyworker", 60, 10],
  [null, "Employment subtotal", f("=SUM(C5:C5)", 60), f("=SUM(D5:D5)", 10)],
  grand,
];

describe("a grand total over subtotals, one subtotal typed wrong", () => {
  it.each([
    ["formulas adding the subtotals", [null, "All schemes", f("=C4+C6", 210), f("=D4+D6", 50)]],
    [
      "SUM of the subtotal cells",
      [null, "All schemes", f("=SUM(C4,C6)", 210), f("=SUM(D4,D6)", 50)],
    ],
    ["typed figures equal to the subtotals", [null, "All schemes", 210, 50]],
    ["typed figures equal to the lines", [null, "All schemes", 210, 60]],
  ] as const)("by %s: only the wrong subtotal is reported", (_, grand) => {
    const analysis = analyseWorkbook(workbook(sheet("Plan", plan([...grand])), funding), {
      asOf: TODAY,
    });
    expect(analysis.findings.map((x) => [x.code, x.cell, x.message])).toEqual([
      ["total-mismatch", "D4", "UKSPF 2025/26 is £40 but its lines (rows 2–3) sum to £50"],
    ]);
    expect(
      (analysis.reconciliation?.lines ?? []).map((l) => [l.source, l.available, l.allocated]),
    ).toEqual([
      ["Adult Skills Fund", 210, 210],
      ["UK Shared Prosperity Fund", 60, 60],
    ]);
  });

  it("a last line adding nothing above is still a line", () => {
    const analysis = analyseWorkbook(
      workbook(sheet("Plan", plan(["3.1", "Careers hub", 5, 7])), funding),
      { asOf: TODAY },
    );
    expect(
      (analysis.reconciliation?.lines ?? []).map((l) => [l.source, l.available, l.allocated]),
    ).toEqual([
      ["Adult Skills Fund", 210, 215],
      ["UK Shared Prosperity Fund", 60, 67],
    ]);
  });
});

describe("the council's own row-total column under another name", () => {
  const rows = (total2: ReturnType<typeof f> | number): Rows => [
    ["Scheme", "2025/26 £", "2026/27 £", "Both years", "Notes"],
    ["Parks", 100, 200, f("=SUM(B2:C2)", 300), "ok"],
    ["Libraries", 50, 70, f("=SUM(B3:C3)", 120), null],
    ["Leisure", 10, 20, total2, null],
  ];
  const analyse = (total2: ReturnType<typeof f> | number) =>
    analyseWorkbook(workbook(sheet("Plan", rows(total2))), { asOf: TODAY });

  it("is read as the total column: no Total all years is written beside it", () => {
    const analysis = analyse(f("=SUM(B4:C4)", 30));
    expect(analysis.findings).toEqual([]);
    const titles = analysis.plan.operations.flatMap((op) =>
      op.kind === "column" ? [op.title] : [],
    );
    expect(titles).not.toContain("Total all years");
    expect(titles).toEqual([]);
  });

  it("a wrong typed figure in it is reported", () => {
    expect(analyse(40).findings.map((x) => [x.code, x.cell, x.message])).toEqual([
      ["total-mismatch", "D4", "Both years is £40 but its years add up to £30"],
    ]);
  });
});
