import { PackageRefusedError } from "./errors";

/**
 * Excel's own sheet size: 1,048,576 rows by 16,384 columns, and at most 65,490 unique cell
 * formats ("Excel specifications and limits", support.microsoft.com). A file claiming more is
 * not one Excel wrote or can open.
 */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_CELL_FORMATS = 65_490;

/**
 * "Total number of characters that a cell can contain: 32,767 characters" (Microsoft, "Excel
 * specifications and limits"). A longer shared or inline string is not one Excel wrote; read, one
 * 64 MB string used by a few cells costs gigabytes further on, so it is refused where it is read.
 */
export const EXCEL_MAX_CELL_CHARACTERS = 32_767;

/**
 * Text still holding Excel's `_xHHHH_` escapes (seven characters for one) that is longer than
 * this cannot unescape to a cell's worth: refused before any more work is spent on it.
 */
export const MAX_ESCAPED_CELL_TEXT = 7 * EXCEL_MAX_CELL_CHARACTERS;

function characters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++; // a high surrogate and its pair are one character
  }
  return n;
}

/** The refusal of a text longer than a cell may hold. */
export function cellTextTooLong(where: string): PackageRefusedError {
  return new PackageRefusedError(
    "damaged",
    `has ${where} longer than ${EXCEL_MAX_CELL_CHARACTERS.toLocaleString("en-GB")} characters, Excel's limit for the text of one cell`,
  );
}

/** Refuses a cell's text (unescaped) longer than Excel's limit; cheap for any ordinary text. */
export function checkCellText(text: string, where: string): string {
  if (text.length > EXCEL_MAX_CELL_CHARACTERS && characters(text) > EXCEL_MAX_CELL_CHARACTERS)
    throw cellTextTooLong(where);
  return text;
}

/**
 * What reading one workbook may cost. Memory grows with the bytes inflated (the XML is held as
 * text while it is read) and with the cells (each becomes an object in the snapshot), so those
 * are the limits; shared strings are bounded by the cell limit, which is where they end up.
 */
export interface ReadLimits {
  /** Total uncompressed bytes of the parts read (sheets, strings, styles, relationships…). */
  maxInflatedBytes: number;
  /** Cells read, counting the blanks to the left of each row's last cell (they take room too). */
  maxCells: number;
}

/**
 * The defaults bound the CLI's peak memory to about 3 GB: reading costs about 0.5 GB per million
 * cells (docs/benchmarks.md). Five million cells is also what Excel on the web reads in one
 * range; the largest council workbooks in the benchmarks hold about two million.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxInflatedBytes: 512 * 1024 * 1024,
  maxCells: 5_000_000,
};

/**
 * V8 cannot hold a string longer than 2^29 − 24 UTF-16 units; a part is decoded to one string,
 * so a larger part cannot be read whatever the budget says.
 */
export const MAX_PART_BYTES = 2 ** 29 - 24;

const count = (n: number) => n.toLocaleString("en-GB");

/** Charges what a read costs against its budget, and refuses the file once a limit is passed. */
export class ReadLimitMeter {
  private inflated = 0;
  private cellCount = 0;

  constructor(readonly budget: ReadLimits = DEFAULT_READ_LIMITS) {}

  /** Called before a part is inflated, with the size its zip entry states (checked afterwards). */
  inflate(part: string, bytes: number): void {
    if (bytes > MAX_PART_BYTES)
      throw new PackageRefusedError(
        "too-large",
        `has a part (${part}) of ${count(bytes)} bytes, more than can be read (${count(MAX_PART_BYTES)})`,
      );
    this.inflated += bytes;
    if (this.inflated > this.budget.maxInflatedBytes)
      throw new PackageRefusedError(
        "too-large",
        `inflates to more than ${count(Math.round(this.budget.maxInflatedBytes / 1048576))} MB`,
        "maxInflatedBytes",
      );
  }

  cells(n: number): void {
    this.cellCount += n;
    if (this.cellCount > this.budget.maxCells)
      throw new PackageRefusedError(
        "too-large",
        `holds more than ${count(this.budget.maxCells)} cells`,
        "maxCells",
      );
  }
}

/** A row or column number outside Excel's grid: the file is damaged (or built to hurt). */
export function beyondGrid(what: string, where: string): PackageRefusedError {
  return new PackageRefusedError(
    "damaged",
    `${what} in ${where} is outside Excel's ${count(EXCEL_MAX_ROWS)} rows by ${count(EXCEL_MAX_COLUMNS)} columns`,
  );
}
