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

/**
 * An Excel table (a ListObject: Insert > Table) on a sheet, as the file's table part or Excel's
 * `Worksheet.tables` states it. Its own bounds say where the council's table starts and ends, which
 * row is its header and which its totals row (SUBTOTAL(109,…) under the money columns), so a kind
 * need not guess them from the cells.
 */
export const ExcelTableSchema = z.object({
  /** The name formulas use ("RiskLog" in RiskLog[Risk ID]). */
  name: z.string().min(1),
  /** The whole table, header row and totals row included when shown (0-based, inclusive). */
  firstRow: z.number().int().nonnegative(),
  firstColumn: z.number().int().nonnegative(),
  lastRow: z.number().int().nonnegative(),
  lastColumn: z.number().int().nonnegative(),
  /** The first row is the table's header row. */
  showHeaders: z.boolean(),
  /** The last row is the table's totals row. */
  showTotals: z.boolean(),
  /** The table's column names, left to right (kept by Excel even when the header row is hidden). */
  columns: z.array(z.string()),
});
export type ExcelTable = z.infer<typeof ExcelTableSchema>;

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
  /**
   * The sheet is hidden ("hidden": Unhide lists it) or very hidden (only a macro shows it);
   * absent for a visible sheet or where the host did not say.
   */
  visibility: z.enum(["hidden", "veryHidden"]).optional(),
  /** The Excel tables on the sheet, top to bottom; absent where the host did not say. */
  tables: z.array(ExcelTableSchema).optional(),
  /**
   * Solid fills ("#rrggbb") of the cells of the sheet's risk key, by A1 address ("E2"): only the
   * cells `keyCells` names are looked up, so a reader never reads every cell's style. Priority
   * colours then follow the council's own key ("High" filled red). Absent where none is filled.
   */
  keyFills: z.record(z.string(), z.string().regex(/^#[0-9a-f]{6}$/)).optional(),
  /**
   * The sheet's own "cell value" conditional-format rules (cellIs) with a solid fill, one entry per
   * rule, in priority order: a council that colours its score columns by rule ("≥ 15 red") has
   * its band colours read from these where its key cells are not filled. Absent where none.
   */
  ruleFills: z
    .array(
      z.object({
        /** 0-based columns the rule's range covers. */
        columns: z.array(z.number().int().nonnegative()),
        operator: z.string(),
        /** The rule's operands: numbers, or text without its quotes. */
        values: z.array(z.union([z.number(), z.string()])),
        fill: z.string().regex(/^#[0-9a-f]{6}$/),
      }),
    )
    .optional(),
  /**
   * Runs of columns (0-based, inclusive) set narrower than about 3 characters: the blank spacer a
   * council leaves between blocks as a visual gap. Never a place for a new column. Absent where
   * the host did not say (every column then counts as wide enough).
   */
  narrowColumns: z
    .array(
      z.object({ first: z.number().int().nonnegative(), last: z.number().int().nonnegative() }),
    )
    .optional(),
});

/** Narrower than this many characters, a column is a spacer (Excel's default is 8.43). */
export const SPACER_WIDTH = 3;
export type SheetSnapshot = z.infer<typeof SheetSnapshotSchema>;

export const WorkbookSnapshotSchema = z.object({
  sheets: z.array(SheetSnapshotSchema),
  /**
   * The workbook counts dates in the 1904 date system. Its dates are already in the 1900 system
   * here (serial-date.ts); the flag tells writers to store them back in the file's own system.
   */
  date1904: z.boolean().optional(),
});
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
