import { decodeEntities, tokenizeXml, type Text } from "./xml-tokens";

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

/** The attributes the reader uses, by number. */
export const Slot = {
  R: 0,
  S: 1,
  T: 2,
  Si: 3,
  Ref: 4,
  Hidden: 5,
  Min: 6,
  Max: 7,
  Width: 8,
} as const;
export type Slot = (typeof Slot)[keyof typeof Slot];
const SLOTS = 9;

/** Reads a value where it stands in `text`, from `from` to `to`, without copying it out. */
export type InPlace<T> = (text: string, from: number, to: number) => T;

/**
 * The kept attributes of the current tag, as offsets into the worksheet text: a register has
 * millions of cell references and style numbers, read in place rather than copied into strings.
 */
export class SheetAttributes {
  private readonly from = new Int32Array(SLOTS);
  private readonly to = new Int32Array(SLOTS);
  private readonly encoded = new Uint8Array(SLOTS);
  private readonly setOnTag = new Float64Array(SLOTS).fill(-1);
  private tag = 0;

  constructor(private readonly xml: string) {}

  /** Starts the next tag: values set on earlier tags no longer count. */
  next(): void {
    this.tag++;
  }

  set(slot: Slot, from: number, to: number, entities: boolean): void {
    this.from[slot] = from;
    this.to[slot] = to;
    this.encoded[slot] = entities ? 1 : 0;
    this.setOnTag[slot] = this.tag;
  }

  has(slot: Slot): boolean {
    return this.setOnTag[slot] === this.tag;
  }

  /** Present with a value, not written as `r=""`. */
  filled(slot: Slot): boolean {
    return this.has(slot) && this.to[slot] !== this.from[slot];
  }

  text(slot: Slot): string | undefined {
    if (!this.has(slot)) return undefined;
    const raw = this.xml.slice(this.from[slot], this.to[slot]);
    return this.encoded[slot] ? decodeEntities(raw) : raw;
  }

  /** The value read in place, or from its decoded text when it holds entities. */
  read<T>(slot: Slot, reader: InPlace<T>): T | undefined {
    if (!this.has(slot)) return undefined;
    if (!this.encoded[slot]) return reader(this.xml, this.from[slot] ?? 0, this.to[slot] ?? 0);
    const text = this.text(slot) ?? "";
    return reader(text, 0, text.length);
  }
}

/** A whole number written in decimal digits, read in place; anything else as Number() reads it. */
export const integerAt: InPlace<number> = (text, from, to) => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9 || i - from > 14) return Number(text.slice(from, to));
    n = n * 10 + digit;
  }
  return from === to ? 0 : n;
};

/**
 * A cell's number, read in place: "-1234.56" and the like directly — up to 15 digits divided by
 * an exact power of ten is correctly rounded, so the result is what Number() gives — and any
 * other form (exponents, spaces, long fractions) through Number(). Blank text is no value.
 */
export const numberAt: InPlace<number | null> = (text, from, to) => {
  let i = from;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  let n = 0;
  let digits = 0;
  let scale = 1;
  let point = false;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && !point) point = true;
    else if (c >= 48 && c <= 57 && digits < 15) {
      n = n * 10 + (c - 48);
      digits++;
      if (point) scale *= 10;
    } else break;
  }
  if (i === to && digits > 0) return negative ? -(n / scale) : n / scale;
  const written = text.slice(from, to);
  return written.trim() === "" ? null : Number(written);
};

export interface SheetScanHandler {
  /** `start` is the "<" of the tag, `end` just past its ">". */
  open(tag: Tag, attributes: SheetAttributes, start: number, end: number): void;
  /** Whether text is wanted now: most text between tags is layout whitespace, never read. */
  capturing(): boolean;
  /** Text between `start` and `end` of the worksheet, as written (see Text for `kind`). */
  text(start: number, end: number, kind: Text): void;
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
      return c === 114 ? Slot.R : c === 115 ? Slot.S : c === 116 ? Slot.T : undefined;
    }
    case 2:
      return is("si") ? Slot.Si : undefined;
    case 3:
      return is("ref") ? Slot.Ref : is("min") ? Slot.Min : is("max") ? Slot.Max : undefined;
    case 5:
      return is("width") ? Slot.Width : undefined;
    case 6:
      return is("hidden") ? Slot.Hidden : undefined;
    default:
      return undefined;
  }
}

/**
 * Reads a worksheet part on the package tokenizer, naming the elements and attributes the reader
 * acts on by number and leaving values in place until the reader asks for them.
 */
export function scanSheetXml(xml: string, handler: SheetScanHandler): void {
  const attributes = new SheetAttributes(xml);
  let tag: Tag = Tag.Other;
  let tagStart = 0;
  tokenizeXml(xml, {
    openName(start, nameStart, nameEnd) {
      tag = tagOf(xml, nameStart, nameEnd);
      tagStart = start;
      attributes.next();
    },
    attribute(nameStart, nameEnd, valueStart, valueEnd, entities) {
      const slot = tag === Tag.Other ? undefined : slotOf(xml, nameStart, nameEnd);
      if (slot !== undefined) attributes.set(slot, valueStart, valueEnd, entities);
    },
    openEnd(end, selfClosing) {
      handler.open(tag, attributes, tagStart, end);
      if (selfClosing) handler.close(tag, tagStart, end, true);
    },
    close(start, nameStart, nameEnd, end) {
      handler.close(tagOf(xml, nameStart, nameEnd), start, end, false);
    },
    text(start, end, kind) {
      if (handler.capturing()) handler.text(start, end, kind);
    },
  });
}
