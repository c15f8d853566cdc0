import { analyseWorkbook } from "../../src/core/analyse";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Two tables side by side on the same rows, a blank column or two apart, each claim only their
 * own columns: both are read, each as its own kind, and checked by its own rules. New columns for
 * the left table are inserted beside it (the gap moves right with the right table, whose formulas
 * move as Excel moves them on the insert), never written into the gap or over the right table.
 * A blank spacer column inside one header block does not split the table.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("S", rows)), { asOf: TODAY });
const tables = (rows: Rows) => analyse(rows).tables.map((t) => [t.kind, t.range]);
const findings = (rows: Rows) =>
  analyse(rows).findings.map((x) => [x.severity, x.code, x.cell, x.message]);
const writes = (rows: Rows) =>
  analyse(rows).plan.operations.map((o) =>
    o.kind === "column"
      ? [o.column, o.header?.text ?? null, o.cells.map((c) => [c.row, c.formula, c.value])]
      : [o.kind, "column" in o ? o.column : null, "count" in o ? o.count : null],
  );

/** A budget in A:H and a grants table in K:N, two blank columns between them. */
const budgetAndGrants = (variance3: ReturnType<typeof f> | number, grantTotal3: number): Rows => [
  // prettier-ignore
  ["Code", "Service", "Original budget", "Virements", "Revised budget", "Actual to date", "Forecast outturn", "Variance", null, null, "Grant", "2025/26 £", "2026/27 £", "Total £"],
  // prettier-ignore
  ["C1", "Libraries", 100, 10, 110, 50, 120, f("=G2-E2", 10), null, null, "Towns Fund", 1000, 2000, f("=SUM(L2:M2)", 3000)],
  // prettier-ignore
  ["C2", "Parks", 200, 0, 200, 90, 190, variance3, null, null, "UKSPF", 500, 700, grantTotal3],
  // prettier-ignore
  ["C3", "Museums", 300, 0, 300, 100, 300, f("=G4-E4", 0), null, null, "Total", f("=SUM(L2:L3)", 1500), f("=SUM(M2:M3)", 2700), f("=SUM(N2:N3)", 4200)],
  // prettier-ignore
  [null, "Total", f("=SUM(C2:C4)", 600), f("=SUM(D2:D4)", 10), f("=SUM(E2:E4)", 610), f("=SUM(F2:F4)", 240), f("=SUM(G2:G4)", 610), f("=SUM(H2:H4)", 0)],
];

describe("a budget and a grants table side by side", () => {
  const right = budgetAndGrants(f("=G3-E3", -10), f("=SUM(L3:M3)", 1200) as unknown as number);

  it("both are read, each as its own kind", () => {
    expect(tables(right)).toEqual([
      ["budget", "A1:H5"],
      ["funding-sources", "K1:N4"],
    ]);
    expect(findings(right)).toEqual([]);
  });

  it("each is checked by its own rules: a typed variance, a typed row total", () => {
    expect(findings(budgetAndGrants(5, 1100))).toEqual([
      [
        "error",
        "variance-mismatch",
        "H3",
        "Variance is £5 but forecast £190 − budget £200 = -£10; variance here is forecast less budget, positive = overspend, the convention the sheet's figures follow",
      ],
      ["error", "total-mismatch", "N3", "Total £ is £1,100 but its years add up to £1,200"],
    ]);
  });

  it("the budget's new columns are inserted beside it, not written past the grants", () => {
    const pct = (r: number) =>
      `=IF(AND(ISNUMBER(H${r}),ISNUMBER(E${r})),IF(E${r}=0,"",H${r}/ABS(E${r})),"")`;
    const w = writes(right);
    expect(w[0]).toEqual(["insert-columns", 8, 3]);
    expect(w.slice(1).map((x) => [x[0], x[1]])).toEqual([
      [8, "Variance %"],
      [9, "Status"],
      [10, "RAG"],
    ]);
    expect(w[1]?.[2]).toEqual([
      [1, pct(2), 10 / 110],
      [2, pct(3), -0.05],
      [3, pct(4), 0],
      [4, pct(5), 0],
    ]);
    expect((w[3]?.[2] as unknown[][]).map((c) => c[2])).toEqual(["Red", "Green", "Green", "Green"]);
  });

  it("applied: the grants table moves right with its gap, its formulas moved as Excel moves them", () => {
    const book = workbook(sheet("S", right));
    const once = applyPlanToSnapshot(book, analyseWorkbook(book, { asOf: TODAY }).plan, {
      valuesOnly: false,
    });
    const rows = once.sheets[0]?.rows ?? [];
    expect(rows[0]?.slice(11, 17).map((c) => c?.value ?? null)).toEqual([
      null,
      null,
      "Grant",
      "2025/26 £",
      "2026/27 £",
      "Total £",
    ]);
    expect(rows[1]?.[16]?.formula).toBe("=SUM(O2:P2)");
    expect(rows[3]?.[14]?.formula).toBe("=SUM(O2:O3)");
    const again = analyseWorkbook(once, { asOf: TODAY });
    expect(again.tables.map((t) => [t.kind, t.range])).toEqual([
      ["budget", "A1:K5"],
      ["funding-sources", "N1:Q4"],
    ]);
    expect(again.findings).toEqual([]);
  });
});

