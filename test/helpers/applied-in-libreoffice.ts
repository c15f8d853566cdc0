import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { nativeZlib } from "../../src/cli/zlib";
import { TODAY } from "./builders";
import { recalculate } from "./libreoffice";
import { loadFile } from "./xlsx";

/**
 * The workbook file `input` as the CLI's apply leaves it (analysed as of the tests' fixed day,
 * formulas written), then recalculated by LibreOffice, the independent oracle: its sheets, and
 * the analysis that planned the writes.
 */
export async function appliedInLibreOffice(
  soffice: string,
  input: string,
): Promise<{ sheets: SheetSnapshot[]; snapshot: WorkbookSnapshot; analysis: Analysis }> {
  const document = await openWorkbook(new Uint8Array(readFileSync(input)), "in", nativeZlib());
  const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
  const saved = await document.save(analysis.plan, { valuesOnly: false });
  const output = path.join(path.dirname(input), "applied.xlsx");
  writeFileSync(output, saved.bytes);
  const [recalculated] = recalculate(soffice, [output]);
  const { snapshot } = await loadFile(recalculated ?? "");
  return { sheets: snapshot.sheets, snapshot, analysis };
}
