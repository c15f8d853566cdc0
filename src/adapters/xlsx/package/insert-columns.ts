import {
  type ColumnInsert,
  insertColumnsInFormula,
  insertColumnsInRanges,
  parseAddress,
  rangeColumns,
} from "../../../core";
import { WorkbookError } from "../errors";
import { insertIntoSheet } from "./insert-sheet";
import { relationshipsOf, type PackageParts, type WorkbookParts } from "./parts";
import { escapeXmlText, PartEdits, walkXml, type ElementSpan } from "./xml-rewrite";
import { decodeEntities } from "./xml-tokens";

/**
 * Columns inserted into a package the way Excel inserts them: besides the worksheets
 * (insert-sheet.ts), every other part that keeps a reference to the moved cells is edited in
 * place — defined names (print areas and titles among them), Excel tables (their ranges, and a
 * new table column when the insert falls inside one), comments and the notes' drawing anchors,
 * drawing anchors of shapes, pictures and charts, chart series, and pivot-cache sources. Parts
 * that hold no such reference are left exactly as they were.
 */

/** Part texts edited so far, by path; parts not in it are still as the package holds them. */
export type EditedParts = Map<string, string>;

const typeEnds = (type: string, suffix: string) => type.endsWith(`/${suffix}`);

async function textOf(parts: PackageParts, edited: EditedParts, path: string) {
  return edited.get(path) ?? (await parts.text(path));
}

/** Rewrites one part with `edit`, keeping it untouched when nothing changes. */
async function rewrite(
  parts: PackageParts,
  edited: EditedParts,
  path: string,
  edit: (xml: string) => string,
): Promise<void> {
  const xml = await textOf(parts, edited, path);
  if (xml === undefined) return;
  const next = edit(xml);
  if (next !== xml) edited.set(path, next);
}

/** Leaf elements named `names` whose text is a formula, rewritten with `change`. */
function formulaTexts(xml: string, names: ReadonlySet<string>, change: (f: string) => string) {
  const edits = new PartEdits();
  walkXml(xml, {
    close(element, text, end) {
      if (text !== null && names.has(element.name))
        edits.content(element, text, change(text), end, xml);
    },
  });
  return edits.apply(xml);
}

/**
 * An Excel table after the insert. On the inserted sheet its ranges move or grow; an insert inside
 * it adds table columns, named as the header the plan writes there or "Column<n>" as Excel names
 * them, whose header cells go into `headers`. Column formulas move on every sheet.
 */
function insertIntoTable(
  xml: string,
  host: string,
  insert: ColumnInsert,
  here: boolean,
  planHeaders: ReadonlyMap<string, string>,
  headers: Map<string, string>,
): string {
  const edits = new PartEdits();
  const formula = (text: string) => insertColumnsInFormula(text, host, insert);
  const ranges = (text: string) => insertColumnsInRanges(text, insert);
  let span: [number, number] | null = null;
  let headerRow = -1;
  let inAutoFilter = false;
  const columns: { element: ElementSpan; name: string; id: number }[] = [];
  let countSpan: ElementSpan["attributes"] | undefined;
  walkXml(xml, {
    open(element, parents) {
      const { name, attributes } = element;
      if (!here) return;
      if (name === "table") {
        const ref = attributes.get("ref");
        span = rangeColumns(ref?.value ?? "");
        const top = ref ? parseAddress(ref.value.split(":")[0] ?? "").row : -1;
        headerRow = attributes.get("headerRowCount")?.value === "0" ? -1 : top;
      }
      if (["table", "autoFilter", "sortState", "sortCondition"].includes(name)) {
        const ref = attributes.get("ref");
        if (ref) edits.attribute(ref, ranges(ref.value));
      }
      if (name === "autoFilter") inAutoFilter = true;
      if (name === "filterColumn" && inAutoFilter && span && parents.includes("autoFilter")) {
        const colId = attributes.get("colId");
        const id = Number(colId?.value ?? NaN);
        if (span[0] < insert.column && span[0] + id >= insert.column)
          edits.attribute(colId, String(id + insert.count));
      }
      if (name === "tableColumns") countSpan = attributes;
      if (name === "tableColumn")
        columns.push({
          element,
          name: attributes.get("name")?.value ?? "",
          id: Number(attributes.get("id")?.value ?? 0),
        });
    },
    close(element, text, end) {
      if (element.name === "autoFilter") inAutoFilter = false;
      if (text !== null && ["calculatedColumnFormula", "totalsRowFormula"].includes(element.name))
        edits.content(element, text, formula(text), end, xml);
    },
  });
  const inside = span !== null && span[0] < insert.column && insert.column <= span[1];
  if (!here || !inside || !span) return edits.apply(xml);
  const before = columns[insert.column - span[0]];
  if (!before) return edits.apply(xml);
  const taken = new Set(columns.map((c) => c.name.toUpperCase()));
  let nextId = Math.max(0, ...columns.map((c) => c.id)) + 1;
  let n = 1;
  const added: string[] = [];
  for (let c = insert.column; c < insert.column + insert.count; c++) {
    let name = planHeaders.get(`${headerRow},${c}`);
    if (name === undefined || taken.has(name.toUpperCase())) {
      while (taken.has(`COLUMN${n}`)) n++;
      name = `Column${n}`;
    }
    taken.add(name.toUpperCase());
    if (headerRow >= 0) headers.set(`${headerRow},${c}`, name);
    added.push(
      `<${before.element.prefix}tableColumn id="${nextId++}" name="${escapeXmlText(name)}"/>`,
    );
  }
  edits.replace(before.element.start, before.element.start, added.join(""));
  const count = countSpan?.get("count");
  if (count) edits.attribute(count, String(columns.length + insert.count));
  return edits.apply(xml);
}

