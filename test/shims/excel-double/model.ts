/** The double's workbook state (see README.md for what each part models and where it comes from). */
import type { Area } from "./a1";
import type { Value } from "./coerce";

export type { Value };

export interface DoubleCell {
  value: Value;
  formula?: string;
  numberFormat?: string;
  /** Range.valueTypes: "Error" for #DIV/0! and friends; otherwise derived from the value. */
  error?: boolean;
  quotePrefix?: boolean;
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  wrap?: boolean;
  borders?: string[];
  fontColor?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

/** A custom (formula) conditional format: Excel.CustomConditionalFormat, ExcelApi 1.6. */
export interface DoubleConditionalFormat {
  type: "Custom";
  /** The rule formula, "=E6=\"High\"", as written for the top-left cell of `area`. */
  formula: string;
  area: Area | null;
  fill?: string;
  fontColor?: string;
}

/** An Excel table (ListObject) on a sheet; `area` is the whole table, header and totals rows included when shown. */
export interface DoubleTable {
  name: string;
  area: Area;
  showHeaders: boolean;
  showTotals: boolean;
  columns: string[];
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface DoubleSheet {
  name: string;
  cells: Map<string, DoubleCell>;
  /** Every hidden row (by hand or by a filter). */
  hiddenRows: Set<number>;
  /** The subset of hiddenRows hidden by an AutoFilter: AutoFill skips these. */
  filteredRows?: Set<number>;
  hiddenColumns?: Set<number>;
  visibility?: Visibility;
  protected?: boolean;
  merges?: Area[];
  /** Column widths in points, as Range.format.columnWidth takes them. */
  columnWidths?: Map<number, number>;
  rowHeights?: Map<number, number>;
  validations?: Map<string, unknown>;
  tables?: DoubleTable[];
  conditionalFormats?: DoubleConditionalFormat[];
  /** The print area (defined name Print_Area): one or more areas; none prints the whole sheet. */
  printArea?: Area[];
}

/** A workbook-scoped defined name (Excel.NamedItem). */
export interface DoubleName {
  name: string;
  /** "=Sheet1!$A$1" as NamedItem.formula returns it. */
  formula: string;
  visible: boolean;
  comment?: string;
}

export interface DoubleBook {
  sheets: DoubleSheet[];
  names: DoubleName[];
  /** Workbook structure protection (Review > Protect Workbook). */
  structureProtected: boolean;
}

export interface Stats {
  syncs: number;
  requests: number[];
  responses: number[];
  /** The range every SpecialCells query was asked of ("Sheet1!1:1048576" for a whole sheet). */
  specialCells: string[];
}

/** Excel on the web's payload limit for one request and for one response. */
export const LIMIT = 5 * 1024 * 1024;
export const key = (r: number, c: number) => `${r},${c}`;

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export type Plain = Value | null | { formula: string; value: Value; numberFormat?: string };

/** A sheet from rows of stored contents (not typed input: "00123" stays text here). */
export function sheetFromRows(
  name: string,
  rows: Plain[][],
  hiddenRows: number[] = [],
  extras: Partial<DoubleSheet> = {},
): DoubleSheet {
  const cells = new Map<string, DoubleCell>();
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      cells.set(key(r, c), typeof v === "object" ? { ...v } : { value: v });
    }),
  );
  return { name, cells, hiddenRows: new Set(hiddenRows), ...extras };
}
