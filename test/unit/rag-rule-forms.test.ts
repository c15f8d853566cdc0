import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { parseRagRule } from "../../src/core/tables/rag-rule";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * RAG rules in more of the forms councils write them — "per cent", "£0.25m", "£250k", "exceeds",
 * "Amber 2-5%", a rule kept as a small table of cells beside the lines — read by the one clause
 * parser for every kind with a RAG column; a rule that cannot be read is warned of, for budgets
 * and projects alike; every RAG message says whose rule it applied.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (name: string, rows: Rows) =>
  analyseWorkbook(workbook(sheet(name, rows)), { asOf: TODAY });
const found = (a: ReturnType<typeof analyse>) =>
  a.findings.map((x) => `${x.severity} ${x.code}@${x.cell}: ${x.message}`);
const ragWrites = (a: ReturnType<typeof analyse>) =>
  a.plan.operations
    .filter((o): o is ColumnWrite => o.kind === "column" && /RAG/.test(o.title))
    .flatMap((o) => o.cells.map((c) => [c.row, c.value]));

describe("RAG clause forms", () => {
  const pct = (percent: number, strict: boolean) => ({ percent, amount: null, strict });
  const pounds = (amount: number, strict: boolean) => ({ percent: null, amount, strict });
  it.each([
    [
      "Red: overspend > 5% or £250k; Amber 2-5%; Green <2%",
      { percent: 0.05, amount: 250000, combine: "lower", strict: true },
      pct(0.02, false),
    ],
    ["Red if variance exceeds £100,000", pounds(100000, true), null],
    [
      "Red if variance exceeds £100,000; Amber if over £25,000",
      pounds(100000, true),
      pounds(25000, true),
    ],
    ["Red over 5 per cent of budget; Amber 2 to 5 per cent", pct(0.05, true), pct(0.02, false)],
    ["RAG: Red over 5 percent, Amber from 2 percent", pct(0.05, true), pct(0.02, false)],
    ["Red: overspend over £0.25m", pounds(250000, true), null],
    ["Red: overspend of £250k or more", pounds(250000, false), null],
    [
      "Red: more than 5 per cent or £0.25m",
      { percent: 0.05, amount: 250000, combine: "lower", strict: true },
      null,
    ],
    ["RAG: Red >£100k, Amber £25k-£100k, Green <£25k", pounds(100000, true), pounds(25000, false)],
  ])("%j", (text, red, amber) => {
    const rule = parseRagRule(text);
    expect(rule?.red).toMatchObject(red);
    if (amber === null) expect(rule?.amber).toBeNull();
    else expect(rule?.amber).toMatchObject(amber);
  });

  it.each(["Amber 2-5%", "Green <2%", "Red", "Red: see note 4", "5 per cent"])(
    "%j alone states no rule",
    (text) => {
      expect(parseRagRule(text)).toBeNull();
    },
  );
});

// Overspends of 1%, 3%, 8% and an underspend on £1m each; Roads (8%) typed Amber.
const budgetLines: Rows = [
  ["Service", "Budget", "Forecast", "Variance", "RAG"],
  ["Libraries", 1_000_000, 1_010_000, 10_000, "Green"],
  ["Parks", 1_000_000, 1_030_000, 30_000, "Amber"],
  ["Roads", 1_000_000, 1_080_000, 80_000, "Amber"],
  ["Waste", 1_000_000, 960_000, -40_000, "Green"],
];
const beside = (rows: Rows, side: Rows): Rows =>
  rows.map((row, k) => [...row, null, ...(side[k] ?? [])]);

