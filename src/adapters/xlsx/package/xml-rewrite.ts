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

export interface ElementSpan {
  /** Local name ("f" for "xm:f"). */
  name: string;
  /** The prefix as written, with its colon ("x:"), or "". */
  prefix: string;
  attributes: Map<string, AttributeSpan>;
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
  let current: ElementSpan | undefined;
  const finish = (element: ElementSpan, closeStart: number, end: number) => {
    let text: string | null = "";
    if (!element.selfClosing) {
      const raw = xml.slice(element.openEnd, closeStart);
      text = raw.includes("<") ? null : decodeEntities(raw);
    }
    visitor.close?.(element, text, end, names);
  };
  tokenizeXml(xml, {
    openName(start, nameStart, nameEnd) {
      const qualified = xml.slice(nameStart, nameEnd);
      const colon = qualified.indexOf(":");
      current = {
        name: colon < 0 ? qualified : qualified.slice(colon + 1),
        prefix: colon < 0 ? "" : qualified.slice(0, colon + 1),
        attributes: new Map(),
        start,
        openEnd: start,
        selfClosing: false,
      };
    },
    attribute(nameStart, nameEnd, valueStart, valueEnd, entities) {
      const raw = xml.slice(valueStart, valueEnd);
      current?.attributes.set(xml.slice(nameStart, nameEnd), {
        value: entities ? decodeEntities(raw) : raw,
        start: valueStart,
        end: valueEnd,
      });
    },
    openEnd(end, selfClosing) {
      if (!current) return;
      current.openEnd = end;
      current.selfClosing = selfClosing;
      visitor.open?.(current, names);
      if (selfClosing) {
        finish(current, end, end);
        return;
      }
      stack.push(current);
      names.push(current.name);
    },
    close(start, _nameStart, _nameEnd, end) {
      const element = stack.pop();
      names.pop();
      if (element) finish(element, start, end);
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
  const sorted = [...replacements].sort((a, b) => a.start - b.start || a.end - b.end);
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
