import { Tokenizer } from "htmlparser2";

/**
 * The worksheet elements the reader acts on. A sheet of a million cells has four million tags, so
 * they are told apart by their characters, without making a string of each name.
 */
export const Tag = {
  Other: 0,
  Row: 1,
  C: 2,
  V: 3,
  F: 4,
  Is: 5,
  T: 6,
  RPh: 7,
  SheetData: 8,
  Dimension: 9,
  Cols: 10,
  Col: 11,
  MergeCell: 12,
} as const;
export type Tag = (typeof Tag)[keyof typeof Tag];

/** The attributes the reader uses, in one object reused from tag to tag. */
export interface SheetAttributes {
  r?: string;
  s?: string;
  t?: string;
  si?: string;
  ref?: string;
  hidden?: string;
  min?: string;
  max?: string;
  width?: string;
}
type Slot = keyof SheetAttributes;
const SLOTS = new Set<string>(["r", "s", "t", "si", "ref", "hidden", "min", "max", "width"]);

export interface SheetScanHandler {
  /** `start` is the "<" of the tag, `end` just past its ">". */
  open(tag: Tag, attributes: SheetAttributes, start: number, end: number): void;
  /** Whether text is wanted now: most text between tags is layout whitespace, never sliced. */
  capturing(): boolean;
  text(text: string): void;
  /** For a self-closing tag, `start`/`end` span the whole tag. */
  close(tag: Tag, start: number, end: number, selfClosing: boolean): void;
}

function tagOf(xml: string, start: number, end: number): Tag {
  // Skip a namespace prefix ("x:c").
  for (let i = start; i < end; i++) if (xml.charCodeAt(i) === 58) start = i + 1;
  const length = end - start;
  const first = xml.charCodeAt(start);
  const is = (name: string) => xml.startsWith(name, start);
  switch (length) {
    case 1:
      return first === 99
        ? Tag.C
        : first === 118
          ? Tag.V
          : first === 102
            ? Tag.F
            : first === 116
              ? Tag.T
              : Tag.Other;
    case 2:
      return is("is") ? Tag.Is : Tag.Other;
    case 3:
      return is("row") ? Tag.Row : is("col") ? Tag.Col : is("rPh") ? Tag.RPh : Tag.Other;
    case 4:
      return is("cols") ? Tag.Cols : Tag.Other;
    case 9:
      return is("sheetData")
        ? Tag.SheetData
        : is("dimension")
          ? Tag.Dimension
          : is("mergeCell")
            ? Tag.MergeCell
            : Tag.Other;
    default:
      return Tag.Other;
  }
}

/**
 * Reads a worksheet with htmlparser2's tokenizer: the same well-tried XML tokenising as its
 * parser, without the parser building a name string and an attribute object for every tag.
 */
export function scanSheetXml(xml: string, handler: SheetScanHandler): void {
  // A fresh object only after a tag that set something: most closing work is on attribute-less tags.
  let attributes: SheetAttributes = {};
  let used = false;
  let tag: Tag = Tag.Other;
  let tagStart = 0;
  let slot: Slot | undefined;
  let value = "";
  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = tagOf(xml, start, end);
        tagStart = start - 1;
        if (used) {
          attributes = {};
          used = false;
        }
      },
      onattribname(start, end) {
        const name = xml.slice(start, end);
        slot = tag !== Tag.Other && SLOTS.has(name) ? (name as Slot) : undefined;
        value = "";
      },
      onattribdata(start, end) {
        if (slot) value += xml.slice(start, end);
      },
      onattribentity(codepoint) {
        if (slot) value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (slot) {
          attributes[slot] = value;
          used = true;
        }
        slot = undefined;
      },
      onopentagend(end) {
        handler.open(tag, attributes, tagStart, end + 1);
      },
      onselfclosingtag(end) {
        handler.open(tag, attributes, tagStart, end + 1);
        handler.close(tag, tagStart, end + 1, true);
      },
      onclosetag(start, end) {
        // "</row >": the name ends before the space; the tag at the ">".
        const gt = xml.charCodeAt(end) === 62 ? end : xml.indexOf(">", end);
        handler.close(tagOf(xml, start, end), start - 2, gt + 1, false);
      },
      ontext(start, end) {
        if (handler.capturing()) handler.text(xml.slice(start, end));
      },
      ontextentity(codepoint) {
        if (handler.capturing()) handler.text(String.fromCodePoint(codepoint));
      },
      oncdata(start, end, offset) {
        if (handler.capturing()) handler.text(xml.slice(start, end - offset));
      },
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(xml);
  tokenizer.end();
}
