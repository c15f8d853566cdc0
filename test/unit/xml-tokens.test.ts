import fc from "fast-check";
import { Parser } from "htmlparser2";
import {
  scanSheetXml,
  Slot,
  tagOf,
  Tag,
  type SheetAttributes,
} from "../../src/adapters/xlsx/package/scan";
import { PackageFormatError, parseXml } from "../../src/adapters/xlsx/package/xml";
import { decodeEntities, Text } from "../../src/adapters/xlsx/package/xml-tokens";

type Event = string;
const SLOTS = ["r", "s", "t", "si", "ref", "hidden", "min", "max", "width"] as const;

const SLOT_OF = {
  r: Slot.R,
  s: Slot.S,
  t: Slot.T,
  si: Slot.Si,
  ref: Slot.Ref,
  hidden: Slot.Hidden,
  min: Slot.Min,
  max: Slot.Max,
  width: Slot.Width,
} as const;

function kept(tag: Tag, attributes: Record<string, string | undefined>): string {
  if (tag === Tag.Other) return "";
  return SLOTS.filter((k) => attributes[k] !== undefined)
    .map((k) => `${k}=${attributes[k]}`)
    .join(",");
}

const keptByScanner = (tag: Tag, a: SheetAttributes) =>
  kept(tag, Object.fromEntries(SLOTS.map((k) => [k, a.text(SLOT_OF[k])])));

/** Tags as they come, with the text between them joined into one event. */
class EventLog {
  readonly events: Event[] = [];
  private pending = "";
  text(text: string): void {
    this.pending += text;
  }
  tag(event: string): void {
    this.done();
    this.events.push(event);
  }
  done(): Event[] {
    if (this.pending) this.events.push(`text ${this.pending}`);
    this.pending = "";
    return this.events;
  }
}

/** Events from the worksheet scanner. */
function scanned(xml: string): Event[] {
  const log = new EventLog();
  scanSheetXml(xml, {
    capturing: () => true,
    text: (start, end, kind) => {
      const raw = xml.slice(start, end);
      log.text(kind === Text.Entities ? decodeEntities(raw) : raw);
    },
    open: (tag, a, start, end) => log.tag(`open ${tag} ${keptByScanner(tag, a)} ${start}-${end}`),
    close: (tag, start, end, selfClosing) => log.tag(`close ${tag} ${start}-${end} ${selfClosing}`),
  });
  return log.done();
}

/** Generic events from parseXml: local names, every attribute. */
function parsed(xml: string): Event[] {
  const log = new EventLog();
  parseXml(xml, {
    text: (t) => log.text(t),
    open: (name, a, start, end) => log.tag(`open ${name} ${JSON.stringify(a)} ${start}-${end}`),
    close: (name, start, end, selfClosing) =>
      log.tag(`close ${name} ${start}-${end} ${selfClosing}`),
  });
  return log.done();
}

/** The same events from htmlparser2's parser, the reference the tokenizer replaced. */
function reference(xml: string, style: "sheet" | "generic"): Event[] {
  const log = new EventLog();
  const tag = (name: string) => tagOf(name, 0, name.length);
  const local = (name: string) => name.slice(name.indexOf(":") + 1);
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const at = `${parser.startIndex}-${parser.endIndex + 1}`;
        log.tag(
          style === "sheet"
            ? `open ${tag(name)} ${kept(tag(name), attributes)} ${at}`
            : `open ${local(name)} ${JSON.stringify(attributes)} ${at}`,
        );
      },
      ontext: (t) => log.text(t),
      onclosetag(name, implied) {
        const at = `${parser.startIndex}-${parser.endIndex + 1}`;
        log.tag(`close ${style === "sheet" ? tag(name) : local(name)} ${at} ${implied}`);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return log.done();
}

const escapeText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

