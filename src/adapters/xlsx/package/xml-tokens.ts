import { PackageRefusedError } from "./errors";

const enum Char {
  Tab = 9,
  LineFeed = 10,
  Return = 13,
  Space = 32,
  Quote = 34,
  Bang = 33,
  Apostrophe = 39,
  Slash = 47,
  Equals = 61,
  Gt = 62,
  Question = 63,
}

const isSpace = (c: number) =>
  c === Char.Space || c === Char.LineFeed || c === Char.Return || c === Char.Tab;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Replaces XML's five named entities and character references; anything else stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.charCodeAt(0) !== 35) return ENTITIES[name] ?? whole;
    const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** What the tokenizer reports, as offsets into the text: nothing is sliced unless asked for. */
export interface XmlTokens {
  /** A start tag whose "<" is at `start`. */
  openName(start: number, nameStart: number, nameEnd: number): void;
  /** An attribute of the current start tag; the value lies between the quotes. */
  attribute(
    nameStart: number,
    nameEnd: number,
    valueStart: number,
    valueEnd: number,
    entities: boolean,
  ): void;
  /** The start tag ends just before `end`; a self-closing one is also its own end tag. */
  openEnd(end: number, selfClosing: boolean): void;
  /** An end tag from the "<" at `start` to just before `end`. */
  close(start: number, nameStart: number, nameEnd: number, end: number): void;
  /** Character data, as written: Text.Plain as it stands, Text.Entities to decode, or CDATA. */
  text(start: number, end: number, kind: Text): void;
}

export const Text = { Plain: 0, Entities: 1, CData: 2 } as const;
export type Text = (typeof Text)[keyof typeof Text];

/**
 * Tokenizes the XML of a package part. Large worksheets have millions of tags, and a general
 * tokenizer stepping a state machine per character spent most of the reading time; this one
 * jumps between the characters that matter with indexOf. It reads the XML that parts contain —
 * elements, attributes in either quote, entities, CDATA, comments and processing instructions —
 * and refuses as damage (PackageRefusedError) what is not well-formed XML: a truncated tag, an
 * end tag that does not match its start tag, an element left open at the end (a part cut short,
 * or a cell whose end tag is missing, which would read as two cells), and a DTD, which OOXML
 * forbids (ECMA-376 Part 2 §8.1.4: no DTD processing) and which entity bombs need.
 * test/unit/xml-tokens.test.ts checks it against htmlparser2 on generated XML.
 */
export function tokenizeXml(xml: string, tokens: XmlTokens): void {
  const length = xml.length;
  const damaged = (what: string, at: number) =>
    new PackageRefusedError("damaged", `damaged XML (${what} at offset ${at})`);
  // The names of the open elements, as offsets: end tags must match them, innermost first.
  const openFrom: number[] = [];
  const openTo: number[] = [];
  const sameName = (from: number, to: number, otherFrom: number, otherTo: number) => {
    if (to - from !== otherTo - otherFrom) return false;
    for (let k = 0; k < to - from; k++)
      if (xml.charCodeAt(from + k) !== xml.charCodeAt(otherFrom + k)) return false;
    return true;
  };
  const endOf = (marker: string, from: number, what: string) => {
    const at = xml.indexOf(marker, from);
    if (at < 0) throw damaged(what, from);
    return at;
  };
  // The next "&" at or after the last place asked about: offsets only move forward, so one pass
  // over the text tells every value and run whether it needs decoding.
  let amp = xml.indexOf("&");
  const entitiesIn = (from: number, to: number) => {
    if (amp >= 0 && amp < from) amp = xml.indexOf("&", from);
    return amp >= 0 && amp < to;
  };
  let i = 0;
  while (i < length) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > i) tokens.text(i, textEnd, entitiesIn(i, textEnd) ? Text.Entities : Text.Plain);
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === Char.Slash) {
      let nameEnd = lt + 2;
      while (nameEnd < length) {
        const c = xml.charCodeAt(nameEnd);
        if (isSpace(c) || c === Char.Gt) break;
        nameEnd++;
      }
      const gt = endOf(">", nameEnd, "end tag");
      const from = openFrom.pop();
      const to = openTo.pop();
      if (from === undefined || to === undefined || !sameName(from, to, lt + 2, nameEnd))
        throw damaged("an end tag that does not match its element", lt);
      tokens.close(lt, lt + 2, nameEnd, gt + 1);
      i = gt + 1;
      continue;
    }
    if (next === Char.Question) {
      i = endOf("?>", lt + 2, "processing instruction") + 2;
      continue;
    }
    if (next === Char.Bang) {
      if (xml.startsWith("<!--", lt)) i = endOf("-->", lt + 4, "comment") + 3;
      else if (xml.startsWith("<![CDATA[", lt)) {
        const end = endOf("]]>", lt + 9, "CDATA");
        tokens.text(lt + 9, end, Text.CData);
        i = end + 3;
      } else throw damaged("a DTD or declaration", lt);
      continue;
    }
    let at = lt + 1;
    while (at < length) {
      const c = xml.charCodeAt(at);
      if (isSpace(c) || c === Char.Gt || c === Char.Slash) break;
      at++;
    }
    if (at === lt + 1) throw damaged("a tag without a name", lt);
    tokens.openName(lt, lt + 1, at);
    const openNameEnd = at;
    // Attributes: a name, "=", a value in either quote (which may hold ">" or "/").
    for (;;) {
      let c = xml.charCodeAt(at);
      while (isSpace(c)) c = xml.charCodeAt(++at);
      if (c === Char.Gt || c === Char.Slash || at >= length) break;
      const nameStart = at;
      while (at < length && c !== Char.Equals && c !== Char.Gt && c !== Char.Slash && !isSpace(c))
        c = xml.charCodeAt(++at);
      const nameEnd = at;
      while (isSpace(c)) c = xml.charCodeAt(++at);
      if (c !== Char.Equals) throw damaged("an attribute without a value", nameStart);
      at++;
      while (isSpace(xml.charCodeAt(at))) at++;
      const quote = xml.charCodeAt(at);
      if (quote !== Char.Quote && quote !== Char.Apostrophe)
        throw damaged("an unquoted attribute", nameStart);
      const close = endOf(quote === Char.Quote ? '"' : "'", at + 1, "attribute");
      tokens.attribute(nameStart, nameEnd, at + 1, close, entitiesIn(at + 1, close));
      at = close + 1;
    }
    if (at >= length) throw damaged("a tag cut short", lt);
    const selfClosing = xml.charCodeAt(at) === Char.Slash;
    if (selfClosing && xml.charCodeAt(at + 1) !== Char.Gt) throw damaged("a stray /", at);
    if (!selfClosing) {
      openFrom.push(lt + 1);
      openTo.push(openNameEnd);
    }
    i = at + (selfClosing ? 2 : 1);
    tokens.openEnd(i, selfClosing);
  }
  if (openFrom.length > 0) throw damaged("an element left open", openFrom.pop() ?? 0);
}
