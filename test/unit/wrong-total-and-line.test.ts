import { analyseWorkbook } from "../../src/core/analyse";
import type { BudgetTableReport } from "../../src/core/budget";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A planted error on a line (a reversed variance, an amount typed "21O") and a wrong total row
 * under it: the row that says "Total" stays a total, wherever the word sits (a reference column
 * with no header left of the table, a "Budget holder" column), and its error is the one reported.
 * Knock-on findings are folded, and a wrong total is never taken as "right as typed" through a
 * figure beside it that it does not add.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("S", rows)), { asOf: TODAY });
const found = (rows: Rows) => analyse(rows).findings.map((x) => `${x.code}@${x.cell}`);
const levels = (rows: Rows) =>
  analyse(rows)
    .tables.filter((t): t is BudgetTableReport => t.kind === "budget")
    .flatMap((t) => t.lines.map((l) => l.level));

describe("a wrong Total row under a wrong line stays a total", () => {
  it("'Total' in an unheaded reference column left of the table", () => {
    const rows: Rows = [
      [null, "Service", "Budget", "Forecast", "Variance"],
      ["1", "Libraries", 120, 150, 30],
      ["2", "Parks", 240, 210, 30],
      ["3", "Roads", 310, 335, 25],
      ["Total", null, 700, 695, 25],
    ];
    const findings = analyse(rows).findings;
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toEqual([
      "variance-mismatch@E3",
      "total-mismatch@C5",
    ]);
    // The typed variance total is the sum of the lines' right variances: it is right as typed.
    expect(findings[0]?.message).toContain("E5 is right as typed");
    expect(findings[1]?.message).toBe("Budget is £700 but its lines (rows 2–4) sum to £670");
    expect(levels(rows)).toEqual(["line", "line", "line", "subtotal"]);
  });

  it("'Total' in a Budget holder column, an amount typed as text on a line", () => {
    const rows: Rows = [
      ["Service", "Budget holder", "Budget", "Forecast", "Variance"],
      ["Libraries", "J Smith", 120, 150, 30],
      ["Parks", "A Jones", 240, "21O", -30],
      ["Roads", "P Patel", 310, 335, 25],
      [null, "Total", 670, 705, 25],
    ];
    expect(found(rows)).toEqual(["not-a-number@D3", "total-mismatch@D5"]);
    expect(levels(rows)).toEqual(["line", "line", "line", "subtotal"]);
  });

  it("headed sections whose totals say 'Total' in the Budget holder column", () => {
    const rows: Rows = [
      ["Ref", "Service", "Budget holder", "Budget", "Forecast", "Variance"],
      [null, "PEOPLE"],
      ["P1", "Care", "J Smith", 120, 150, 30],
      ["P2", "Help", "A Jones", 240, 210, 30],
      [null, null, "Total", 370, 360, 0],
      [null, "PLACE"],
      ["Q1", "Roads", "P Patel", 310, 335, 25],
      ["Q2", "Waste", "P Patel", 400, 380, -20],
      [null, null, "Total", 710, 715, 5],
      [null, null, "Grand total", 1070, 1075, 5],
    ];
    expect(found(rows)).toEqual(["variance-mismatch@F4", "total-mismatch@D5"]);
    expect(levels(rows)).toEqual(["line", "line", "subtotal", "line", "line", "subtotal", "total"]);
  });
});

