import { analyseWorkbook } from "../../src/core/analyse";
import type { FundingTableReport } from "../../src/core/funding";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * An income sheet names the sources a plan draws on in the council's words ("Income source",
 * "Funding source", "Source of income", "Funding stream", "Grant / income"), one money column
 * per year: it is the sources table, and the plan is reconciled against it.
 */
const income = (head: string): Entry[][] => [
  ["Improved Better Care and DFG income"],
  [],
  [head, "2025/26 £", "2026/27 £"],
  ["Disabled Facilities Grant", 2_380_000, 2_520_000],
  ["NHS minimum contribution", 9_600_000, 10_050_000],
  ["iBCF", 4_100_000, 4_100_000],
  ["Total income", f("=SUM(B4:B6)", 16_080_000), f("=SUM(C4:C6)", 16_670_000)],
];

const SOURCES = ["DFG £", "NHS minimum contribution £", "iBCF £"];
const spend = (year: string) => `Expenditure for ${year} (£)`;

/** A wide plan: the year merged over DFG £ | NHS minimum contribution £ | iBCF £. */
const WIDE: Entry[][] = [
  ["BCF expenditure plan by source"],
  [],
  ["Scheme ID", "Scheme", "2025/26", null, null, "2026/27"],
  [null, null, ...SOURCES, ...SOURCES],
  ["S1", "Home adaptations", 2_380_000, 0, 0, 2_400_000, 0, 0],
  ["S2", "Rapid response nursing", 0, 9_600_000, 0, 0, 10_050_000, 0],
  ["S3", "Hospital discharge", 0, 0, 4_100_000, 0, 0, 4_100_000],
];
const WIDE_MERGES = ["C3:E3", "F3:H3", "A3:A4", "B3:B4"];

/** A long allocations table keyed by "Source of funding", money headed in words. */
const LONG: Entry[][] = [
  ["BCF planned expenditure"],
  [],
  ["Scheme ID", "Scheme name", "Source of funding", ...["2025-26", "2026-27"].map(spend)],
  ["BCF01", "Adaptations", "Disabled Facilities Grant", 2_380_000, 2_400_000],
  ["BCF02", "Intermediate care", "NHS minimum contribution", 9_600_000, 10_050_000],
  ["BCF03", "Market sustainability", "iBCF", 4_100_000, 4_100_000],
];

const HEADS = [
  "Income source",
  "Funding source",
  "Source of income",
  "Funding stream",
  "Grant / income",
];

const kinds = (a: ReturnType<typeof analyseWorkbook>) =>
  (a.tables as FundingTableReport[]).map((t) => `${t.sheet} ${t.kind}`);

describe("an income sheet headed in the council's words is the plan's sources table", () => {
  it.each(HEADS)("%s, against a wide plan: DFG 2026/27 is £120,000 short", (head) => {
    const a = analyseWorkbook(
      workbook(sheet("Income", income(head)), sheet("Plan", WIDE, { merges: WIDE_MERGES })),
      { asOf: TODAY },
    );
    expect(kinds(a)).toEqual(["Income funding-sources", "Plan funding"]);
    expect(a.findings.map((x) => [x.code, `${x.sheet}!${x.cell}`, x.message])).toEqual([
      [
        "reconciliation-difference",
        "Income!C4",
        "Disabled Facilities Grant 2026/27: £2,400,000 allocated against £2,520,000 available (difference -£120,000)",
      ],
    ]);
    expect(a.reconciliation?.mapping.map((m) => `${m.allocation}=${m.source} ${m.how}`)).toEqual([
      "DFG=Disabled Facilities Grant acronym",
      "NHS minimum contribution=NHS minimum contribution same name",
      "iBCF=iBCF same name",
    ]);
  });

  it.each(HEADS)("%s, against a long allocations table: the same difference", (head) => {
    const a = analyseWorkbook(workbook(sheet("Income", income(head)), sheet("Allocations", LONG)), {
      asOf: TODAY,
    });
    expect(kinds(a)).toEqual(["Income funding-sources", "Allocations allocations"]);
    expect(a.findings.map((x) => `${x.code} ${x.sheet}!${x.cell} ${String(x.difference)}`)).toEqual(
      ["reconciliation-difference Income!C4 -120000"],
    );
  });

  it("a plain income column of one year is still money, not a source", () => {
    const rows: Entry[][] = [
      ["Income 2025/26"],
      [],
      ["Service", "Income"],
      ["Car parks", 120_000],
      ["Licensing", 45_000],
    ];
    const a = analyseWorkbook(workbook(sheet("Income", rows)), { asOf: TODAY });
    const report = a.tables[0] as FundingTableReport;
    expect([report.kind, report.columns]).toEqual(["funding", { label: "A", "2025/26": "B" }]);
  });
});