const textPiece = fc.oneof(
  fc.string({ maxLength: 6 }).map(escapeText),
  fc.constantFrom("&#65;", "&#x42;", "&gt;", "> /", "_x000B_", "&#x1F600;", " \n\t"),
);
const text = fc.array(textPiece, { maxLength: 3 }).map((p) => p.join(""));
const names = fc.constantFrom(
  ..."c v f is t rPh row col cols sheetData dimension mergeCell x:c x:row ext cfRule".split(" "),
);
const space = fc.constantFrom(" ", "  ", "\n", "\t", "\r\n ");
const attribute = fc
  .tuple(
    fc.constantFrom(...SLOTS, "x14ac:dyDescent", "spans", "rr", "customFormat", "xr:uid"),
    text,
    fc.boolean(),
    fc.constantFrom("=", " = ", "\n=\t"),
    space,
  )
  .map(([name, value, single, equals, gap]) =>
    single ? `${gap}${name}${equals}'${value}'` : `${gap}${name}${equals}"${value}"`,
  );

const element: fc.Memo<string> = fc.memo((depth) =>
  fc
    .tuple(
      names,
      fc.uniqueArray(attribute, { maxLength: 4, selector: (a) => a.trim().split(/\s*=/)[0] }),
      depth > 1 ? fc.array(node(depth - 1), { maxLength: 4 }) : fc.constant([]),
      fc.boolean(),
      fc.constantFrom("", " ", "\n"),
    )
    .map(([name, attributes, children, selfClosing, closeGap]) => {
      const open = `<${name}${attributes.join("")}`;
      return selfClosing && children.length === 0
        ? `${open}${closeGap}/>`
        : `${open}${closeGap}>${children.join("")}</${name}>`;
    }),
);
const node = (depth: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: element(depth) },
    { weight: 2, arbitrary: text },
    { weight: 1, arbitrary: text.map((t) => `<![CDATA[${t.replace(/]]>/g, "")}<&]]>`) },
    { weight: 1, arbitrary: fc.constant("<!-- a <comment> & more -->") },
    { weight: 1, arbitrary: fc.constant('<?mso-application progid="Excel.Sheet"?>') },
  );

const documents = element(4).map(
  (body) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`,
);

describe("the package XML tokenizer", () => {
  it("gives parseXml the same elements, attributes, offsets and text as htmlparser2", () => {
    fc.assert(
      fc.property(documents, (xml) => expect(parsed(xml)).toEqual(reference(xml, "generic"))),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it("gives the worksheet scanner the same tags, kept attributes, offsets and text", () => {
    fc.assert(
      fc.property(documents, (xml) => expect(scanned(xml)).toEqual(reference(xml, "sheet"))),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it("ends an end tag at its '>' when it holds spaces (htmlparser2 stops at the name)", () => {
    const xml = '<sheets><sheet name="A"/></sheets >\n<calcPr/>';
    expect(parsed(xml)).toEqual([
      "open sheets {} 0-8",
      'open sheet {"name":"A"} 8-25',
      "close sheet 8-25 true",
      "close sheets 25-35 false",
      "text \n",
      "open calcPr {} 36-45",
      "close calcPr 36-45 true",
    ]);
  });

  it("decodes the five XML entities and character references, and leaves unknown ones", () => {
    expect(decodeEntities("a &lt;b&gt; &amp; &quot;c&apos; &#65;&#x42; &nbsp; &#0; &#xZZ;")).toBe(
      "a <b> & \"c' AB &nbsp; &#0; &#xZZ;",
    );
  });

  it.each([
    ["a tag cut short", '<sheetData><row r="1"'],
    ["an unclosed attribute", '<c r="A1>'],
    ["an unquoted attribute", "<c r=A1>"],
    ["an attribute without a value", "<c hidden>"],
    ["a DTD", '<!DOCTYPE x [<!ENTITY e "boom">]><c>&e;</c>'],
    ["an unterminated comment", "<c><!-- never ends"],
  ])("refuses %s as damaged XML", (_what, xml) => {
    expect(() =>
      scanSheetXml(xml, { capturing: () => true, text() {}, open() {}, close() {} }),
    ).toThrow(PackageFormatError);
    expect(() => parseXml(xml, {})).toThrow(PackageFormatError);
  });
});