/** Moves a 0-based column number written as text, at or right of the insertion point. */
const movedText = (text: string, insert: ColumnInsert) => {
  const n = Number(text);
  return Number.isInteger(n) && n >= insert.column ? String(n + insert.count) : text;
};

/**
 * Anchors of shapes, pictures and charts in a DrawingML part. A two-cell anchor set to move and
 * size with cells (the default) moves each corner that lies at or right of the insert, so an
 * object over the insertion point widens; "oneCell" ones move whole when their left edge moves;
 * "absolute" ones stay (ECMA-376 Part 1, 20.5.2.33 twoCellAnchor, editAs).
 */
export function insertIntoDrawing(xml: string, insert: ColumnInsert): string {
  const edits = new PartEdits();
  type Corner = { element: ElementSpan; text: string; end: number };
  let anchor: { editAs: string; from?: Corner; to?: Corner } | undefined;
  walkXml(xml, {
    open(element) {
      if (element.name === "twoCellAnchor" || element.name === "oneCellAnchor")
        anchor = {
          editAs:
            element.name === "oneCellAnchor"
              ? "oneCell"
              : (element.attributes.get("editAs")?.value ?? "twoCell"),
        };
    },
    close(element, text, end, parents) {
      const corner = parents[parents.length - 1];
      if (
        anchor &&
        element.name === "col" &&
        text !== null &&
        (corner === "from" || corner === "to")
      )
        anchor[corner] ??= { element, text, end };
      if (element.name !== "twoCellAnchor" && element.name !== "oneCellAnchor") return;
      const { editAs, from, to } = anchor ?? { editAs: "absolute" };
      anchor = undefined;
      if (editAs === "absolute" || !from) return;
      const move = (c: Corner | undefined) =>
        c && edits.content(c.element, c.text, movedText(c.text, insert), c.end, xml);
      if (editAs === "oneCell") {
        if (Number(from.text) >= insert.column) [from, to].forEach(move);
        return;
      }
      [from, to].forEach(move);
    },
  });
  return edits.apply(xml);
}

/**
 * The legacy VML drawing of a sheet's notes: each note names its cell's column (x:Column,
 * 0-based) and the columns its box spans (x:Anchor); a legacy form control also names its linked
 * cell and input range (x:FmlaLink, x:FmlaRange). VML is not always well-formed XML (Excel writes
 * bare <br> in it), so these elements are found by their text rather than parsed.
 */
export function insertIntoVml(xml: string, insert: ColumnInsert): string {
  const link = (f: string) => insertColumnsInFormula(f, insert.sheet, insert);
  return xml
    .replace(
      /(<x:Fmla(?:Link|Range)>)([^<]*)(<\/x:Fmla(?:Link|Range)>)/g,
      (whole: string, open: string, f: string, close: string) => {
        const written = decodeEntities(f);
        const moved = link(written);
        return moved === written ? whole : `${open}${escapeXmlText(moved)}${close}`;
      },
    )
    .replace(
      /(<x:Column>)\s*(\d+)\s*(<\/x:Column>)/g,
      (_m, open: string, n: string, close: string) => `${open}${movedText(n, insert)}${close}`,
    )
    .replace(
      /(<x:Anchor>)([^<]*)(<\/x:Anchor>)/g,
      (whole, open: string, list: string, close: string) => {
        const values = list.split(",").map((v) => v.trim());
        if (values.length !== 8) return whole;
        values[0] = movedText(values[0] ?? "", insert);
        values[4] = movedText(values[4] ?? "", insert);
        return `${open}${values.join(", ")}${close}`;
      },
    );
}

/** Attributes holding a range on the sheet, in parts about one sheet (comments, threads). */
function rangeAttributes(xml: string, element: string, attribute: string, insert: ColumnInsert) {
  const edits = new PartEdits();
  walkXml(xml, {
    open({ name, attributes }) {
      const span = attributes.get(attribute);
      if (name === element && span)
        edits.attribute(span, insertColumnsInRanges(span.value, insert));
    },
  });
  return edits.apply(xml);
}

