import fc from "fast-check";
import { ByteSink } from "../../src/adapters/xlsx/package/byte-sink";
import { integerAt, numberAt } from "../../src/adapters/xlsx/package/scan";
import { readSheet } from "../../src/adapters/xlsx/package/sheet-read";
import { Styles } from "../../src/adapters/xlsx/package/styles";

const sheet = (cells: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`;

/** Number() as the reader must match it, with blank text meaning no value. */
const byNumber = (text: string) => (text.trim() === "" ? null : Number(text));

describe("reading values in place", () => {
  it("reads numbers exactly as Number() does", () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,18}$/), fc.stringMatching(/^[0-9]{0,18}$/))
      .map(
        ([minus, whole, fraction]) =>
          `${minus ? "-" : ""}${whole}${fraction ? "." : ""}${fraction}`,
      );
    const written = fc.oneof(
      decimal,
      fc.double({ noNaN: true }).map(String),
      fc.integer().map(String),
      fc.constantFrom("", " ", " 12 ", "1e3", "1.5E-7", "-0", ".5", "5.", "-", ".", "1.2.3", "+4"),
    );
    fc.assert(
      fc.property(written, (text) => {
        const padded = `<v>${text}</v>`;
        expect(Object.is(numberAt(padded, 3, 3 + text.length), byNumber(text))).toBe(true);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it("reads whole numbers in place and anything else as Number() does", () => {
    for (const text of ["0", "42", "007", "", "123456789012345678", "1e2", " 3"])
      expect([text, integerAt(`"${text}"`, 1, 1 + text.length)]).toEqual([text, Number(text)]);
  });

  it("gives values written with entities, in CDATA or in pieces, and references with entities", () => {
    const xml = sheet(
      `<row r="1"><c r="A1" t="str"><v>a &amp; b</v></c><c r="&#66;1" t="str"><v><![CDATA[<x>]]> &lt;y&gt;</v></c>` +
        `<c r="C1"><v> 12 </v></c><c r="D1"><v>1.5E3</v></c><c r="E1"><v>-0.25</v></c>` +
        `<c r="F1" t="s"><v>1</v></c><c r="G1" t="inlineStr"><is><r><t>Rich </t></r><r><t>text</t></r></is></c></row>`,
    );
    const { sheet: read } = readSheet("Sheet1", xml, ["zero", "one"], new Styles(undefined));
    expect(read.rows[0]?.map((c) => c?.value)).toEqual([
      "a & b",
      "<x> <y>",
      12,
      1500,
      -0.25,
      "one",
      "Rich text",
    ]);
  });
});

describe("reading as other programs write", () => {
  it('takes LibreOffice\'s explicit General format for no format, and a formula showing "" as blank', () => {
    const styles = new Styles(
      `<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="\\£#,##0"/></numFmts>` +
        `<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`,
    );
    const xml = sheet(
      `<row r="1"><c r="A1" s="1"><v>5</v></c><c r="B1" s="2"><v>5</v></c>` +
        `<c r="C1" t="str"><f>IF(A1&gt;9,"big","")</f><v></v></c><c r="D1" t="str"><v></v></c></row>`,
    );
    const { sheet: read } = readSheet("Sheet1", xml, [], styles);
    expect(read.rows[0]).toEqual([
      { value: 5 },
      // Kept as written: "\£" is a literal £, as Excel reads it.
      { value: 5, numberFormat: "\\£#,##0" },
      { value: null, formula: '=IF(A1>9,"big","")' },
      { value: "" },
    ]);
  });
});

describe("the byte sink", () => {
  it("gives the UTF-8 of everything written, whatever the pieces and however often it grows", () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.constantFrom("£", "€ 1,000", "😀", "x".repeat(70_000), "é".repeat(40_000)),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.integer({ min: 1, max: 64 }),
        (pieces, size) => {
          const sink = new ByteSink(size);
          for (const p of pieces) sink.write(p);
          expect(Buffer.from(sink.bytes()).equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });
});
