import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { isNilMark, parseMoneyOrNil } from "../../src/core/tables/nil-money";
import { evaluateFormula } from "../../src/core/tables/formula-eval";
import { f, sheet, TODAY, workbook } from "../helpers/builders";
import { BASE_PROGRAMME, programmeSheet } from "../helpers/capital";

/**
 * A dash or "nil" in a money column is £0 as accountants write it, in every money kind: not a
 * blank figure (no missing-value), and the council's typed variance on that line is kept as a
 * live formula that reads the dash as 0 through N(), showing what the council typed.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (name: string, rows: Rows) =>
  analyseWorkbook(workbook(sheet(name, rows)), { asOf: TODAY });
const brief = (a: ReturnType<typeof analyse>) =>
  a.findings.filter((x) => x.severity !== "info").map((x) => `${x.code}@${x.cell}`);
const column = (a: ReturnType<typeof analyse>, title: string) =>
  a.plan.operations.find((o): o is ColumnWrite => o.kind === "column" && o.title === title);

describe("nil marks", () => {
  it.each(["-", "–", "—", " - ", "nil", "Nil", "NIL"])("%j is £0", (text) => {
    expect(isNilMark(text)).toBe(true);
    expect(parseMoneyOrNil(text)).toEqual({ kind: "number", value: 0, fromText: true });
  });

  it.each(["", "--", "n/a", "tbc", "-5", "nill", "0-"])("%j is no nil mark", (text) => {
    expect(isNilMark(text)).toBe(false);
  });
});

describe("a budget monitor with dashes for nil", () => {
  const rows = (nil: string): Rows => [
    ["Budget monitoring Q2"],
    [],
    ["Service", "Revised budget", "Forecast outturn", "Variance over/(under)"],
    ["A", 1000, 1020, 20],
    ["B", 0, nil, 0],
    ["C", 500, 480, -20],
    ["D", nil, 30, 30],
  ];

  it.each(["-", "–", "—", "nil"])(
    "%j: no blank figure reported, variances kept as live formulas",
    (nil) => {
      const a = analyse("Budget", rows(nil));
      expect(brief(a)).toEqual([]);
      const variance = column(a, "Variance");
      expect(variance?.cells).toEqual([
        { row: 3, formula: '=IF(AND(ISNUMBER(C4),ISNUMBER(B4)),C4-B4,"")', value: 20 },
        { row: 4, formula: '=IF(AND(ISNUMBER(N(C5)),ISNUMBER(B5)),N(C5)-B5,"")', value: 0 },
        { row: 5, formula: '=IF(AND(ISNUMBER(C6),ISNUMBER(B6)),C6-B6,"")', value: -20 },
        { row: 6, formula: '=IF(AND(ISNUMBER(C7),ISNUMBER(N(B7))),C7-N(B7),"")', value: 30 },
      ]);
      const status = column(a, "Status");
      expect(status?.cells.map((c) => c.value)).toEqual([
        "Overspend",
        "On budget",
        "Underspend",
        "Overspend",
      ]);
      // Variance % of a nil budget is left empty, never a division by the dash.
      expect(column(a, "Variance %")?.cells.map((c) => c.value)).toEqual([0.02, "", -0.04, ""]);
    },
  );

  it("a wrong variance on a dash line is still found", () => {
    const wrong = rows("-");
    wrong[6] = ["D", "-", 30, 25];
    expect(brief(analyse("Budget", wrong))).toEqual(["variance-mismatch@D7"]);
  });

  it("the written formula gives what Excel gives: N of a dash is 0", () => {
    const s = sheet("Budget", rows("-"));
    const lookup = (_: string, r: number, c: number) => s.rows[r]?.[c] ?? null;
    expect(
      evaluateFormula('=IF(AND(ISNUMBER(C7),ISNUMBER(N(B7))),C7-N(B7),"")', "Budget", lookup),
    ).toBe(30);
  });
});

describe("a projects table with dashes for nil", () => {
  it("reads the dash as £0: no missing-value, the typed variance is kept", () => {
    const a = analyse("Projects", [
      [
        "Project",
        "SRO",
        "Approved budget £",
        "Forecast outturn £",
        "Variance £ Adverse/(Favourable)",
      ],
      ["Front door", "Director A", 100000, 130000, 30000],
      ["Fleet", "Director B", 500000, "-", -500000],
      ["Payroll", "Director C", "-", 20000, 20000],
      [
        "Programme total",
        null,
        f("=SUM(C2:C4)", 600000),
        f("=SUM(D2:D4)", 150000),
        f("=SUM(E2:E4)", -450000),
      ],
    ]);
    expect(brief(a)).toEqual([]);
    expect(column(a, "Variance")?.cells.map((c) => [c.formula, c.value])).toEqual([
      ['=IF(AND(ISNUMBER(D2),ISNUMBER(C2)),D2-C2,"")', 30000],
      ['=IF(AND(ISNUMBER(N(D3)),ISNUMBER(C3)),N(D3)-C3,"")', -500000],
      ['=IF(AND(ISNUMBER(D4),ISNUMBER(N(C4))),D4-N(C4),"")', 20000],
    ]);
  });
});

describe("capital programmes and funding tables with dashes for nil", () => {
  it("a capital programme's dash years add nothing and are no error", () => {
    const a = analyseWorkbook(
      workbook(
        programmeSheet({
          ...BASE_PROGRAMME,
          sections: [
            {
              name: "Children's Services",
              lines: [
                ["School expansion", 100, "-", 300],
                ["Schools condition", 50, 50, 50],
              ],
            },
            {
              name: "Place",
              lines: [
                ["Highways maintenance", 400, 300, "nil"],
                ["Flood alleviation", 10, 20, 30],
                ["Fleet replacement", 5, "–", 5],
              ],
            },
          ],
          financing: [
            ["Prudential borrowing", 300, 170, 100],
            ["Government grants", 200, 200, 200],
            ["Capital receipts", 65, "-", 85],
          ],
        }),
      ),
      { asOf: TODAY },
    );
    expect(brief(a)).toEqual([]);
    expect(a.plan.operations).toEqual([]);
  });

  it("a funding table's dash amounts add nothing and are no error", () => {
    const a = analyse("Funding", [
      ["Scheme", "2024-25", "2025-26", "Total"],
      ["Parks", 100, "-", f("=SUM(B2:C2)", 100)],
      ["Libraries", "nil", 200, f("=SUM(B3:C3)", 200)],
      ["Total", f("=SUM(B2:B3)", 100), f("=SUM(C2:C3)", 200), f("=SUM(D2:D3)", 300)],
    ]);
    expect(brief(a)).toEqual([]);
  });
});
