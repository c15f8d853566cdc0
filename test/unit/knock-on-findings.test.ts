import { analyseWorkbook } from "../../src/core/analyse";
import { foldConsequences, intendedAmount } from "../../src/core/consequences";
import { finding } from "../../src/core/findings";
import { withFormulaValues } from "../../src/core/tables/recalculated";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Formulas saved without values (openpyxl and other tools leave <v> empty) are judged by what
 * they compute; a figure wrong only because a cell already reported is wrong is reported once,
 * at that cell; a total's message quotes what the total shows once recalculated, in pounds.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY });
const found = (rows: Rows) => analyse(rows).findings.map((x) => `${x.code}@${x.cell}`);
/** A formula as another tool saves it: no cached value at all. */
const uncached = (formula: string) => f(formula, null);

const LINES: [string, number, number][] = [
  ["Grounds", 120000, 125000],
  ["Play areas", 40000, 38000],
  ["Trees", 55000, 61000],
  ["Cemeteries", 80000, 79000],
  ["Allotments", 12000, 12500],
  ["Depot", 30000, 33000],
];
/** Header on row 4, lines on rows 5–10, the total on row 11 (Excel rows). */
function budget(total: unknown[], variance = true): Rows {
  return [
    ["Northvale Council: parks budget monitoring 2025/26"],
    [],
    [],
    ["Cost centre", "Budget £", "Forecast outturn £", ...(variance ? ["Variance £"] : [])],
    ...LINES.map(([name, b, fc], k) => [
      name,
      b,
      fc,
      ...(variance ? [uncached(`=C${k + 5}-B${k + 5}`)] : []),
    ]),
    ["Total", ...total] as Rows[number],
  ];
}

describe("formulas saved without values", () => {
  it("are filled with what they compute, and only where no value was saved", () => {
    const s = sheet("S", [
      [1, 2, uncached("=A1+B1"), f("=A1+B1", 99), uncached("=VLOOKUP(A1,X1:Y9,2)")],
    ]);
    const filled = withFormulaValues(s).rows[0]?.map((c) => c?.value);
    expect(filled).toEqual([1, 2, 3, 99, null]);
  });

  it("a SUM that misses a row is reported as a typed wrong total is, naming the row", () => {
    const rows = budget([uncached("=SUM(B5:B9)"), uncached("=SUM(C5:C10)"), uncached("=C11-B11")]);
    const result = analyse(rows);
    expect(result.findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["total-mismatch@B11"]);
    const [total] = result.findings;
    expect(total?.message).toBe(
      "Budget £ is £307,000 but its lines (rows 5–10) sum to £337,000; its formula SUM(B5:B9) " +
        "leaves out row 10; it also puts out D11, which follows from it",
    );
    expect(total?.expected).toBe(337000);
    expect(total?.actual).toBe(307000);
  });

  it("right uncached formulas raise nothing", () => {
    const rows = budget([uncached("=SUM(B5:B10)"), uncached("=SUM(C5:C10)"), uncached("=C11-B11")]);
    expect(found(rows)).toEqual([]);
  });
});

describe("knock-on findings are folded into their root cause", () => {
  it("a variance formula wrong only because the total it reads is wrong is not a second error", () => {
    // Cached values as Excel saves them: B11's SUM misses row 10, D11 follows it.
    const rows = budget([
      f("=SUM(B5:B9)", 307000),
      f("=SUM(C5:C10)", 348500),
      f("=C11-B11", 41500),
    ]);
    const result = analyse(rows);
    expect(result.findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["total-mismatch@B11"]);
    expect(result.findings[0]?.message).toContain("it also puts out D11");
  });

  it("a variance formula that is wrong on its own stays reported beside the wrong total", () => {
    // D11 adds B11 instead of taking it away: wrong whatever B11 holds.
    const rows = budget([
      f("=SUM(B5:B9)", 307000),
      f("=SUM(C5:C10)", 348500),
      f("=C11+B11", 655500),
    ]);
    expect(found(rows)).toEqual(["total-mismatch@B11", "total-mismatch@D11"]);
  });

  it("a reconciliation difference that is exactly an unreadable amount is folded into it", () => {
    const root = finding(
      "not-a-number",
      "Allocations",
      11,
      6,
      'PHG 2025/26 £ "57,9OO" is not an amount',
    );
    const knock = finding("reconciliation-difference", "Sources", 4, 2, "PHG 2025/26: ...", {
      difference: -57900,
      allocationCells: ["G12", "G13"],
    });
    const other = finding("reconciliation-difference", "Sources", 5, 2, "ICB 2025/26: ...", {
      difference: -1000,
      allocationCells: ["G12"],
    });
    const sheets = [
      sheet(
        "Allocations",
        Array.from({ length: 12 }, (_, r) =>
          r === 11 ? [null, null, null, null, null, null, "57,9OO"] : [],
        ),
      ),
    ];
    const out = foldConsequences([root, knock, other], sheets);
    expect(out.map((x) => `${x.code}@${x.sheet}!${x.cell}`)).toEqual([
      "not-a-number@Allocations!G12",
      "reconciliation-difference@Sources!C6",
    ]);
    expect(out[0]?.message).toContain("it also puts out Sources!C5");
  });

  it("a chain is said once, at its first cell; a cycle keeps every finding", () => {
    const total = (cell: [number, number], expected: number, actual: number) =>
      finding("total-mismatch", "S", cell[0], cell[1], `out at ${cell[1]}`, { expected, actual });
    const chain = sheet("S", [[10, f("=A1+D1", 11), f("=B1+D1", 12), 1]]);
    const out = foldConsequences(
      [total([0, 0], 12, 10), total([0, 1], 13, 11), total([0, 2], 14, 12)],
      [chain],
    );
    expect(out.map((x) => x.cell)).toEqual(["A1"]);
    expect(out[0]?.message).toBe("out at 0; it also puts out B1 and C1, which follow from it");
    const cycle = sheet("S", [[f("=B1", 4), f("=A1", 4)]]);
    const kept = foldConsequences([total([0, 0], 5, 4), total([0, 1], 5, 4)], [cycle]);
    expect(kept.map((x) => x.cell)).toEqual(["A1", "B1"]);
  });

  it("reads the amount a mistyped text evidently means, and nothing else", () => {
    expect(intendedAmount("57,9OO")).toBe(57900);
    expect(intendedAmount("£1,200")).toBe(1200);
    expect(intendedAmount("1.2k")).toBe(1200);
    expect(intendedAmount("see DfE letter")).toBeNull();
  });
});

