import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { FIXTURES } from "../helpers/builders";
import { loadFile, tempDir } from "../helpers/xlsx";

/** The direct reader must see exactly what the ExcelJS reader sees. */
async function bothReads(file: string) {
  const viaExcelJs = (await loadFile(file)).snapshot;
  const direct = (await XlsxPackage.open(new Uint8Array(readFileSync(file)))).snapshot;
  return { viaExcelJs, direct };
}

describe("reading the XML parts directly", () => {
  it.each(["bcp-risk-registers.xlsx", "emiep-funding-2008.xlsx", "bcp-pid-inputs.xlsx"])(
    "gives the same snapshot as ExcelJS for %s",
    async (name) => {
      const { viaExcelJs, direct } = await bothReads(path.join(FIXTURES, name));
      expect(direct).toEqual(viaExcelJs);
    },
  );

  it("reads formulas, shared formulas, rich text, dates, booleans, errors, merges and hidden rows and columns as ExcelJS does", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mixed & odd <names>");
    ws.getCell("A1").value = "Title";
    ws.mergeCells("A1:C1");
    ws.getCell("A2").value = {
      richText: [{ text: "Rich " }, { font: { bold: true }, text: "text" }],
    };
    ws.getCell("B2").value = new Date(Date.UTC(2026, 2, 31));
    ws.getCell("C2").value = true;
    ws.getCell("D2").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("E2").value = "=not a formula & <tag>";
    ws.getCell("F2").value = 0.1 + 0.2;
    ws.getCell("B3").value = 2;
    ws.getCell("C3").value = 3;
    ws.getCell("D3").value = {
      formula: "B3*C3",
      result: 6,
      shareType: "shared",
      ref: "D3:D5",
    } as ExcelJS.CellValue;
    for (const r of [4, 5]) {
      ws.getCell(`B${r}`).value = r;
      ws.getCell(`C${r}`).value = 1;
      ws.getCell(`D${r}`).value = { sharedFormula: "D3", result: r } as ExcelJS.CellValue;
    }
    ws.getCell("E3").value = { formula: 'IF(D3>5,"High","Low")', result: "High" };
    ws.getCell("F3").value = { formula: "SUM($B$3:B3)", result: 2 };
    ws.getCell("G7").numFmt = "0.0%";
    ws.getCell("G7").value = 0.25;
    ws.getCell("A6").value = "in a hidden row";
    ws.getRow(6).hidden = true;
    ws.getColumn(8).hidden = true;
    ws.getCell("H8").value = "in a hidden column";
    wb.addWorksheet("Empty");
    const file = path.join(tempDir(), "mixed.xlsx");
    await wb.xlsx.writeFile(file);
    const { viaExcelJs, direct } = await bothReads(file);
    expect(direct).toEqual(viaExcelJs);
    // and what ExcelJS reads is what was written
    const mixed = direct.sheets[0];
    expect(mixed?.rows[4]?.[3]).toMatchObject({ formula: "=B5*C5", value: 5 });
    expect(mixed?.rows[1]?.[4]?.value).toBe("=not a formula & <tag>");
    expect(mixed?.hiddenRows).toEqual([5]);
    expect(mixed?.hiddenColumns).toEqual([7]);
  });

  it("refuses what is not a workbook package with its own error, for the caller to report", async () => {
    await expect(XlsxPackage.open(new Uint8Array([1, 2, 3]))).rejects.toThrow(/zip/);
  });
});
