import { PackageRefusedError } from "./errors";
import { relationshipsOf, type PackageParts } from "./parts";
import { parseXml } from "./xml";

/** The spreadsheet packages Council Sheets works on, by the extension Excel gives each. */
export type WorkbookKind = "xlsx" | "xlsm" | "xltx" | "xltm";

/**
 * Main-part content types ([MS-OE376], ECMA-376 Part 1 §11.3.10; Office's macro-enabled and binary
 * types are listed in Microsoft's "Office Open XML file formats" overview). An .xlsm only differs
 * from an .xlsx in this type and its VBA part, so a macro workbook renamed .xlsx is still named
 * for what it is.
 */
const WORKBOOKS: Record<string, WorkbookKind> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
  "application/vnd.ms-excel.sheet.macroenabled.main+xml": "xlsm",
  "application/vnd.ms-excel.template.macroenabled.main+xml": "xltm",
};

const OTHERS: [RegExp, string][] = [
  [
    /^application\/vnd\.ms-excel\.sheet\.binary\./,
    "an Excel binary workbook (.xlsb); save it from Excel as .xlsx",
  ],
  [/^application\/vnd\.ms-excel\.addin\./, "an Excel add-in (.xlam), not a workbook"],
  [/wordprocessingml|^application\/vnd\.ms-word\./, "a Word document, not an Excel workbook"],
  [
    /presentationml|^application\/vnd\.ms-powerpoint\./,
    "a PowerPoint presentation, not an Excel workbook",
  ],
];

const refuse = (what: string) => new PackageRefusedError("not-a-workbook", `is ${what}`);

/** What an OpenDocument package says it is, from its first entry "mimetype" (ODF 1.2 Part 3 §3.3). */
async function openDocumentType(parts: PackageParts): Promise<string | undefined> {
  if (!parts.has("mimetype")) return undefined;
  return (await parts.text("mimetype"))?.trim();
}

/** Finds what kind of workbook the package holds, or refuses it naming what it is instead. */
export async function workbookKind(parts: PackageParts): Promise<WorkbookKind> {
  const odf = await openDocumentType(parts);
  if (odf === "application/vnd.oasis.opendocument.spreadsheet")
    throw refuse("an OpenDocument spreadsheet (.ods); save it from LibreOffice or Excel as .xlsx");
  if (odf?.startsWith("application/vnd.oasis.opendocument."))
    throw refuse("an OpenDocument file, not an Excel workbook");
  const types = await parts.text("[Content_Types].xml");
  const main = (await relationshipsOf(parts, "")).find((r) => r.type.endsWith("/officeDocument"));
  if (types === undefined || !main)
    throw refuse("a zip archive, not an Excel workbook (it has no Office package parts)");
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  parseXml(types, {
    open(name, a) {
      const type = (a.ContentType ?? "").toLowerCase();
      if (name === "Default" && a.Extension) defaults.set(a.Extension.toLowerCase(), type);
      if (name === "Override" && a.PartName) overrides.set(a.PartName.toLowerCase(), type);
    },
  });
  const target = main.target.toLowerCase();
  const type = overrides.get(`/${target}`) ?? defaults.get(target.split(".").pop() ?? "") ?? "";
  const kind = WORKBOOKS[type];
  if (kind) return kind;
  const other = OTHERS.find(([pattern]) => pattern.test(type));
  throw refuse(other?.[1] ?? `an Office file of type "${type}", not an Excel workbook`);
}

/** Whether a workbook of this kind carries macros, which only its own extension keeps usable. */
export const isMacroEnabled = (kind: WorkbookKind) => kind === "xlsm" || kind === "xltm";
