import { z } from "zod";
import { OWN_SHEET_ROLES } from "./own-sheets";
import { CellValueSchema } from "./snapshot";

/**
 * What to write, as plain data. Adapters carry it out; the core never touches a host. Formulas are
 * in Excel's display form with the leading "=" and US-locale separators; `value` is the result the
 * core computed, cached with the formula (or written alone with --values-only).
 */
export const PlannedCellSchema = z.object({
  row: z.number().int().nonnegative(),
  formula: z.string().nullable(),
  value: CellValueSchema,
});
export type PlannedCell = z.infer<typeof PlannedCellSchema>;

const ColourSchema = z.string().regex(/^#[0-9a-f]{6}$/i);

/**
 * One band's look in a conditional format: cells of the column showing any of `texts` (compared
 * without case, as Excel's "=" compares text) are drawn in `fill` with `text` colour.
 */
export const HighlightRuleSchema = z.object({
  /** The band or rating this rule draws: "High", "Amber". */
  label: z.string().min(1),
  /** What the cells say when they are in this band: the planned label and the sheet's own. */
  texts: z.array(z.string().min(1)).min(1),
  fill: ColourSchema,
  text: ColourSchema,
});
export type HighlightRule = z.infer<typeof HighlightRuleSchema>;

/**
 * Live colour for a calculated column (priority, RAG): conditional-format rules on the text the
 * cells show, so the colour follows the formula when a likelihood, impact or spend changes.
 * Rules on the label, not on the score, because the label is what the reader sees and the same
 * rule then serves every column that shows a band, whatever computes it.
 */
export const HighlightSchema = z.object({
  /** First and last row (0-based) of the column the rules cover. */
  fromRow: z.number().int().nonnegative(),
  toRow: z.number().int().nonnegative(),
  rules: z.array(HighlightRuleSchema).min(1),
});
export type Highlight = z.infer<typeof HighlightSchema>;

export const ColumnWriteSchema = z.object({
  kind: z.literal("column"),
  sheet: z.string(),
  /** Range of the table the column belongs to, as found before any insertion. */
  table: z.string(),
  column: z.number().int().nonnegative(),
  /** What the column holds: "Score", "Residual priority". */
  title: z.string(),
  /** A header to write (new columns); null keeps the sheet's own header. */
  header: z.object({ row: z.number().int().nonnegative(), text: z.string() }).nullable(),
  cells: z.array(PlannedCellSchema),
  numberFormat: z.string().optional(),
  /**
   * The column holds amounts of money (a variance, a balance, a total): lists for people show
   * its figures with thousands separators where the cell has no number format of its own.
   */
  money: z.boolean().optional(),
  /**
   * Set by planners that build every formula of the column from one template: each run of
   * consecutive rows is then the first formula filled down, which adapters may write as one
   * formula and a fill instead of checking cell by cell.
   */
  filledDown: z.boolean().optional(),
  /** Column whose cell styles (borders, fill, font) the new cells copy, row by row. */
  styleFrom: z.number().int().nonnegative().optional(),
  /** Conditional formats the column carries (priority and RAG colours). */
  highlight: HighlightSchema.optional(),
  /**
   * The Excel table (ListObject) the written rows extend: its range, and its filter's, grow to
   * `range` ("A3:O12", the whole table after the write), as Excel grows a table when a row is
   * typed just below it — so rows added under a register kept as a table stay inside it. Never
   * set on a table with a totals row.
   */
  growsTable: z.object({ name: z.string().min(1), range: z.string().min(1) }).optional(),
});
export type ColumnWrite = z.infer<typeof ColumnWriteSchema>;

/** Shift cells right to make room, so that nothing beside a table is written over. */
export const InsertColumnsSchema = z.object({
  kind: z.literal("insert-columns"),
  sheet: z.string(),
  table: z.string(),
  column: z.number().int().nonnegative(),
  count: z.number().int().positive(),
});
export type InsertColumns = z.infer<typeof InsertColumnsSchema>;

export const SheetCellSchema = z.object({
  row: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  formula: z.string().nullable(),
  value: CellValueSchema,
  numberFormat: z.string().optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  wrap: z.boolean().optional(),
  /** A section heading: bold on a light fill. */
  shade: z.boolean().optional(),
  /** A solid fill and text colour (heat-map cells), "#rrggbb". */
  fill: ColourSchema.optional(),
  color: ColourSchema.optional(),
  /** Centred both ways (heat-map cells). */
  center: z.boolean().optional(),
});
export type SheetCell = z.infer<typeof SheetCellSchema>;

/** A new sheet (Reconciliation, PID): never replaces one the user has; the name is unique. */
export const AddSheetSchema = z.object({
  kind: z.literal("add-sheet"),
  sheet: z.string().min(1).max(31),
  /**
   * Writers mark the new sheet as ours with this role (own-sheets.ts). Absent for a council table
   * Council Sheets starts on the user's behalf (a Decisions register from `decisions import`):
   * that sheet is the council's, analysed like any other, so it carries no mark.
   */
  role: z.enum(OWN_SHEET_ROLES).optional(),
  /**
   * Set when the sheet replaces one of ours already in the workbook (a second apply refreshing
   * its Reconciliation sheet): writers rewrite that sheet's cells instead of adding a sheet.
   */
  replaces: z.string().optional(),
  table: z.string(),
  title: z.string(),
  cells: z.array(SheetCellSchema),
  /** Widths in characters, column by column from A. */
  columnWidths: z.array(z.number().positive()),
  /** Print set-up for sheets meant to be printed (PIDs). */
  print: z
    .object({
      portrait: z.boolean(),
      fitToWidth: z.boolean(),
      titleRows: z.string().optional(),
      /** Fit the whole sheet on one page (a heat map), not only its width. */
      onePage: z.boolean().optional(),
    })
    .optional(),
  /** Drop-down lists: A1 range → allowed values. */
  validations: z.array(z.object({ range: z.string(), values: z.array(z.string()) })).optional(),
  /** Merged ranges ("B5:E5"); only the top-left cell of each holds a value. */
  merges: z.array(z.string()).optional(),
  /** Ranges drawn as bordered tables (forms to fill in). */
  boxes: z.array(z.string()).optional(),
  /** Row heights in points, for wrapped text in merged cells (which Excel does not autofit). */
  rowHeights: z
    .array(z.object({ row: z.number().int().nonnegative(), height: z.number().positive() }))
    .optional(),
});
export type AddSheet = z.infer<typeof AddSheetSchema>;

export const WriteOperationSchema = z.discriminatedUnion("kind", [
  ColumnWriteSchema,
  InsertColumnsSchema,
  AddSheetSchema,
]);
export type WriteOperation = z.infer<typeof WriteOperationSchema>;

/**
 * A saved value of one of the workbook's own formulas that the written cells make stale (a
 * council's total over a corrected variance): the formula stays exactly as it is, only its cached
 * value changes; null drops the cached value where it cannot be computed (Excel computes it on
 * opening). See recalculate-plan.ts.
 */
export const RecalculatedCellSchema = z.object({
  sheet: z.string(),
  row: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  value: CellValueSchema,
});
export type RecalculatedCell = z.infer<typeof RecalculatedCellSchema>;

/**
 * An Excel table (ListObject) that new columns written just right of it join (table-joins.ts):
 * `range` is the whole table once they have joined ("A3:H10").
 */
export const TableJoinSchema = z.object({
  sheet: z.string(),
  table: z.string().min(1),
  range: z.string().min(1),
  columns: z.array(
    z.object({
      column: z.number().int().nonnegative(),
      /** The header text, which is the table column's name. */
      name: z.string().min(1),
      /** The first data row's formula (with "="), when every data row holds it filled down. */
      calculated: z.string().optional(),
      /** The formula written in the totals row (with "="), when there is one. */
      totals: z.string().optional(),
    }),
  ),
});
export type TableJoin = z.infer<typeof TableJoinSchema>;
export type JoiningColumn = TableJoin["columns"][number];

export const WritePlanSchema = z.object({
  operations: z.array(WriteOperationSchema),
  /** Tables the new columns join: set by analyseWorkbook, carried out by every writer. */
  tableJoins: z.array(TableJoinSchema).optional(),
  /** Set by `withRecalculatedCaches` for file writers; Excel itself recalculates what it holds. */
  recalculated: z.array(RecalculatedCellSchema).optional(),
});
export type WritePlan = z.infer<typeof WritePlanSchema>;
