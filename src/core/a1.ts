/**
 * A1 addressing. Rows and columns are 0-based everywhere inside the core; only the text form
 * ("B9", "A5:D9") and the row numbers reports state are 1-based, as Excel shows them. The types
 * below are branded where the two meet, so a 0-based model row cannot be passed where a report
 * row is meant, nor a report row where a model row is meant, nor any string where an address made
 * here is meant. The conversions between the two rows are here and nowhere else.
 */

import { CouncilSheetsError } from "./errors";

/** Text that is not an A1 address or column where one was required; `code` says which. */
export class AddressError extends CouncilSheetsError<"not-a-cell-address" | "not-a-column"> {}

/** A cell address made by cellAddress: "B9" (no sheet, no `$`). Any A1 is still a string. */
export type A1 = string & { readonly __a1: unique symbol };
/** A range made by rangeAddress: "A5:D9", or one cell "B9". */
export type A1Range = string & { readonly __a1Range: unique symbol };

/*
 * Numbers that count different things carry a `__unit` tag. A 1-based report row is made only by
 * reportRow(), so its tag is required: no plain number is one. A 0-based model row is what every
 * row index of the snapshot already is, so its tag is optional: any plain number is one (the core
 * is 0-based), but a number tagged as another unit (a report row, a serial date) is refused. So
 * neither row passes for the other, without wrapping every index of the core.
 */

/** A 1-based row number as Excel and the reports show it (the model's row + 1). */
export type ReportRow = number & { readonly __unit: "report-row" };
/** A 0-based row of the snapshot's model (row 0 is Excel's row 1). Any plain number is one. */
export type ModelRow = number & { readonly __unit?: "model-row" };

/** The row a report states for a 0-based model row. */
export function reportRow(row: ModelRow): ReportRow {
  return (row + 1) as ReportRow;
}

/** The 0-based model row of a row number a report (or a person) states. */
export function modelRow(row: ReportRow): ModelRow {
  return (row - 1) as ModelRow;
}

/** A 1-based row number read from text ("9" of "B9", a row a person typed) as a report row. */
export function reportRowFromText(row: number): ReportRow {
  return row as ReportRow;
}

/** Column index (0-based) to letters: 0 → "A", 26 → "AA". */
export function columnLetter(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters to column index (0-based): "A" → 0. Throws on anything that is not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters))
    throw new AddressError("not-a-column", `Not a column: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The A1 address of a 0-based row and column: (8, 1) → "B9". */
export function cellAddress(row: ModelRow, column: number): A1 {
  return `${columnLetter(column)}${reportRow(row)}` as A1;
}

export interface CellPosition {
  row: ModelRow;
  column: number;
}

/** "B9" or "$B$9" as a 0-based position, or null when the text is not a cell address. */
export function cellPositionOf(address: string): CellPosition | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match || !match[1] || !match[2]) return null;
  return { row: modelRow(reportRowFromText(Number(match[2]))), column: columnIndex(match[1]) };
}

/**
 * Parses "B9" or "$B$9" to a 0-based position.
 *
 * @throws {AddressError} "not-a-cell-address" on anything else.
 */
export function parseAddress(address: string): CellPosition {
  const position = cellPositionOf(address);
  if (!position) throw new AddressError("not-a-cell-address", `Not a cell address: ${address}`);
  return position;
}

/** The corners of "A1:K29" (or the one cell "A1"), or null when the text is not a range. */
export function rangeCorners(ref: string): [CellPosition, CellPosition] | null {
  const [from = "", to = from] = ref.split(":");
  const first = cellPositionOf(from);
  const last = cellPositionOf(to);
  return first && last ? [first, last] : null;
}

/** The first and last columns of "A1:K29" (or "A1"), or null when the text is not a range. */
export function rangeColumns(ref: string): [number, number] | null {
  const corners = rangeCorners(ref);
  return corners ? [corners[0].column, corners[1].column] : null;
}

/** The A1 range of 0-based corners: (4, 0, 8, 3) → "A5:D9"; one cell gives "B9". */
export function rangeAddress(
  firstRow: ModelRow,
  firstColumn: number,
  lastRow: ModelRow,
  lastColumn: number,
): A1Range {
  const start = cellAddress(firstRow, firstColumn);
  const end = cellAddress(lastRow, lastColumn);
  return (start === end ? start : `${start}:${end}`) as A1Range;
}

/** The A1 range of one column's rows, 0-based: (1, 5, 8) → "B6:B9"; one row gives "B6". */
export function columnRangeAddress(column: number, firstRow: ModelRow, lastRow: ModelRow): A1Range {
  return rangeAddress(firstRow, column, lastRow, column);
}
