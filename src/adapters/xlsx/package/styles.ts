import { solidColour } from "./key-fills";
import { escapeXml, PackageFormatError, parseXml, withAttribute } from "./xml";

/** Number formats Excel knows by id without listing them in styles.xml (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

interface Span {
  start: number;
  end: number;
}

const LIST_NAMES = ["fonts", "fills", "borders"] as const;
type ListName = (typeof LIST_NAMES)[number];
const isListName = (name: string): name is ListName =>
  (LIST_NAMES as readonly string[]).includes(name);

interface StyleList extends Span {
  selfClosing: boolean;
  inner: Span;
  count: number;
  /** Each existing entry's source, so an entry we wrote on an earlier run is found, not added. */
  entries: string[];
  added: string[];
}

/** Entries we made, in the namespace prefix of the list they join (most files use none). */
function prefixed(entries: readonly string[], prefix: string): string {
  const all = entries.join("");
  return prefix ? all.replace(/<(\/?)(\w+)(?=[\s/>])/g, `<$1${prefix}$2`) : all;
}

/** The look of a cell on a sheet we write from scratch (Reconciliation, PID). */
export interface CellLook {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  /** A light solid fill (section headings). */
  fill?: string;
  /** Thin borders on all four sides, in this ARGB colour. */
  border?: string;
  /** The font's colour, ARGB. */
  color?: string;
  horizontal?: "left" | "center";
  vertical?: "top" | "center";
  wrap?: boolean;
}

/**
 * The cell formats of styles.xml: what number format each style index carries, and new formats
 * derived from existing ones ("the neighbour's look with our number format"), appended so that
 * every existing index keeps its meaning.
 */
export class Styles {
  private readonly formats = new Map<number, string>();
  private readonly xfs: { source: string; numFmtId: number }[] = [];
  private readonly added: string[] = [];
  private readonly addedFormats: { id: number; code: string }[] = [];
  private readonly derived = new Map<string, number>();
  private numFmts?: Span & { selfClosing: boolean; inner: Span };
  private cellXfs?: Span & { selfClosing: boolean; inner: Span };
  /** fonts, fills and borders: where each list sits, how many entries it has, what we add. */
  private readonly lists = new Map<ListName, StyleList>();
  private firstFont = "<font/>";

  constructor(private readonly xml: string | undefined) {
    if (xml === undefined) return;
    let xfStart = -1;
    let inCellXfs = false;
    let xfDepth = 0;
    let pending: { open: Span; id: number } | undefined;
    let list:
      { name: ListName; open: Span; depth: number; count: number; entries: string[] } | undefined;
    let entryStart = -1;
    parseXml(xml, {
      open: (name, a, start, end) => {
        if (list) {
          if (list.depth++ === 0) {
            list.count++;
            entryStart = start;
          }
        } else if (isListName(name) && !this.lists.has(name))
          list = { name, open: { start, end }, depth: 0, count: 0, entries: [] };
        if (name === "numFmt" && a.numFmtId && a.formatCode !== undefined)
          this.formats.set(Number(a.numFmtId), a.formatCode);
        else if (name === "numFmts") pending = { open: { start, end }, id: 0 };
        else if (name === "cellXfs") {
          inCellXfs = true;
          pending = { open: { start, end }, id: 1 };
        } else if (name === "xf" && inCellXfs && xfDepth++ === 0) {
          xfStart = start;
          this.xfs.push({ source: "", numFmtId: Number(a.numFmtId ?? 0) });
        }
      },
      close: (name, start, end, selfClosing) => {
        if (list && name === list.name && list.depth === 0) {
          this.lists.set(list.name, {
            start: list.open.start,
            end,
            selfClosing,
            inner: { start: list.open.end, end: selfClosing ? list.open.end : start },
            count: list.count,
            entries: list.entries,
            added: [],
          });
          if (list.name === "fonts") this.firstFont = list.entries[0] ?? this.firstFont;
          list = undefined;
        } else if (list && --list.depth === 0) list.entries.push(xml.slice(entryStart, end));
        if (name === "xf" && inCellXfs && --xfDepth === 0) {
          const last = this.xfs[this.xfs.length - 1];
          if (last) last.source = xml.slice(xfStart, end);
        } else if ((name === "numFmts" || name === "cellXfs") && pending) {
          const block = {
            start: pending.open.start,
            end,
            selfClosing,
            inner: { start: pending.open.end, end: selfClosing ? pending.open.end : start },
          };
          if (name === "numFmts") this.numFmts = block;
          else {
            this.cellXfs = block;
            inCellXfs = false;
          }
          pending = undefined;
        }
      },
    });
  }

