import { analyseWorkbook } from "../../src/core/analyse";
import { shownNumber } from "../../src/core/number-format-shown";
import type { ColumnWrite } from "../../src/core/plan";
import { describePlan } from "../../src/core/plan-changes";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * What apply writes is what its formulas compute over the output's cells (a typed total the plan
 * leaves alone included), and a change is a change only when the cell shows a different figure
 * under its number format. A Variance % kept in hundreds (3 = 3%) is written in hundreds.
 */
type Rows = Parameters<typeof sheet>[1];
const book = (rows: Rows) => workbook(sheet("Budget", rows));
const pct = (value: number) => ({ value, numberFormat: "0.0%" });
const columnOf = (rows: Rows, title: string) =>
  analyseWorkbook(book(rows), { asOf: TODAY }).plan.operations.find(
    (o): o is ColumnWrite => o.kind === "column" && o.title === title,
  );

/** Lines 2–4 and a typed total row 5 whose variance 60 the plan keeps (a total is not rewritten). */
const MONITOR: Rows = [
  ["Service", "Budget £", "Forecast £", "Variance £", "Variance %", "RAG"],
  ["Waste", 8000, 8350, 350, pct(0.044), "Amber"],
  ["Parks", 2000, 1990, -10, pct(-0.005), "Green"],
  ["Roads", 5000, 4780, -220, pct(-0.044), "Green"],
  ["Total", 15000, 15120, 120, pct(0.008), "Amber"],
];

describe("cached values follow the output's cells", () => {
  it("a total row's Variance % and RAG read the council's typed total variance", () => {
    const rows = MONITOR.map((r) => [...r]);
    // The typed total variance disagrees with forecast − budget (15120 − 15000 = 120): 130.
    (rows[4] as unknown[])[3] = 130;
    const percent = columnOf(rows, "Variance %")?.cells.find((c) => c.row === 4);
    expect(percent?.value).toBeCloseTo(130 / 15000, 12);
    expect(columnOf(rows, "Variance")?.cells.map((c) => c.row)).toEqual([1, 2, 3]);
  });
});

describe("a change is what the cell shows", () => {
  it("shownNumber reads the formats councils use", () => {
    expect(shownNumber(0.0437, "0.0%")).toBe(4.4);
    expect(shownNumber(0.044, "0.0%")).toBe(4.4);
    expect(shownNumber(1234.5, "#,##0")).toBe(1235);
    expect(shownNumber(-1234.5, "#,##0;(#,##0)")).toBe(-1235);
    expect(shownNumber(1234567, "#,##0,")).toBe(1235);
    expect(shownNumber(0.125, "0.00")).toBe(0.13);
    expect(shownNumber(5, "General")).toBeNull();
    expect(shownNumber(46000, "dd/mm/yyyy")).toBeNull();
  });

  it("a Variance % rewritten from 0.044 to 0.04375 under 0.0% is rounded, not changed", () => {
    const b = book(MONITOR);
    const plan = analyseWorkbook(b, { asOf: TODAY }).plan;
    const { changed } = describePlan(b, plan, { valuesOnly: false });
    const e2 = changed.find((c) => c.cell === "E2");
    expect(e2).toMatchObject({ before: 0.044, valueChanged: false, rounded: true });
    expect(changed.filter((c) => c.valueChanged)).toEqual([]);
  });
});

describe("a Variance % kept in hundreds", () => {
  const WHOLE: Rows = [
    ["Service", "Budget £", "Forecast £", "Forecast variance £", "Variance %", "RAG"],
    ["Finance", 1000000, 1030000, 30000, 3, "Amber"],
    ["Legal", 500000, 540000, 40000, 8, "Red"],
    ["ICT", 2000000, 2010000, 10000, 0.5, "Amber"],
    ["HR", 800000, 760000, -40000, -5, "Green"],
  ];

  it("is written as …*100 under its own format, with the figures it had", () => {
    const column = columnOf(WHOLE, "Variance %");
    expect(column?.numberFormat).toBeUndefined();
    expect(column?.cells.map((c) => [c.formula, c.value])).toEqual([
      ['=IF(AND(ISNUMBER(D2),ISNUMBER(B2)),IF(B2=0,"",D2/ABS(B2)*100),"")', 3],
      ['=IF(AND(ISNUMBER(D3),ISNUMBER(B3)),IF(B3=0,"",D3/ABS(B3)*100),"")', 8],
      ['=IF(AND(ISNUMBER(D4),ISNUMBER(B4)),IF(B4=0,"",D4/ABS(B4)*100),"")', 0.5],
      ['=IF(AND(ISNUMBER(D5),ISNUMBER(B5)),IF(B5=0,"",D5/ABS(B5)*100),"")', -5],
    ]);
  });

  it("a column of fractions under a % format stays in fractions", () => {
    expect(columnOf(MONITOR, "Variance %")?.cells[0]?.formula).toBe(
      '=IF(AND(ISNUMBER(D2),ISNUMBER(B2)),IF(B2=0,"",D2/ABS(B2)),"")',
    );
  });
});
