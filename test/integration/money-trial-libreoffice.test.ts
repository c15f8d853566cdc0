import path from "node:path";
import { appliedInLibreOffice } from "../helpers/applied-in-libreoffice";
import { findSoffice } from "../helpers/libreoffice";
import { MONTH_NAMES } from "../helpers/monthly-builder";
import { tempDir, writeXlsx } from "../helpers/xlsx";

/**
 * LibreOffice, as an independent engine, holds what apply writes for three trial findings: a new
 * Variance column's total row over a line with no budget (the SUM of the lines' variances), a
 * profile's own Variance % column, and the Reconciliation sheet's status for a source whose
 * allocations include a "tbc" amount (Unconfirmed until it is a number).
 */
const soffice = findSoffice();
const withOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: money trial recalculation test skipped");

const sum = (formula: string) => ({ formula });

// Central library 52 a month on 600 (variance 24); Heritage centre no budget; income −2 on −36.
const LIBRARIES: unknown[][] = [
  ["Libraries spend profile (£)"],
  [],
  ["Budget line", "Budget 2025/26", ...MONTH_NAMES],
  ["Central library", 600, ...MONTH_NAMES.map(() => 52)],
  ["Heritage centre", null, ...MONTH_NAMES.map(() => 5)],
  ["Room hire income", -36, ...MONTH_NAMES.map(() => -2)],
  [
    "Total",
    ...Array.from({ length: 13 }, (_, k) => {
      const letter = String.fromCharCode(66 + k);
      return sum(`SUM(${letter}4:${letter}6)`);
    }),
  ],
];

// Full years 6,090 and 1,213 on budgets 6,000 and 1,200; Day care's 5% planted (true 1.1%).
const PROFILE: unknown[][] = [
  ["Adult social care profile 2025/26 (£'000)"],
  [],
  [
    "Budget line",
    "Annual budget",
    ...MONTH_NAMES,
    "Full year",
    "Forecast variance £",
    "Variance %",
  ],
  ["Nursing", 6_000, ...MONTH_NAMES.map(() => 507.5), 6_090, 90, 0.015],
  ["Day care", 1_200, ...MONTH_NAMES.map((_, m) => (m < 11 ? 101 : 102)), 1_213, 13, 0.05],
];

const INCOME: unknown[][] = [
  ["Source", "2025/26", "2026/27"],
  ["UK Shared Prosperity Fund", 900, 1000],
  ["Council match funding", 250, 250],
];
const PLAN: unknown[][] = [
  [
    "Intervention",
    "UKSPF 2025/26",
    "Council match 2025/26",
    "UKSPF 2026/27",
    "Council match 2026/27",
  ],
  ["Town centre", 650, 250, 700, 190],
  ["Business growth", 250, "tbc", 300, 60],
];

withOffice("money trial fixes, applied and recalculated by LibreOffice", () => {
  let sheets: Awaited<ReturnType<typeof appliedInLibreOffice>>["sheets"] = [];
  beforeAll(async () => {
    const input = path.join(tempDir("cs-money-trial-"), "money.xlsx");
    await writeXlsx(input, [
      { name: "Libraries", rows: LIBRARIES },
      { name: "Profile", rows: PROFILE },
      { name: "Income", rows: INCOME },
      { name: "Plan", rows: PLAN },
    ]);
    sheets = (await appliedInLibreOffice(soffice ?? "", input)).sheets;
  }, 120_000);
  const at = (sheet: string, row: number, column: number) =>
    sheets.find((s) => s.name === sheet)?.rows[row]?.[column]?.value ?? null;

  it("shows the total row's variance as the sum of the lines' variances", () => {
    // Column P (15): lines 24, blank, 12; the total 36, not 660 − 564 = 96.
    expect([3, 4, 5, 6].map((r) => at("Libraries", r, 15))).toEqual([24, null, 12, 36]);
  });

  it("shows each line's Variance % as its variance over |budget|", () => {
    expect([3, 4].map((r) => Number((at("Profile", r, 16) as number).toFixed(6)))).toEqual([
      Number((90 / 6_000).toFixed(6)),
      Number((13 / 1_200).toFixed(6)),
    ]);
  });

  it("shows Council match 2025/26 as Unconfirmed, the others as Reconciled", () => {
    const reconciliation = sheets.find((s) => s.name === "Reconciliation");
    const statuses = (reconciliation?.rows ?? [])
      .filter((r) => typeof r?.[1]?.value === "string" && r[0]?.value !== "Year")
      .map((r) => [r?.[0]?.value, r?.[1]?.value, r?.[5]?.value]);
    expect(statuses.slice(0, 2)).toEqual([
      ["2025/26", "UK Shared Prosperity Fund", "Reconciled"],
      ["2025/26", "Council match funding", "Unconfirmed"],
    ]);
  });
});