  /** The number format of a style index, as ExcelJS reports it (none for General). */
  numberFormatOf(style: number): string | undefined {
    const id = this.xfs[style]?.numFmtId ?? 0;
    if (id === 0) return undefined;
    const code = this.formats.get(id) ?? BUILT_IN_FORMATS[id];
    // LibreOffice lists "General" as a format of its own (id 164); it is still no format at all.
    return code?.toLowerCase() === "general" ? undefined : code;
  }

  /** The solid fill of a style index, "#rrggbb", or undefined (see key-fills.ts). */
  solidFillOf(style: number): string | undefined {
    const source = this.xfs[style]?.source ?? "";
    const fillId = /\bfillId="(\d+)"/.exec(source.slice(0, source.indexOf(">") + 1))?.[1];
    const entry = fillId && this.lists.get("fills")?.entries[Number(fillId)];
    return entry ? solidColour(entry) : undefined;
  }

  private formatId(code: string): number {
    for (const [id, existing] of this.formats) if (existing === code) return id;
    for (const [id, builtIn] of Object.entries(BUILT_IN_FORMATS))
      if (builtIn === code) return Number(id);
    const id = Math.max(163, ...this.formats.keys()) + 1;
    this.formats.set(id, code);
    this.addedFormats.push({ id, code });
    return id;
  }

