import {
  type ColumnInsert,
  columnLetter,
  insertColumnsInFormula,
  insertColumnsInRanges,
  MAX_COLUMN,
  moveFormula,
  rangeColumns,
} from "../../../core";
import { escapeXml, PackageFormatError } from "./xml";
import {
  escapeXmlContent,
  escapeXmlText,
  PartEdits,
  walkXml,
  type AttributeSpan,
  type ElementSpan,
} from "./xml-rewrite";

/**
 * One worksheet part after columns are inserted, as Excel does it. On the inserted sheet, cells
 * at or right of the insertion point move right and every range the sheet keeps (used range,
 * column widths, merges, conditional formats, validations, hyperlinks, autofilter, panes and
 * selections, page breaks, control anchors, x14 extensions) moves or grows with them; the new
 * cells take the format of the cell to their left (Excel's default "format from left", see
 * https://learn.microsoft.com/en-us/office/vba/api/Excel.Range.Insert, CopyOrigin). On every
 * sheet, formulas that point at the inserted sheet are rewritten (core/formula-insert.ts).
 */

/** Attributes that hold a range (or list of ranges) on the sheet itself, by element. */
const RANGE_ATTRIBUTES: Record<string, readonly string[]> = {
  dimension: ["ref"],
  mergeCell: ["ref"],
  hyperlink: ["ref"],
  autoFilter: ["ref"],
  sortState: ["ref"],
  sortCondition: ["ref"],
  selection: ["sqref", "activeCell"],
  pane: ["topLeftCell"],
  protectedRange: ["sqref"],
  ignoredError: ["sqref"],
  cellWatch: ["r"],
};

/** Elements whose text is a formula (cell formulas aside): CF rules, validations, x14's xm:f. */
const FORMULA_ELEMENTS = new Set(["formula", "formula1", "formula2", "f"]);

interface SharedCell {
  row: number;
  column: number;
  /** The whole <f> element. */
  start: number;
  end: number;
  prefix: string;
}

interface SharedMaster extends SharedCell {
  text: string;
  ref: string;
  refSpan: AttributeSpan;
  element: ElementSpan;
  closeEnd: number;
}

export interface SheetInsertOptions {
  /** This sheet's name. */
  sheet: string;
  insert: ColumnInsert;
  /** Text for cells of the inserted columns (table headers), by "row,column" after the insert. */
  headers?: ReadonlyMap<string, string>;
}

/** Column letters by index, made once each: a large sheet moves a million cell references. */
const letters: string[] = [];
const lettersOf = (column: number) => (letters[column] ??= columnLetter(column));

/**
 * A cell reference ("AB12") read character by character, or null: it runs once per cell. (The
 * same reading as the sheet reader's, sheet-read.ts, where the format's cell references are read.)
 */
function cellAt(text: string): { row: number; column: number } | null {
  let i = 0;
  let column = 0;
  for (; i < text.length && i < 3; i++) {
    const code = text.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  let row = 0;
  const digits = i;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
  }
  return column === 0 || i === digits || row === 0 ? null : { row: row - 1, column: column - 1 };
}

/** "1:5 7:9" (1-based) after the insert; `added` widens a row that gains cells. */
function shiftSpans(spans: string, insert: ColumnInsert, added: boolean): string {
  return spans
    .split(" ")
    .map((piece) => {
      const [lo, hi] = piece.split(":").map(Number);
      if (lo === undefined || hi === undefined || Number.isNaN(lo) || Number.isNaN(hi))
        return piece;
      const move = (n: number) => (n - 1 >= insert.column ? n + insert.count : n);
      const top = added ? Math.max(move(hi), insert.column + insert.count) : move(hi);
      return `${move(lo)}:${top}`;
    })
    .join(" ");
}