describe("two budgets side by side", () => {
  const rows = (forecast: number): Rows => [
    [
      "Service",
      "Budget",
      "Forecast",
      "Variance",
      null,
      "Service",
      "Budget",
      "Forecast",
      "Variance",
    ],
    ["Libraries", 100, 110, f("=C2-B2", 10), null, "Roads", 1000, 900, f("=H2-G2", -100)],
    ["Parks", 200, 220, f("=C3-B3", 20), null, "Lighting", 500, forecast, -20],
  ];

  it("both are read and the right one checked on its own lines", () => {
    expect(tables(rows(480))).toEqual([
      ["budget", "A1:D3"],
      ["budget", "F1:I3"],
    ]);
    expect(findings(rows(490)).map((x) => [x[1], x[2]])).toEqual([["variance-mismatch", "I3"]]);
  });

  it("the left budget's new columns are inserted at E, the right one's written after it moves", () => {
    const w = writes(rows(480));
    expect(w.map((x) => [x[0], x[1]])).toEqual([
      ["insert-columns", 4],
      [4, "Variance %"],
      [5, "Status"],
      [6, "RAG"],
      [11, null],
      [12, "Variance %"],
      [13, "Status"],
      [14, "RAG"],
    ]);
    // The right budget's typed variance becomes its formula, in its columns as moved (J:L).
    expect(w[4]?.[2]).toEqual([[2, '=IF(AND(ISNUMBER(K3),ISNUMBER(J3)),K3-J3,"")', -20]]);
    expect((w[5]?.[2] as unknown[][])[0]).toEqual([
      1,
      '=IF(AND(ISNUMBER(L2),ISNUMBER(J2)),IF(J2=0,"",L2/ABS(J2)),"")',
      -0.1,
    ]);
  });
});

describe("a blank spacer column inside one header block", () => {
  it("does not split a budget: Budget | Spend to date | (spacer) | Forecast | Variance", () => {
    const rows: Rows = [
      ["Service", "Budget", "Spend to date", null, "Forecast", "Variance"],
      ["Libraries", 100, 40, null, 110, f("=E2-B2", 10)],
      ["Parks", 200, 90, null, 190, f("=E3-B3", -10)],
    ];
    expect(tables(rows)).toEqual([["budget", "A1:F3"]]);
    expect(findings(rows)).toEqual([]);
    const w = writes(rows).map((x) => [x[0], x[1]]);
    expect(w).toEqual([
      [6, "Variance %"],
      [7, "Status"],
      [8, "RAG"],
    ]);
  });
});

describe("a table beside another with its own header row lower down", () => {
  it("a financing table starting two rows below the budget's header is read on its own", () => {
    const rows: Rows = [
      ["Service", "Budget", "Forecast", "Variance"],
      ["Libraries", 100, 110, f("=C2-B2", 10)],
      ["Parks", 200, 220, f("=C3-B3", 20), null, "Financing", "2025/26 £", "2026/27 £"],
      ["Museums", 300, 310, 20, null, "Borrowing", 400, 500],
      ["Leisure", 50, 50, f("=C5-B5", 0), null, "Grants", 100, 200],
      [null, null, null, null, null, "Total", f("=SUM(G4:G5)", 500), 600],
    ];
    const a = analyse(rows);
    expect(a.tables.map((t) => [t.kind, t.range])).toEqual([
      ["budget", "A1:D5"],
      ["funding", "F3:H6"],
    ]);
    expect(findings(rows)).toEqual([
      [
        "error",
        "variance-mismatch",
        "D4",
        "Variance is £20 but forecast £310 − budget £300 = £10; variance here is forecast less budget, positive = overspend, the convention the sheet's figures follow",
      ],
      ["error", "total-mismatch", "H6", "2026/27 £ is £600 but the lines above sum to £700"],
    ]);
  });
});