  /**
   * A style index that looks like `base` but shows `numberFormat` (General when undefined).
   * Returns `base` itself when it already does.
   */
  withNumberFormat(base: number, numberFormat: string | undefined): number {
    const key = `${base}|${numberFormat ?? ""}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const id = numberFormat === undefined ? 0 : this.formatId(numberFormat);
    const source = this.xfs[base];
    let result = base;
    if (!source && id !== 0)
      result = this.append(
        `<${this.prefix}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
        id,
      );
    else if (source && source.numFmtId !== id) {
      const tagEnd = source.source.indexOf(">") + 1;
      let tag = withAttribute(source.source.slice(0, tagEnd), "numFmtId", String(id));
      tag = withAttribute(tag, "applyNumberFormat", "1");
      result = this.append(tag + source.source.slice(tagEnd), id);
    }
    this.derived.set(key, result);
    return result;
  }

  /** A font, fill or border entry's index, appending it to its list the first time. */
  private listEntry(name: ListName, source: string): number {
    const list = this.lists.get(name);
    if (!list) throw new PackageFormatError(`styles.xml has no ${name} to extend`);
    const existing = list.entries.indexOf(source);
    if (existing >= 0) return existing;
    const known = list.added.indexOf(source);
    if (known >= 0) return list.count + known;
    list.added.push(source);
    return list.count + list.added.length - 1;
  }

  /**
   * A cell format for a cell we write on a new sheet: the workbook's default font (bold or italic
   * when asked), our fill, border, alignment and number format. Existing entries are never edited.
   */
  cellLook(look: CellLook): number {
    const key = `look|${JSON.stringify(look)}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const id = look.numberFormat === undefined ? 0 : this.formatId(look.numberFormat);
    let fontId = 0;
    if (look.bold || look.italic || look.color) {
      const open = this.firstFont.replace(/\/>$/, ">");
      const tagEnd = open.indexOf(">") + 1;
      const prefix = /^<([\w.-]+:)?font/.exec(open)?.[1] ?? "";
      const marks = `${look.bold ? `<${prefix}b/>` : ""}${look.italic ? `<${prefix}i/>` : ""}`;
      let rest = this.firstFont.endsWith("/>") ? `</${prefix}font>` : open.slice(tagEnd);
      if (look.color) {
        // CT_Font's sequence puts color after sz and before name, family, charset and scheme.
        rest = rest.replace(/<([\w.-]+:)?color\b[^>]*?(\/>|>.*?<\/([\w.-]+:)?color>)/, "");
        const at = rest.search(/<([\w.-]+:)?(name|family|charset|scheme)\b|<\/([\w.-]+:)?font>/);
        const color = `<${prefix}color rgb="${look.color}"/>`;
        rest = at < 0 ? color + rest : rest.slice(0, at) + color + rest.slice(at);
      }
      fontId = this.listEntry("fonts", open.slice(0, tagEnd) + marks + rest);
    }
    const fillId = look.fill
      ? this.listEntry(
          "fills",
          `<fill><patternFill patternType="solid"><fgColor rgb="${look.fill}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const side = (edge: string) => `<${edge} style="thin"><color rgb="${look.border}"/></${edge}>`;
    const borderId = look.border
      ? this.listEntry(
          "borders",
          `<border>${["left", "right", "top", "bottom"].map(side).join("")}<diagonal/></border>`,
        )
      : 0;
    const alignment = [
      look.horizontal ? ` horizontal="${look.horizontal}"` : "",
      look.vertical ? ` vertical="${look.vertical}"` : "",
      look.wrap ? ' wrapText="1"' : "",
    ].join("");
    const applied = [
      id ? ' applyNumberFormat="1"' : "",
      fontId ? ' applyFont="1"' : "",
      fillId ? ' applyFill="1"' : "",
      borderId ? ' applyBorder="1"' : "",
      alignment ? ' applyAlignment="1"' : "",
    ].join("");
    const xf = `<xf numFmtId="${id}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}${alignment ? `><alignment${alignment}/></xf>` : "/>"}`;
    const existing = this.xfs.findIndex((x) => x.source === xf);
    const result = existing >= 0 ? existing : this.append(xf, id);
    this.derived.set(key, result);
    return result;
  }

  private append(source: string, numFmtId: number): number {
    if (!this.cellXfs) throw new PackageFormatError("styles.xml has no cell formats to extend");
    this.xfs.push({ source, numFmtId });
    this.added.push(source);
    return this.xfs.length - 1;
  }

  /** How many cell formats (cellXfs entries) the file lists. */
  get cellFormats(): number {
    return this.xfs.length;
  }

  /**
   * The namespace prefix the part writes its elements with ("" or "x:", as the Open XML SDK
   * does): added elements and end tags must use it, or the part is no longer well-formed XML.
   */
  private get prefix(): string {
    return /<([\w.-]+:)?styleSheet[\s>/]/.exec(this.xml ?? "")?.[1] ?? "";
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The edit that appends a list's new entries and updates its count. */
  private listEdit(xml: string, list: StyleList, name: string): { at: Span; text: string } {
    const open = xml.slice(list.start, list.inner.start);
    const inner = xml.slice(list.inner.start, list.inner.end);
    const prefix = /^<([\w.-]+:)?/.exec(open)?.[1] ?? "";
    const count = String(list.count + list.added.length);
    return {
      at: list,
      text: `${withAttribute(open.replace(/\/>$/, ">"), "count", count)}${list.selfClosing ? "" : inner}${prefixed(list.added, prefix)}</${prefix}${name}>`,
    };
  }

  /** styles.xml with the added formats; untouched text elsewhere. */
  serialise(): string {
    const xml = this.xml ?? "";
    if (!this.changed || !this.cellXfs) return xml;
    const edits: { at: Span; text: string }[] = [];
    if (this.addedFormats.length > 0) {
      const entries = this.addedFormats
        .map((f) => `<${this.prefix}numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`)
        .join("");
      const count = [...this.formats.keys()].filter((id) => !(id in BUILT_IN_FORMATS)).length;
      if (this.numFmts) {
        const open = xml.slice(this.numFmts.start, this.numFmts.inner.start);
        const opening = withAttribute(open.replace(/\/>$/, ">"), "count", String(count));
        const inner = xml.slice(this.numFmts.inner.start, this.numFmts.inner.end);
        edits.push({
          at: this.numFmts,
          text: `${opening}${this.numFmts.selfClosing ? "" : inner}${entries}</${this.prefix}numFmts>`,
        });
      } else {
        // numFmts is the first child of styleSheet.
        const root = xml.indexOf(">", xml.indexOf(`<${this.prefix}styleSheet`)) + 1;
        edits.push({
          at: { start: root, end: root },
          text: `<${this.prefix}numFmts count="${count}">${entries}</${this.prefix}numFmts>`,
        });
      }
    }
    const open = xml.slice(this.cellXfs.start, this.cellXfs.inner.start);
    const inner = xml.slice(this.cellXfs.inner.start, this.cellXfs.inner.end);
    const prefix = /^<([\w.-]+:)?/.exec(open)?.[1] ?? "";
    edits.push({
      at: this.cellXfs,
      text: `${withAttribute(open.replace(/\/>$/, ">"), "count", String(this.xfs.length))}${this.cellXfs.selfClosing ? "" : inner}${prefixed(this.added, prefix)}</${prefix}cellXfs>`,
    });
    for (const [name, list] of this.lists)
      if (list.added.length > 0) edits.push(this.listEdit(xml, list, name));
    // Last first, so earlier offsets stay valid; an insertion where a list starts goes before it.
    edits.sort((a, b) => b.at.start - a.at.start || b.at.end - a.at.end);
    let out = xml;
    for (const e of edits) out = out.slice(0, e.at.start) + e.text + out.slice(e.at.end);
    return out;
  }
}
