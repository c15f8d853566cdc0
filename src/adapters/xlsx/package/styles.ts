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

  constructor(private readonly xml: string | undefined) {
    if (xml === undefined) return;
    let xfStart = -1;
    let inCellXfs = false;
    let xfDepth = 0;
    let pending: { open: Span; id: number } | undefined;
    parseXml(xml, {
      open: (name, a, start, end) => {
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
    edits.push({
      at: this.cellXfs,
      text: `${withAttribute(open.replace(/\/>$/, ">"), "count", String(this.xfs.length))}${this.cellXfs.selfClosing ? "" : inner}${this.added.join("")}</${this.prefix}cellXfs>`,
    });
    edits.sort((a, b) => b.at.start - a.at.start);
    let out = xml;
    for (const e of edits) out = out.slice(0, e.at.start) + e.text + out.slice(e.at.end);
    return out;
  }
}
