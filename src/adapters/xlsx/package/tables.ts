import { rangeCorners, type ExcelTable } from "../../../core";
import { relationshipsOf, type PackageParts } from "./parts";
import { parseXml } from "./xml";

/**
 * The Excel tables (ListObjects) of one worksheet: the table parts its relationships name
 * (xl/tables/tableN.xml, ECMA-376 Part 1 §18.5.1.2 `table`). `ref` is the whole table, totals row
 * included when shown; `headerRowCount` (default 1) is 0 when the header row is hidden, and
 * `totalsRowCount` (default 0) is 1 when the totals row is shown — `totalsRowShown` only says
 * whether one was ever shown, so it is not read. The name formulas use is `displayName`.
 * A table part that cannot be read is passed over: tables only sharpen the reading of cells.
 */
export async function tablesOfSheet(parts: PackageParts, sheetPath: string): Promise<ExcelTable[]> {
  const tables: ExcelTable[] = [];
  for (const rel of await relationshipsOf(parts, sheetPath)) {
    if (rel.external || !rel.type.endsWith("/table")) continue;
    const xml = await parts.text(rel.target);
    const table = xml === undefined ? null : readTablePart(xml);
    if (table) tables.push(table);
  }
  return tables.sort((a, b) => a.firstRow - b.firstRow || a.firstColumn - b.firstColumn);
}

/** "Line_x000a_break" as a column name in the file is "Line\nbreak" (ECMA-376 §22.9.2.19 ST_Xstring). */
const unescapeXstring = (text: string) =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export function readTablePart(xml: string): ExcelTable | null {
  let table: ExcelTable | null = null;
  let ok = true;
  parseXml(xml, {
    open(name, a) {
      if (name === "table") {
        const corners = rangeCorners(a.ref ?? "");
        if (corners) {
          const [first, last] = corners;
          table = {
            name: a.displayName ?? a.name ?? "",
            firstRow: Math.min(first.row, last.row),
            firstColumn: Math.min(first.column, last.column),
            lastRow: Math.max(first.row, last.row),
            lastColumn: Math.max(first.column, last.column),
            showHeaders: (a.headerRowCount ?? "1") !== "0",
            showTotals: (a.totalsRowCount ?? "0") !== "0",
            columns: [],
          };
        } else ok = false;
      }
      if (name === "tableColumn" && table) table.columns.push(unescapeXstring(a.name ?? ""));
    },
  });
  const read = table as ExcelTable | null;
  return ok && read && read.name ? read : null;
}
