import { PackageFormatError, parseXml, withAttribute } from "./xml";

/**
 * The differential formats of styles.xml (`<dxfs>`, ECMA-376 Part 1 §18.8.17): the looks that
 * conditional formats point at by `dxfId`. New entries are appended, so every existing index keeps
 * its meaning; an entry identical to one already there (ours, from an earlier run) is reused.
 *
 * Kept apart from Styles (cell formats) because it edits a later part of styles.xml: it is applied
 * to the text Styles.serialise() returns, after the cell formats are in place.
 */
export class DifferentialFormats {
  private readonly entries: string[] = [];
  private readonly added: string[] = [];

  constructor(xml: string | undefined) {
    if (xml === undefined) return;
    let start = -1;
    let depth = 0;
    let inDxfs = false;
    parseXml(xml, {
      open: (name, _a, s) => {
        if (name === "dxfs") inDxfs = true;
        else if (inDxfs && depth++ === 0) start = s;
      },
      close: (name, _s, end) => {
        if (name === "dxfs") inDxfs = false;
        else if (inDxfs && --depth === 0) this.entries.push(xml.slice(start, end));
      },
    });
  }

  /** The dxfId of a solid `fill` with `text` coloured font ("#rrggbb"), appending it if new. */
  index(fill: string, text: string): number {
    const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
    // In a dxf, a solid pattern's colour is its bgColor (Excel reads that one); fgColor is set
    // to the same so that readers taking either show the same fill.
    const dxf = `<dxf><font><color rgb="${argb(text)}"/></font><fill><patternFill patternType="solid"><fgColor rgb="${argb(fill)}"/><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`;
    const existing = this.entries.findIndex((e) => e.replace(/<(\/?)[\w.-]+:/g, "<$1") === dxf);
    if (existing >= 0) return existing;
    const known = this.added.indexOf(dxf);
    if (known >= 0) return this.entries.length + known;
    this.added.push(dxf);
    return this.entries.length + this.added.length - 1;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /**
   * styles.xml with the new entries at the end of `<dxfs>`, its count updated; a file without
   * `<dxfs>` gets one where CT_Stylesheet's sequence puts it (after cellStyles, before
   * tableStyles, colors and extLst).
   */
  serialise(xml: string): string {
    if (!this.changed) return xml;
    const root = /<([\w.-]+:)?styleSheet[\s>/]/.exec(xml);
    if (!root) throw new PackageFormatError("styles.xml has no styleSheet");
    const p = root[1] ?? "";
    const entries = this.added.join("").replace(/<(\/?)(\w+)(?=[\s/>])/g, `<$1${p}$2`);
    const count = String(this.entries.length + this.added.length);
    let open: { start: number; end: number; selfClosing: boolean } | undefined;
    let closeStart = -1;
    let before = -1;
    let rootClose = -1;
    parseXml(xml, {
      open: (name, _a, start, end) => {
        if (name === "dxfs") open = { start, end, selfClosing: xml[end - 2] === "/" };
        if (before < 0 && ["tableStyles", "colors", "extLst"].includes(name)) before = start;
      },
      close: (name, start) => {
        if (name === "dxfs") closeStart = start;
        if (name === "styleSheet") rootClose = start;
      },
    });
    if (open) {
      const tag = xml.slice(open.start, open.end);
      if (open.selfClosing)
        return (
          xml.slice(0, open.start) +
          withAttribute(tag.replace(/\s*\/>$/, ">"), "count", count) +
          entries +
          `</${p}dxfs>` +
          xml.slice(open.end)
        );
      return (
        xml.slice(0, open.start) +
        withAttribute(tag, "count", count) +
        xml.slice(open.end, closeStart) +
        entries +
        xml.slice(closeStart)
      );
    }
    const at = before >= 0 ? before : rootClose;
    if (at < 0) throw new PackageFormatError("styles.xml has no end tag");
    return `${xml.slice(0, at)}<${p}dxfs count="${count}">${entries}</${p}dxfs>${xml.slice(at)}`;
  }
}
