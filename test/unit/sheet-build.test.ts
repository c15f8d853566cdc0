import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { Styles } from "../../src/adapters/xlsx/package/styles";
import { applyPlan, saveWorkbook } from "../../src/adapters/xlsx/write";
import type { AddSheet } from "../../src/core/plan";
import { FIXTURES } from "../helpers/builders";

const RISKS = path.join(FIXTURES, "bcp-risk-registers.xlsx");

const FORM: AddSheet = {
  kind: "add-sheet",
  sheet: "PID - R&D <Pilot>",
  role: "pid",
  table: "Projects!A1:C4",
  title: "PID",
  cells: [
    { row: 0, column: 0, formula: null, value: "Project Initiation Document", bold: true },
    { row: 2, column: 0, formula: null, value: "=SUM(A1:A9)", wrap: true },
    { row: 3, column: 0, formula: null, value: "+44 1234", italic: true },
    { row: 4, column: 0, formula: null, value: "-5 days" },
    { row: 5, column: 0, formula: null, value: "@risk" },
    { row: 6, column: 0, formula: null, value: "Heading", bold: true, shade: true },
    { row: 7, column: 1, formula: null, value: 1234.5, numberFormat: '"£"#,##0' },
    { row: 7, column: 2, formula: "=B8*2", value: 2469, numberFormat: '"£"#,##0' },
    { row: 8, column: 2, formula: '=IF(B8>0,"Yes","")', value: "Yes" },
  ],
  columnWidths: [30, 22, 16],
  print: { portrait: true, fitToWidth: true, titleRows: "1:2" },
  validations: [{ range: "B10:B12", values: ["High", "Medium", "Low"] }],
  merges: ["A1:C1"],
  boxes: ["A10:C12"],
  rowHeights: [{ row: 2, height: 45 }],
};

async function viaDirect(op: AddSheet): Promise<Uint8Array> {
  const pkg = await XlsxPackage.open(new Uint8Array(readFileSync(RISKS)));
  return pkg.write({ operations: [op] }, { valuesOnly: false });
}

async function viaExcelJs(op: AddSheet): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(RISKS) as unknown as ArrayBuffer);
  applyPlan(wb, { operations: [op] }, { valuesOnly: false });
  return saveWorkbook(wb);
}

describe("a new sheet written by the direct writer", () => {
  let ws: ExcelJS.Worksheet | undefined;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await viaDirect(FORM)) as unknown as ArrayBuffer);
    ws = wb.getWorksheet(FORM.sheet);
  });

  it("keeps text that starts with = + - @ as text, never a formula", () => {
    for (const address of ["A3", "A4", "A5", "A6"]) {
      expect(ws?.getCell(address).type).toBe(ExcelJS.ValueType.String);
    }
    expect(ws?.getCell("A3").value).toBe("=SUM(A1:A9)");
    expect(ws?.getCell("A6").value).toBe("@risk");
  });

  it("writes formulas with their cached values and number formats", () => {
    expect(ws?.getCell("C8").value).toEqual({ formula: "B8*2", result: 2469 });
    expect(ws?.getCell("C9").value).toEqual({ formula: 'IF(B8>0,"Yes","")', result: "Yes" });
    expect(ws?.getCell("B8").numFmt).toBe('"£"#,##0');
  });

  it("writes the looks: bold, italic, wrap, shade, boxes", () => {
    expect(ws?.getCell("A1").font?.bold).toBe(true);
    expect(ws?.getCell("A4").font?.italic).toBe(true);
    expect(ws?.getCell("A3").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(ws?.getCell("A7").fill).toMatchObject({
      pattern: "solid",
      fgColor: { argb: "FFDDE7F3" },
    });
    expect(ws?.getCell("B11").border?.left?.style).toBe("thin");
    expect(ws?.getCell("C12").border?.bottom?.style).toBe("thin");
    // The workbook's own default font is the base of our bold one.
    expect(ws?.getCell("A1").font?.name).toBe(ws?.getCell("B8").font?.name);
  });

  it("writes merges, drop-downs, widths, heights and print set-up", () => {
    expect(ws?.model.merges).toEqual(["A1:C1"]);
    expect(ws?.getCell("B11").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"High,Medium,Low"'],
    });
    expect(ws?.getColumn(1).width).toBe(30);
    expect(ws?.getRow(3).height).toBe(45);
    expect(ws?.pageSetup).toMatchObject({
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
    });
    // ExcelJS reads the sheet's _xlnm.Print_Titles name into its page set-up.
    expect(ws?.pageSetup.printTitlesRow).toBe("1:2");
  });

  it("reads back as ours in both readers, under a name that needs escaping", async () => {
    const bytes = await viaDirect(FORM);
    const direct = (await openWorkbook(bytes, "pid.xlsx")).snapshot;
    expect(direct.sheets.find((s) => s.name === FORM.sheet)?.ours).toBe("pid");
    const { loadWorkbook } = await import("../../src/adapters/xlsx/read");
    const viaExcel = (await loadWorkbook(bytes, "pid.xlsx")).snapshot;
    expect(viaExcel.sheets.find((s) => s.name === FORM.sheet)?.ours).toBe("pid");
  });
});