describe("typed figures worked from a wrong typed figure", () => {
  it("a typed variance total that follows a hard-typed wrong budget total is folded into it", () => {
    const rows: Rows = [
      ["Cost centre", "Budget £", "Forecast outturn £", "Variance £"],
      ["Libraries", 100, 120, 20],
      ["Parks", 200, 190, -10],
      ["Roads", 300, 330, 30],
      ["Total", 500, 640, 140],
    ];
    const result = analyse(rows);
    expect(result.findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["total-mismatch@B5"]);
    expect(result.findings[0]?.message).toBe(
      "Budget £ is £500 but its lines (rows 2–4) sum to £600; it also puts out D5, which follows from it",
    );
  });

  it("a typed total that left out an amount stored as text is not a second finding", () => {
    const rows: Rows = [
      ["Cost centre", "Budget £", "Forecast outturn £"],
      ["Libraries", 100, 120],
      ["Parks", "£1,500", 1190],
      ["Roads", "1.2k", 1300],
      ["Total", 1600, 2610],
    ];
    const result = analyse(rows);
    // B5 adds 100 and the "£1,500" but not the "1.2k": out by exactly the 1,200 that text holds.
    expect(result.findings.map((x) => `${x.code}@${x.cell}`)).toEqual([
      "number-as-text@B3",
      "number-as-text@B4",
    ]);
    expect(result.findings[1]?.message).toBe(
      '"1.2k" is stored as text; it is read as £1,200; it also puts out B5, which follows from it',
    );
  });

  it("a typed variance total out by another amount is its own error", () => {
    const rows: Rows = [
      ["Cost centre", "Budget £", "Forecast outturn £", "Variance £"],
      ["Libraries", 100, 120, 20],
      ["Parks", 200, 190, -10],
      ["Roads", 300, 330, 30],
      ["Total", 500, 640, 150],
    ];
    expect(found(rows)).toEqual(["total-mismatch@B5", "total-mismatch@D5"]);
  });
});

describe("a total's message quotes what the total shows, in the column's pounds", () => {
  it("a formula whose saved figure is stale is quoted by what it computes now", () => {
    // Saved as 300,000 before row 9 changed; it now computes 307,000 and still misses row 10.
    const rows = budget([f("=SUM(B5:B9)", 300000), f("=SUM(C5:C10)", 348500)], false);
    const result = analyse(rows);
    expect(result.findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["total-mismatch@B11"]);
    expect(result.findings[0]?.message).toBe(
      "Budget £ is £307,000 but its lines (rows 5–10) sum to £337,000; its formula SUM(B5:B9) leaves out row 10",
    );
    expect(result.findings[0]?.actual).toBe(307000);
  });

  it("a formula that now adds every line behind a stale saved figure is right", () => {
    const rows = budget([f("=B5+B6+B7+B8+B9+B10", 300000), f("=SUM(C5:C10)", 348500)], false);
    expect(found(rows)).toEqual([]);
  });

  it("in £'000 the figures are quoted in pounds", () => {
    const rows: Rows = [
      ["Service", "Budget", "Forecast outturn"],
      [null, "£'000", "£'000"],
      ["Libraries", 1200, 1250],
      ["Parks", 800, 790],
      ["Roads", 3000, 3100],
      ["Total", f("=SUM(B3:B4)", 1900), f("=SUM(C3:C5)", 5140)],
    ];
    const result = analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY });
    expect(result.findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["total-mismatch@B6"]);
    expect(result.findings[0]?.message).toMatch(/£2,000,000 .*£5,000,000|£2,000k .*£5,000k/);
  });
});
