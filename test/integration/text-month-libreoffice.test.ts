import path from "node:path";
import { writtenCellsDisagreeing } from "../helpers/recalculated-writes";
import { appliedInLibreOffice } from "../helpers/applied-in-libreoffice";
import { cli } from "../helpers/cli";
import { findSoffice } from "../helpers/libreoffice";
import { MONTH_NAMES } from "../helpers/monthly-builder";
import { tempDir, writeXlsx } from "../helpers/xlsx";

/**
 * Monthly profiles as .xlsx files with a month typed as text with a letter O for a zero ("2O",
 * "1,2OO"), and totals keyed from the right figures: through the CLI the text cell is the one
 * finding, before apply and in the applied file, and what apply writes (each line's full year as
 * =SUM of its months, its variance from that) is what LibreOffice computes, the text adding
 * nothing.
 */
const soffice = findSoffice();
const withOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: text month recalculation test skipped");

const sum = (formula: string) => ({ formula });
const months = (n: number) => MONTH_NAMES.map(() => n);
const withText = (n: number, k: number, text: string) =>
  months(n).map((v, m) => (m === k ? text : v));

// Formulas saved without values (as openpyxl saves them); the Full year and Variance totals typed
// from the right figures (Resurfacing's full year 240, variance 40). July typed "2O" at F4.
const SAVED_BY_A_TOOL: unknown[][] = [
  ["Line", "Budget", ...MONTH_NAMES, "Full year", "Variance"],
  ["Resurfacing", 200, ...withText(20, 3, "2O"), sum("SUM(C2:N2)"), 40],
  ["Gullies", 100, ...months(10), sum("SUM(C3:N3)"), 20],
  ["Street lighting", 14_400, ...months(1_200), sum("SUM(C4:N4)"), 0],
  ["Total", 14_700, ...months(1_230), 14_760, 60],
];

// Every figure typed, in £'000: September's street lighting "1,2OO" at H5.
const TYPED: unknown[][] = [
  ["Highways profile 2025/26"],
  [],
  ["Line", "Budget", ...MONTH_NAMES, "Full year"],
  ["Gullies", 120, ...months(10), 120],
  ["Street lighting", 14_400, ...withText(1_200, 5, "1,2OO"), 14_400],
  ["Total", 14_520, ...months(1_210), 14_520],
];

withOffice("a month typed as text with a letter O, through the CLI and LibreOffice", () => {
  let dir = "";
  let recalculated: Awaited<ReturnType<typeof appliedInLibreOffice>> | null = null;
  beforeAll(async () => {
    dir = tempDir("cs-text-month-");
    await writeXlsx(path.join(dir, "profiles.xlsx"), [
      { name: "Saved", rows: SAVED_BY_A_TOOL },
      { name: "Typed", rows: TYPED },
    ]);
    recalculated = await appliedInLibreOffice(soffice ?? "", path.join(dir, "profiles.xlsx"));
  }, 120_000);
  const at = (name: string, row: number, column: number) =>
    recalculated?.sheets.find((s) => s.name === name)?.rows[row]?.[column]?.value ?? null;
  const findings = async (file: string) => {
    const { out } = await cli("check", path.join(dir, file), "--json");
    return (
      JSON.parse(out) as {
        findings: { sheet: string; cell: string; code: string; message: string }[];
      }
    ).findings;
  };

  it("reports the text cell once, its knock-on totals right as typed", async () => {
    const found = await findings("profiles.xlsx");
    expect(found.map((f) => [f.sheet, f.cell, f.code])).toEqual([
      ["Saved", "F2", "not-a-number"],
      ["Typed", "H5", "not-a-number"],
    ]);
    expect(found.map((f) => f.message)).toEqual([
      'Jul "2O" is not an amount; P2, F5 and O5 are right as typed: they count the right figure here',
      'Sep "1,2OO" is not an amount; O5 and H6 are right as typed: they count the right figure here',
    ]);
  });

  it("finds nothing new in the applied file", async () => {
    const found = await findings("applied.xlsx");
    expect(found.map((f) => [f.sheet, f.cell, f.code])).toEqual([
      ["Saved", "F2", "not-a-number"],
      ["Typed", "H5", "not-a-number"],
    ]);
    expect(found.some((f) => f.message.includes("puts out"))).toBe(false);
  });

  it("shows what LibreOffice computes in every written cell, the text adding nothing", () => {
    // Resurfacing: 11 months of 20 and the text: full year 220, variance 20.
    expect(at("Saved", 1, 14)).toBe(220);
    expect(at("Saved", 1, 15)).toBe(20);
    const disagreeing = writtenCellsDisagreeing(recalculated?.analysis.plan, at);
    expect(disagreeing).toEqual([]);
  });
});
