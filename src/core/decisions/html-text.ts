/**
 * The text of a decision record saved as a web page. Councils' "Decision details" pages are plain
 * markup (headings, paragraphs, tables, lists); we only need their words in order, with a break
 * where a block ends so that "Decision Maker:" and its value stay apart from the next field.
 *
 * Hand-rolled rather than taken from htmlparser2 because the core must run in the task pane and the
 * CLI alike with no runtime dependency beyond what the product already ships (htmlparser2 is a
 * test-only dependency here), and the job is small: skip tags, comments, scripts and styles, decode
 * the entities these pages use. test/unit/decisions-html.test.ts checks it against htmlparser2 on
 * generated markup. Known difference: named entities outside ENTITIES (and legacy ones written
 * without their ";") are left as written, where htmlparser2 decodes all of HTML's ~2,000.
 */

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  pound: "£",
  euro: "€",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
  bull: "•",
  middot: "·",
  copy: "©",
  shy: "\u00ad",
};

/** Elements that end a line of text where they open or close. */
const BLOCKS = new Set(
  "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul caption".split(
    " ",
  ),
);
// The page <title> is browser chrome, not the record: it often repeats the reference glued to the
// first words of the body.
const SKIPPED = new Set(["script", "style", "template", "noscript", "title"]);

export function decodeEntities(text: string): string {
  return text.replace(
    /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g,
    (all, body: string) => {
      if (body.startsWith("#")) {
        const code =
          body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : Number(body.slice(1));
        // As browsers do: nothing, surrogates and numbers past Unicode become U+FFFD.
        if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
        return String.fromCodePoint(code);
      }
      return ENTITIES[body] ?? all;
    },
  );
}

/** Index just past the ">" ending a tag that starts at `from`, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < html.length; i++) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      // A quote opens a value only after "=" (spaces allowed between), as in a="x>y".
      if (/=\s*$/.test(html.slice(Math.max(from, i - 8), i))) quote = ch;
    } else if (ch === ">") return i + 1;
  }
  return html.length;
}

/** The words of an HTML document in reading order, one line per block. Total: never throws. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  // Lower-cased once: searching a fresh copy for each script's end would be quadratic in the page.
  let lower: string | null = null;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) out.push(decodeEntities(html.slice(i, textEnd)));
    if (lt < 0) break;
    i = lt;
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (/^<[!?]/.test(html.slice(i, i + 2))) {
      const end = html.indexOf(">", i);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][^\s/>]*)/.exec(html.slice(i, i + 64));
    if (!tag) {
      out.push("<");
      i++;
      continue;
    }
    const name = (tag[2] ?? "").toLowerCase();
    i = tagEnd(html, i + tag[0].length);
    const closing = tag[1] === "/";
    if (!closing && SKIPPED.has(name)) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, i);
      i = close < 0 ? html.length : tagEnd(html, close);
      continue;
    }
    if (BLOCKS.has(name)) out.push("\n");
  }
  return out
    .join("")
    .split("\n")
    .map((line) => line.replace(/[ \t\r\f\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Whether a file's text is markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html|<\?xml|<head|<body|<div|<p\b|<table|<h[1-6])/i.test(text);
}