describe("a wrong typed total is not 'right as typed' through a figure beside it", () => {
  it("budget: a total variance worked from the wrong budget total beside it follows from it", () => {
    const rows: Rows = [
      ["Cost centre", "Description", "Budget", "Forecast", "Variance"],
      ["R100", "Libraries", 120, 150, 30],
      ["R200", "Parks", 240, 210, 30],
      ["R300", "Roads", 310, 335, 25],
      ["Total", null, 700, 695, -5],
    ];
    const findings = analyse(rows).findings;
    // E5 = forecast total − the wrong budget total: with C5 and E3 put right together it is what
    // the lines give, so it is C5's knock-on (one fault, one finding), never "right as typed".
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toEqual([
      "variance-mismatch@E3",
      "total-mismatch@C5",
    ]);
    expect(findings.find((x) => x.cell === "C5")?.message).toContain(
      "it also puts out E5, which follows from it",
    );
    expect(findings.map((x) => x.message).join(" ")).not.toContain("right as typed");
  });

  it("funding: a year total out by a different amount than the unread line", () => {
    const rows: Rows = [
      [null, "Scheme", "Source of funding", "2025/26 £", "2026/27 £"],
      ["1", "Coordination", "BCF", 100, 100],
      ["2", "Carers", "BCF", 30, "3O"],
      ["Total", null, null, 140, 120],
    ];
    expect(found(rows)).toEqual(["not-a-number@E3", "total-mismatch@D4", "total-mismatch@E4"]);
  });

  it("funding: a year total that counts the unread line's amount is right as typed", () => {
    const rows: Rows = [
      [null, "Scheme", "Source of funding", "2025/26 £", "2026/27 £"],
      ["1", "Coordination", "BCF", 100, 100],
      ["2", "Carers", "BCF", 30, "3O"],
      ["Total", null, null, 140, 130],
    ];
    const findings = analyse(rows).findings;
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toEqual([
      "not-a-number@E3",
      "total-mismatch@D4",
    ]);
    expect(findings[0]?.message).toContain("E4 is right as typed");
  });
});

describe("a line that adds up to the lines above it by chance stays a line", () => {
  // Roads' budget is Libraries' plus Parks', and the reversed variance on Parks makes its
  // variance their sum too: two of three columns "add up", but the Total under it then adds
  // nothing. Read as a line, the Total adds the three lines in all columns but the wrong one.
  it("typed variances", () => {
    const rows: Rows = [
      ["Service", "Budget", "Forecast", "Variance"],
      ["Libraries", 100, 120, 20],
      ["Parks", 200, 190, 10],
      ["Roads", 300, 330, 30],
      ["Total", 650, 640, 60],
    ];
    expect(found(rows)).toEqual(["variance-mismatch@D3", "total-mismatch@B5"]);
    expect(levels(rows)).toEqual(["line", "line", "line", "subtotal"]);
  });

  it("formula variances, the total's variance worked from its own row", () => {
    const rows: Rows = [
      ["Code", "Service", "Budget", "Forecast", "Variance"],
      ["A1", "Libraries", 100, 120, f("=D2-C2", 20)],
      ["A2", "Parks", 200, 190, 10],
      ["A3", "Roads", 300, 330, f("=D4-C4", 30)],
      ["Total", null, 650, 640, f("=D5-C5", -10)],
    ];
    const findings = analyse(rows).findings;
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toEqual([
      "variance-mismatch@E3",
      "total-mismatch@C5",
    ]);
    expect(findings[1]?.message).toBe(
      "Budget is £650 but its lines (rows 2–4) sum to £600; it also puts out E5, which follows from it",
    );
  });

  it("an unlabelled wrong subtotal with no total under it stays a subtotal", () => {
    const rows: Rows = [
      ["Service", "Budget", "Forecast", "Variance"],
      ["PEOPLE"],
      ["Care", 120, 150, 30],
      ["Help", 240, 210, -30],
      [null, 370, 360, 0],
      ["PLACE"],
      ["Roads", 310, 335, 25],
      ["Waste", 400, 380, -20],
      [null, 710, 715, 5],
    ];
    expect(found(rows)).toEqual(["total-mismatch@B5"]);
    expect(levels(rows)).toEqual(["line", "line", "subtotal", "line", "line", "subtotal"]);
  });
});

describe("projects with money: a line adding up by chance stays a line", () => {
  const projects = (parkForecast: number, total: Rows[number]): Rows => [
    ["Project", "Lead", "Status", "Budget", "Forecast", "Variance"],
    ["Hub", "AB", "Green", 100, 120, f("=E2-D2", 20)],
    ["Depot", "CD", "Amber", 200, 190, 10],
    ["Park", "EF", "Red", 300, parkForecast, f(`=E4-D4`, parkForecast - 300)],
    ["Total", null, null, ...total],
  ];

  it("Park's budget and variance are the sums above: the Total adds three lines", () => {
    const rows = projects(330, [650, 640, f("=E5-D5", -10)]);
    expect(found(rows)).toEqual(["variance-mismatch@F3", "total-mismatch@D5"]);
  });

  it("with a right Total, the reversed variance is the one finding", () => {
    const rows = projects(330, [600, 640, f("=E5-D5", 40)]);
    expect(found(rows)).toEqual(["variance-mismatch@F3"]);
  });
});
