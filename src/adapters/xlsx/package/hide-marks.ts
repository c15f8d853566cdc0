import { ownSheetRole } from "../../../core";
import { PackageParts, workbookParts } from "./parts";
import { parseXml, withAttribute } from "./xml";
import { zipParts, type OutputPart } from "./zip";
import { portableInflate } from "./zip-read";

/**
 * Sets hidden="1" on our own-sheet marks in a package another writer made. ExcelJS writes every
 * defined name visible (it has no hidden flag), which would put our marks in Name Manager for a
 * user to rename or delete. Only workbook.xml is rewritten; every other part is copied as stored.
 */
export async function hideOwnSheetMarks(bytes: Uint8Array): Promise<Uint8Array> {
  const parts = PackageParts.open(bytes, portableInflate);
  const book = await workbookParts(parts);
  const xml = (await parts.text(book.workbookPath)) ?? "";
  const tags: { start: number; end: number }[] = [];
  parseXml(xml, {
    open(name, a, start, end) {
      if (name === "definedName" && a.name && ownSheetRole(a.name) && a.hidden !== "1")
        tags.push({ start, end });
    },
  });
  if (tags.length === 0) return bytes;
  let out = xml;
  for (const tag of tags.reverse())
    out =
      out.slice(0, tag.start) +
      withAttribute(out.slice(tag.start, tag.end), "hidden", "1") +
      out.slice(tag.end);
  const output = new Map<string, OutputPart>(parts.entries);
  output.set(book.workbookPath, new TextEncoder().encode(out));
  return zipParts(output);
}
