/**
 * Saved values after apply: a corrected cell leaves no formula reading it with its old figure.
 * A budget kept as an Excel table with a totals row (SUBTOTAL(109,Parks[Variance £])) has one
 * variance typed wrong; apply corrects it. Every formula's saved value in the output — the
 * council's totals row and our own Variance % of it — is what LibreOffice computes when it
 * recalculates the file, through both writers; and a second apply changes nothing.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { analyseWorkbook } from "../../src/core/analyse";
import { describePlan, withRecalculatedCaches } from "../../src/core";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { applyPlan, saveWorkbook } from "../../src/adapters/xlsx/write";
import { nativeZlib } from "../../src/cli/zlib";
import { TODAY } from "../helpers/builders";
import { formulaResults } from "../helpers/compare";
import { findSoffice, recalculate } from "../helpers/libreoffice";
import { writeTableBudget } from "../helpers/table-budget";
import { loadFile, tempDir } from "../helpers/xlsx";

const soffice = findSoffice();
const withLibreOffice = soffice ? describe : describe.skip;
if (!soffice) {
  if (process.env.CI) throw new Error("LibreOffice is required in CI");
  console.warn("LibreOffice not found: saved-value recalculation tests skipped (they fail in CI)");
}

async function open(file: string) {
  return openWorkbook(new Uint8Array(readFileSync(file)), path.basename(file), nativeZlib());
}

/** The output of apply through the direct writer (the CLI's) or ExcelJS. */
async function applied(input: string, dir: string, engine: "direct" | "exceljs") {
  const document = await open(input);
  const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
  const output = path.join(dir, `${engine}-${path.basename(input)}`);
  if (engine === "direct") {
    const saved = await document.save(analysis.plan, { valuesOnly: false });
    expect(saved.engine).toBe("direct");
    writeFileSync(output, saved.bytes);
  } else {
    const { workbook } = await loadFile(input);
    const plan = withRecalculatedCaches(document.snapshot, analysis.plan);
    applyPlan(workbook, plan, { valuesOnly: false });
    writeFileSync(output, await saveWorkbook(workbook));
  }
  return output;
}

const near = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-9 : a === b;

withLibreOffice("saved values after apply on a budget kept as an Excel table", () => {
  const dir = tempDir("cs-stale-");
  const input = path.join(dir, "parks.xlsx");

  it.each(["direct", "exceljs"] as const)(
    "%s writer: every formula's saved value is LibreOffice's recalculation",
    async (engine) => {
      await writeTableBudget(input);
      const output = await applied(input, dir, engine);
      const [recalculated] = recalculate(soffice ?? "", [output]);
      const saved = await formulaResults(output);
      const oracle = await formulaResults(recalculated ?? "");
      // The corrected line and the totals row under it are among the formulas compared.
      expect(saved.get("Parks!E5")).toBe(6_500);
      expect(oracle.get("Parks!E10")).toBe(18_300);
      expect(saved.size).toBeGreaterThan(20);
      const differing = [...oracle]
        .filter(([key, value]) => !near(saved.get(key), value))
        .map(
          ([key, value]) => `${key}: saved ${String(saved.get(key))}, LibreOffice ${String(value)}`,
        );
      expect(differing).toEqual([]);
    },
  );

  it("a second apply changes no cell and refreshes no saved value", async () => {
    await writeTableBudget(input);
    const once = await applied(input, dir, "direct");
    const document = await open(once);
    const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
    const plan = withRecalculatedCaches(document.snapshot, analysis.plan);
    expect(plan.recalculated ?? []).toEqual([]);
    expect(describePlan(document.snapshot, plan, { valuesOnly: false }).changed).toEqual([]);
  });
});
