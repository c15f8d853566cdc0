import { PackageFormatError } from "./errors";
import { decodeEntities, Text, tokenizeXml } from "./xml-tokens";

export { PackageFormatError };

/**
 * SAX-style reading of the XML parts of an .xlsx. Callbacks get local names (a "x:c" written by
 * other tools is a "c") and the offsets of each tag in the source text, so that writers can copy
 * everything they do not change verbatim.
 */
export interface XmlHandler {
  open?(name: string, attributes: Record<string, string>, start: number, end: number): void;
  text?(text: string): void;
  /** `start`/`end` span the end tag; for a self-closing tag they span the whole tag. */
  close?(name: string, start: number, end: number, selfClosing: boolean): void;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

export function parseXml(xml: string, handler: XmlHandler): void {
  let name = "";
  let tagStart = 0;
  let attributes: Record<string, string> = {};
  tokenizeXml(xml, {
    openName(start, nameStart, nameEnd) {
      name = localName(xml.slice(nameStart, nameEnd));
      tagStart = start;
      attributes = {};
    },
    attribute(nameStart, nameEnd, valueStart, valueEnd, entities) {
      const value = xml.slice(valueStart, valueEnd);
      attributes[xml.slice(nameStart, nameEnd)] = entities ? decodeEntities(value) : value;
    },
    openEnd(end, selfClosing) {
      handler.open?.(name, attributes, tagStart, end);
      if (selfClosing) handler.close?.(name, tagStart, end, true);
    },
    close(start, nameStart, nameEnd, end) {
      handler.close?.(localName(xml.slice(nameStart, nameEnd)), start, end, false);
    },
    text(start, end, kind) {
      if (!handler.text) return;
      const text = xml.slice(start, end);
      handler.text(kind === Text.Entities ? decodeEntities(text) : text);
    },
  });
}

const TEXT_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPING = /[&<>"_\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Text for element content or attributes. XML 1.0 cannot carry most control characters, so they
 * are written the way Excel writes them (_x000B_), and a literal "_x" that would read as such an
 * escape is itself escaped.
 */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[&<>"]/g, (c) => TEXT_ESCAPES[c] ?? c)
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

/** Reverses Excel's _xHHHH_ escapes in shared and inline strings. */
export function unescapeExcel(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Sets (or adds) one attribute on a start tag's source text. */
export function withAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (pattern.test(tag)) return tag.replace(pattern, `$1"${escapeXml(value)}"`);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${escapeXml(value)}"${tag.slice(end)}`;
}
