import { ragStyle } from "../../src/core/band-colours";
import type { ColumnWrite } from "../../src/core/plan";
import { f, type Entry } from "../helpers/builders";
import { analyseProjects, columnWrite, projectFindings, projectsOf } from "../helpers/projects";

/** A programme summary in pounds: "Variance £ Adverse/(Favourable)" is forecast less budget. */
const SUMMARY: Entry[][] = [
  [
    "Project",
    "SRO",
    "Approved budget £",
    "Forecast outturn £",
    "Variance £ Adverse/(Favourable)",
    "Delivery RAG",
  ],
  ["Front door", "Director A", 100000, 130000, f('=IF(D2="","",D2-C2)', 30000), "Green"],
  ["Fleet", "Director B", 500000, 480000, 2000, "Amber"],
  ["Payroll", "Director C", 200000, null, f('=IF(D4="","",D4-C4)', ""), "Red"],
  [
    "Programme total",
    null,
    f("=SUM(C2:C4)", 800000),
    f("=SUM(D2:D4)", 610000),
    f("=SUM(E2:E4)", 32000),
  ],
];

describe("projects tables with money", () => {
  it("reads a projects table with budget and forecast as projects, with the convention its header states", () => {
    const a = analyseProjects(SUMMARY);
    expect(projectsOf(a)).toMatchObject({
      range: "A1:F5",
      headerRows: [1],
      projects: ["Front door", "Fleet", "Payroll"],
      money: {
        columns: { budget: "C", forecast: "D", variance: "E" },
        unit: "£",
        multiplier: 1,
        varianceConvention: "forecast-minus-budget",
        conventionFrom: "header",
      },
    });
  });

  it("finds a wrong typed variance and a blank forecast, and nothing in the formula that shows blank or in the stated totals", () => {
    const a = analyseProjects(SUMMARY);
    expect(projectFindings(a)).toEqual([
      { code: "variance-mismatch", cell: "E3", expected: -20000, actual: 2000 },
      { code: "missing-value", cell: "D4", expected: undefined, actual: undefined },
    ]);
    expect(a.findings.find((x) => x.cell === "E3")?.message).toBe(
      "Variance is £2,000 but forecast £480,000 − budget £500,000 = -£20,000 (forecast less budget, positive = overspend, as its header states)",
    );
  });

  it("replaces only the typed variance, keeps the council's formulas, and adds Variance %, Spend status and a budget RAG beside the delivery RAG", () => {
    const a = analyseProjects(SUMMARY);
    expect(columnWrite(a, "Variance")?.cells).toEqual([
      { row: 2, formula: '=IF(AND(ISNUMBER(D3),ISNUMBER(C3)),D3-C3,"")', value: -20000 },
    ]);
    expect(columnWrite(a, "Variance %")).toMatchObject({ column: 6, numberFormat: "0.0%" });
    expect(columnWrite(a, "Variance %")?.cells.map((c) => c.value)).toEqual([0.3, -0.04, ""]);
    expect(columnWrite(a, "Spend status")?.cells.map((c) => c.value)).toEqual([
      "Overspend",
      "Underspend",
      "",
    ]);
    // Default rule: red at 5% of budget or £100,000, whichever is lower.
    expect(columnWrite(a, "Budget RAG")).toMatchObject({
      column: 8,
      header: { row: 0, text: "Budget RAG" },
    });
    expect(columnWrite(a, "Budget RAG")?.cells.map((c) => c.value)).toEqual(["Red", "Green", ""]);
    expect(
      a.plan.operations.filter((o) => o.kind === "column").map((o) => (o as ColumnWrite).column),
    ).not.toContain(5);
  });

  /** Scheme monitoring in £m with a units row; "Under/(Over)" is budget less forecast. */
  const SCHEMES: Entry[][] = [
    [
      "Ref",
      "Scheme",
      "SRO",
      "Approved budget",
      "Spend to date",
      "Forecast",
      "Variance Under/(Over)",
      "RAG",
    ],
    [null, null, null, "£m", "£m", "£m", "£m"],
    ["S01", "Depot", "Head of Fleet", 3.4, 2.2, 3.15, f("=D3-F3", 0.25), "Green"],
    ["S02", "Vehicles", "Head of Fleet", 1.42, 1.5, 1.51, 0.09, "Red"],
    ["S02", "Hub", "Director", 2.15, 2.15, 2.15, f("=D5-F5", 0), "Green"],
    [
      null,
      "Total",
      null,
      f("=SUM(D3:D5)", 6.97),
      f("=SUM(E3:E5)", 5.85),
      f("=SUM(F3:F5)", 6.81),
      f("=SUM(G3:G5)", 0.34),
    ],
    [],
    ["RAG: Red = forecast above budget; Green = otherwise"],
  ];

  it("colours the budget RAG it writes with live rules on Green, Amber and Red, over the rows it writes", () => {
    const rag = columnWrite(analyseProjects(SUMMARY), "Budget RAG");
    expect(rag?.highlight).toEqual({
      fromRow: 1,
      toRow: 3,
      rules: ["Green", "Amber", "Red"].map((label) => ({
        label,
        texts: [label],
        fill: ragStyle(label as "Green" | "Amber" | "Red").background,
        text: ragStyle(label as "Green" | "Amber" | "Red").text,
      })),
    });
    // The council's own Delivery RAG is theirs: no rules of ours on it.
    const ops = analyseProjects(SUMMARY).plan.operations;
    expect(
      ops
        .filter((o) => o.kind === "column" && o.highlight)
        .map((o) => o.kind === "column" && o.column),
    ).toEqual([8]);
  });

  it("reads a units row into the header, amounts as millions, and the key line under the table as no project", () => {
    const a = analyseProjects(SCHEMES);
    expect(projectsOf(a)).toMatchObject({
      range: "A1:H6",
      headerRows: [1, 2],
      projects: ["Depot", "Vehicles", "Hub"],
      money: {
        columns: { budget: "D", actual: "E", forecast: "F", variance: "G", rag: "H" },
        unit: "£m",
        multiplier: 1_000_000,
        varianceConvention: "budget-minus-forecast",
      },
    });
  });

  it("finds the reversed sign in pounds and the duplicate reference, and no total is out", () => {
    const a = analyseProjects(SCHEMES);
    expect(projectFindings(a)).toEqual([
      { code: "variance-mismatch", cell: "G4", expected: -0.09, actual: 0.09 },
      { code: "duplicate-id", cell: "A5", expected: undefined, actual: undefined },
    ]);
    expect(a.findings.find((x) => x.cell === "G4")?.message).toBe(
      "Variance is £90,000 but budget £1,420,000 − forecast £1,510,000 = -£90,000 (budget less forecast, positive = underspend, as its header states; the sign is reversed)",
    );
  });

  it("writes the variance as budget less forecast, Spend status the same way round, and the council's RAG in place under the settings' rule", () => {
    const a = analyseProjects(SCHEMES);
    expect(columnWrite(a, "Variance")?.cells).toEqual([
      { row: 3, formula: '=IF(AND(ISNUMBER(F4),ISNUMBER(D4)),D4-F4,"")', value: -0.09 },
    ]);
    expect(columnWrite(a, "Spend status")?.cells.map((c) => [c.formula, c.value])).toEqual([
      [
        '=IF(ISNUMBER(G3),IF(ROUND(-G3,8)>0,"Overspend",IF(ROUND(-G3,8)<0,"Underspend","On budget")),"")',
        "Underspend",
      ],
      [
        '=IF(ISNUMBER(G4),IF(ROUND(-G4,8)>0,"Overspend",IF(ROUND(-G4,8)<0,"Underspend","On budget")),"")',
        "Overspend",
      ],
      [
        '=IF(ISNUMBER(G5),IF(ROUND(-G5,8)>0,"Overspend",IF(ROUND(-G5,8)<0,"Underspend","On budget")),"")',
        "On budget",
      ],
    ]);
    // The sheet states no rule: the settings' (5% or £100,000, the lower) in pounds, in column H.
    const rag = a.plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.column === 7,
    );
    expect(rag?.header).toBeNull();
    expect(rag?.cells.map((c) => c.value)).toEqual(["Green", "Red", "Green"]);
    expect(rag?.cells[1]?.formula).toContain("MIN(0.05*ABS(D4)*1000000,100000)");
  });

  it("takes the convention from the figures when the header states none, and says so", () => {
    const rows: Entry[][] = [
      ["Project", "SRO", "Budget", "Forecast", "Variance"],
      ["A", "X", 100, 90, 10],
      ["B", "Y", 100, 80, 20],
      ["C", "Z", 100, 130, 30],
    ];
    const a = analyseProjects(rows);
    expect(projectsOf(a)?.money).toMatchObject({
      varianceConvention: "budget-minus-forecast",
      conventionFrom: "figures",
    });
    expect(projectFindings(a)).toEqual([
      { code: "variance-mismatch", cell: "E4", expected: -30, actual: 30 },
    ]);
    expect(a.findings[0]?.message).toContain("as the other lines show");
  });

  it("applies the £100,000 RAG amount in pounds to a £'000 table", () => {
    const rows: Entry[][] = [
      ["Project", "SRO", "Budget £'000", "Forecast £'000", "Variance Over/(Under) £'000"],
      ["Big", "X", 10000, 10150, 150],
      ["Small", "Y", 1000, 1030, 30],
    ];
    const a = analyseProjects(rows);
    expect(projectFindings(a)).toEqual([]);
    // 150 (£150,000) is over £100,000: red; 30 (£30,000) is under 5% of £1m: amber.
    expect(columnWrite(a, "Budget RAG")?.cells.map((c) => c.value)).toEqual(["Red", "Amber"]);
    expect(columnWrite(a, "Budget RAG")?.cells[0]?.formula).toContain(
      "MIN(0.05*ABS(C2)*1000,100000)",
    );
  });

  it("leaves a funding plan with Ref, Project and Lead but no budget or forecast to the other kinds", () => {
    const rows: Entry[][] = [
      ["Ref", "Project", "Lead", "UKSPF £", "Council match £"],
      ["1.1", "Shop fronts", "Economy", 45000, 5000],
    ];
    expect(projectsOf(analyseProjects(rows))).toBeUndefined();
  });

  it("adds £m amounts with three decimals exactly, and a typed total that is out is reported in the sheet's units", () => {
    const rows: Entry[][] = [
      ["Ref", "Scheme", "SRO", "Budget £m", "Forecast £m", "Variance Under/(Over) £m"],
      ["A1", "Pool", "X", 2.875, 2.41, f("=D2-E2", 0.465)],
      ["A2", "Hall", "Y", 0.655, 0.655, f("=D3-E3", 0)],
      ["A3", "Park", "Z", 0.185, 0.185, f("=D4-E4", 0)],
      [null, "Total", null, f("=SUM(D2:D4)", 3.715), 3.0, f("=SUM(F2:F4)", 0.465)],
    ];
    const a = analyseProjects(rows);
    expect(projectFindings(a)).toEqual([
      { code: "total-mismatch", cell: "E5", expected: 3.25, actual: 3 },
    ]);
  });

  it("does not report a council SUM over exactly its lines whose cached value is stale", () => {
    // E3 was a typed wrong variance that a formula replaced; the SUM below still caches the old total.
    const rows: Entry[][] = [
      ["Project", "SRO", "Budget", "Forecast", "Variance Over/(Under)"],
      ["A", "X", 100, 130, f("=D2-C2", 30)],
      ["B", "Y", 200, 190, f('=IF(AND(ISNUMBER(D3),ISNUMBER(C3)),D3-C3,"")', -10)],
      ["Total", null, f("=SUM(C2:C3)", 300), f("=SUM(D2:D3)", 320), f("=SUM(E2:E3)", 50)],
    ];
    expect(projectFindings(analyseProjects(rows))).toEqual([]);
    // The same figure typed (no formula) is a total that is out.
    const typed = rows.map((r) => [...r]);
    (typed[3] as Entry[])[4] = 50;
    expect(projectFindings(analyseProjects(typed))).toEqual([
      { code: "total-mismatch", cell: "E4", expected: 20, actual: 50 },
    ]);
  });
});
