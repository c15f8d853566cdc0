/**
 * The text of a decision record saved as a web page. Councils' "Decision details" pages are plain
 * markup (headings, paragraphs, tables, lists); we only need their words in order, with a break
 * where a block ends so that "Decision Maker:" and its value stay apart from the next field.
 * The site around the record (menu, banner, breadcrumbs, footer) is left out: see CHROME.
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

/**
 * Site chrome around the record: the menu, banner and footer, and anything marked as navigation,
 * breadcrumbs, a skip link or a cookie notice. Its words ("Skip to content", "Home > Council and
 * democracy", "Privacy | Accessibility") would otherwise run into the record's first and last
 * fields. A <header> inside <main> or <article> is the record's own heading and is kept.
 */
const CHROME = new Set(["nav", "footer", "aside"]);
const CHROME_ROLE = /\brole\s*=\s*["']?(?:navigation|banner|contentinfo|search)\b/i;
const CHROME_NAME =
  /\b(?:class|id|aria-label)\s*=\s*["'][^"']*\b(?:breadcrumbs?|skip-?(?:link|to-content|nav)|cookie-?(?:banner|notice)|site-?(?:header|footer|nav))/i;
/** Lists that are only links (a menu, breadcrumbs, footer links) are chrome too. */
const LISTS = new Set(["ul", "ol", "menu"]);

/**
 * Index just past the end of the element opened just before `from` (depth-counted), or -1 when
 * it is never closed: an unclosed <nav> is read rather than taking the record with it.
 */
function elementEnd(html: string, lower: string, name: string, from: number): number {
  const open = new RegExp(`<(/?)${name}(?=[\\s/>])`, "g");
  open.lastIndex = from;
  let depth = 1;
  for (let m = open.exec(lower); m; m = open.exec(lower)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return tagEnd(html, m.index + m[0].length);
  }
  return -1;
}

/** Elements whose class or role may mark them as chrome: containers, never void elements. */
const CONTAINERS = new Set(
  "a div section ul ol menu nav header footer aside p span form".split(" "),
);

interface ListFrame {
  name: string;
  /** Where its text starts in the output. */
  start: number;
  links: number;
  /** Letters and digits outside its links. */
  words: number;
}

/** The words of an HTML document in reading order, one line per block. Total: never throws. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  // Lower-cased once: searching a fresh copy for each script's end would be quadratic in the page.
  let lower: string | null = null;
  const lists: ListFrame[] = [];
  let inLink = 0;
  let inContent = 0;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) {
      const text = decodeEntities(html.slice(i, textEnd));
      out.push(text);
      const list = lists[lists.length - 1];
      if (list && inLink === 0) list.words += (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
    }
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
    const at = i;
    i = tagEnd(html, i + tag[0].length);
    const closing = tag[1] === "/";
    if (!closing && SKIPPED.has(name)) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, i);
      i = close < 0 ? html.length : tagEnd(html, close);
      continue;
    }
    const attributes = html.slice(at + tag[0].length, i);
    const chrome =
      CHROME.has(name) ||
      (name === "header" && inContent === 0) ||
      (CONTAINERS.has(name) && (CHROME_ROLE.test(attributes) || CHROME_NAME.test(attributes))) ||
      // "Skip to content": a link to a place on the page itself, for keyboard users.
      (name === "a" &&
        /\bhref\s*=\s*["']?#/i.test(attributes) &&
        /^\s*skip\b/i.test(html.slice(i, i + 40)));
    if (!closing && chrome && !/\/\s*>$/.test(attributes)) {
      lower ??= html.toLowerCase();
      const end = elementEnd(html, lower, name, i);
      if (end >= 0) {
        i = end;
        out.push("\n");
        continue;
      }
    }
    if (name === "main" || name === "article")
      inContent = Math.max(0, inContent + (closing ? -1 : 1));
    if (name === "a") {
      inLink = Math.max(0, inLink + (closing ? -1 : 1));
      const list = lists[lists.length - 1];
      if (list && !closing) list.links += 1;
    }
    if (LISTS.has(name) && !closing) lists.push({ name, start: out.length, links: 0, words: 0 });
    if (LISTS.has(name) && closing && lists.some((l) => l.name === name)) {
      let list = lists.pop();
      while (list && list.name !== name) list = lists.pop();
      const parent = lists[lists.length - 1];
      if (list && list.links >= 2 && list.words === 0) out.length = list.start;
      else if (list && parent) {
        parent.links += list.links;
        parent.words += list.words;
      }
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
