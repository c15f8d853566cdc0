import { columnLetter, parseAddress, type TableJoin } from "../../../core";
import { relationshipsOf, type PackageParts, type WorkbookParts } from "./parts";
import { escapeXml } from "./xml";
import { PartEdits, walkXml } from "./xml-rewrite";

/**
 * Excel tables widened over the new columns that join them (core/table-joins.ts): the table's
 * `ref` and its `autoFilter`'s reach the last new column, and each new column is a <tableColumn>
 * (ECMA-376 Part 1 §18.5.1.3) with a fresh id, the header as its name, the filled-down formula as
 * its calculatedColumnFormula (§18.5.1.1) and, where a totals-row cell was written, that formula
 * as a custom totalsRowFormula (§18.5.1.4). Every other byte of the part stays as it was.
 */
export async function joinTables(
  parts: PackageParts,
  book: WorkbookParts,
  joins: readonly TableJoin[],
  /** Parts already edited: joined from their edited text. */
  edited: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const joinedParts = new Map<string, string>();
  for (const join of joins) {
    const sheet = book.sheets.find((s) => s.name === join.sheet);
    if (!sheet) continue;
    for (const rel of await relationshipsOf(parts, sheet.path)) {
      if (rel.external || !rel.type.endsWith("/table")) continue;
      const xml =
        joinedParts.get(rel.target) ?? edited.get(rel.target) ?? (await parts.text(rel.target));
      if (xml === undefined) continue;
      const next = joinTablePart(xml, join);
      if (next !== xml) joinedParts.set(rel.target, next);
    }
  }
  return joinedParts;
}

/** "A3:E10" reaching `lastColumn` (0-based). */
function widened(ref: string, lastColumn: number): string {
  const [from = "", to = from] = ref.split(":");
  const end = parseAddress(to);
  return `${from}:${columnLetter(lastColumn)}${end.row + 1}`;
}

function tableColumnXml(p: string, id: number, column: TableJoin["columns"][number]): string {
  const calculated = column.calculated
    ? `<${p}calculatedColumnFormula>${escapeXml(column.calculated.slice(1))}</${p}calculatedColumnFormula>`
    : "";
  const totals = column.totals
    ? `<${p}totalsRowFormula>${escapeXml(column.totals.slice(1))}</${p}totalsRowFormula>`
    : "";
  const custom = column.totals ? ' totalsRowFunction="custom"' : "";
  const name = `<${p}tableColumn id="${id}" name="${escapeXml(column.name)}"${custom}`;
  return calculated || totals ? `${name}>${calculated}${totals}</${p}tableColumn>` : `${name}/>`;
}

export function joinTablePart(xml: string, join: TableJoin): string {
  const edits = new PartEdits();
  const lastColumn = Math.max(...join.columns.map((c) => c.column));
  let mine = false;
  let maxId = 0;
  walkXml(xml, {
    open({ name, attributes }, parents) {
      if (name === "table") {
        const key = (attributes.get("displayName") ?? attributes.get("name"))?.value ?? "";
        mine = key.toLowerCase() === join.table.toLowerCase();
      }
      if (!mine) return;
      const ref = attributes.get("ref");
      if ((name === "table" || (name === "autoFilter" && parents.length === 1)) && ref)
        edits.attribute(ref, widened(ref.value, lastColumn));
      if (name === "tableColumns") {
        const count = attributes.get("count");
        if (count) edits.attribute(count, String(Number(count.value) + join.columns.length));
      }
      if (name === "tableColumn") maxId = Math.max(maxId, Number(attributes.get("id")?.value ?? 0));
    },
    close(element, _text, end) {
      if (!mine || element.name !== "tableColumns") return;
      const closeStart = xml.lastIndexOf("<", end - 1);
      const added = join.columns.map((c, i) => tableColumnXml(element.prefix, maxId + 1 + i, c));
      edits.replace(closeStart, closeStart, added.join(""));
    },
  });
  return edits.apply(xml);
}
