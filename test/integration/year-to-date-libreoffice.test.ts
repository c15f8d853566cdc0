import path from "node:path";
import { writtenCellsDisagreeing } from "../helpers/recalculated-writes";
import { appliedInLibreOffice } from "../helpers/applied-in-libreoffice";
import { cli } from "../helpers/cli";
import { findSoffice } from "../helpers/libreoffice";
import { tempDir, writeXlsx } from "../helpers/xlsx";

/**
 * Revenue monitors with a year-to-date block beside the full-year block, as .xlsx files through
 * the CLI: each stated variance is checked against its own pair, and what apply writes (the
 * variance to date from budget and actual to date, the forecast variance and Variance % from the
 * annual budget and forecast) is what LibreOffice, an independent engine, computes. Checking the
 * applied file finds nothing.
 */
const soffice = findSoffice();
const withOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: year-to-date recalculation test skipped");

// Budget to date, actual to date, annual budget, forecast.
const LINES: [string, number, number, number, number][] = [
  ["Adult care", 1200, 1260, 2400, 2500],
  ["Children", 900, 870, 1800, 1750],
  ["Housing", 300, 310, 600, 640],
  ["Highways", 450, 440, 900, 880],
];

// Flat: Housing's variance to date typed 15 (true 10), Highways' forecast variance −30 (true −20).
const FLAT: unknown[][] = [
  ["Revenue monitoring Q2 (£)"],
  [],
  [
    "Service",
    "Budget to date",
    "Actual to date",
    "Variance to date",
    "Annual budget",
    "Forecast outturn",
    "Forecast variance",
  ],
  ...LINES.map(([n, b, a, y, f], i) => [
    n,
    b,
    a,
    i === 2 ? 15 : a - b,
    y,
    f,
    i === 3 ? -30 : f - y,
  ]),
];

// Grouped, the to-date variance budget − actual by its header: Children typed −30 (true 30).
const GROUPED: unknown[][] = [
  ["Revenue monitoring"],
  [],
  ["Service", "Year to date", null, null, "Full year", null, null],
  [null, "Budget", "Actual", "Variance Under/(Over)", "Budget", "Forecast", "Variance"],
  ...LINES.map(([n, b, a, y, f], i) => [n, b, a, i === 1 ? -30 : b - a, y, f, f - y]),
];

withOffice("year-to-date beside full-year monitors through the CLI and LibreOffice", () => {
  let dir = "";
  let recalculated: Awaited<ReturnType<typeof appliedInLibreOffice>> | null = null;
  beforeAll(async () => {
    dir = tempDir("cs-ytd-");
    const input = path.join(dir, "ytd.xlsx");
    await writeXlsx(input, [
      { name: "Flat", rows: FLAT },
      { name: "Grouped", rows: GROUPED, merges: ["A3:A4", "B3:D3", "E3:G3"] },
    ]);
    recalculated = await appliedInLibreOffice(soffice ?? "", input);
  }, 120_000);
  const at = (name: string, row: number, column: number) =>
    recalculated?.sheets.find((s) => s.name === name)?.rows[row]?.[column]?.value ?? null;

  it("finds each wrong variance against its own pair", async () => {
    const { code, out } = await cli("check", path.join(dir, "ytd.xlsx"), "--json");
    expect(code).toBe(1);
    const findings = (
      JSON.parse(out) as { findings: { code: string; cell: string; sheet: string }[] }
    ).findings;
    expect(findings.map((x) => [x.sheet, x.cell, x.code])).toEqual([
      ["Flat", "D6", "variance-mismatch"],
      ["Flat", "G7", "variance-mismatch"],
      ["Grouped", "D6", "variance-mismatch"],
    ]);
  });

  it("shows each written variance as LibreOffice computes it from its own pair", () => {
    expect([3, 4, 5, 6].map((r) => at("Flat", r, 3))).toEqual([60, -30, 10, -10]);
    expect([3, 4, 5, 6].map((r) => at("Flat", r, 6))).toEqual([100, -50, 40, -20]);
    expect([4, 5, 6, 7].map((r) => at("Grouped", r, 3))).toEqual([-60, 30, -10, 10]);
    expect([4, 5, 6, 7].map((r) => at("Grouped", r, 6))).toEqual([100, -50, 40, -20]);
    // The new Variance % is the forecast variance over |annual budget|.
    expect([3, 4, 5, 6].map((r) => Number((at("Flat", r, 7) as number).toFixed(9)))).toEqual(
      [100 / 2400, -50 / 1800, 40 / 600, -20 / 900].map((x) => Number(x.toFixed(9))),
    );
  });

  it("caches what LibreOffice computes in every written cell", () => {
    const disagreeing = writtenCellsDisagreeing(recalculated?.analysis.plan, at);
    expect(disagreeing).toEqual([]);
  });

  it("finds nothing in the applied file", async () => {
    const { out } = await cli("check", path.join(dir, "applied.xlsx"), "--json");
    expect((JSON.parse(out) as { findings: unknown[] }).findings).toEqual([]);
  });
});
