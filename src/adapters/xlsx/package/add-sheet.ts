import {
  type AddSheet,
  type ApplyOptions,
  nextOwnSheetMarkName,
  ownSheetMarkReference,
  quotedSheetName,
} from "../../../core";
import { WorkbookError } from "../errors";
import { relsPathOf, type PackageParts, type WorkbookParts } from "./parts";
import { buildSheetXml } from "./sheet-build";
import type { Styles } from "./styles";
import { currentText } from "./workbook-edits";
import { escapeXml, PackageFormatError, parseXml } from "./xml";
import type { OutputPart } from "./zip";

const encoder = new TextEncoder();
const WORKSHEET_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

interface Span {
  start: number;
  end: number;
}

/** What workbook.xml says about its sheets and names, with the offsets an edit needs. */
function readWorkbook(xml: string) {
  const sheets: { name: string; sheetId: number }[] = [];
  const names: { name: string; localSheetId?: number; span: Span }[] = [];
  let sheetsClose = -1;
  let definedNamesClose = -1;
  /** An empty `<definedNames/>` (openpyxl writes one): replaced whole when names are added. */
  let emptyDefinedNames: Span | undefined;
  let namesAfter = -1;
  let open: { name: string; localSheetId?: number; start: number } | undefined;
  parseXml(xml, {
    open(name, a, start) {
      if (name === "sheet") sheets.push({ name: a.name ?? "", sheetId: Number(a.sheetId ?? 0) });
      if (name === "definedName")
        open = {
          name: a.name ?? "",
          start,
          ...(a.localSheetId !== undefined ? { localSheetId: Number(a.localSheetId) } : {}),
        };
    },
    close(name, start, end, selfClosing) {
      if (name === "sheets") sheetsClose = start;
      if (name === "definedNames" && selfClosing) emptyDefinedNames = { start, end };
      else if (name === "definedNames") definedNamesClose = start;
      if (["sheets", "functionGroups", "externalReferences"].includes(name)) namesAfter = end;
      if (name === "definedName" && open) {
        const { start: from, ...rest } = open;
        names.push({ ...rest, span: { start: from, end } });
        open = undefined;
      }
    },
  });
  if (sheetsClose < 0) throw new PackageFormatError("workbook.xml lists no sheets");
  const root = /<([\w.-]+:)?workbook\b[^>]*>/.exec(xml);
  const prefix = root?.[1] ?? "";
  const relPrefix = /\sxmlns:([\w.-]+)="[^"]*\/relationships"/.exec(root?.[0] ?? "")?.[1];
  return {
    sheets,
    names,
    sheetsClose,
    definedNamesClose,
    emptyDefinedNames,
    namesAfter,
    prefix,
    relPrefix,
  };
}

