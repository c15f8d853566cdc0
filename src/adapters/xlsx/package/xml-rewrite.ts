import { decodeEntities, tokenizeXml } from "./xml-tokens";

/**
 * Editing a package part in place: a walk over its XML that reports elements with the offsets of
 * their attribute values and text, and a list of replacements applied at the end. Everything not
 * replaced is copied as written, so a part edited in two places differs from the original in
 * exactly those two places.
 */

/** An attribute's decoded value and where its raw text (between the quotes) sits. */
export interface AttributeSpan {
  value: string;
  start: number;
  end: number;
}

/**
 * A start tag's attributes, kept as offsets and decoded only when asked for: a worksheet has
 * millions of tags and most of their attributes are never looked at.
 */
export class Attributes implements Iterable<[string, AttributeSpan]> {
  private readonly offsets: number[] = [];

  constructor(private readonly xml: string) {}

  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, entities: boolean) {
    this.offsets.push(nameStart, nameEnd, valueStart, valueEnd, entities ? 1 : 0);
  }

  private span(i: number): AttributeSpan {
    const o = this.offsets;
    const start = o[i + 2] ?? 0;
    const end = o[i + 3] ?? 0;
    const raw = this.xml.slice(start, end);
    return { value: o[i + 4] ? decodeEntities(raw) : raw, start, end };
  }

  get(name: string): AttributeSpan | undefined {
    const o = this.offsets;
    for (let i = 0; i < o.length; i += 5) {
      const from = o[i] ?? 0;
      if ((o[i + 1] ?? 0) - from === name.length && this.xml.startsWith(name, from))
        return this.span(i);
    }
    return undefined;
  }

  keys(): string[] {
    const names: string[] = [];
    for (let i = 0; i < this.offsets.length; i += 5)
      names.push(this.xml.slice(this.offsets[i], this.offsets[i + 1]));
    return names;
  }

  *[Symbol.iterator](): Iterator<[string, AttributeSpan]> {
    for (let i = 0; i < this.offsets.length; i += 5)
      yield [this.xml.slice(this.offsets[i], this.offsets[i + 1]), this.span(i)];
  }
}

export interface ElementSpan {
  /** Local name ("f" for "xm:f"). */
  name: string;
  /** The prefix as written, with its colon ("x:"), or "". */
  prefix: string;
  attributes: Attributes;
  /** The start tag. */
  start: number;
  openEnd: number;
  selfClosing: boolean;
}

export interface RewriteVisitor {
  /** A start tag; `parents` holds the local names of the enclosing elements, outermost first. */
  open?(element: ElementSpan, parents: readonly string[]): void;
  /**
   * An element's end. `text` is its decoded content when it holds only text (a leaf), else null;
   * `end` is just past its end tag (or the self-closing tag).
   */
  close?(element: ElementSpan, text: string | null, end: number, parents: readonly string[]): void;
}

export function walkXml(xml: string, visitor: RewriteVisitor): void {
  const stack: ElementSpan[] = [];
  const names: string[] = [];
  // Whether each open element has had a child element: only leaves have their text read.
  const parentOfSome: boolean[] = [];
  let current: ElementSpan | undefined;
  const finish = (element: ElementSpan, closeStart: number, end: number, leaf: boolean) => {
    let text: string | null = null;
    if (element.selfClosing) text = "";
    else if (leaf) {
      const raw = xml.slice(element.openEnd, closeStart);
      // CDATA, comments and processing instructions are not plain text.
      text = raw.includes("<") ? null : decodeEntities(raw);
    }
    visitor.close?.(element, text, end, names);
  };
  tokenizeXml(xml, {
    openName(start, nameStart, nameEnd) {
      let colon = -1;
      for (let i = nameStart; i < nameEnd; i++) if (xml.charCodeAt(i) === 58) colon = i;
      current = {
        name: xml.slice(colon < 0 ? nameStart : colon + 1, nameEnd),
        prefix: colon < 0 ? "" : xml.slice(nameStart, colon + 1),
        attributes: new Attributes(xml),
        start,
        openEnd: start,
        selfClosing: false,
      };
    },
    attribute(nameStart, nameEnd, valueStart, valueEnd, entities) {
      current?.attributes.add(nameStart, nameEnd, valueStart, valueEnd, entities);
    },
    openEnd(end, selfClosing) {
      if (!current) return;
      current.openEnd = end;
      current.selfClosing = selfClosing;
      if (parentOfSome.length > 0) parentOfSome[parentOfSome.length - 1] = true;
      visitor.open?.(current, names);
      if (selfClosing) {
        finish(current, end, end, true);
        return;
      }
      stack.push(current);
      names.push(current.name);
      parentOfSome.push(false);
    },
    close(start, _nameStart, _nameEnd, end) {
      const element = stack.pop();
      names.pop();
      const parent = parentOfSome.pop() === true;
      if (element) finish(element, start, end, !parent);
    },
    text() {},
  });
}

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** Text for XML content or a double-quoted attribute value; nothing else is escaped. */
export function escapeXmlText(text: string): string {
  if (!/[&<>"]/.test(text)) return text;
  return text.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}

/** Text for element content: quotes stay as they are, as Excel writes formulas. */
export function escapeXmlContent(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

/** The text with the replacements made; they must not overlap. */
export function applyReplacements(xml: string, replacements: Replacement[]): string {
  if (replacements.length === 0) return xml;
  // Edits mostly come in file order; sorting a million of them is skipped when they do.
  const inOrder = replacements.every(
    (r, i) => i === 0 || (replacements[i - 1]?.start ?? 0) <= r.start,
  );
  const sorted = inOrder
    ? replacements
    : [...replacements].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const r of sorted) {
    if (r.start < at) throw new Error(`overlapping edits at ${r.start}`);
    out.push(xml.slice(at, r.start), r.text);
    at = r.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}

/** Collects replacements for one part. */
export class PartEdits {
  readonly replacements: Replacement[] = [];

  /** Replaces an attribute's value when `next` differs from it. */
  attribute(span: AttributeSpan | undefined, next: string): void {
    if (span && next !== span.value)
      this.replacements.push({ start: span.start, end: span.end, text: escapeXmlText(next) });
  }

  /** Replaces a leaf element's content when `next` differs from `text`. */
  content(element: ElementSpan, text: string, next: string, closeEnd: number, xml: string): void {
    if (next === text || element.selfClosing) return;
    const closeStart = xml.lastIndexOf("<", closeEnd - 1);
    this.replacements.push({
      start: element.openEnd,
      end: closeStart,
      text: escapeXmlContent(next),
    });
  }

  replace(start: number, end: number, text: string): void {
    this.replacements.push({ start, end, text });
  }

  apply(xml: string): string {
    return applyReplacements(xml, this.replacements);
  }
}
