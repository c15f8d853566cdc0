/**
 * Table.resize(newRange), ExcelApi 1.13: "Resize the table to the new range. The new range must
 * overlap with the original table range and the headers (or the top of the table) must be in the
 * same row." <https://learn.microsoft.com/en-us/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)>
 * The page names no error code for a range that breaks either rule: the double throws
 * InvalidArgument (Excel.ErrorCodes: "The argument is invalid or missing or has an incorrect
 * format", <https://learn.microsoft.com/en-us/javascript/api/excel/excel.errorcodes>) — the code
 * is **assumed**; the adapter only resizes over ranges that keep both rules.
 */
import { parseLocal, type Area } from "./a1";
import { key, OfficeError, type DoubleSheet, type DoubleTable } from "./model";

const overlaps = (a: Area, b: Area) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

/** The address part of "Sheet1!A1:F9" or "'Risks, 2025'!A1:F9" (the sheet must be the table's). */
function localPart(sheet: DoubleSheet, address: string): string {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return address;
  const named = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  if (named.toLowerCase() !== sheet.name.toLowerCase())
    throw new OfficeError("InvalidArgument", `${address} is not on the table's sheet`);
  return address.slice(bang + 1);
}

/**
 * Moves the table's bounds to `address`. Column names: the columns it keeps keep theirs; a column
 * it gains is named by its header cell's text, "ColumnN" when that cell is empty. Both are
 * **assumed**: the resize page says nothing of names; this is what Excel shows for a column a
 * table takes in, and no test relies on the empty-cell case.
 */
export function resizeTable(sheet: DoubleSheet, table: DoubleTable, address: string): void {
  const next = parseLocal(localPart(sheet, address));
  const now = table.area;
  if (!overlaps(next, now))
    throw new OfficeError("InvalidArgument", "The new range must overlap the table's range");
  if (next.r1 !== now.r1)
    throw new OfficeError("InvalidArgument", "The table's header row must stay in the same row");
  const columns: string[] = [];
  for (let c = next.c1; c <= next.c2; c++) {
    const kept = c >= now.c1 && c <= now.c2 ? table.columns[c - now.c1] : undefined;
    const heading = table.showHeaders ? sheet.cells.get(key(next.r1, c))?.value : undefined;
    const text = heading === undefined || heading === "" ? "" : String(heading);
    columns.push(kept ?? (text || `Column${columns.length + 1}`));
  }
  table.area = next;
  table.columns = columns;
}
