import { z } from "zod";
import { OWN_SHEET_ROLES } from "./own-sheets";

/**
 * The plain-data picture of a workbook that every host adapter produces and the core reads.
 * Dates arrive as Excel serial numbers (with a date number format), as Office.js gives them.
 *
 * Why snapshots are not parsed at run time: every snapshot is built by one of our own adapters
 * from typed values (never from text a user or another tool hands us), so a parse could only find
 * our own bugs; and a snapshot is the largest object we hold (a 100,000-row register is millions
 * of cells), so walking it again through zod would cost about as much as reading it. The schemas
 * below are the single source of the types and are checked where the bugs would be: the adapter
 * tests parse every snapshot each reader produces (test/integration/adapter-snapshots.test.ts).
 * Input that does come from outside (settings, decision records) is parsed where it enters.
 */
export const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

export const CellSchema = z.object({
  value: CellValueSchema,
  /** The formula as Excel shows it, with the leading "=". Absent for constants. */
  formula: z.string().optional(),
  numberFormat: z.string().optional(),
  /** A spreadsheet error such as "#DIV/0!" (value is then null). */
  error: z.string().optional(),
});
export type Cell = z.infer<typeof CellSchema>;

export const SheetSnapshotSchema = z.object({
  name: z.string().min(1),
  /** rows[r][c], 0-based, sparse: missing or null entries are empty cells. */
  rows: z.array(z.array(CellSchema.nullable().optional())),
  hiddenRows: z.array(z.number().int().nonnegative()),
  hiddenColumns: z.array(z.number().int().nonnegative()),
  /** Merged ranges in A1 form; only the top-left cell of a merge carries a value. */
  merges: z.array(z.string()),
  /**
   * True when the host could not say where the merged ranges are (Excel before ExcelApi 1.13 has
   * no way to ask), so `merges` is empty without meaning "no merges". Planners then take the
   * choice that is safe whatever is merged.
   */
  mergesUnknown: z.boolean().optional(),
  /**
   * Set when the workbook marks the sheet as one Council Sheets created (see own-sheets.ts):
   * such a sheet is never analysed as a council table nor written by a later apply.
   */
  ours: z.enum(OWN_SHEET_ROLES).optional(),
});
export type SheetSnapshot = z.infer<typeof SheetSnapshotSchema>;

export const WorkbookSnapshotSchema = z.object({ sheets: z.array(SheetSnapshotSchema) });
export type WorkbookSnapshot = z.infer<typeof WorkbookSnapshotSchema>;

export function cellAt(sheet: SheetSnapshot, row: number, column: number): Cell | undefined {
  return sheet.rows[row]?.[column] ?? undefined;
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (cell.formula || cell.error) return false;
  return cell.value === null || (typeof cell.value === "string" && cell.value.trim() === "");
}

/** Text of a cell as a reader sees it (numbers in plain form), "" when empty. */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.value === null) return "";
  return String(cell.value).trim();
}

/** Number of columns the widest row reaches. */
export function sheetWidth(sheet: SheetSnapshot): number {
  let width = 0;
  for (const row of sheet.rows) if (row && row.length > width) width = row.length;
  return width;
}
