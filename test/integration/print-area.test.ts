import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { columnLetter } from "../../src/core";
import { widenPrintAreas } from "../../src/adapters/xlsx/package/print-area";
import { loadWorkbook } from "../../src/adapters/xlsx/read";
import { applyPlan, saveWorkbook } from "../../src/adapters/xlsx/write";
import { analyseWorkbook } from "../../src/core/analyse";
import { writeFileSync } from "node:fs";
import { cli } from "../helpers/cli";
import { tempDir } from "../helpers/xlsx";

const SOURCE = path.join(
  __dirname,
  "../../../shared/corpus/01-northbrook-corporate-risk-register.xlsx",
);

function printArea(file: string): string {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  const workbook = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
  return /name="_xlnm\.Print_Area"[^>]*>([^<]*)</.exec(workbook)?.[1] ?? "";
}

describe("the print area grows over the columns we add", () => {
  it("covers 01-northbrook's new priority columns, keeping its rows", async () => {
    expect(printArea(SOURCE)).toBe("'Corporate Risk Register'!$A$1:$R$24");
    const out = path.join(tempDir("cs-print-area-"), "out.xlsx");
    const r = await cli("apply", SOURCE, "--out", out, "--no-reconciliation-sheet");
    expect(r.err).toBe("");
    // The oracle: the header cells in the output right of the old area (R), read back.
    const { snapshot } = await openWorkbook(new Uint8Array(readFileSync(out)), "out.xlsx");
    const sheet = snapshot.sheets[0];
    // Header cells above the first data row (row 7) right of column R.
    const added = (sheet?.rows.slice(0, 6) ?? []).flatMap((row) =>
      (row ?? []).flatMap((cell, column) => (column > 17 && cell?.value ? [column] : [])),
    );
    expect(added.length).toBeGreaterThan(0);
    const lastAdded = columnLetter(Math.max(...added));
    expect(printArea(out)).toBe(`'Corporate Risk Register'!$A$1:$${lastAdded}$24`);
  });

  it("covers them the same way when ExcelJS writes the workbook", async () => {
    const { workbook, snapshot } = await loadWorkbook(
      new Uint8Array(readFileSync(SOURCE)),
      "northbrook.xlsx",
    );
    const { plan } = analyseWorkbook(snapshot, { asOf: 46000 });
    applyPlan(workbook, plan, { valuesOnly: false });
    const out = path.join(tempDir("cs-print-area-exceljs-"), "out.xlsx");
    writeFileSync(out, await saveWorkbook(workbook));
    const written = await openWorkbook(new Uint8Array(readFileSync(out)), "out.xlsx");
    const added = (written.snapshot.sheets[0]?.rows.slice(0, 6) ?? []).flatMap((row) =>
      (row ?? []).flatMap((cell, column) => (column > 17 && cell?.value ? [column] : [])),
    );
    expect(added.length).toBeGreaterThan(0);
    const lastAdded = columnLetter(Math.max(...added));
    expect(printArea(out)).toBe(`&apos;Corporate Risk Register&apos;!$A$1:$${lastAdded}$24`);
  });

  it("leaves areas alone that the new columns do not follow", () => {
    const xml = (ref: string) =>
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">${ref}</definedName></definedNames>`;
    const at = (column: number, headerRow = 0) => [
      { sheetIndex: 0, columns: [{ column, headerRow }] },
    ];
    // Adjacent (S after R): widened; far right (Z): kept; header below the area: kept.
    expect(widenPrintAreas(xml("Risks!$A$1:$R$24"), at(18))).toBe(xml("Risks!$A$1:$S$24"));
    expect(widenPrintAreas(xml("Risks!$A$1:$R$24"), at(25))).toBe(xml("Risks!$A$1:$R$24"));
    expect(widenPrintAreas(xml("Risks!$A$1:$R$24"), at(18, 40))).toBe(xml("Risks!$A$1:$R$24"));
    // Two ranges: kept as the council set them.
    const two = "Risks!$A$1:$R$24,Risks!$A$30:$C$40";
    expect(widenPrintAreas(xml(two), at(18))).toBe(xml(two));
  });
});
