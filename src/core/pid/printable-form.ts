import { cellAddress } from "../a1";
import type { SheetCell } from "../plan";
import type { CellValue } from "../snapshot";

/** Column widths in characters: A4 portrait, fitted to one page wide. */
export const PID_WIDTHS = [30, 22, 22, 16, 16];
const LAST = PID_WIDTHS.length - 1;
const CHARS_PER_LINE = 1.1;

/**
 * Places a printable form row by row: shaded headings, label/value fields, merged text blocks and
 * bordered tables. Values are data, never formulas, unless a formula is given explicitly.
 */
export class PrintableForm {
  readonly cells: SheetCell[] = [];
  readonly merges: string[] = [];
  readonly heights: { row: number; height: number }[] = [];
  readonly validations: { range: string; values: string[] }[] = [];
  readonly boxes: string[] = [];
  row = 0;
  private tableStart: number | null = null;

  put(column: number, value: CellValue, extra: Partial<SheetCell> = {}): void {
    this.cells.push({ row: this.row, column, formula: null, value, ...extra });
  }

  private merge(from: number, to: number): void {
    if (to > from) this.merges.push(`${cellAddress(this.row, from)}:${cellAddress(this.row, to)}`);
  }

  /** Tall enough for `text` wrapped across columns `from`..`to` (the tallest need in a row wins). */
  fit(text: string, from: number, to = from): void {
    const width = PID_WIDTHS.slice(from, to + 1).reduce((s, w) => s + w, 0) * CHARS_PER_LINE;
    const lines = text
      .split("\n")
      .reduce((n, part) => n + Math.max(1, Math.ceil(part.length / width)), 0);
    if (lines <= 1) return;
    const existing = this.heights.find((h) => h.row === this.row);
    if (existing) existing.height = Math.max(existing.height, 15 * lines);
    else this.heights.push({ row: this.row, height: 15 * lines });
  }

  heading(text: string): void {
    this.endTable();
    this.row++;
    for (let c = 0; c <= LAST; c++) this.put(c, c === 0 ? text : "", { bold: true, shade: true });
    this.row++;
  }

  field(label: string, value: CellValue, extra: Partial<SheetCell> = {}): void {
    this.put(0, label, { bold: true });
    this.put(1, value ?? "", { wrap: true, ...extra });
    this.merge(1, LAST);
    if (typeof value === "string") this.fit(value, 1, LAST);
    this.row++;
  }

  text(value: string, placeholder: string): void {
    this.put(0, value || placeholder, { wrap: true, ...(value ? {} : { italic: true }) });
    this.merge(0, LAST);
    this.fit(value || placeholder, 0, LAST);
    this.row++;
  }

  /** A table header; the last title spans to the last column. Borders are drawn at endTable. */
  tableHeader(titles: string[]): void {
    this.endTable();
    this.tableStart = this.row;
    titles.forEach((t, c) => this.put(c, t, { bold: true }));
    this.merge(titles.length - 1, LAST);
    this.row++;
  }

  /** Empty rows of a table for the officer to fill in, the last column spanning to the edge. */
  emptyRows(
    count: number,
    columns: number,
    dropDowns: { column: number; values: string[] }[] = [],
  ): void {
    const first = this.row;
    for (let i = 0; i < count; i++) {
      this.merge(columns - 1, LAST);
      this.row++;
    }
    for (const d of dropDowns) {
      this.validations.push({
        range: `${cellAddress(first, d.column)}:${cellAddress(this.row - 1, d.column)}`,
        values: d.values,
      });
    }
  }

  /** Closes the table being laid out, drawing its borders. */
  endTable(): void {
    if (this.tableStart !== null && this.row > this.tableStart) {
      this.boxes.push(`${cellAddress(this.tableStart, 0)}:${cellAddress(this.row - 1, LAST)}`);
    }
    this.tableStart = null;
  }
}
