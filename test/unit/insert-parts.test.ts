import {
  controlLinks,
  insertIntoDrawing,
  insertIntoVml,
} from "../../src/adapters/xlsx/package/insert-columns";

const insert = { sheet: "Data", column: 2, count: 2 };
const anchor = (kind: string, editAs: string, from: number, to: number) =>
  `<xdr:${kind}${editAs ? ` editAs="${editAs}"` : ""}><xdr:from><xdr:col>${from}</xdr:col><xdr:row>1</xdr:row></xdr:from>` +
  (kind === "twoCellAnchor"
    ? `<xdr:to><xdr:col>${to}</xdr:col><xdr:row>5</xdr:row></xdr:to>`
    : "") +
  `<xdr:sp/></xdr:${kind}>`;
const drawing = (body: string) => `<xdr:wsDr xmlns:xdr="x">${body}</xdr:wsDr>`;

describe("drawing anchors after an insert before column C", () => {
  it.each([
    // Moves and sizes with cells (the default): each corner at or right of C moves.
    ["twoCellAnchor", "", 1, 4, 1, 6],
    ["twoCellAnchor", "twoCell", 3, 4, 5, 6],
    // Moves with cells but keeps its size: moves whole only when its left edge moves.
    ["twoCellAnchor", "oneCell", 1, 4, 1, 4],
    ["twoCellAnchor", "oneCell", 2, 4, 4, 6],
    // Fixed in place.
    ["twoCellAnchor", "absolute", 3, 4, 3, 4],
    ["oneCellAnchor", "", 5, 0, 7, 0],
  ])("%s editAs=%s from %i to %i → from %i to %i", (kind, editAs, from, to, newFrom, newTo) => {
    expect(insertIntoDrawing(drawing(anchor(kind, editAs, from, to)), insert)).toBe(
      drawing(anchor(kind, editAs, newFrom, newTo)),
    );
  });
});

describe("notes and form controls after an insert before column C", () => {
  it("moves a note's column and box, and a legacy control's linked cell", () => {
    const vml = (column: number, anchorText: string, link: string) =>
      `<xml><v:shape><x:ClientData ObjectType="Note"><x:Anchor>${anchorText}</x:Anchor><x:Row>4</x:Row><x:Column>${column}</x:Column></x:ClientData></v:shape>` +
      `<v:shape><x:ClientData ObjectType="Checkbox"><x:FmlaLink>${link}</x:FmlaLink></x:ClientData></v:shape></xml>`;
    expect(insertIntoVml(vml(3, "4, 15, 3, 10, 6, 31, 7, 4", "$D$2"), insert)).toBe(
      vml(5, "6, 15, 3, 10, 8, 31, 7, 4", "$F$2"),
    );
    const left = vml(1, "0, 15, 3, 10, 1, 31, 7, 4", "$A$2");
    expect(insertIntoVml(left, insert)).toBe(left);
  });

  it("moves a form control's linked cell and input range", () => {
    const control = (link: string, range: string) =>
      `<formControlPr xmlns="x" objectType="Drop" fmlaLink="${link}" fmlaRange="${range}"/>`;
    expect(controlLinks(control("$D$1", "Lists!$A$1:$A$5"), "Data", insert)).toBe(
      control("$F$1", "Lists!$A$1:$A$5"),
    );
    expect(controlLinks(control("Data!$D$1", "Data!$B$1:$C$5"), "Other", insert)).toBe(
      control("Data!$F$1", "Data!$B$1:$E$5"),
    );
  });
});
