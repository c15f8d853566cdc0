import { analyseWorkbook } from "../../src/core/analyse";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { recalculatedSheet } from "../../src/core/tables/recalculated";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A council total over a column apply corrects keeps its old cached value until Excel
 * recalculates, and so does a grand total over that total. Checking apply's output reads such
 * formulas by what they compute, so it finds nothing new: apply, then check, then apply again.
 */
type Rows = Parameters<typeof sheet>[1];

/** Two blocks with subtotals and a grand total over them; variance D typed, one line wrong. */
function services(): Rows {
  return [
    ["Westvale Council: revenue monitoring 2025/26"],
    [],
    ["Service", "Budget £", "Forecast £", "Variance £"],
    ["Libraries", 100000, 110000, 10000],
    ["Museums", 50000, 45000, -5000],
    // Typed wrong: 26,000 is 2,000 over forecast − budget; the subtotals cache that wrong sum.
    ["Parks", 80000, 104000, 26000],
    [
      "Culture total",
      f("=SUM(B4:B6)", 230000),
      f("=SUM(C4:C6)", 259000),
      f("=SUBTOTAL(9,D4:D6)", 31000),
    ],
    ["Waste", 300000, 290000, -10000],
    ["Streets", 120000, 125000, 5000],
    [
      "Place total",
      f("=SUM(B8:B9)", 420000),
      f("=SUM(C8:C9)", 415000),
      f("=SUBTOTAL(9,D8:D9)", -5000),
    ],
    ["Grand total", f("=B7+B10", 650000), f("=C7+C10", 674000), f("=SUBTOTAL(9,D4:D10)", 26000)],
  ];
}

const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("Revenue", rows)), { asOf: TODAY });

describe("cached values of totals over corrected cells", () => {
  it("the output of apply checks clean: SUBTOTAL subtotals and the grand total over them are read as recalculated", () => {
    const input = workbook(sheet("Revenue", services()));
    const first = analyseWorkbook(input, { asOf: TODAY });
    const written = first.plan.operations.flatMap((op) =>
      op.kind === "column" ? op.cells.map((c) => `${op.sheet}!${op.column},${c.row}`) : [],
    );
    // The wrong variance is corrected by apply (its cell is rewritten) …
    expect(written).toContain("Revenue!3,5");
    const output = applyPlanToSnapshot(input, first.plan, { valuesOnly: false });
    // … and the totals over it keep their stale caches in the file, as apply writes it.
    expect(output.sheets[0]?.rows[6]?.[3]?.value).toBe(31000);
    expect(output.sheets[0]?.rows[10]?.[3]?.value).toBe(26000);
    const second = analyseWorkbook(output, { asOf: TODAY });
    expect(second.findings.filter((x) => x.severity !== "info")).toEqual([]);
  });

  it("a totals row of SUBTOTAL(109, …) leaves out the subtotals inside its range, as Excel does", () => {
    const rows: Rows = [
      ["Grant", "Amount £"],
      ["A", 100],
      ["B", 200],
      ["Sub", f("=SUBTOTAL(9,B2:B3)", 300)],
      ["C", 50],
      ["Total", f("=SUBTOTAL(109,B2:B5)", 999)],
    ];
    // 100 + 200 + 50: the nested SUBTOTAL in B4 is not counted twice.
    expect(recalculatedSheet(sheet("Grants", rows)).rows[5]?.[1]?.value).toBe(350);
    expect(analyse(services()).findings.map((x) => `${x.code}@${x.cell}`)).toContain(
      "variance-mismatch@D6",
    );
  });
});

describe("formulas the evaluator does not compute", () => {
  it("a SUM over a name keeps its cached value and reads without error", () => {
    const s = sheet("Names", [[1, 2, f("=SUM(CostColumn)", 7), f("=SUM(A1:B1)", 3)]]);
    expect(recalculatedSheet(s).rows[0]?.map((c) => c?.value)).toEqual([1, 2, 7, 3]);
  });
});
