import { analyseWorkbook } from "../../src/core/analyse";
import { detectFundingTables } from "../../src/core/funding/detect";
import type { Finding } from "../../src/core/findings";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";
import { BASE_PROGRAMME, programmeSheet } from "../helpers/capital";

/**
 * Capital programmes and funding tables as a new user's trial laid them out: each year merged
 * over "Original | Revised", a Financing sheet whose title says "Capital", a long allocations
 * table keyed by "Source of funding", a "tbc" year under an added total across years.
 */
const analyse = (...sheets: SheetSnapshot[]) =>
  analyseWorkbook(workbook(...sheets), { asOf: TODAY });
const brief = (fs: readonly Finding[]) =>
  fs.map((x) => `${x.severity}:${x.code}@${x.sheet}!${x.cell}`);
const columnWrites = (a: ReturnType<typeof analyse>) =>
  a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");

/** Quenby's programme (£000): years merged over Original | Revised; Depot's total typed 905. */
function mergedYears(total: "over-range" | "one-cell"): SheetSnapshot {
  const top: CellValue[] = [null, "2025/26", null, "2026/27", null, "2027/28", null];
  const sub: CellValue[] = ["Scheme", "Original", "Revised", "Original", "Revised"];
  sub.push("Original", "Revised");
  if (total === "over-range") {
    top.push("Total");
    sub.push("2025-28");
  } else sub.push("Total 2025-28");
  return sheet(
    "Capital",
    [
      ["Quenby Council capital programme £000"],
      [],
      top,
      sub,
      ["Depot", 500, 620, 300, 280, 0, 0, 905],
      ["Swimming pool", 2000, 1800, 3000, 3300, 500, 600, 5700],
      ["Roads", 1200, 1200, 1200, 1200, 1200, 1200, 3600],
      ["Total programme", 3700, 3620, 4500, 4780, 1700, 1800, 10200],
      [],
      ["Financed by:"],
      ["Borrowing", null, 2020, null, 3280, null, "tbc"],
      ["Grants", null, 1200, null, 1200, null, 1200],
      ["Capital receipts", null, 400, null, 300, null, 0],
      ["Total financing", null, 3620, null, 4780, null, 1200],
    ],
    { merges: ["B3:C3", "D3:E3", "F3:G3"] },
  );
}

describe("a capital programme with each year merged over Original | Revised", () => {
  it.each(["over-range", "one-cell"] as const)(
    "is read as a programme of the Revised figures (row total %s)",
    (total) => {
      const a = analyse(mergedYears(total));
      expect(a.tables).toMatchObject([
        {
          kind: "capital-programme",
          range: "A3:H8",
          columns: { scheme: "A", "2025/26": "C", "2026/27": "E", "2027/28": "G", total: "H" },
          ignoredColumns: {
            B: "another 2025/26 figure",
            D: "another 2026/27 figure",
            F: "another 2027/28 figure",
          },
          sources: ["Borrowing", "Grants", "Capital receipts"],
        },
      ]);
      expect(brief(a.findings)).toEqual([
        "error:total-mismatch@Capital!H5",
        "warning:unconfirmed-funding@Capital!G11",
      ]);
      const [wrong] = a.findings;
      expect(wrong).toMatchObject({ expected: 900, actual: 905 });
      expect(wrong?.message).toBe(
        "Total 2025-28 is £905,000 but the years 2025/26 to 2027/28 add to £900,000; H8 is right as typed: it counts the right figure here",
      );
      // Typed row totals become the SUM of their Revised years (the Original ones left out); the
      // financing rows' blank row totals are written the same way ("tbc" adds nothing to SUM).
      expect(columnWrites(a).map((o) => o.cells)).toEqual([
        [
          { row: 4, formula: "=SUM(C5,E5,G5)", value: 900 },
          { row: 5, formula: "=SUM(C6,E6,G6)", value: 5700 },
          { row: 6, formula: "=SUM(C7,E7,G7)", value: 3600 },
          { row: 10, formula: "=SUM(C11,E11,G11)", value: 5300 },
          { row: 11, formula: "=SUM(C12,E12,G12)", value: 3600 },
          { row: 12, formula: "=SUM(C13,E13,G13)", value: 700 },
          { row: 13, formula: "=SUM(C14,E14,G14)", value: 9600 },
        ],
      ]);
    },
  );
});

describe("a stated row total whose convention is not understood", () => {
  it("says in words what it disagrees with", () => {
    const a = analyse(
      sheet("Funding", [
        ["Scheme", "2025/26", "2026/27", "Total"],
        ["Parks", 100, 200, 310],
        ["Roads", 50, 60, 120],
        ["Schools", 70, 80, 160],
        ["Libraries", 10, 20, 40],
      ]),
    );
    expect(a.findings.map((x) => x.message)).toEqual([
      "Total disagrees with what its years add up to on 4 of 4 lines: its convention was not understood; nothing written; unchecked: D2:D5",
    ]);
  });
});

