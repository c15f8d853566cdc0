import fc from "fast-check";
import { analyseWorkbook } from "../../src/core/analyse";
import type { FundingTableReport } from "../../src/core/funding";
import type { Finding } from "../../src/core/findings";
import type { CellValue } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

type Row = (CellValue | ReturnType<typeof f>)[];
const analyse = (rows: Row[], name = "Funding") =>
  analyseWorkbook(workbook(sheet(name, rows)), { asOf: TODAY });
const funding = (rows: Row[]) =>
  analyse(rows).tables.filter(
    (t): t is FundingTableReport => t.kind !== "risk-register" && t.kind !== "budget",
  );
const brief = (fs: Finding[]) => fs.map((x) => `${x.code}@${x.cell}`);

const WIDE: Row[] = [
  ["Programme allocations"],
  [],
  [
    "Ref",
    "Workstream",
    "SCR Grant £08/09",
    "RIEP £08/09",
    "Total £08/09",
    "SCR Grant £09/10",
    "Total £09/10",
  ],
  ["1", "PERSONALISATION"],
  ["1.1", "Coordination", 10000, 5000, 15000, 2000, 2000],
  ["1.2", "Leadership", 20000, null, 20000, "tbc", 0],
  [null, "TOTAL PERSONALISATION", 30000, 5000, 35000, 2000, 2000],
  ["2", "SAFEGUARDING"],
  ["2.1", "Board", 1000, 1000, 2000, null, null],
  [null, "TOTAL SAFEGUARDING", 1000, 1000, 2000, 0, 0],
  [null, "TOTAL ACROSS ALL PROGRAMMES", 31000, 6000, 37000, 2000, 2000],
];

describe("funding tables", () => {
  it("reads a wide source × year layout with sections and totals", () => {
    // A wide plan keys its lines by what they fund; its sources are columns: kind "funding".
    expect(funding(WIDE)).toEqual([
      expect.objectContaining({
        kind: "funding",
        range: "A3:G11",
        headerRow: 3,
        years: ["2008/09", "2009/10"],
        sources: ["SCR Grant", "RIEP"],
        sections: ["PERSONALISATION", "SAFEGUARDING"],
        totalRows: 3,
      }),
    ]);
    // Its one "tbc" amount is noted (info), with every total that leaves it out.
    expect(analyse(WIDE).findings.map((x) => [x.code, x.severity, x.cell, x.message])).toEqual([
      [
        "unconfirmed-funding",
        "info",
        "F6",
        "SCR Grant £09/10 tbc for 1.2 Leadership: left out of Total £09/10, Total all years and its column's total",
      ],
    ]);
  });

  it("re-sums every kind of total and says which are wrong", () => {
    const rows = WIDE.map((r) => [...r]);
    (rows[4] as Row)[4] = 15500; // a row year total
    (rows[6] as Row)[2] = 29000; // a section total
    (rows[10] as Row)[3] = 7000; // the grand total
    const findings = analyse(rows).findings;
    // Exactly the three typed errors: the right totals beside and below them are not blamed.
    expect(brief(findings)).toEqual([
      "total-mismatch@E5",
      "unconfirmed-funding@F6",
      "total-mismatch@C7",
      "total-mismatch@D11",
    ]);
    expect(findings[0]).toMatchObject({
      expected: 15000,
      actual: 15500,
      message:
        "Total £08/09 is £15,500 but SCR Grant + RIEP = £15,000; the new Total all years column will add this figure as typed",
    });
    expect(findings[2]?.message).toBe(
      "SCR Grant £08/09 is £29,000 but its lines (rows 5–6) sum to £30,000",
    );
    expect(findings[3]?.message).toBe(
      "RIEP £08/09 is £7,000 but the lines of all sections sum to £6,000",
    );
  });

  it("catches a SUM whose range misses an inserted row", () => {
    const findings = analyse([
      ["Scheme", "2024-25", "2025-26"],
      ["Parks", 100, 200],
      ["Libraries", 50, 60],
      ["Inserted later", 25, 0],
      ["Total", f("=SUM(B2:B3)", 150), f("=SUM(C2:C4)", 260)],
    ]).findings;
    expect(findings).toEqual([
      expect.objectContaining({
        code: "total-mismatch",
        cell: "B5",
        expected: 175,
        actual: 150,
        message:
          "2024-25 is £150 but the lines above sum to £175; its formula SUM(B2:B3) leaves out row 4",
      }),
    ]);
  });

  it("checks totals over tbc on the confirmed part and says so", () => {
    const findings = analyse([
      ["Funding source", "FY 2025/26", "2026-2027"],
      ["Council", 100, "tbc"],
      ["NHS", "TBC", 50],
      ["Total", 90, "tbc"],
    ]).findings;
    expect(findings).toEqual([
      expect.objectContaining({
        code: "unconfirmed-funding",
        severity: "info",
        cell: "C2",
        message: "2026-2027 tbc for Council: left out of Total all years and its column's total",
      }),
      expect.objectContaining({
        code: "unconfirmed-funding",
        severity: "info",
        cell: "B3",
        message: "FY 2025/26 tbc for NHS: left out of Total all years and its column's total",
      }),
      expect.objectContaining({
        code: "total-mismatch",
        cell: "B4",
        message:
          "FY 2025/26 is £90 but the lines above sum to £100 (1 unconfirmed amount left out)",
      }),
    ]);
  });

  it("reads money as councils type it, flags words, and reports a bare year", () => {
    const findings = analyse([
      ["Scheme", "2024/2025", "2009"],
      ["Parks", "£1,000", 1],
      ["Roads", "(500)", 1],
      ["Misc", "approx 5k", null],
      ["Total", 500, 2],
    ]).findings;
    expect(brief(findings)).toEqual([
      "ambiguous-year@C1",
      "number-as-text@B2",
      "number-as-text@B3",
      "not-a-number@B4",
    ]);
    expect(findings[0]).toMatchObject({
      severity: "warning",
      message:
        '"2009" could be 2008/09 or 2009/10; write the financial year in full (e.g. 2025/26)',
    });
  });

  it("tells sources tables, long allocations and plain funding tables apart", () => {
    const kinds = (rows: Row[]) => funding(rows).map((t) => t.kind);
    expect(
      kinds([
        ["Funding source", "£ 2008/09", "£ 2009/10"],
        ["Grant", 1, 2],
      ]),
    ).toEqual(["funding-sources"]);
    expect(
      kinds([
        ["Workstream", "Source", "2024-25", "2025-26"],
        ["Parks", "Grant", 1, 2],
      ]),
    ).toEqual(["allocations"]);
    expect(
      kinds([
        ["Scheme", "2024-25", "2025-26"],
        ["Parks", 1, 2],
      ]),
    ).toEqual(["funding"]);
  });
});

