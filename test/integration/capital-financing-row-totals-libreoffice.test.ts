import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cellAddress } from "../../src/core/a1";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { nativeZlib } from "../../src/cli/zlib";
import { analyseWorkbook } from "../../src/core/analyse";
import { TODAY } from "../helpers/builders";
import {
  financingLayoutRows,
  financingRowsOf,
  financingTotals,
  type FinancingLayout,
} from "../helpers/capital-financing";
import { findSoffice, recalculate } from "../helpers/libreoffice";
import { loadFile, tempDir, writeXlsx } from "../helpers/xlsx";

/**
 * The financing block's row totals written by apply into a blank "Total 2025-29" cell, saved as
 * .xlsx and recalculated by LibreOffice: each shows the SUM of its year columns.
 */
const soffice = findSoffice();
const withLibreOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: financing row-total value tests skipped");

const round = (v: unknown) => (typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v);

const layouts: FinancingLayout[] = [
  { units: "£m", gap: true },
  { units: "£'000", gap: false },
];

withLibreOffice("capital programme financing row totals, recalculated by LibreOffice", () => {
  it("each financing row and total financing shows the SUM of its years", async () => {
    const dir = tempDir("cs-fintotal-");
    const outputs: string[] = [];
    for (const [k, layout] of layouts.entries()) {
      const input = path.join(dir, `programme-${k}.xlsx`);
      await writeXlsx(input, [{ name: "Capital Programme", rows: financingLayoutRows(layout) }]);
      const document = await openWorkbook(new Uint8Array(readFileSync(input)), input, nativeZlib());
      const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
      const saved = await document.save(analysis.plan, { valuesOnly: false });
      const output = path.join(dir, `applied-${k}.xlsx`);
      writeFileSync(output, saved.bytes);
      outputs.push(output);
    }
    const recalculated = recalculate(soffice ?? "soffice", outputs);
    for (const [k, layout] of layouts.entries()) {
      const { snapshot } = await loadFile(recalculated[k] ?? "");
      const sheet = snapshot.sheets.find((s) => s.name === "Capital Programme");
      const rows = financingRowsOf(layout);
      const shown = rows.map((r) => ({
        cell: cellAddress(r, 6),
        formula: sheet?.rows[r]?.[6]?.formula ?? null,
        value: round(sheet?.rows[r]?.[6]?.value ?? null),
      }));
      expect(shown).toEqual(
        rows.map((r, j) => ({
          cell: cellAddress(r, 6),
          formula: `=SUM(${cellAddress(r, 2)}:${cellAddress(r, 5)})`,
          value: financingTotals(layout)[j],
        })),
      );
    }
  }, 120_000);
});
