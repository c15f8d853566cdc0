import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { analyseWorkbook } from "../../src/core/analyse";
import type { WritePlan } from "../../src/core/plan";
import { nativeZlib } from "../../src/cli/zlib";
import { zipEntries } from "../../src/adapters/xlsx/package/zip-read";
import { FIXTURES, TODAY } from "../helpers/builders";

const RISK = path.join(FIXTURES, "bcp-risk-registers.xlsx");

/** A fixture with extra parts spliced in, as a workbook saved by Excel would carry them. */
function withExtras(file: string, edit: (parts: Record<string, Uint8Array>) => void): Uint8Array {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  edit(parts);
  return zipSync(parts);
}

const text = (parts: Record<string, Uint8Array>, name: string) =>
  strFromU8(parts[name] ?? new Uint8Array());

async function applyDirect(bytes: Uint8Array, plan?: WritePlan, valuesOnly = false) {
  const document = await openWorkbook(bytes, "test.xlsx", nativeZlib());
  const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
  const saved = await document.save(plan ?? analysis.plan, { valuesOnly });
  expect(saved.engine).toBe("direct");
  return { document, analysis, saved, parts: unzipSync(saved.bytes) };
}

describe("writing calculated columns straight into the sheet XML", () => {
  it("copies every part it does not edit byte for byte, and drops only the stale calculation chain", async () => {
    const input = withExtras(RISK, (parts) => {
      parts["customXml/item1.xml"] = strToU8('<?xml version="1.0"?><council ref="BCP-2026"/>');
      parts["xl/calcChain.xml"] = strToU8(
        '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/></calcChain>',
      );
      parts["xl/_rels/workbook.xml.rels"] = strToU8(
        text(parts, "xl/_rels/workbook.xml.rels").replace(
          "</Relationships>",
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
        ),
      );
      parts["[Content_Types].xml"] = strToU8(
        text(parts, "[Content_Types].xml").replace(
          "</Types>",
          '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
        ),
      );
      // Conditional formatting in the x14 extension list: ExcelJS drops it, Excel users rely on it.
      const sheet = "xl/worksheets/sheet1.xml";
      parts[sheet] = strToU8(
        text(parts, sheet).replace(
          "</worksheet>",
          '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings/></ext></extLst></worksheet>',
        ),
      );
    });
    const before = unzipSync(input);
    const { parts: after, analysis, saved } = await applyDirect(input);
    const edited = new Set([
      "xl/workbook.xml",
      "xl/styles.xml",
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
    ]);
    const sheetsWritten = new Set(analysis.plan.operations.map((op) => op.sheet));
    expect(sheetsWritten.size).toBe(4);
    for (const name of Object.keys(before)) {
      if (name === "xl/calcChain.xml") continue;
      if (edited.has(name) || name.startsWith("xl/worksheets/")) continue;
      expect([name, after[name]]).toEqual([name, before[name]]);
    }
    // Untouched parts are not even recompressed: their stored bytes are copied as they were.
    const storedBefore = new Map(zipEntries(input).map((e) => [e.name, e]));
    const untouched = zipEntries(saved.bytes).filter(
      (e) => !edited.has(e.name) && !e.name.startsWith("xl/worksheets/"),
    );
    expect(untouched.map((e) => e.name)).toContain("customXml/item1.xml");
    for (const entry of untouched) {
      const was = storedBefore.get(entry.name);
      expect([entry.name, entry.crc, entry.raw]).toEqual([entry.name, was?.crc, was?.raw]);
    }
    expect(Object.keys(after)).not.toContain("xl/calcChain.xml");
    expect(text(after, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(text(after, "[Content_Types].xml")).not.toContain("calcChain");
    // The relationships and content types lose only that entry.
    expect(text(after, "[Content_Types].xml")).toBe(
      text(before, "[Content_Types].xml").replace(
        /<Override PartName="\/xl\/calcChain.xml"[^>]*\/>/,
        "",
      ),
    );
    expect(text(after, "xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
    expect(text(after, "xl/worksheets/sheet1.xml")).toContain(
      "<x14:conditionalFormattings/></ext></extLst></worksheet>",
    );
  });

  it("gives the same bytes when saved twice, never applying a plan on top of an earlier save", async () => {
    const input = new Uint8Array(readFileSync(RISK));
    const document = await openWorkbook(input, "risk.xlsx", nativeZlib());
    const { plan } = analyseWorkbook(document.snapshot, { asOf: TODAY });
    const first = await document.save(plan, { valuesOnly: false });
    const second = await document.save(plan, { valuesOnly: false });
    expect(second.bytes).toEqual(first.bytes);
  });

  it("writes text as text, escaping what XML cannot carry, so it reads back as it was meant", async () => {
    const hostile = [
      '=HYPERLINK("http://evil","x")',
      "+SUM(A1)",
      "tab\there",
      "vt\u000bx",
      "_x0041_",
      "<b>&amp;</b>",
      " padded ",
    ];
    const plan: WritePlan = {
      operations: [
        {
          kind: "column",
          sheet: "How We Work",
          table: "A1:A2",
          column: 20,
          title: "Notes",
          header: { row: 0, text: "Notes & <remarks>" },
          cells: hostile.map((value, i) => ({ row: i + 1, formula: null, value })),
        },
      ],
    };
    const { saved } = await applyDirect(new Uint8Array(readFileSync(RISK)), plan, true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("How We Work");
    expect(ws?.getCell(1, 21).value).toBe("Notes & <remarks>");
    expect(hostile.map((_, i) => ws?.getCell(i + 2, 21).type)).toEqual(
      hostile.map(() => ExcelJS.ValueType.String),
    );
    // ExcelJS undoes Excel's _xHHHH_ escapes only in shared strings, not inline ones, so those two
    // are checked in the XML and through our reader, which follows the format (as Excel does).
    const escaped = new Set(["vt\u000bx", "_x0041_"]);
    const plain = hostile
      .map((v, i) => [v, ws?.getCell(i + 2, 21).value])
      .filter(([v]) => !escaped.has(v as string));
    expect(plain.map(([, read]) => read)).toEqual(plain.map(([v]) => v));
    const xml = Object.entries(unzipSync(saved.bytes))
      .filter(([name]) => name.startsWith("xl/worksheets/"))
      .map(([, bytes]) => strFromU8(bytes))
      .join("");
    expect(xml).toContain("vt_x000B_x");
    expect(xml).toContain("_x005F_x0041_");
    expect(xml).not.toContain("<f>HYPERLINK");
    const reread = (await XlsxPackage.open(saved.bytes)).snapshot.sheets.find(
      (s) => s.name === "How We Work",
    );
    expect(hostile.map((_, i) => reread?.rows[i + 1]?.[20]?.value)).toEqual(hostile);
  });

  it("writes between and over existing cells of a row, keeping the cells around them", async () => {
    const input = new Uint8Array(readFileSync(RISK));
    const cells = Array.from({ length: 14 }, (_, row) => ({
      row,
      formula: null,
      value: `new ${row}`,
    }));
    const plan: WritePlan = {
      operations: [
        {
          kind: "column",
          sheet: "How We Work",
          table: "A1:A2",
          column: 2,
          title: "C",
          header: null,
          cells,
        },
        {
          kind: "column",
          sheet: "How We Work",
          table: "A1:A2",
          column: 0,
          title: "A",
          header: null,
          cells,
        },
      ],
    };
    const { saved } = await applyDirect(input, plan, true);
    const read = async (bytes: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.getWorksheet("How We Work");
      return Array.from({ length: 14 }, (_, r) =>
        Array.from({ length: 6 }, (_, c) =>
          JSON.stringify(ws?.getCell(r + 1, c + 1).value ?? null),
        ),
      );
    };
    const before = await read(input);
    const after = await read(saved.bytes);
    for (let r = 0; r < 14; r++) {
      for (let c = 0; c < 6; c++) {
        const expected = c === 0 || c === 2 ? JSON.stringify(`new ${r}`) : before[r]?.[c];
        expect([r, c, after[r]?.[c]]).toEqual([r, c, expected]);
      }
    }
  });

  it("writes the calculated columns again over its own earlier output, to the same result", async () => {
    const first = await applyDirect(new Uint8Array(readFileSync(RISK)));
    const again = await applyDirect(first.saved.bytes);
    const sheetsOf = (parts: Record<string, Uint8Array>) =>
      Object.entries(parts)
        .filter(([name]) => name.startsWith("xl/worksheets/"))
        // New shared formulas take fresh indices (the replaced ones' are not reused): same meaning.
        .map(([name, bytes]) => [name, strFromU8(bytes).replace(/ si="\d+"/g, ' si=""')]);
    expect(sheetsOf(again.parts)).toEqual(sheetsOf(first.parts));
    expect(again.analysis.findings).toEqual([]);
  });

  it("leaves to ExcelJS a write over the first cell of a shared formula that runs on beyond it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    for (let r = 1; r <= 6; r++) {
      ws.getCell(r, 1).value = r;
      ws.getCell(r, 2).value =
        r === 1
          ? ({ formula: "A1*2", result: 2, shareType: "shared", ref: "B1:B6" } as ExcelJS.CellValue)
          : ({ sharedFormula: "B1", result: r * 2 } as ExcelJS.CellValue);
    }
    const input = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const plan: WritePlan = {
      operations: [
        {
          kind: "column",
          sheet: "Sheet1",
          table: "A1:B3",
          column: 1,
          title: "Double",
          header: null,
          cells: [0, 1, 2].map((row) => ({ row, formula: null, value: 0 })),
        },
      ],
    };
    await expect((await XlsxPackage.open(input)).write(plan, { valuesOnly: true })).rejects.toThrow(
      /shared formula B1:B6 continues beyond/,
    );
    const document = await openWorkbook(input, "shared.xlsx", nativeZlib());
    const saved = await document.save(plan, { valuesOnly: true });
    expect(saved.engine).toBe("exceljs");
    const out = (await XlsxPackage.open(saved.bytes)).snapshot.sheets[0];
    expect(out?.rows.map((row) => row[1]?.formula ?? row[1]?.value)).toEqual([
      0,
      0,
      0,
      "=A4*2",
      "=A5*2",
      "=A6*2",
    ]);
  });

  it("reads and writes sheets whose elements carry a namespace prefix (x:c), as the Open XML SDK writes them", async () => {
    const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const rows = [
      ["Ref", "Risk", "Likelihood", "Impact"],
      ["R1", "Flood", 4, 5],
      ["R2", "Fire", 2, 3],
      ["R3", "Cyber", 3, 3],
    ];
    const sheetData = rows
      .map(
        (row, r) =>
          `<x:row r="${r + 1}">${row
            .map((v, c) =>
              typeof v === "number"
                ? `<x:c r="${"ABCD"[c]}${r + 1}"><x:v>${v}</x:v></x:c>`
                : `<x:c r="${"ABCD"[c]}${r + 1}" t="inlineStr"><x:is><x:t>${v}</x:t></x:is></x:c>`,
            )
            .join("")}</x:row>`,
      )
      .join("");
    const bytes = zipSync({
      "[Content_Types].xml": strToU8(
        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
      ),
      "_rels/.rels": strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      "xl/workbook.xml": strToU8(
        `<?xml version="1.0"?><x:workbook xmlns:x="${ns}" xmlns:r="${rel}"><x:sheets><x:sheet name="Risks" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
      ),
      "xl/styles.xml": strToU8(
        `<?xml version="1.0"?><x:styleSheet xmlns:x="${ns}"><x:fonts count="1"><x:font/></x:fonts><x:fills count="1"><x:fill/></x:fills><x:borders count="1"><x:border/></x:borders><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellXfs></x:styleSheet>`,
      ),
      "xl/worksheets/sheet1.xml": strToU8(
        `<?xml version="1.0"?><x:worksheet xmlns:x="${ns}"><x:sheetData>${sheetData}</x:sheetData></x:worksheet>`,
      ),
    });
    const { saved, analysis } = await applyDirect(bytes);
    expect(analysis.tables.map((t) => t.kind)).toEqual(["risk-register"]);
    const xml = strFromU8(unzipSync(saved.bytes)["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    expect(xml).toMatch(
      /<x:c r="E2" s="\d+"><x:f t="shared" ref="E2:E4" si="0">[^<]*C2\*D2[^<]*<\/x:f><x:v>20<\/x:v><\/x:c>/,
    );
    expect(xml).not.toMatch(/<c[ >]/);
    expect(strFromU8(unzipSync(saved.bytes)["xl/workbook.xml"] ?? new Uint8Array())).toContain(
      '</x:sheets><x:calcPr fullCalcOnLoad="1"/>',
    );
    const reread = (await XlsxPackage.open(saved.bytes)).snapshot.sheets[0];
    expect(reread?.rows[3]?.[4]).toMatchObject({
      value: 9,
      formula: expect.stringContaining("C4*D4"),
    });
    expect(reread?.rows[0]?.[4]?.value).toBe("Score");
  });
});