describe("the ExcelJS writer's new sheets", () => {
  it("carry the mark too, and the same cells", async () => {
    const bytes = await viaExcelJs(FORM);
    const snapshot = (await openWorkbook(bytes, "pid.xlsx")).snapshot;
    const added = snapshot.sheets.find((s) => s.name === FORM.sheet);
    expect(added?.ours).toBe("pid");
    // Text that starts with = + - @ is text here too.
    for (const row of [2, 3, 4, 5]) expect(added?.rows[row]?.[0]?.formula).toBeUndefined();
    expect(added?.rows[2]?.[0]?.value).toBe("=SUM(A1:A9)");
    // ExcelJS writes names visible; the mark is hidden afterwards, like the direct writer's.
    const workbookXml = strFromU8(unzipSync(bytes)["xl/workbook.xml"] ?? new Uint8Array());
    expect(workbookXml).toMatch(/<definedName name="_CouncilSheets_PID_1"[^>]* hidden="1"/);
    const direct = (await openWorkbook(await viaDirect(FORM), "pid.xlsx")).snapshot;
    const cells = (s: typeof added) =>
      s?.rows.flatMap((row, r) =>
        row.flatMap((c, col) => (c && c.value !== null ? [[r, col, c.formula ?? c.value]] : [])),
      );
    expect(cells(added)).toEqual(cells(direct.sheets.find((s) => s.name === FORM.sheet)));
  });
});

describe("Styles.cellLook", () => {
  const BARE =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Arial"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><dxfs count="1"><dxf><font><b/></font><fill><patternFill/></fill></dxf></dxfs></styleSheet>';

  it("appends fonts, fills, borders and formats after the existing ones, counts updated", () => {
    const styles = new Styles(BARE);
    const look = styles.cellLook({
      bold: true,
      fill: "FFDDE7F3",
      border: "FF8A8886",
      numberFormat: "0.0%",
    });
    expect(look).toBe(1);
    expect(
      styles.cellLook({ bold: true, fill: "FFDDE7F3", border: "FF8A8886", numberFormat: "0.0%" }),
    ).toBe(1);
    const xml = styles.serialise();
    // numFmts goes first in styleSheet, before fonts (the two edits start at the same offset).
    expect(xml).toMatch(
      /^<styleSheet[^>]*><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"\/><\/numFmts><fonts count="2">/,
    );
    expect(xml).toContain('<font><b/><sz val="11"/><name val="Arial"/></font></fonts>');
    expect(xml).toContain('<fills count="3">');
    expect(xml).toContain('<borders count="2">');
    expect(xml).toContain('<xf numFmtId="164" fontId="1" fillId="2" borderId="1" xfId="0"');
    // The dxf's font and fill are not list entries and stay as they were.
    expect(xml).toContain(
      '<dxfs count="1"><dxf><font><b/></font><fill><patternFill/></fill></dxf></dxfs>',
    );
  });

  it("finds a look written on an earlier run instead of adding it again", () => {
    const first = new Styles(BARE);
    first.cellLook({ italic: true, vertical: "top" });
    const again = new Styles(first.serialise());
    expect(again.cellLook({ italic: true, vertical: "top" })).toBe(1);
    expect(again.changed).toBe(false);
  });
});