function nextRelationshipId(rels: string): string {
  const ids = new Set<string>();
  parseXml(rels, {
    open(name, a) {
      if (name === "Relationship" && a.Id) ids.add(a.Id);
    },
  });
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function relativeTarget(from: string, to: string, absolute: boolean): string {
  if (absolute) return `/${to}`;
  const base = from.split("/").slice(0, -1);
  const target = to.split("/");
  let shared = 0;
  while (shared < base.length && base[shared] === target[shared]) shared++;
  return [...base.slice(shared).map(() => ".."), ...target.slice(shared)].join("/");
}

function insertBefore(xml: string, at: number, text: string): string {
  return xml.slice(0, at) + text + xml.slice(at);
}

/**
 * Adds the plan's new sheets (Reconciliation, PID) as new parts — worksheet XML, a <sheet> in
 * workbook.xml, its relationship and content type — and marks each as ours with a hidden defined
 * name (own-sheets.ts). A sheet that `replaces` one of ours is rewritten in its own part. Every
 * other part stays as it was.
 *
 * A new sheet needs a worksheet part, a workbook relationship to it and a <sheet> whose sheetId
 * is unique (the largest plus one) and whose r:id names that relationship:
 * https://learn.microsoft.com/en-us/office/open-xml/spreadsheet/how-to-insert-a-new-worksheet-into-a-spreadsheet
 * A sheet-scoped name (print titles) gives the sheet's 0-based position in <sheets> as
 * localSheetId, and Excel reads a defined name's text as a name formula:
 * https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/16c3c118-f358-493d-a99f-4c85ca834c00
 */
export async function addSheets(
  ops: readonly AddSheet[],
  parts: PackageParts,
  book: WorkbookParts,
  output: Map<string, OutputPart>,
  styles: Styles,
  options: ApplyOptions,
): Promise<void> {
  if (ops.length === 0) return;
  const relsPath = relsPathOf(book.workbookPath);
  let workbook = (await currentText(parts, output, book.workbookPath)) ?? "";
  let rels = (await currentText(parts, output, relsPath)) ?? "";
  let types = (await currentText(parts, output, "[Content_Types].xml")) ?? "";
  if (!rels.includes("</Relationships>") || !types.includes("</Types>"))
    throw new PackageFormatError("the workbook's relationships or content types are unreadable");
  const absolute = /\sTarget="\/[^"]*"/.test(rels);
  const folder = book.sheets[0]?.path.replace(/[^/]*$/, "") ?? "xl/worksheets/";
  const pathsTaken = new Set([...parts.entries.keys(), ...output.keys()]);

  for (const op of ops) {
    const current = readWorkbook(workbook);
    const p = current.prefix;
    const names: string[] = [];
    const replaced = op.replaces ? book.sheets.find((s) => s.name === op.replaces) : undefined;
    if (op.replaces && !replaced)
      throw new WorkbookError(
        "write-failed",
        `Sheet "${op.replaces}" is missing from the workbook`,
      );
    let sheetIndex = current.sheets.findIndex((s) => s.name === op.replaces);
    let path = replaced?.path ?? "";
    if (!replaced) {
      if (current.sheets.some((s) => s.name.toLowerCase() === op.sheet.toLowerCase()))
        throw new WorkbookError("write-failed", `A sheet named "${op.sheet}" already exists`);
      let n = current.sheets.length + 1;
      while (pathsTaken.has(`${folder}sheet${n}.xml`)) n++;
      path = `${folder}sheet${n}.xml`;
      pathsTaken.add(path);
      const id = nextRelationshipId(rels);
      const sheetId = Math.max(0, ...current.sheets.map((s) => s.sheetId)) + 1;
      const target = relativeTarget(book.workbookPath, path, absolute);
      rels = insertBefore(
        rels,
        rels.lastIndexOf("</Relationships>"),
        `<Relationship Id="${id}" Type="${WORKSHEET_TYPE}" Target="${escapeXml(target)}"/>`,
      );
      types = insertBefore(
        types,
        types.lastIndexOf("</Types>"),
        `<Override PartName="/${escapeXml(path)}" ContentType="${WORKSHEET_CONTENT}"/>`,
      );
      const relId = current.relPrefix
        ? `${current.relPrefix}:id="${id}"`
        : `r:id="${id}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
      workbook = insertBefore(
        workbook,
        current.sheetsClose,
        `<${p}sheet name="${escapeXml(op.sheet)}" sheetId="${sheetId}" ${relId}/>`,
      );
      sheetIndex = current.sheets.length;
      // A council table started for the user (a Decisions register) has no role: not ours.
      if (op.role) {
        const existing = current.names.map((d) => d.name);
        const mark = nextOwnSheetMarkName(op.role, existing);
        names.push(
          `<${p}definedName name="${mark}" hidden="1">${escapeXml(ownSheetMarkReference(op.sheet))}</${p}definedName>`,
        );
      }
    }
    output.set(path, encoder.encode(buildSheetXml(op, styles, options, book.date1904)));
    // Print titles are the sheet's own _xlnm.Print_Titles name (ECMA-376 §18.2.6, definedName).
    const stale = current.names.filter(
      (d) => d.name === "_xlnm.Print_Titles" && d.localSheetId === sheetIndex,
    );
    const titles = op.print?.titleRows;
    if (titles) {
      const [from, to] = titles.split(":");
      names.push(
        `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex}">${escapeXml(`${quotedSheetName(op.sheet)}!$${from}:$${to ?? from}`)}</${p}definedName>`,
      );
    }
    workbook = withDefinedNames(workbook, names, replaced ? stale.map((d) => d.span) : []);
  }
  output.set(book.workbookPath, encoder.encode(workbook));
  output.set(relsPath, encoder.encode(rels));
  output.set("[Content_Types].xml", encoder.encode(types));
}

/** workbook.xml with `added` defined names and the `dropped` ones gone. */
function withDefinedNames(xml: string, added: readonly string[], dropped: readonly Span[]): string {
  let out = xml;
  for (const span of [...dropped].sort((a, b) => b.start - a.start))
    out = out.slice(0, span.start) + out.slice(span.end);
  if (added.length === 0) return out;
  const current = readWorkbook(out);
  if (current.definedNamesClose >= 0)
    return insertBefore(out, current.definedNamesClose, added.join(""));
  const p = current.prefix;
  const list = `<${p}definedNames>${added.join("")}</${p}definedNames>`;
  const empty = current.emptyDefinedNames;
  if (empty) return out.slice(0, empty.start) + list + out.slice(empty.end);
  // definedNames follows sheets, functionGroups and externalReferences (CT_Workbook's sequence).
  return insertBefore(out, current.namesAfter, list);
}
