import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cellAddress } from "../../src/core/a1";
import { analyseWorkbook } from "../../src/core/analyse";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { nativeZlib } from "../../src/cli/zlib";
import { TODAY } from "../helpers/builders";
import { formulaResults } from "../helpers/compare";
import { findSoffice, recalculate } from "../helpers/libreoffice";
import { tempDir } from "../helpers/xlsx";

/**
 * The figures apply caches for the formulas it writes are what LibreOffice computes for them over
 * the output's cells: a budget kept in £m by its title (RAG thresholds in pounds), a typed total
 * variance the plan keeps, a Variance % kept in hundreds, and a monthly full year left alone over
 * a month typed as text.
 */
const soffice = findSoffice();
const withLibreOffice = soffice ? describe : describe.skip;
if (!soffice)
  console.warn("LibreOffice not found: apply-values recalculation tests skipped (they fail in CI)");

type Entry = string | number | null | { value: number; numFmt: string };

async function build(file: string, rows: Entry[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  rows.forEach((row, r) =>
    row.forEach((entry, c) => {
      if (entry === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      if (typeof entry === "object") {
        cell.value = entry.value;
        cell.numFmt = entry.numFmt;
      } else cell.value = entry;
    }),
  );
  await wb.xlsx.writeFile(file);
  return file;
}

/** Applies the plan as the CLI does; the planned value of every formula written, and LibreOffice's. */
async function appliedAndRecalculated(input: string) {
  const document = await openWorkbook(new Uint8Array(readFileSync(input)), "in", nativeZlib());
  const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
  const saved = await document.save(analysis.plan, { valuesOnly: false });
  const output = input.replace(/\.xlsx$/, "-applied.xlsx");
  writeFileSync(output, saved.bytes);
  const planned = new Map<string, unknown>();
  for (const op of analysis.plan.operations) {
    if (op.kind !== "column") continue;
    for (const cell of op.cells)
      if (cell.formula) planned.set(`${op.sheet}!${cellAddress(cell.row, op.column)}`, cell.value);
  }
  const [recalculated] = recalculate(soffice ?? "", [output]);
  return { planned, computed: await formulaResults(recalculated ?? ""), analysis };
}

function expectSame(planned: Map<string, unknown>, computed: Map<string, unknown>) {
  expect(planned.size).toBeGreaterThan(0);
  for (const [key, value] of planned) {
    const now = computed.get(key);
    if (typeof value === "number") {
      expect([key, typeof now]).toEqual([key, "number"]);
      expect(Math.abs((now as number) - value)).toBeLessThan(1e-9 * Math.max(1, Math.abs(value)));
    } else expect([key, now]).toEqual([key, value]);
  }
}

withLibreOffice("apply's cached values are what LibreOffice computes", () => {
  const dir = tempDir("cs-apply-values-");
  const pct = (value: number) => ({ value, numFmt: "0.0%" });

  it("a £m budget by its title, with a typed total variance the plan keeps", async () => {
    const input = await build(path.join(dir, "gbpm.xlsx"), [
      ["Anyshire Council"],
      ["General Fund Revenue Forecast Outturn 2025/26 (£m)"],
      [],
      ["Directorate", "Budget", "Forecast", "Variance", "Variance %"],
      ["Adults", 112.4, 115.83, 3.43, pct(0.031)],
      ["Children", 78.25, 81.1, 2.58, pct(0.036)],
      ["Resources", 22.15, 22.2, 0.05, pct(0.002)],
      ["Total", 212.8, 219.13, 6.43, pct(0.03)],
    ]);
    const { planned, computed } = await appliedAndRecalculated(input);
    expectSame(planned, computed);
    // Resources is £50,000 over: Amber in pounds (under both £100k and 5%).
    expect(computed.get("Sheet1!G7")).toBe("Amber");
    expect(planned.get("Sheet1!E8")).toBeCloseTo(6.43 / 212.8, 12);
  });

  it("a Variance % kept in hundreds", async () => {
    const input = await build(path.join(dir, "whole.xlsx"), [
      ["Service", "Budget £", "Forecast £", "Forecast variance £", "Variance %"],
      ["Finance", 1000000, 1030000, 30000, 3],
      ["Legal", 500000, 540000, 40000, 8],
      ["ICT", 2000000, 2010000, 10000, 0.5],
    ]);
    const { planned, computed } = await appliedAndRecalculated(input);
    expectSame(planned, computed);
    expect(computed.get("Sheet1!E3")).toBe(8);
  });
});