export function insertIntoSheet(xml: string, options: SheetInsertOptions): string {
  const { sheet, insert } = options;
  const here = sheet.toUpperCase() === insert.sheet.toUpperCase();
  const edits = new PartEdits();
  const formula = (text: string) => insertColumnsInFormula(text, sheet, insert);
  const ranges = (text: string) => insertColumnsInRanges(text, insert);
  const formatRanges = (text: string) =>
    insertColumnsInRanges(text, insert, { formatFromLeft: true });
  const moved = (column: number) => (column >= insert.column ? column + insert.count : column);

  const masters = new Map<string, SharedMaster>();
  const followers = new Map<string, SharedCell[]>();
  let cell: { row: number; column: number } | undefined;
  // The row being read: where new cells go and the style they copy.
  let row:
    { number: number; element: ElementSpan; insertAt: number; leftStyle?: string } | undefined;
  let filterFirst = 0;
  const cols: { element: ElementSpan; end: number; min: number; max: number }[] = [];

  walkXml(xml, {
    open(element, parents) {
      const { name, attributes } = element;
      // Cell values and string runs, most of a sheet's tags, hold no reference.
      if (name === "v" || name === "t" || name === "is") return;
      const parent = parents[parents.length - 1];
      if (name === "row" && here) {
        const number = Number(attributes.get("r")?.value ?? NaN);
        if (!Number.isInteger(number)) throw new PackageFormatError("a row without its number");
        row = { number, element, insertAt: -1 };
        return;
      }
      if (name === "c" && parent === "row") {
        const r = attributes.get("r");
        if (!r) {
          if (here) throw new PackageFormatError("a cell without its reference");
          cell = undefined;
          return;
        }
        const at = cellAt(r.value);
        if (!at) throw new PackageFormatError(`unreadable cell reference ${r.value}`);
        cell = at;
        if (!here || !row) return;
        if (at.column === insert.column - 1) row.leftStyle = attributes.get("s")?.value;
        if (at.column >= insert.column) {
          if (row.insertAt < 0) row.insertAt = element.start;
          if (at.column + insert.count > MAX_COLUMN)
            throw new PackageFormatError("cells would be pushed past the last column");
          edits.attribute(r, `${lettersOf(at.column + insert.count)}${at.row + 1}`);
        }
        return;
      }
      if (!here) {
        if (name === "hyperlink") {
          const location = attributes.get("location");
          if (location) edits.attribute(location, formula(location.value));
        }
        return;
      }
      if (name === "conditionalFormatting" || name === "dataValidation") {
        const sqref = attributes.get("sqref");
        if (sqref) edits.attribute(sqref, formatRanges(sqref.value));
      }
      for (const attribute of RANGE_ATTRIBUTES[name] ?? []) {
        const span = attributes.get(attribute);
        if (span) edits.attribute(span, ranges(span.value));
      }
      if (name === "hyperlink") {
        const location = attributes.get("location");
        if (location) edits.attribute(location, formula(location.value));
      }
      if (name === "autoFilter")
        filterFirst = rangeColumns(attributes.get("ref")?.value ?? "")?.[0] ?? 0;
      if (name === "filterColumn" && parent === "autoFilter") {
        const colId = attributes.get("colId");
        const id = Number(colId?.value ?? NaN);
        if (filterFirst + id >= insert.column && filterFirst < insert.column)
          edits.attribute(colId, String(id + insert.count));
      }
      if (name === "brk" && parent === "colBreaks") {
        const id = attributes.get("id");
        const n = Number(id?.value ?? NaN);
        if (n >= insert.column) edits.attribute(id, String(n + insert.count));
      }
    },
    close(element, text, end, parents) {
      const { name, attributes } = element;
      if (name === "v" || name === "t" || name === "is") return;
      const parent = parents[parents.length - 1];
      if (name === "f" && parent === "c") {
        cellFormula(element, text, end);
        return;
      }
      if (name === "c" && parent === "row") {
        cell = undefined;
        return;
      }
      if (name === "row" && here && row) {
        closeRow(end);
        row = undefined;
        return;
      }
      if (text !== null && FORMULA_ELEMENTS.has(name)) {
        edits.content(element, text, formula(text), end, xml);
        return;
      }
      if (!here) return;
      // x14 conditional formats and validations (extLst) keep their ranges in <xm:sqref>.
      if (name === "sqref" && text !== null)
        edits.content(element, text, formatRanges(text), end, xml);
      if (name === "col" && parent === "cols") {
        const min = Number(attributes.get("min")?.value ?? NaN);
        const max = Number(attributes.get("max")?.value ?? NaN);
        if (!Number.isNaN(min) && !Number.isNaN(max)) cols.push({ element, end, min, max });
      }
      if (name === "col" && (parent === "from" || parent === "to") && text !== null) {
        const n = Number(text);
        if (Number.isInteger(n) && n >= insert.column)
          edits.content(element, text, String(n + insert.count), end, xml);
      }
      if (name === "cols") closeCols();
    },
  });

  function cellFormula(element: ElementSpan, text: string | null, end: number): void {
    const t = element.attributes.get("t")?.value;
    const si = element.attributes.get("si")?.value;
    // A shared formula needs its cell's place (a cell without "r", allowed on other sheets, has none).
    if (t === "shared" && si !== undefined && cell) {
      const ref = element.attributes.get("ref");
      const at = {
        row: cell.row,
        column: cell.column,
        start: element.start,
        end,
        prefix: element.prefix,
      };
      if (ref && text) {
        masters.set(si, { ...at, text, ref: ref.value, refSpan: ref, element, closeEnd: end });
      } else {
        const members = followers.get(si);
        if (members) members.push(at);
        else followers.set(si, [at]);
      }
      return;
    }
    if (text) edits.content(element, text, formula(text), end, xml);
    if (!here) return;
    const ref = element.attributes.get("ref");
    if (ref && t === "array") {
      const span = rangeColumns(ref.value);
      if (span && span[0] < insert.column && insert.column <= span[1])
        throw new PackageFormatError(`the array formula in ${ref.value} spans the inserted column`);
    }
    for (const attribute of ["ref", "r1", "r2"]) {
      const span = element.attributes.get(attribute);
      if (span) edits.attribute(span, ranges(span.value));
    }
  }

  function closeRow(end: number): void {
    if (!row) return;
    const { element } = row;
    const added: string[] = [];
    for (let c = insert.column; c < insert.column + insert.count; c++) {
      const r = `${lettersOf(c)}${row.number}`;
      const header = options.headers?.get(`${row.number - 1},${c}`);
      const s = row.leftStyle && row.leftStyle !== "0" ? ` s="${row.leftStyle}"` : "";
      if (header !== undefined) {
        const p = element.prefix;
        const space = header.trim() === header ? "" : ' xml:space="preserve"';
        added.push(
          `<${p}c r="${r}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeXml(header)}</${p}t></${p}is></${p}c>`,
        );
      } else if (s) added.push(`<${element.prefix}c r="${r}"${s}/>`);
    }
    const spans = element.attributes.get("spans");
    if (spans) edits.attribute(spans, shiftSpans(spans.value, insert, added.length > 0));
    if (added.length === 0) return;
    if (element.selfClosing) return;
    const at = row.insertAt >= 0 ? row.insertAt : xml.lastIndexOf("<", end - 1);
    edits.replace(at, at, added.join(""));
  }

  function closeCols(): void {
    let spanned = false;
    let left: (typeof cols)[number] | undefined;
    for (const col of cols) {
      const { min, max } = col;
      // min and max are 1-based; insert.column is 0-based, so column insert.column is number +1.
      const first = insert.column + 1;
      if (max < first) {
        if (max === first - 1) left = col;
        continue;
      }
      if (min < first) spanned = true;
      edits.attribute(
        col.element.attributes.get("min"),
        String(min >= first ? min + insert.count : min),
      );
      edits.attribute(col.element.attributes.get("max"), String(max + insert.count));
    }
    // Inserted columns copy the width and style of the column to their left.
    if (spanned || !left) return;
    const tag = xml.slice(left.element.start, left.end);
    const attributes = [...left.element.attributes].filter(
      ([name]) => !["min", "max", "hidden", "collapsed", "outlineLevel"].includes(name),
    );
    const copy = `<${left.element.prefix}col min="${insert.column + 1}" max="${insert.column + insert.count}"${attributes
      .map(([name, a]) => ` ${name}="${escapeXmlText(a.value)}"`)
      .join("")}/>`;
    if (tag) edits.replace(left.end, left.end, copy);
  }

  resolveShared();

  /**
   * A shared formula is written once, in its first cell, and means the same formula moved to
   * each cell of its range. It stays shared when that still holds after the insert; a range the
   * insert splits, or one whose cells would now need different moves (a formula filled across
   * the insertion point), is written out cell by cell instead.
   */
  function resolveShared(): void {
    for (const [si, master] of masters) {
      const next = formula(master.text);
      const span = rangeColumns(master.ref);
      const members = followers.get(si) ?? [];
      const split = here && span !== null && span[0] < insert.column && insert.column <= span[1];
      const across = span !== null && span[0] !== span[1];
      const place = (c: number) => (here ? moved(c) : c);
      const consistent =
        !split &&
        (!across ||
          members.every((m) => {
            const own = formula(
              moveFormula(master.text, m.row - master.row, m.column - master.column),
            );
            const shared = moveFormula(
              next,
              m.row - master.row,
              place(m.column) - place(master.column),
            );
            return own === shared;
          }));
      if (consistent) {
        edits.content(master.element, master.text, next, master.closeEnd, xml);
        if (here) edits.attribute(master.refSpan, ranges(master.ref));
        continue;
      }
      const own = (m: SharedCell, text: string) =>
        edits.replace(m.start, m.end, `<${m.prefix}f>${escapeXmlContent(text)}</${m.prefix}f>`);
      own(master, next);
      for (const m of members)
        own(m, formula(moveFormula(master.text, m.row - master.row, m.column - master.column)));
    }
  }

  return edits.apply(xml);
}
