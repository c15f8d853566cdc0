import { analyseWorkbook } from "../../src/core/analyse";
import type { FundingTableReport } from "../../src/core/funding";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A grants register kept without years (Grant | Funder | Award £ | Paid to date £ | Balance £),
 * as a plain range or an Excel table with a totals row: read as a funding table, each balance
 * checked as award less paid, each total re-summed.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows, tables?: Parameters<typeof withTable>[1]) =>
  analyseWorkbook(
    workbook(tables ? withTable(sheet("Grants", rows), tables) : sheet("Grants", rows)),
    {
      asOf: TODAY,
    },
  );
const found = (rows: Rows) => analyse(rows).findings.map((x) => `${x.code}@${x.cell}`);

function withTable(s: ReturnType<typeof sheet>, t: { lastRow: number; columns: string[] }) {
  return {
    ...s,
    tables: [
      {
        name: "GrantsLog",
        firstRow: 2,
        firstColumn: 0,
        lastRow: t.lastRow,
        lastColumn: t.columns.length - 1,
        showHeaders: true,
        showTotals: true,
        columns: t.columns,
      },
    ],
  };
}

const HEADER = ["Grant", "Funder", "Decision ref", "Award £", "Paid to date £", "Balance £"];
function register(balanceD6: number, total: Rows[number]): Rows {
  return [
    ["Eastmoor Council grants register 2025/26"],
    [],
    HEADER,
    ["Holiday activities", "DfE", "CAB/2025/011", 250000, 180000, 70000],
    ["Household Support Fund", "DWP", "CAB/2025/014", 1200000, 900000, 300000],
    ["Swimming pool support", "DCMS", "CAB/2025/020", 95000, 20000, balanceD6],
    ["Bus service improvement", "DfT", "CAB/2025/031", 600000, 150000, 450000],
    ["Total", null, null, ...total],
  ];
}

describe("a grants register without year columns", () => {
  it("is read as a funding table with its award, paid and balance columns", () => {
    const result = analyse(register(75000, [2145000, 1250000, 895000]));
    const [table, ...rest] = result.tables as FundingTableReport[];
    expect(rest).toEqual([]);
    expect(table).toMatchObject({
      kind: "funding",
      range: "A3:F8",
      columns: { label: "A", source: "B", award: "D", paid: "E", balance: "F" },
      years: [],
    });
    expect(result.findings.map((x) => `${x.code}@${x.cell}`)).toEqual([]);
  });

  it("reports a balance that is not award less paid, and a wrong total", () => {
    const result = analyse(register(85000, [2145000, 1205000, 905000]));
    expect(result.findings.map((x) => `${x.code}@${x.cell}`)).toEqual([
      "variance-mismatch@F6",
      "total-mismatch@E8",
    ]);
    expect(result.findings[0]?.message).toBe(
      "Balance £ is £85,000 but Award £ £95,000 − Paid to date £ £20,000 = £75,000",
    );
    expect(result.findings[0]).toMatchObject({ expected: 75000, actual: 85000 });
    expect(result.findings[1]?.message).toBe(
      "Paid to date £ is £1,205,000 but the lines above sum to £1,250,000",
    );
  });

  it("says 'Remaining' and 'Amount awarded' too, and reads an Excel table's totals row", () => {
    const rows = register(75000, [
      f("=SUBTOTAL(109,GrantsLog[Amount awarded £])", 2145000),
      f("=SUBTOTAL(109,GrantsLog[Claimed to date £])", 1250000),
      f("=SUBTOTAL(109,GrantsLog[Remaining £])", 895000),
    ]);
    const header = [
      "Grant",
      "Funder",
      "Decision ref",
      "Amount awarded £",
      "Claimed to date £",
      "Remaining £",
    ];
    rows[2] = header;
    const result = analyse(rows, { lastRow: 7, columns: header });
    expect((result.tables[0] as FundingTableReport).columns).toMatchObject({
      award: "D",
      paid: "E",
      balance: "F",
    });
    expect(result.findings.map((x) => `${x.code}@${x.cell}`)).toEqual([]);
  });

  it("without a balance column, checks the totals", () => {
    const rows = register(0, [2145000, 1250000]).map((r) => r.slice(0, 5));
    expect(found(rows)).toEqual([]);
  });
});

describe("a grants register without a balance column", () => {
  it("gets one: award less paid as a live formula per grant, and the total as their SUM", () => {
    const rows = register(0, [2145000, 1250000]).map((r) => r.slice(0, 5));
    rows[5] = ["Swimming pool support", "DCMS", "CAB/2025/020", "tbc", 0];
    rows[7] = ["Total", null, null, 2050000, 1250000];
    const ops = analyse(rows).plan.operations.filter((o) => o.kind === "column");
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({
      column: 5,
      title: "Balance £",
      header: { row: 2, text: "Balance £" },
      cells: [
        { row: 3, formula: '=IF(AND(ISNUMBER(D4),ISNUMBER(E4)),D4-E4,"")', value: 70000 },
        { row: 4, formula: '=IF(AND(ISNUMBER(D5),ISNUMBER(E5)),D5-E5,"")', value: 300000 },
        { row: 5, formula: '=IF(AND(ISNUMBER(D6),ISNUMBER(E6)),D6-E6,"")', value: "" },
        { row: 6, formula: '=IF(AND(ISNUMBER(D7),ISNUMBER(E7)),D7-E7,"")', value: 450000 },
        { row: 7, formula: "=SUM(F4:F7)", value: 820000 },
      ],
    });
  });

  it("is not written twice: the written column is read as the balance and found right", () => {
    const rows = register(75000, [2145000, 1250000, 895000]).map((r, k) =>
      k >= 3 && k <= 6
        ? [
            ...r.slice(0, 5),
            f(
              `=IF(AND(ISNUMBER(D${k + 1}),ISNUMBER(E${k + 1})),D${k + 1}-E${k + 1},"")`,
              r[5] as number,
            ),
          ]
        : r,
    );
    const result = analyse(rows);
    expect(result.findings).toEqual([]);
    expect(result.plan.operations.filter((o) => o.kind === "column")).toEqual([]);
  });
});
