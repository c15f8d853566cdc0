import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A "tbc" amount in a funding table (a trial's UKSPF plans and BCF income): every SUM over it
 * counts it as nil, so each one is noted (info) with the totals that leave it out, the written
 * "Total all years" included; a reconciliation whose allocations include one is not confirmed,
 * neither "reconciled" nor short, in the report and on the Reconciliation sheet.
 */
const INCOME: Entry[][] = [
  ["Source", "2025/26", "2026/27"],
  ["UK Shared Prosperity Fund", 900, 1000],
  ["Council match funding", 250, 250],
];

/** A wide plan, the year merged over "UKSPF | Council match | Total"; Business growth's match tbc. */
function plan(): Entry[][] {
  const rows: Entry[][] = [
    ["Intervention", "2025/26", null, null, "2026/27", null, null],
    [null, "UKSPF", "Council match", "Total", "UKSPF", "Council match", "Total"],
  ];
  const lines: [string, number, number | string, number, number][] = [
    ["Town centre footfall", 300, 100, 330, 100],
    ["Green spaces", 150, 50, 180, 50],
    ["Business growth", 250, "tbc", 280, 60],
    ["Skills bootcamps", 200, 100, 210, 40],
  ];
  lines.forEach(([name, a, b, c, d], k) => {
    const r = k + 3;
    const first = a + (typeof b === "number" ? b : 0);
    rows.push([name, a, b, f(`=SUM(B${r}:C${r})`, first), c, d, f(`=SUM(E${r}:F${r})`, c + d)]);
  });
  const sum = (col: string, values: number[]) =>
    f(
      `=SUM(${col}3:${col}6)`,
      values.reduce((s, v) => s + v, 0),
    );
  rows.push([
    "Total",
    sum("B", [300, 150, 250, 200]),
    sum("C", [100, 50, 100]),
    sum("D", [400, 200, 250, 300]),
    sum("E", [330, 180, 280, 210]),
    sum("F", [100, 50, 60, 40]),
    sum("G", [430, 230, 340, 250]),
  ]);
  return rows;
}

const stowe = () =>
  workbook(sheet("Income", INCOME), sheet("Plan", plan(), { merges: ["A1:A2", "B1:D1", "E1:G1"] }));

describe("funding: a tbc amount in a wide plan", () => {
  const a = analyseWorkbook(stowe(), { asOf: TODAY });

  it("is noted, with every total that leaves it out", () => {
    expect(a.findings.map((x) => [x.code, x.severity, x.sheet, x.cell, x.message])).toEqual([
      [
        "unconfirmed-funding",
        "info",
        "Plan",
        "C5",
        "2025/26 Council match tbc for Business growth: left out of 2025/26 Total, Total all years and its column's total",
      ],
    ]);
  });

  it("leaves the reconciliation of its source and year not confirmed, not reconciled", () => {
    expect(a.reconciliation?.lines.map((l) => [l.source, l.year, l.status])).toEqual([
      ["UK Shared Prosperity Fund", "2025/26", "reconciled"],
      ["Council match funding", "2025/26", "unconfirmed"],
      ["UK Shared Prosperity Fund", "2026/27", "reconciled"],
      ["Council match funding", "2026/27", "reconciled"],
    ]);
    const add = a.plan.operations.find((o) => o.kind === "add-sheet");
    const cells = add?.kind === "add-sheet" ? add.cells : [];
    const row = cells.find((c) => c.column === 1 && c.value === "Council match funding")?.row;
    const at = (column: number) => cells.find((c) => c.row === row && c.column === column);
    expect([at(5)?.formula, at(5)?.value, at(6)?.value]).toEqual([
      `=IF(AND(ISNUMBER('Plan'!C5)),IF(ISNUMBER(C6),IF(ABS(E6)<0.005,"Reconciled","Difference"),IF(D6>0,"Unconfirmed","")),"Unconfirmed")`,
      "Unconfirmed",
      "Plan!C5 not confirmed: not counted",
    ]);
  });

  it("is still a difference when what is confirmed already spends more than the source", () => {
    const rows = plan();
    rows[2]![1] = 400; // Town centre UKSPF 2025/26: £1,000 confirmed against £900
    const over = analyseWorkbook(
      workbook(sheet("Income", INCOME), sheet("Plan", rows, { merges: ["B1:D1", "E1:G1"] })),
      { asOf: TODAY },
    );
    rows[2]![2] = "tbc";
    const both = analyseWorkbook(
      workbook(sheet("Income", INCOME), sheet("Plan", rows, { merges: ["B1:D1", "E1:G1"] })),
      { asOf: TODAY },
    );
    expect(over.reconciliation?.lines[0]?.status).toBe("difference");
    expect(both.reconciliation?.lines.slice(0, 2).map((l) => [l.status, l.difference])).toEqual([
      ["difference", 100],
      ["unconfirmed", -100],
    ]);
  });
});

describe("funding: a written total across years over a tbc year", () => {
  const sources: Entry[][] = [
    ["Source", "2025/26 £", "2026/27 £"],
    ["NHS minimum contribution", 4_200_000, 4_350_000],
    ["Disabled Facilities Grant", 950_000, "tbc"],
    ["Total", f("=SUM(B2:B3)", 5_150_000), f("=SUM(C2:C3)", 4_350_000)],
  ];
  const allocations: Entry[][] = [
    [
      "Scheme ID",
      "Scheme",
      "Source of funding",
      "Expenditure for 2025-26 (£)",
      "Expenditure for 2026-27 (£)",
    ],
    ["HW01", "Community teams", "NHS minimum contribution", 4_200_000, 4_350_000],
    ["HW04", "Home adaptations", "Disabled Facilities Grant", 950_000, 900_000],
  ];
  const book = workbook(sheet("Funding sources", sources), sheet("Allocations", allocations));
  const a = analyseWorkbook(book, { asOf: TODAY });
  const warning =
    "£900,000 is allocated against Disabled Facilities Grant in 2026/27, whose funding is still tbc; it is left out of Total all years and its column's total";

  it("says once, on the tbc cell, that the total written beside it leaves it out", () => {
    expect(a.findings.map((x) => [x.code, x.severity, x.cell, x.message])).toEqual([
      ["unconfirmed-funding", "warning", "C3", warning],
    ]);
    const total = a.plan.operations.find(
      (o): o is ColumnWrite =>
        o.kind === "column" && o.sheet === "Funding sources" && o.title === "Total all years",
    );
    expect(total?.cells.find((c) => c.row === 2)).toEqual({
      row: 2,
      formula: "=SUM(B3:C3)",
      value: 950_000,
    });
  });

  it("says the same of the written total once it is in the workbook", () => {
    const applied = applyPlanToSnapshot(book, a.plan, { valuesOnly: false });
    const again = analyseWorkbook(applied, { asOf: TODAY });
    expect(again.findings.map((x) => [x.code, x.severity, x.cell, x.message])).toEqual([
      ["unconfirmed-funding", "warning", "C3", warning],
    ]);
  });
});
