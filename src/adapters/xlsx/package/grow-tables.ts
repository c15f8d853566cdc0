import { type ColumnWrite, parseAddress, rangeAddress } from "../../../core";
import { relationshipsOf, type PackageParts, type WorkbookParts } from "./parts";
import { PartEdits, walkXml } from "./xml-rewrite";

/**
 * Excel tables (ListObjects) grown over rows written just below them, as Excel grows a table
 * when a row is typed under it: the table's `ref` and its `autoFilter`'s (ECMA-376 Part 1
 * §18.5.1.2 table, §18.3.1.2 autoFilter) reach the new last row; a `sortState` covering the body
 * does too. A table with a totals row is never grown (the planner puts rows above the totals).
 * Returns the edited table parts by path; every other byte of them stays as it was.
 */
export async function growTables(
  parts: PackageParts,
  book: WorkbookParts,
  ops: readonly ColumnWrite[],
  /** Parts already edited (an insert moved a table): grown from their edited text. */
  edited: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const wanted = new Map<string, Map<string, number>>();
  for (const op of ops) {
    if (!op.growsTable) continue;
    const bySheet = wanted.get(op.sheet) ?? new Map<string, number>();
    const { name, range } = op.growsTable;
    const lastRow = parseAddress(range.split(":")[1] ?? range).row;
    bySheet.set(name.toUpperCase(), Math.max(bySheet.get(name.toUpperCase()) ?? 0, lastRow));
    wanted.set(op.sheet, bySheet);
  }
  const grownParts = new Map<string, string>();
  for (const [sheetName, tables] of wanted) {
    const sheet = book.sheets.find((s) => s.name === sheetName);
    if (!sheet) continue;
    for (const rel of await relationshipsOf(parts, sheet.path)) {
      if (rel.external || !rel.type.endsWith("/table")) continue;
      const xml = edited.get(rel.target) ?? (await parts.text(rel.target));
      if (xml === undefined) continue;
      const next = growTablePart(xml, tables);
      if (next !== xml) grownParts.set(rel.target, next);
    }
  }
  return grownParts;
}

/** "A3:F9" with its last row moved down to `lastRow` (0-based), when that is further down. */
function grown(ref: string, lastRow: number): string {
  const [from = "", to = from] = ref.split(":");
  const a = parseAddress(from);
  const b = parseAddress(to);
  if (lastRow <= b.row) return ref;
  return rangeAddress(a.row, a.column, lastRow, b.column);
}

export function growTablePart(xml: string, tables: ReadonlyMap<string, number>): string {
  const edits = new PartEdits();
  let lastRow: number | undefined;
  walkXml(xml, {
    open({ name, attributes }) {
      if (name === "table") {
        const key = (attributes.get("displayName") ?? attributes.get("name"))?.value ?? "";
        const totals = Number(attributes.get("totalsRowCount")?.value ?? "0");
        lastRow = totals > 0 ? undefined : tables.get(key.toUpperCase());
      }
      if (lastRow === undefined || !["table", "autoFilter", "sortState"].includes(name)) return;
      const ref = attributes.get("ref");
      if (ref) edits.attribute(ref, grown(ref.value, lastRow));
    },
  });
  return edits.apply(xml);
}
