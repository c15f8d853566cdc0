import { insertIntoSheet } from "../../src/adapters/xlsx/package/insert-sheet";
import { PackageFormatError } from "../../src/adapters/xlsx/package/xml";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const sheet = (head: string, rows: string, tail = "") =>
  `<worksheet ${NS}>${head}<sheetData>${rows}</sheetData>${tail}</worksheet>`;
/** Insert `count` columns before 0-based `column` of "Data". */
const insertAt = (column: number, count = 1, name = "Data") => ({
  sheet: name,
  insert: { sheet: "Data", column, count },
});

describe("insertIntoSheet on the inserted sheet", () => {
  it("moves cells, formulas, the used range and the row spans, and copies the left cell's style", () => {
    const xml = sheet(
      '<dimension ref="A1:D2"/>',
      '<row r="1" spans="1:4"><c r="A1"><v>1</v></c><c r="B1" s="3"><v>2</v></c><c r="C1"><f>A1+B1+$C$2</f></c><c r="D1" t="str"><f>"C1"&amp;C1</f></c></row>' +
        '<row r="2"><c r="A2"><v>5</v></c></row>',
    );
    expect(insertIntoSheet(xml, insertAt(2, 2))).toBe(
      sheet(
        '<dimension ref="A1:F2"/>',
        '<row r="1" spans="1:6"><c r="A1"><v>1</v></c><c r="B1" s="3"><v>2</v></c><c r="C1" s="3"/><c r="D1" s="3"/><c r="E1"><f>A1+B1+$E$2</f></c><c r="F1" t="str"><f>"C1"&amp;E1</f></c></row>' +
          '<row r="2"><c r="A2"><v>5</v></c></row>',
      ),
    );
  });

  it("keeps a shared formula filled down shared, and writes one filled across the insert cell by cell", () => {
    const xml = sheet(
      "",
      '<row r="1"><c r="A1"><f t="shared" ref="A1:C1" si="0">A5*2</f></c><c r="B1"><f t="shared" si="0"/></c><c r="C1"><f t="shared" si="0"/></c>' +
        '<c r="D1"><f t="shared" ref="D1:D2" si="1">C5+$B$5</f></c></row>' +
        '<row r="2"><c r="D2"><f t="shared" si="1"/></c></row>',
    );
    expect(insertIntoSheet(xml, insertAt(1))).toBe(
      sheet(
        "",
        '<row r="1"><c r="A1"><f>A5*2</f></c><c r="C1"><f>C5*2</f></c><c r="D1"><f>D5*2</f></c>' +
          '<c r="E1"><f t="shared" ref="E1:E2" si="1">D5+$C$5</f></c></row>' +
          '<row r="2"><c r="E2"><f t="shared" si="1"/></c></row>',
      ),
    );
  });

  it("refuses to split an array formula, as Excel does", () => {
    const xml = sheet("", '<row r="1"><c r="A1"><f t="array" ref="A1:C1">B5:D5*2</f></c></row>');
    expect(() => insertIntoSheet(xml, insertAt(1))).toThrow(PackageFormatError);
  });

  it("moves column widths, and gives the new columns the width and style of their left", () => {
    const xml = sheet(
      '<cols><col min="1" max="2" width="9" customWidth="1"/><col min="3" max="3" width="20" style="4" customWidth="1"/><col min="4" max="6" width="5"/></cols>',
      "",
    );
    expect(insertIntoSheet(xml, insertAt(3, 2))).toBe(
      sheet(
        '<cols><col min="1" max="2" width="9" customWidth="1"/><col min="3" max="3" width="20" style="4" customWidth="1"/><col min="4" max="5" width="20" style="4" customWidth="1"/><col min="6" max="8" width="5"/></cols>',
        "",
      ),
    );
    // Inside a run of columns, the run grows.
    expect(insertIntoSheet(xml, insertAt(4))).toContain('<col min="4" max="7" width="5"/>');
  });

  it("moves merges, rules, validations, links, filters, panes, selections and page breaks", () => {
    const xml = sheet(
      '<sheetViews><sheetView><pane xSplit="3" topLeftCell="D2" state="frozen"/><selection activeCell="E4" sqref="E4 A1:F2"/></sheetView></sheetViews>',
      "",
      '<autoFilter ref="A1:F9"><filterColumn colId="4"><filters><filter val="x"/></filters></filterColumn></autoFilter>' +
        '<mergeCells><mergeCell ref="B1:D1"/><mergeCell ref="A3:B3"/></mergeCells>' +
        '<conditionalFormatting sqref="C2:C9 E2:E9"><cfRule type="expression" priority="1"><formula>$E2&gt;Data!$C$1</formula></cfRule></conditionalFormatting>' +
        '<dataValidations><dataValidation type="list" sqref="B2:B9"><formula1>$G$1:$G$3</formula1></dataValidation></dataValidations>' +
        '<hyperlinks><hyperlink ref="E5" location="Data!F1"/></hyperlinks>' +
        '<colBreaks count="1"><brk id="4" max="1048575" man="1"/></colBreaks>' +
        '<extLst><ext><x14:conditionalFormattings xmlns:x14="x14"><x14:conditionalFormatting xmlns:xm="xm"><x14:cfRule><xm:f>Data!$D$1</xm:f></x14:cfRule><xm:sqref>D2:D9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>',
    );
    const out = insertIntoSheet(xml, insertAt(2));
    for (const moved of [
      'topLeftCell="E2"',
      'activeCell="F4" sqref="F4 A1:G2"',
      '<autoFilter ref="A1:G9"><filterColumn colId="5">',
      '<mergeCell ref="B1:E1"/><mergeCell ref="A3:B3"/>',
      // B2:B9 ends just left of the insert: it takes in the new column (format from left).
      'sqref="B2:C9"><formula1>$H$1:$H$3</formula1>',
      '<conditionalFormatting sqref="D2:D9 F2:F9"><cfRule type="expression" priority="1"><formula>$F2&gt;Data!$D$1</formula>',
      '<hyperlink ref="F5" location="Data!G1"/>',
      '<brk id="5"',
      "<xm:f>Data!$E$1</xm:f></x14:cfRule><xm:sqref>E2:E9</xm:sqref>",
    ])
      expect(out).toContain(moved);
  });

  it("puts a table's new header names into the inserted cells", () => {
    const xml = sheet(
      "",
      '<row r="1"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
    );
    const headers = new Map([["0,1", "Column1"]]);
    expect(insertIntoSheet(xml, { ...insertAt(1), headers })).toBe(
      sheet(
        "",
        '<row r="1"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" s="2" t="inlineStr"><is><t>Column1</t></is></c><c r="C1" t="s"><v>1</v></c></row>',
      ),
    );
  });
});

describe("insertIntoSheet on another sheet", () => {
  it("moves only the references to the inserted sheet, and leaves the rest byte for byte", () => {
    const xml = sheet(
      "",
      '<row r="1"><c r="D1"><f>Data!D1+D1+\'Data\'!$A$1:$E$1</f></c><c r="E1"><f>Other!D1</f></c></row>',
      '<dataValidations><dataValidation sqref="D1"><formula1>Data!$D$1:$D$3</formula1></dataValidation></dataValidations>',
    );
    expect(insertIntoSheet(xml, insertAt(3, 1, "Summary"))).toBe(
      sheet(
        "",
        '<row r="1"><c r="D1"><f>Data!E1+D1+\'Data\'!$A$1:$F$1</f></c><c r="E1"><f>Other!D1</f></c></row>',
        '<dataValidations><dataValidation sqref="D1"><formula1>Data!$E$1:$E$3</formula1></dataValidation></dataValidations>',
      ),
    );
    const untouched = sheet("", '<row r="1"><c r="D1"><f>Other!D1+D1</f></c></row>');
    expect(insertIntoSheet(untouched, insertAt(0, 1, "Summary"))).toBe(untouched);
  });
});