describe("funding write plan", () => {
  it("adds a total column per year where missing and a total across years, as formulas", () => {
    const { plan } = analyse([
      ["Workstream", "SCR Grant 2024/25", "RIEP 2024/25", "SCR Grant 2025/26", "RIEP 2025/26"],
      ["Parks", 10, 5, 20, "tbc"],
      ["Total", 10, 5, 20, 0],
    ]);
    const cols = plan.operations.flatMap((op) =>
      op.kind === "column"
        ? [[op.column, op.title, op.cells.map((c) => [c.formula, c.value])]]
        : [],
    );
    expect(cols).toEqual([
      [
        5,
        "Total 2024/25",
        [
          ["=SUM(B2:C2)", 15],
          ["=SUM(F2)", 15],
        ],
      ],
      [
        6,
        "Total 2025/26",
        [
          ["=SUM(D2:E2)", 20],
          ["=SUM(G2)", 20],
        ],
      ],
      [
        7,
        "Total all years",
        [
          ["=SUM(F2:G2)", 35],
          ["=SUM(H2)", 35],
        ],
      ],
    ]);
  });

  it("writes a live SUM over an amount typed as text, showing what Excel's SUM shows (the text reported)", () => {
    const { plan, findings } = analyse([
      ["Source", "2024-25", "2025-26"],
      ["Grant", "£250,000", 1],
    ]);
    const total = plan.operations.find((op) => op.kind === "column");
    expect(total?.kind === "column" && total.cells).toEqual([
      { row: 1, formula: "=SUM(B2:C2)", value: 1 },
    ]);
    expect(findings.map((x) => `${x.code}@${x.cell}`)).toContain("number-as-text@B2");
  });
});

describe("section totals under re-ordering", () => {
  const amount = fc.integer({ min: 0, max: 1_000_000_00 }).map((p) => p / 100);
  const sections = fc.array(fc.array(amount, { minLength: 1, maxLength: 6 }), {
    minLength: 1,
    maxLength: 4,
  });

  function table(blocks: number[][]): Row[] {
    const rows: Row[] = [["Ref", "Description", "Grant 2025/26"]];
    blocks.forEach((lines, i) => {
      rows.push([String(i + 1), `SECTION ${i + 1}`]);
      lines.forEach((v, j) => rows.push([`${i + 1}.${j + 1}`, `Line ${j + 1}`, v]));
      const sum = Math.round(lines.reduce((s, v) => s + v * 100, 0)) / 100;
      rows.push([null, `TOTAL SECTION ${i + 1}`, sum]);
    });
    return rows;
  }

  const totalsOf = (rows: Row[]) =>
    analyseWorkbook(workbook(sheet("Funding", rows)), {
      asOf: TODAY,
      replaceTotals: true,
    }).plan.operations.flatMap((op) => (op.kind === "column" ? op.cells.map((c) => c.value) : []));

  it("shuffling lines within their sections never changes a section total or raises a finding", () => {
    fc.assert(
      fc.property(sections, fc.array(fc.nat()), (blocks, keys) => {
        const shuffled = blocks.map((lines, i) =>
          lines
            .map((v, j) => [keys[(i * 7 + j) % Math.max(keys.length, 1)] ?? j, v] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, v]) => v),
        );
        expect(analyse(table(blocks)).findings).toEqual([]);
        expect(analyse(table(shuffled)).findings).toEqual([]);
        expect(totalsOf(table(shuffled))).toEqual(totalsOf(table(blocks)));
      }),
      { numRuns: 150 },
    );
  });
});
