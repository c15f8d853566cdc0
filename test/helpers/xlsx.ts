import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadWorkbook, type LoadedWorkbook } from "../../src/adapters/xlsx/read";

export interface SheetSpec {
  name: string;
  rows: unknown[][];
  merges?: string[];
  hiddenRows?: number[];
  /** Apply to every cell of row 1-based N: a bold font with a border, as officers format headers. */
  boldRows?: number[];
}

/** Writes a real .xlsx with ExcelJS, as a council workbook would be saved. */
export async function writeXlsx(file: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      });
    });
    for (const m of spec.merges ?? []) ws.mergeCells(m);
    for (const r of spec.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const r of spec.boldRows ?? []) {
      ws.getRow(r).eachCell((cell) => {
        cell.font = { bold: true };
        cell.border = { bottom: { style: "thin" } };
      });
    }
  }
  await wb.xlsx.writeFile(file);
  return file;
}

export function tempDir(prefix = "cs-test-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function loadFile(file: string): Promise<LoadedWorkbook> {
  return loadWorkbook(new Uint8Array(readFileSync(file)), path.basename(file));
}
