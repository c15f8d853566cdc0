/**
 * Excel tables (ListObjects) in the snapshot: the direct reader (the table parts), the ExcelJS
 * fallback and the Office.js adapter (reading the documentation-built double loaded with the same
 * workbook) list the same tables — name, whole range, header and totals rows shown, column names.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseAddress } from "../../src/core/a1";
import type { ExcelTable, WorkbookSnapshot } from "../../src/core/snapshot";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { readSnapshot } from "../../src/adapters/excel/read";
import { bookFromSnapshot, excelDouble } from "../shims/excel-double";
import { CORPUS, expectedFiles } from "../helpers/corpus";
import { runtime } from "../helpers/excel";
import { loadFile, tempDir } from "../helpers/xlsx";

const tablesOf = (s: WorkbookSnapshot) =>
  s.sheets.flatMap((sheet) => (sheet.tables ?? []).map((t) => ({ sheet: sheet.name, ...t })));

async function threeReads(file: string) {
  const direct = (await XlsxPackage.open(new Uint8Array(readFileSync(file)))).snapshot;
  const viaExcelJs = (await loadFile(file)).snapshot;
  const d = excelDouble(bookFromSnapshot(direct), { version: 20 });
  const viaOfficeJs = await readSnapshot(runtime(d));
  return { direct, viaExcelJs, viaOfficeJs, syncs: d.stats.syncs };
}

const range = (t: ExcelTable) => {
  const a = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
  return `${a(t.firstRow, t.firstColumn)}:${a(t.lastRow, t.lastColumn)}`;
};

describe.each(["03", "15", "17"])("corpus %s", (number) => {
  const file = expectedFiles.find((f) => f.file.startsWith(`${number}-`));
  it("lists its Excel table the same way in all three readers, as expected.json states it", async () => {
    expect(file).toBeDefined();
    if (!file) return;
    const { direct, viaExcelJs, viaOfficeJs, syncs } = await threeReads(
      path.join(CORPUS, file.file),
    );
    const listed = file.tables.filter((t) => typeof t.listObject === "string");
    expect(listed.length).toBeGreaterThan(0);
    const want = listed.map((t) => {
      const end = (t.range.split(":")[1] ?? "") as string;
      const header = Array.isArray(t.headerRows) ? Math.max(...t.headerRows) : t.headerRows;
      return {
        sheet: t.sheet,
        name: t.listObject,
        range: `${t.range.split(":")[0]?.replace(/\d+$/, String(header))}:${end}`,
        showHeaders: true,
        showTotals: parseAddress(end).row + 1 === t.totalsRow,
      };
    });
    const got = tablesOf(direct).map((t) => ({
      sheet: t.sheet,
      name: t.name,
      range: range(t),
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
    }));
    expect(got).toEqual(want);
    // The column names are the header row's own words.
    for (const t of tablesOf(direct)) {
      const sheet = direct.sheets.find((s) => s.name === t.sheet);
      const header = t.columns.map((_, k) => sheet?.rows[t.firstRow]?.[t.firstColumn + k]?.value);
      expect(t.columns).toEqual(header);
    }
    expect(tablesOf(viaExcelJs)).toEqual(tablesOf(direct));
    expect(tablesOf(viaOfficeJs)).toEqual(tablesOf(direct));
    // Tables come with the sheet names and used ranges: no round trip of their own.
    expect(syncs).toBe(3);
  });
});

it("reads a built workbook's tables, one with a totals row and one with its header row hidden, the same in all three readers", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Grants, 2025");
  ws.getCell("A1").value = "Grants register";
  ws.addTable({
    name: "Grants",
    ref: "B3",
    headerRow: true,
    totalsRow: true,
    columns: [
      { name: "Ref", totalsRowLabel: "Total" },
      { name: "Amount £", totalsRowFunction: "sum" },
    ],
    rows: [
      ["G1", 100],
      ["G2", 250],
    ],
  });
  ws.addTable({
    name: "NoHeader",
    ref: "E10",
    headerRow: false,
    columns: [{ name: "Code" }, { name: "Value" }, { name: "Note" }],
    rows: [
      ["X", 1, "a"],
      ["Y", 2, "b"],
    ],
  });
  const other = wb.addWorksheet("Plain");
  other.getCell("A1").value = "No tables here";
  const file = path.join(tempDir(), "tables.xlsx");
  await wb.xlsx.writeFile(file);

  const { direct, viaExcelJs, viaOfficeJs } = await threeReads(file);
  expect(tablesOf(direct)).toEqual([
    {
      sheet: "Grants, 2025",
      name: "Grants",
      firstRow: 2,
      firstColumn: 1,
      lastRow: 5,
      lastColumn: 2,
      showHeaders: true,
      showTotals: true,
      columns: ["Ref", "Amount £"],
    },
    {
      sheet: "Grants, 2025",
      name: "NoHeader",
      firstRow: 9,
      firstColumn: 4,
      lastRow: 10,
      lastColumn: 6,
      showHeaders: false,
      showTotals: false,
      columns: ["Code", "Value", "Note"],
    },
  ]);
  expect(direct.sheets[1]?.tables).toBeUndefined();
  expect(tablesOf(viaExcelJs)).toEqual(tablesOf(direct));
  expect(tablesOf(viaOfficeJs)).toEqual(tablesOf(direct));
});