const DEFINED_NAMES = new Set(["definedName"]);
const CHART_FORMULAS = new Set(["f"]);

/**
 * Applies one insert to every part it concerns, recording the edited texts in `edited`.
 * `planHeaders` holds the header cells the plan writes on the inserted sheet ("row,column"),
 * which name the table columns an insert inside a table adds.
 */
export async function insertColumnsInPackage(
  parts: PackageParts,
  book: WorkbookParts,
  edited: EditedParts,
  insert: ColumnInsert,
  planHeaders: ReadonlyMap<string, string>,
): Promise<void> {
  const target = book.sheets.find((s) => s.name === insert.sheet);
  if (!target)
    throw new WorkbookError("write-failed", `Sheet "${insert.sheet}" is missing from the workbook`);
  const headers = new Map<string, string>();
  // Tables first: an insert inside one adds header cells to the sheet.
  for (const sheet of book.sheets) {
    const here = sheet === target;
    for (const rel of await relationshipsOf(parts, sheet.path)) {
      if (rel.external || !typeEnds(rel.type, "table")) continue;
      await rewrite(parts, edited, rel.target, (xml) =>
        insertIntoTable(xml, sheet.name, insert, here, planHeaders, headers),
      );
    }
  }
  // Form controls (ctrlProp parts) name their linked cell and input range as formulas.
  for (const sheet of book.sheets)
    for (const rel of await relationshipsOf(parts, sheet.path))
      if (!rel.external && typeEnds(rel.type, "ctrlProp"))
        await rewrite(parts, edited, rel.target, (xml) => controlLinks(xml, sheet.name, insert));
  for (const sheet of book.sheets)
    await rewrite(parts, edited, sheet.path, (xml) =>
      insertIntoSheet(xml, {
        sheet: sheet.name,
        insert,
        ...(sheet === target ? { headers } : {}),
      }),
    );
  await rewrite(parts, edited, book.workbookPath, (xml) =>
    formulaTexts(xml, DEFINED_NAMES, (f) => insertColumnsInFormula(f, null, insert)),
  );
  for (const rel of await relationshipsOf(parts, target.path)) {
    if (rel.external) continue;
    const edit = typeEnds(rel.type, "comments")
      ? (xml: string) => rangeAttributes(xml, "comment", "ref", insert)
      : typeEnds(rel.type, "threadedComment")
        ? (xml: string) => rangeAttributes(xml, "threadedComment", "ref", insert)
        : typeEnds(rel.type, "vmlDrawing")
          ? (xml: string) => insertIntoVml(xml, insert)
          : typeEnds(rel.type, "drawing")
            ? (xml: string) => insertIntoDrawing(xml, insert)
            : undefined;
    if (edit) await rewrite(parts, edited, rel.target, edit);
  }
  for (const path of parts.entries.keys()) {
    if (/^xl\/charts\/chart(Ex)?\d*\.xml$/i.test(path))
      await rewrite(parts, edited, path, (xml) =>
        formulaTexts(xml, CHART_FORMULAS, (f) => insertColumnsInFormula(f, null, insert)),
      );
    if (/^xl\/pivotCache\/pivotCacheDefinition\d*\.xml$/i.test(path))
      await rewrite(parts, edited, path, (xml) => pivotSource(xml, insert));
  }
}

const CONTROL_LINKS = ["fmlaLink", "fmlaRange", "fmlaTxbx", "fmlaGroup"];

export function controlLinks(xml: string, host: string, insert: ColumnInsert): string {
  const edits = new PartEdits();
  walkXml(xml, {
    open({ name, attributes }) {
      if (name !== "formControlPr") return;
      for (const attribute of CONTROL_LINKS) {
        const span = attributes.get(attribute);
        if (span) edits.attribute(span, insertColumnsInFormula(span.value, host, insert));
      }
    },
  });
  return edits.apply(xml);
}

/** A pivot cache reading a range of the inserted sheet: the range moves or grows. */
function pivotSource(xml: string, insert: ColumnInsert): string {
  const edits = new PartEdits();
  walkXml(xml, {
    open({ name, attributes }) {
      const sheet = attributes.get("sheet")?.value;
      const ref = attributes.get("ref");
      if (name !== "worksheetSource" || !ref || sheet === undefined) return;
      if (sheet.toUpperCase() !== insert.sheet.toUpperCase()) return;
      if ([...attributes.keys()].some((k) => k.endsWith(":id"))) return; // another workbook
      edits.attribute(ref, insertColumnsInRanges(ref.value, insert));
    },
  });
  return edits.apply(xml);
}
