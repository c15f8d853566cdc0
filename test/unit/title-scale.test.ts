import { analyseWorkbook } from "../../src/core/analyse";
import type { BudgetTableReport } from "../../src/core/budget";
import type { ColumnWrite } from "../../src/core/plan";
import { tablesText } from "../../src/cli/report";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A scale stated only in the title over a table ("Forecast Outturn 2025/26 (£m)", "(£'000)") is
 * the scale of every money column that states none of its own, for every money kind: messages
 * speak in pounds and RAG thresholds in pounds apply to pounds. A units row or a column's own
 * unit wins over the title.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("Summary", rows)), { asOf: TODAY });
const budgetOf = (rows: Rows) =>
  analyse(rows).tables.find((t): t is BudgetTableReport => t.kind === "budget");
const written = (rows: Rows, title: string) =>
  analyse(rows).plan.operations.find(
    (o): o is ColumnWrite => o.kind === "column" && o.title === title,
  );

/** Budget less forecast ("Under/(Over)"); Children's variance typed with the sign reversed. */
const titled = (title: string, units: (string | null)[] | null = null): Rows => [
  ["Anyshire Council"],
  [title],
  [],
  ["Directorate", "Budget", "Forecast", "Under/(Over)"],
  ...(units ? [units] : []),
  ["Adults", 112.4, 115.83, -3.43],
  ["Children", 78.25, 81.1, 2.85],
  ["Place", 34.6, 33.95, 0.65],
  ["Resources", 22.15, 22.2, -0.05],
];

describe("a scale stated only in a budget table's title", () => {
  it("£m in the title: the message speaks in pounds", () => {
    const a = analyse(titled("General Fund Revenue Forecast Outturn 2025/26 (£m)"));
    expect(a.findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["variance-mismatch@D6"]);
    expect(a.findings[0]?.message).toBe(
      "Variance is £2,850,000 but budget £78,250,000 − forecast £81,100,000 = -£2,850,000 " +
        "(the sign is reversed); variance here is budget less forecast, positive = underspend, " +
        "as the header states",
    );
    expect(a.findings[0]).toMatchObject({ expected: -2.85, actual: 2.85 });
    expect(budgetOf(titled("Outturn (£m)"))?.unit).toBe("£m");
  });

  it("£m in the title: the £100k RAG threshold applies to pounds", () => {
    // Resources is £50,000 over on £22.15m: under £100k and 5%, Amber (in £m units 0.05 < 100,000
    // would make every overspend Amber, Adults' £3.43m included).
    const rag = written(titled("Revenue Outturn 2025/26 (£m)"), "RAG");
    expect(rag?.cells.map((c) => c.value)).toEqual(["Red", "Red", "Green", "Amber"]);
    expect(rag?.cells[0]?.formula).toBe(
      '=IF(ISNUMBER(D5),IF(-D5*1000000<=0.005,"Green",IF(-D5*1000000>=MIN(0.05*ABS(B5)*1000000,100000),"Red","Amber")),"")',
    );
  });

  it("£'000 in brackets in the title is thousands", () => {
    const a = analyse(titled("Revenue budget monitoring (£'000)"));
    expect(a.findings[0]?.message).toMatch(
      /^Variance is £2,850 but budget £78,250 − forecast £81,100/,
    );
    expect(budgetOf(titled("Revenue budget monitoring (£'000)"))?.unit).toBe("£'000");
  });

  it("a units row under the header wins over the title", () => {
    const rows = titled("Revenue Outturn 2025/26 (£m)", [null, "£'000", "£'000", "£'000"]);
    expect(budgetOf(rows)?.unit).toBe("£'000");
    expect(analyse(rows).findings[0]?.message).toMatch(/^Variance is £2,850 but/);
  });

  it("a title over a table of figures above is not this table's title", () => {
    const rows: Rows = [
      ["Summary (£m)"],
      ["Grant", 5, 6],
      ["Directorate", "Budget", "Forecast", "Under/(Over)"],
      ["Adults", 112400, 115830, -3430],
      ["Children", 78250, 81100, 2850],
    ];
    expect(budgetOf(rows)?.unit).toBe("£");
  });
});

describe("a budget headed just “Budget” is the budget", () => {
  it("is named “budget”, not “original budget”; “Original budget” keeps its name", () => {
    const plain = budgetOf(titled("Outturn (£m)"));
    expect(plain?.budgetWords).toBe("budget");
    expect(tablesText([plain as BudgetTableReport])[1]).toMatch(
      /variance = budget − forecast \(as the header states\)$/,
    );
    const rows = titled("Outturn (£m)").map((r, k) =>
      k === 3 ? ["Directorate", "Original budget", "Forecast", "Under/(Over)"] : r,
    );
    expect(budgetOf(rows)?.budgetWords).toBe("original budget");
  });
});