describe("a RAG rule kept as a table of cells beside the lines", () => {
  const rows = beside(budgetLines, [
    ["RAG", "Rule"],
    ["Red", "> 5%"],
    ["Amber", "2% to 5%"],
    ["Green", "< 2%"],
  ]);

  it("is no part of the budget table, and is the rule its RAGs are checked by", () => {
    const a = analyse("Budget", rows);
    expect(a.tables.map((t) => [t.kind, t.range])).toEqual([["budget", "A1:E5"]]);
    expect(found(a)).toEqual([
      "error variance-mismatch@E4: RAG is Amber but an overspend of £80,000 on a budget of £1,000,000 is Red: " +
        "Red over 5% of budget, Amber at 2% of budget (the rule stated on the sheet at G2)",
    ]);
  });

  it("the RAG column is corrected under it", () => {
    const a = analyseWorkbook(workbook(sheet("Budget", rows)), {
      asOf: TODAY,
      replaceTotals: true,
    });
    expect(ragWrites(a)).toEqual([
      [1, "Green"],
      [2, "Amber"],
      [3, "Red"],
      [4, "Green"],
    ]);
  });

  it("a summary by RAG beside the lines (sums, no thresholds) is no rule: the settings' rule applies", () => {
    const a = analyse(
      "Budget",
      beside(budgetLines, [
        ["RAG", "Lines"],
        ["Red", 1],
        ["Amber", 1],
        ["Green", 2],
      ]),
    );
    expect(found(a)).toEqual([
      "error variance-mismatch@E2: RAG is Green but an overspend of £10,000 on a budget of £1,000,000 is Amber: " +
        "Red at 5% of budget or £100,000 (whichever is lower), Amber for a smaller overspend (the settings' rule; the sheet states none)",
      "error variance-mismatch@E4: RAG is Amber but an overspend of £80,000 on a budget of £1,000,000 is Red: " +
        "Red at 5% of budget or £100,000 (whichever is lower), Amber for a smaller overspend (the settings' rule; the sheet states none)",
    ]);
  });
});

describe("a budget summary beside a funding plan", () => {
  it("is left to the plan's side: the plan is read and checked, the summary claims none of its rows", () => {
    const rows = beside(
      [
        ["Ref", "Scheme", "2025/26 £", "2026/27 £", "Total £"],
        ["S1", "Hub", 100000, 120000, 220000],
        ["S2", "Depot", 50000, 70000, 125000],
        ["S3", "Pool", 30000, 15000, 45000],
      ],
      [
        ["Directorate", "Budget", "Forecast"],
        ["Place", 500, 520],
        ["People", 900, 880],
      ],
    );
    const a = analyse("Plan", rows);
    expect(a.tables.map((t) => [t.kind, t.range])).toEqual([["funding", "A1:E4"]]);
    expect(found(a)).toEqual([
      "error total-mismatch@E3: Total £ is £125,000 but its years add up to £120,000",
    ]);
  });
});

describe("projects with money: a stated RAG rule that cannot be read", () => {
  const projects = (note: string): Rows => [
    ["Project", "SRO", "Approved budget", "Forecast outturn", "Variance", "Cost RAG"],
    ["Hub", "J Smith", 1_000_000, 1_010_000, 10_000, "Green"],
    ["Depot", "A Khan", 1_000_000, 1_080_000, 80_000, "Green"],
    [],
    [note],
  ];

  it("is warned of once, and the typed RAGs are left as the council's judgement", () => {
    const b = analyse(
      "Programme",
      projects(
        "RAG: Red = overspend beyond the £ tolerance agreed with the S151 officer; Amber = within it",
      ),
    );
    expect(found(b)).toEqual([
      "warning variance-mismatch@A5: RAG rule at A5 not understood; the settings' rule is used and the RAG column is left as typed, neither checked nor rewritten",
    ]);
    expect(ragWrites(b)).toEqual([]);
  });

  it("a rule it can read checks the Cost RAG, saying it is the sheet's", () => {
    const a = analyse(
      "Programme",
      projects("RAG: Red if variance exceeds £50k; Amber 0.5 to 5 per cent"),
    );
    expect(found(a)).toEqual([
      "error variance-mismatch@F2: RAG is Green but an overspend of £10,000 on a budget of £1,000,000 is Amber: " +
        "Red over £50,000, Amber at 0.5% of budget (the rule stated on the sheet at A5)",
      "error variance-mismatch@F3: RAG is Green but an overspend of £80,000 on a budget of £1,000,000 is Red: " +
        "Red over £50,000, Amber at 0.5% of budget (the rule stated on the sheet at A5)",
    ]);
  });
});
