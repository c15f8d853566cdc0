import { analyseWorkbook } from "../../src/core/analyse";
import type { BudgetTableReport } from "../../src/core/budget";
import type { ColumnWrite } from "../../src/core/plan";
import { f, sheet, TODAY, workbook, type SheetExtras } from "../helpers/builders";

/**
 * Revenue monitoring sheets as councils lay them out: each variance heading form, each scale,
 * each stated RAG rule, header blocks with last year's columns, and totals by arithmetic. Every
 * test asserts the exact findings.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows, extras: SheetExtras = {}) =>
  analyseWorkbook(workbook(sheet("Budget", rows, extras)), { asOf: TODAY });
const found = (rows: Rows, extras: SheetExtras = {}) =>
  analyse(rows, extras).findings.map((x) => `${x.code}@${x.cell}`);
const report = (rows: Rows, extras: SheetExtras = {}) =>
  analyse(rows, extras).tables.find((t): t is BudgetTableReport => t.kind === "budget");
const written = (rows: Rows, title: string) =>
  (
    analyse(rows).plan.operations.find((o) => o.kind === "column" && o.title === title) as
      ColumnWrite | undefined
  )?.cells.map((c) => c.value);

describe("the council's variance column, by its many names", () => {
  const lines = (header: string | null, v: [number, number, number]): Rows => [
    ["Service", "Budget", "Forecast outturn", header],
    ["Libraries", 100, 120, v[0]],
    ["Parks", 200, 190, v[1]],
    ["Roads", 300, 330, v[2]],
  ];

  it.each([
    ["Variance Over/(Under)", [20, -10, 30], "D4"],
    ["Variance £ Adverse/(Favourable)", [20, -10, 30], "D4"],
    ["Forecast variance £", [20, -10, 30], "D4"],
  ])("%s: forecast less budget", (header, [a, b], cell) => {
    const rows = lines(header, [a as number, b as number, 33]);
    expect(found(rows)).toEqual([`variance-mismatch@${cell}`]);
    expect(report(rows)?.varianceConvention).toBe("forecast-minus-budget");
    // Checked, never duplicated: no second Variance column is written.
    const titles = analyse(rows)
      .plan.operations.filter((o): o is ColumnWrite => o.kind === "column")
      .map((o) => o.header?.text ?? null);
    expect(titles).toEqual([null, "Variance %", "Status", "RAG"]);
  });

  it("Variance Under/(Over): budget less forecast, and the message says so", () => {
    const rows = lines("Variance Under/(Over)", [-20, 10, 30]);
    const findings = analyse(rows).findings;
    expect(findings.map((x) => [x.code, x.cell, x.expected, x.actual])).toEqual([
      ["variance-mismatch", "D4", -30, 30],
    ]);
    expect(findings[0]?.message).toBe(
      "Variance is £30 but budget £300 − forecast £330 = -£30 (the sign is reversed); variance here is budget less forecast, positive = underspend, as the header states",
    );
    // Our formula on the wrong line follows the sheet's convention.
    expect(written(rows, "Variance")).toEqual([-20, 10, -30]);
  });

  it("stacked 'Variance' / 'Under/' / '(Over)' over three rows", () => {
    const rows: Rows = [
      ["Cost", "Service", "Latest", "Projected", "Variance"],
      ["centre", null, "budget", "outturn", "Under/"],
      [null, null, "2025/26", null, "(Over)"],
      ["E100", "Refuse", 1000, 1100, -100],
      ["E110", "Recycling", 500, 450, -50],
    ];
    expect(report(rows)).toMatchObject({
      range: "A1:E5",
      headerRows: [1, 2, 3],
      columns: { costCode: "A", item: "B", revisedBudget: "C", forecast: "D", variance: "E" },
      varianceConvention: "budget-minus-forecast",
    });
    expect(found(rows)).toEqual(["variance-mismatch@E5"]);
  });

  it("no convention in the header: the figures decide, and the message says so", () => {
    const rows: Rows = [
      ["Service", "Budget", "Forecast", "Variance"],
      ["A", 100, 120, -20],
      ["B", 100, 90, 10],
      ["C", 100, 130, 30],
    ];
    const findings = analyse(rows).findings;
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["variance-mismatch@D4"]);
    expect(findings[0]?.message).toContain("the convention the sheet's figures follow");
  });
});

describe("header blocks: last year, units, hidden columns", () => {
  const APPENDIX: Rows = [
    ["Service", "Last year 2024/25", null, "Current year 2025/26", null, null, null],
    [
      null,
      "Revised budget",
      "Outturn",
      "Revised budget",
      "Actual to date",
      "Forecast outturn",
      "Variance",
    ],
    [null, "£'000", "£'000", "£'000", "£'000", "£'000", "£'000"],
    ["Care", 90, 95, 100, 40, 130, 30],
    ["Waste", 50, 49, 60, 70, 58, 2],
  ];
  const merges = ["A1:A3", "B1:C1", "D1:G1"];

  it("compares this year's forecast with this year's budget, in pounds", () => {
    expect(report(APPENDIX, { merges })).toMatchObject({
      range: "A1:G5",
      headerRows: [1, 2, 3],
      unit: "£'000",
      columns: { revisedBudget: "D", actual: "E", forecast: "F", variance: "G" },
    });
    // The units row is header: no "not a number" for £'000. Actual to date 70 is not the outturn.
    const findings = analyse(APPENDIX, { merges }).findings;
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["variance-mismatch@G5"]);
    expect(findings[0]?.message).toBe(
      "Variance is £2,000 but forecast £58,000 − budget £60,000 = -£2,000 (the sign is reversed); variance here is forecast less budget, positive = overspend, the usual convention",
    );
    expect(findings[0]).toMatchObject({ expected: -2, actual: 2 });
  });

  it("RAG thresholds in pounds apply to pounds: £30,000 over is 30% (Red), £2,000 under Green", () => {
    const rag = analyse(APPENDIX, { merges }).plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.title === "RAG",
    );
    expect(rag?.cells.map((c) => c.value)).toEqual(["Red", "Green"]);
    expect(rag?.cells[0]?.formula).toBe(
      '=IF(ISNUMBER(G4),IF(G4*1000<=0.005,"Green",IF(G4*1000>=MIN(0.05*ABS(D4)*1000,100000),"Red","Amber")),"")',
    );
  });

  it("a hidden, superseded budget column is not the budget", () => {
    const rows: Rows = [
      ["Scheme", "Budget at Q1", "Revised budget", "Forecast"],
      ["A", 10, 100, 100],
      ["B", 20, 200, 200],
    ];
    expect(report(rows, { hiddenColumns: [1] })?.columns).toMatchObject({
      revisedBudget: "C",
      forecast: "D",
    });
    expect(found(rows, { hiddenColumns: [1] })).toEqual([]);
  });

  it("a budget of 'tbc' is left out of the variance and the totals, with a note", () => {
    const rows: Rows = [
      ["Service", "Budget", "Forecast"],
      ["A", 100, 110],
      ["B", "tbc", 50],
      ["Total", 100, 160],
    ];
    // The note is information (nothing to fix), said at the line's budget.
    expect(found(rows)).toEqual(["unconfirmed-funding@B3"]);
    expect(analyse(rows).findings[0]?.severity).toBe("info");
    expect(report(rows)?.notes).toEqual([
      "Row 3: budget not confirmed, left out of variance and totals",
    ]);
    expect(written(rows, "Variance")).toEqual([10, "", 60]);
  });
});

describe("amounts in £m, stated in the header words", () => {
  it("speaks in pounds and adds three-decimal millions exactly", () => {
    const rows: Rows = [
      ["Ref", "Scheme", "Budget £m", "Forecast £m", "Variance Under/(Over) £m"],
      ["HC01", "Community centre", 0.64, 0.655, -0.015],
      ["HC02", "Refuse vehicles", 1.42, 1.51, 0.09],
      ["HC03", "Play areas", 0.512, 0.5, 0.012],
      [null, null, f("=SUM(C2:C4)", 2.572), f("=SUM(D2:D4)", 2.665), 0.087],
    ];
    const findings = analyse(rows).findings;
    expect(findings.map((x) => [x.code, x.cell, x.expected, x.actual])).toEqual([
      ["variance-mismatch", "E3", -0.09, 0.09],
    ]);
    expect(findings[0]?.message).toBe(
      "Variance is £90,000 but budget £1,420,000 − forecast £1,510,000 = -£90,000 (the sign is reversed); variance here is budget less forecast, positive = underspend, as the header states",
    );
    expect(report(rows)).toMatchObject({ unit: "£m", columns: { ref: "A", project: "B" } });
  });

  it("a £m subtotal off by £1,000 is reported, in pounds", () => {
    const rows: Rows = [
      ["Scheme", "Budget £m", "Forecast £m"],
      ["A", 0.512, 0.5],
      ["B", 0.655, 0.7],
      ["Total", 1.168, 1.2],
    ];
    const findings = analyse(rows).findings;
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["total-mismatch@B4"]);
    expect(findings[0]?.message).toBe(
      "Budget £m is £1,168,000 but its lines (rows 2–3) sum to £1,167,000",
    );
  });
});

describe("a RAG rule stated on the sheet is the one used", () => {
  it("checks typed RAGs by the sheet's rule, not the settings'", () => {
    const rows: Rows = [
      ["Service", "Budget", "Forecast", "RAG"],
      ["A", 1_000_000, 1_060_000, "Red"],
      ["B", 1_000_000, 1_030_000, "Amber"],
      ["C", 1_000_000, 1_030_000, "Red"],
      [],
      ["RAG: 2% to 5% Amber, >5% Red"],
    ];
    // £60,000 is 6%: Red by the sheet (the settings' £100,000 would say Amber); 3% is Amber.
    const findings = analyse(rows).findings;
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["variance-mismatch@D4"]);
    expect(findings[0]?.message).toContain("(the rule stated on the sheet at A6)");
    expect(report(rows)?.ragRule).toBe("RAG: 2% to 5% Amber, >5% Red");
  });
});

describe("totals by arithmetic", () => {
  it("blocks without headings, an unlabelled subtotal, a grand total over the subtotals", () => {
    const rows: Rows = [
      ["Code", "Service", "Budget", "Forecast"],
      ["E1", "Refuse", 100, 110],
      ["E2", "Recycling", 50, 40],
      [null, "Waste", f("=SUM(C2:C3)", 150), f("=SUM(D2:D3)", 150)],
      ["E3", "Parks", 70, 75],
      ["E4", "Verges", 30, 30],
      [null, null, f("=SUM(C5:C6)", 100), f("=SUM(D5:D6)", 105)],
      [null, "TOTAL", f("=C4+C7", 250), 245],
    ];
    const findings = analyse(rows, { hiddenRows: [4] }).findings;
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["total-mismatch@D8"]);
    expect(findings[0]?.message).toBe(
      "Forecast is £245 but the totals it adds (rows 4, 7) sum to £255",
    );
  });

  it("a Funded by block of negatives and a NET POSITION adding the two totals", () => {
    const rows: Rows = [
      ["Service", "Budget", "Forecast"],
      ["Spending"],
      ["Care", 300, 320],
      ["Waste", 200, 190],
      ["NET EXPENDITURE", f("=B3+B4", 500), f("=C3+C4", 510)],
      ["Funded by"],
      ["Council tax", -400, -400],
      ["Grants", -100, -110],
      ["Total funding", f("=SUM(B7:B8)", -500), f("=SUM(C7:C8)", -510)],
      ["NET POSITION", f("=B5+B9", 0), 10],
    ];
    expect(found(rows)).toEqual(["total-mismatch@C10"]);
    expect(report(rows)?.lines.map((l) => l.cell)).toEqual([
      "B3",
      "B4",
      "B5",
      "B7",
      "B8",
      "B9",
      "B10",
    ]);
  });

  it("the inserted-row slip keeps its message", () => {
    const rows: Rows = [
      ["Service", "Budget", "Actual to date"],
      ["Adults"],
      ["Care", 100, 40],
      ["Housing", 50, 20],
      ["Support Fund", 0, 15],
      ["Total Adults", f("=SUM(B3:B4)", 150), f("=SUM(C3:C4)", 60)],
    ];
    const findings = analyse(rows).findings;
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["total-mismatch@C6"]);
    expect(findings[0]?.message).toBe(
      "Actual to date is £60 but its lines (rows 3–5) sum to £75; its formula SUM(C3:C4) leaves out row 5",
    );
  });
});
