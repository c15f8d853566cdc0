import { decodeEntities, tokenizeXml } from "./xml-tokens";

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

export interface SheetScanHandler {
  /** `start` is the "<" of the tag, `end` just past its ">". */
  open(tag: Tag, attributes: SheetAttributes, start: number, end: number): void;
  /** Whether text is wanted now: most text between tags is layout whitespace, never sliced. */
  capturing(): boolean;
  text(text: string): void;
  /** For a self-closing tag, `start`/`end` span the whole tag. */
  close(tag: Tag, start: number, end: number, selfClosing: boolean): void;
}

export function tagOf(xml: string, start: number, end: number): Tag {
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

/** Which attribute slot a name fills, told apart by length and characters like tag names. */
function slotOf(xml: string, start: number, end: number): Slot | undefined {
  const is = (name: string) => xml.startsWith(name, start);
  switch (end - start) {
    case 1: {
      const c = xml.charCodeAt(start);
      return c === 114 ? "r" : c === 115 ? "s" : c === 116 ? "t" : undefined;
    }
    case 2:
      return is("si") ? "si" : undefined;
    case 3:
      return is("ref") ? "ref" : is("min") ? "min" : is("max") ? "max" : undefined;
    case 5:
      return is("width") ? "width" : undefined;
    case 6:
      return is("hidden") ? "hidden" : undefined;
    default:
      return undefined;
  }
}

/**
 * Reads a worksheet part on the package tokenizer, naming the elements and attributes the reader
 * acts on by number, and slicing text only while the handler is capturing it.
 */
export function scanSheetXml(xml: string, handler: SheetScanHandler): void {
  // A fresh object only after a tag that set something: most tags have no attributes we keep.
  let attributes: SheetAttributes = {};
  let used = false;
  let tag: Tag = Tag.Other;
  let tagStart = 0;
  tokenizeXml(xml, {
    openName(start, nameStart, nameEnd) {
      tag = tagOf(xml, nameStart, nameEnd);
      tagStart = start;
      if (used) {
        attributes = {};
        used = false;
      }
    },
    attribute(nameStart, nameEnd, valueStart, valueEnd) {
      const slot = tag === Tag.Other ? undefined : slotOf(xml, nameStart, nameEnd);
      if (slot) {
        attributes[slot] = decodeEntities(xml.slice(valueStart, valueEnd));
        used = true;
      }
    },
    openEnd(end, selfClosing) {
      handler.open(tag, attributes, tagStart, end);
      if (selfClosing) handler.close(tag, tagStart, end, true);
    },
    close(start, nameStart, nameEnd, end) {
      handler.close(tagOf(xml, nameStart, nameEnd), start, end, false);
    },
    text(start, end, cdata) {
      if (!handler.capturing()) return;
      const text = xml.slice(start, end);
      handler.text(cdata ? text : decodeEntities(text));
    },
  });
}
