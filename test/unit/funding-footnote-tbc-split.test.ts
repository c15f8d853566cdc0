import { analyseWorkbook } from "../../src/core/analyse";
import type { FundingTableReport } from "../../src/core/funding";
import type { AddSheet, ColumnWrite, SheetCell } from "../../src/core/plan";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A note under a sources table ("iBCF 2026/27 allocation not yet announced by DHSC.") ends the
 * table, blank row above it or not: nothing is written beside it. And where a year's allocations
 * run against funding still "tbc", the Reconciliation sheet splits that year's difference into
 * what is allocated against unconfirmed funding and the difference on confirmed funding.
 */
const sources = (iBCF2627: number | string, note: Entry[][]): Entry[][] => [
  ["Better Care Fund 2025-27: pooled fund contributions"],
  [],
  ["Source", "2025/26 £", "2026/27 £"],
  ["Disabled Facilities Grant", 2_450_000, 2_450_000],
  ["NHS minimum contribution", 14_820_000, 15_480_000],
  ["iBCF", 6_210_000, iBCF2627],
  ["Total", f("=SUM(B4:B6)", 23_480_000), f("=SUM(C4:C6)", 17_930_000)],
  ...note,
];

const spend = (year: string) => `Expenditure for ${year} (£)`;

const allocations = (dfg2627: number): Entry[][] => [
  ["Scheme ID", "Scheme name", "Source of funding", ...["2025-26", "2026-27"].map(spend)],
  ["BCF01", "Adaptations", "Disabled Facilities Grant", 2_450_000, dfg2627],
  ["BCF02", "Intermediate care", "NHS minimum contribution", 14_820_000, 15_480_000],
  ["BCF03", "Reablement", "iBCF", 1_200_000, 1_250_000],
  ["BCF05", "Market sustainability", "iBCF", 5_010_000, 5_200_000],
];

const run = (s: Entry[][], a: Entry[][]) =>
  analyseWorkbook(workbook(sheet("Funding sources", s), sheet("Allocations", a)), {
    asOf: TODAY,
  });

const NOTES: [string, Entry[][]][] = [
  ["a sentence after a blank row", [[], ["iBCF 2026/27 allocation not yet announced by DHSC."]]],
  ["a sentence right under the total", [["iBCF 2026/27 allocation not yet announced by DHSC."]]],
  ["a starred note, then a source line", [["* Subject to DHSC confirmation"], ["Source: DHSC"]]],
];

describe("a footnote under a sources table", () => {
  it.each(NOTES)("%s ends the table; Total all years is written for its rows only", (_, note) => {
    const a = run(sources("tbc", note), allocations(2_450_000));
    const report = a.tables.find((t) => t.sheet === "Funding sources") as FundingTableReport;
    expect(report.range).toBe("A3:C7");
    const total = a.plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.sheet === "Funding sources",
    );
    expect(total?.title).toBe("Total all years");
    expect(total?.cells.map((c) => c.row)).toEqual([3, 4, 5, 6]);
  });

  it("a heading followed by more lines is no footnote: the table goes on", () => {
    const more: Entry[][] = [
      ["Additional contributions, agreed at the board."],
      ["Local authority additional contribution", 500_000, 500_000],
    ];
    const a = run(sources("tbc", more), allocations(2_450_000));
    const report = a.tables.find((t) => t.sheet === "Funding sources") as FundingTableReport;
    expect(report.range).toBe("A3:C9");
  });
});

/** The Reconciliation sheet's rows as [A, D, E, F, G] values, from the year's total down. */
function yearRows(a: ReturnType<typeof run>, year: string): (string | number | null)[][] {
  const add = a.plan.operations.find((o): o is AddSheet => o.kind === "add-sheet");
  const cells: SheetCell[] = add?.cells ?? [];
  const at = (row: number, column: number) =>
    cells.find((c) => c.row === row && c.column === column);
  const top = cells.find((c) => c.column === 0 && c.value === `Total ${year}`)?.row ?? -1;
  const rows: (string | number | null)[][] = [];
  for (let row = top; row <= top + 2; row++)
    rows.push([0, 3, 4, 5, 6].map((c) => (at(row, c)?.value ?? null) as string | number | null));
  return rows;
}

describe("a year whose allocations run against tbc funding, on the Reconciliation sheet", () => {
  it("says the whole gap is unconfirmed when confirmed funding reconciles", () => {
    const a = run(sources("tbc", []), allocations(2_450_000));
    expect(yearRows(a, "2026/27")).toEqual([
      ["Total 2026/27", 24_380_000, 6_450_000, "Unconfirmed", null],
      [
        "of which allocated against unconfirmed funding (tbc)",
        6_450_000,
        null,
        "Unconfirmed",
        "iBCF: funding not confirmed, not a difference yet",
      ],
      ["Difference on confirmed funding", null, 0, "Reconciled", null],
    ]);
    const add = a.plan.operations.find((o): o is AddSheet => o.kind === "add-sheet");
    const formulas = (add?.cells ?? [])
      .filter((c) => c.row >= 12 && c.row <= 14 && c.formula)
      .map((c) => c.formula);
    expect(formulas).toEqual([
      "=SUM(C10:C12)",
      "=SUM(D10:D12)",
      '=IF(ISNUMBER(C13),D13-C13,"")',
      '=IF(ABS(E15)<0.005,IF(ABS(E13)<0.005,"Reconciled","Unconfirmed"),"Difference")',
      "=SUMPRODUCT(--NOT(ISNUMBER(C10:C12)),D10:D12)",
      "=SUM(E10:E12)",
      '=IF(ABS(E15)<0.005,"Reconciled","Difference")',
    ]);
  });

  it("says Difference, and how much, when confirmed funding is short as well", () => {
    const a = run(sources("tbc", []), allocations(2_500_000));
    expect(yearRows(a, "2026/27")).toEqual([
      ["Total 2026/27", 24_430_000, 6_500_000, "Difference", null],
      [
        "of which allocated against unconfirmed funding (tbc)",
        6_450_000,
        null,
        "Unconfirmed",
        "iBCF: funding not confirmed, not a difference yet",
      ],
      ["Difference on confirmed funding", null, 50_000, "Difference", null],
    ]);
  });

  it("leaves a year with every source confirmed as it was: no split rows", () => {
    const a = run(sources(6_450_000, []), allocations(2_450_000));
    expect(yearRows(a, "2026/27")).toEqual([
      ["Total 2026/27", 24_380_000, 0, "Reconciled", null],
      [null, null, null, null, null],
      ["How source names were matched", null, null, null, null],
    ]);
  });
});
