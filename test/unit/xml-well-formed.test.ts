import fc from "fast-check";
import { PackageRefusedError } from "../../src/adapters/xlsx/package/errors";
import { tokenizeXml } from "../../src/adapters/xlsx/package/xml-tokens";

const ignore = {
  openName: () => undefined,
  attribute: () => undefined,
  openEnd: () => undefined,
  close: () => undefined,
  text: () => undefined,
};
const tokenize = (xml: string) => tokenizeXml(xml, ignore);

/** Well-formed element trees, with prefixes, attributes, text and self-closing elements. */
const tree = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("text", "a &amp; b", "<![CDATA[x < y]]>", "<!-- note -->", ""),
    fc
      .tuple(
        fc.constantFrom("c", "x:c", "row", "v", "sheetData", "si"),
        fc.constantFrom("", ' r="A1"', " s='3' t=\"s\""),
        fc.array(tie("node"), { maxLength: 4 }),
        fc.boolean(),
      )
      .map(([name, attributes, children, empty]) =>
        empty && children.length === 0
          ? `<${name}${attributes}/>`
          : `<${name}${attributes}>${children.join("")}</${name}>`,
      ),
  ),
})).node;

describe("well-formed XML, as every part read or rewritten must be", () => {
  it("reads any well-formed element tree", () => {
    fc.assert(fc.property(tree, (xml) => void tokenize(`<root>${xml}</root>`)));
  });

  it("refuses the tree with an end tag taken out, or cut short inside an element", () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), (inner, pick, cut) => {
        const xml = `<root>${inner}</root>`;
        const ends = [...xml.matchAll(/<\/[^>]+>/g)];
        const end = ends[pick % ends.length];
        if (end?.index === undefined) return;
        const missing = xml.slice(0, end.index) + xml.slice(end.index + end[0].length);
        expect(() => tokenize(missing)).toThrow(PackageRefusedError);
        // Cut anywhere before the root's end tag: an element (the root at least) is left open.
        const at = cut % (xml.length - "</root>".length);
        expect(() => tokenize(xml.slice(0, at === 0 ? 1 : at))).toThrow(PackageRefusedError);
      }),
    );
  });

  it("refuses a DTD, which OOXML parts never hold", () => {
    expect(() => tokenize('<!DOCTYPE sst [<!ENTITY a "b">]><sst/>')).toThrow(
      /a DTD or declaration/,
    );
  });
});