describe("financing on a sheet of its own whose title says Capital", () => {
  it("is listed as the programme's financing, not as a programme", () => {
    const a = analyse(
      programmeSheet({ ...BASE_PROGRAMME, financing: null }),
      sheet("Financing", [
        ["Financing of the Capital Programme (£'000)"],
        [],
        ["Source", "2025/26", "2026/27", "2027/28"],
        ["Prudential borrowing", 300, 300, 300],
        ["Government grants", 200, 200, 200],
        ["Capital receipts", 65, 70, 75],
        ["Total financing", 565, 570, 575],
      ]),
    );
    expect(a.tables.map((t) => `${t.sheet}:${t.kind}`)).toEqual([
      "Capital Programme:capital-programme",
    ]);
    expect(a.tables[0]).toMatchObject({
      sources: ["Prudential borrowing", "Government grants", "Capital receipts"],
      financing: { sheet: "Financing", range: "A3:D7", totalRow: 7 },
    });
    expect(brief(a.findings)).toEqual(["error:reconciliation-difference@Financing!D7"]);
  });
});

describe("a long allocations table keyed by Source of funding", () => {
  const allocations = (lines: [string, string, string, number][]) =>
    sheet("Allocations", [
      ["Scheme ID", "Scheme", "Source of funding", "Expenditure for 2025-26 (£)"],
      ...lines,
    ]);

  it("reports the same scheme and source twice as a duplicate", () => {
    const a = analyse(
      allocations([
        ["A1", "Scheme one", "Grant X", 1000],
        ["A1", "Scheme one", "Council", 500],
        ["A2", "Scheme two", "Grant X", 700],
        ["A2", "Scheme two", "Grant X", 700],
        ["A3", "Scheme three", "Council", 300],
      ]),
    );
    expect(a.tables).toMatchObject([{ kind: "allocations", range: "A1:D6" }]);
    expect(a.findings).toEqual([
      {
        severity: "error",
        code: "duplicate-id",
        sheet: "Allocations",
        cell: "A5",
        message: "A2 funded by Grant X is listed twice: also at row 4",
        table: "A1:D6",
        actual: "A2 + Grant X",
      },
    ]);
  });

  it("one scheme from several sources is no duplicate", () => {
    const a = analyse(
      allocations([
        ["S01", "Reablement", "NHS minimum contribution", 1450],
        ["S01", "Reablement", "Improved Better Care Fund", 600],
        ["S02", "Carers", "NHS minimum contribution", 520],
      ]),
    );
    expect(a.findings).toEqual([]);
  });

  it("one scheme and source over lines that say different things is no duplicate", () => {
    const a = analyse(
      sheet("Expenditure", [
        [
          "Scheme ID",
          "Scheme Name",
          "Brief Description",
          "Source of Funding",
          "Expenditure for 2025-26 (£)",
        ],
        [1, "Community teams", "Community nursing", "Minimum NHS Contribution", 6420000],
        [1, "Community teams", "Social work", "Minimum NHS Contribution", 1150000],
        [2, "Reablement", "Home-based reablement", "Minimum NHS Contribution", 2310000],
      ]),
    );
    expect(a.findings).toEqual([]);
  });
});

describe("a tbc year under the total across years", () => {
  it("is noted per line as left out of the added Total all years", () => {
    const a = analyse(
      sheet("Funding sources", [
        ["Source of funding", "2025/26 £", "2026/27 £"],
        ["NHS minimum contribution", 4820000, 4960000],
        ["Improved Better Care Fund", 2210000, "tbc"],
        ["Council contribution", 400000, 400000],
      ]),
    );
    expect(a.tables).toMatchObject([
      {
        kind: "funding-sources",
        notes: ["Row 3: 2026/27 (tbc) not confirmed, left out of Total all years"],
      },
    ]);
    const total = columnWrites(a).find((o) => o.title === "Total all years");
    expect(total?.cells[1]).toEqual({ row: 2, formula: "=SUM(B3:C3)", value: 2210000 });
  });
});

describe("a funding header whose lines another kind took", () => {
  it("is no table: a title merged over the years with no line of its own", () => {
    // Glenholt's programme: the year range merged over C3:F3, the header under it. With the
    // programme's rows (4 on) taken, the title row alone must not become a table of 0 rows.
    const programme = sheet(
      "Programme",
      [
        ["Glenholt Council - General Fund Capital Programme (£m)"],
        [],
        [null, null, "Capital programme 2025/26 to 2028/29"],
        ["Ref", "Scheme", "2025/26", "2026/27", "2027/28", "2028/29", "Total"],
        ["CP01", "Civic centre decarbonisation", 1.25, 2.4, 0.8, 0, 4.45],
        ["CP02", "Fleet replacement", 0.95, 1.1, 0.6, 0.75, 3.4],
        [null, "Total programme", 2.2, 3.5, 1.4, 0.75, 7.85],
      ],
      { merges: ["C3:F3"] },
    );
    expect(detectFundingTables(programme, new Set([3, 4, 5, 6]))).toEqual([]);
    expect(analyse(programme).tables.map((t) => `${t.kind} ${t.range} ${t.rows}`)).toEqual([
      "capital-programme A3:G7 3",
    ]);
  });
});
