import {
  type ApplyOptions,
  type CellValue,
  columnLetter,
  type ColumnWrite,
  filledDownRuns,
  isDateNumberFormat,
  serialToFile,
  writtenCell,
} from "../../../core";
import type { CellXml, SheetEdits } from "./sheet-patch";
import type { SheetXmlOffsets } from "./sheet-read";
import type { Styles } from "./styles";
import { escapeXml } from "./xml";

interface Content {
  formula?: string;
  value: CellValue;
  /** Shared formula: the master carries the range, the rest only the index. */
  shared?: { si: number; ref?: string };
}

/** The cached result of a formula, or a plain value: its type attribute and <v> text. */
export function valueParts(value: CellValue): { type: string; text: string } | null {
  if (typeof value === "number")
    return Number.isFinite(value) ? { type: "", text: String(value) } : null;
  if (typeof value === "boolean") return { type: ' t="b"', text: value ? "1" : "0" };
  if (typeof value === "string" && value !== "")
    return { type: ' t="str"', text: escapeXml(value) };
  return null;
}

/** One <c> element. Text is always a string cell, never a formula, whatever it starts with. */
export function cellXml(p: string, ref: string, style: number, content: Content): string {
  const s = style > 0 ? ` s="${style}"` : "";
  const { value, shared } = content;
  if (content.formula) {
    // Only a shared formula's first cell spells the formula out; the rest point at it.
    const f =
      shared && shared.ref === undefined
        ? `<${p}f t="shared" si="${shared.si}"/>`
        : `<${p}f${shared ? ` t="shared" ref="${shared.ref}" si="${shared.si}"` : ""}>${escapeXml(content.formula.slice(1))}</${p}f>`;
    const cached = valueParts(value);
    return cached
      ? `<${p}c r="${ref}"${s}${cached.type}>${f}<${p}v>${cached.text}</${p}v></${p}c>`
      : `<${p}c r="${ref}"${s}>${f}</${p}c>`;
  }
  if (typeof value === "string" && value !== "")
    return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(value)}</${p}t></${p}is></${p}c>`;
  const plain = valueParts(value);
  if (plain) return `<${p}c r="${ref}"${s}${plain.type}><${p}v>${plain.text}</${p}v></${p}c>`;
  return s ? `<${p}c r="${ref}"${s}/>` : "";
}

/** Finds existing cells' styles and column widths in a sheet's XML offsets. */
class ExistingStyleLookup {
  private readonly rowIndex = new Map<number, number>();
  constructor(private readonly offsets: SheetXmlOffsets) {
    offsets.rowNumber.forEach((n, k) => this.rowIndex.set(n - 1, k));
  }

  style(row: number, column: number): number {
    const k = this.rowIndex.get(row);
    if (k === undefined) return 0;
    const { rowFirstCell, cellColumn, cellStyle } = this.offsets;
    for (let i = rowFirstCell[k] ?? 0; i < (rowFirstCell[k + 1] ?? 0); i++)
      if (cellColumn[i] === column) return cellStyle[i] ?? 0;
    return 0;
  }

  width(column: number): number | undefined {
    return this.offsets.columns.find((c) => c.min <= column && column <= c.max)?.width;
  }
}

/** One planned column, ready to give the XML of its cell in any row. */
class PlannedColumn {
  readonly letter: string;
  /** Row → index into op.cells, or −1 (a later cell for the same row wins, as in Excel). */
  readonly cellAt: Int32Array;
  /** Row → shared-formula index of the run it belongs to, or −1. */
  private readonly sharedAt: Int32Array;
  /** First row of each run → the run's range. */
  private readonly runRange = new Map<number, string>();
  /** How many shared-formula indexes the column takes. */
  readonly sharedCount: number;

  constructor(
    readonly op: ColumnWrite,
    private readonly options: ApplyOptions,
    private readonly styleOf: (row: number, format: string | undefined, keepOwn: boolean) => number,
    private readonly prefix: string,
    firstShared: number,
    /** The value as the file stores it in a cell of this style (a date in a 1904 workbook). */
    private readonly stored: (value: CellValue, style: number) => CellValue = (v) => v,
  ) {
    this.letter = columnLetter(op.column);
    const rows = op.cells.reduce((n, c) => Math.max(n, c.row + 1), 0);
    this.cellAt = new Int32Array(rows).fill(-1);
    this.sharedAt = new Int32Array(rows).fill(-1);
    op.cells.forEach((cell, i) => (this.cellAt[cell.row] = i));
    const roles = options.valuesOnly ? new Map<number, string>() : filledDownRuns(op);
    // Shared-formula indexes in the order the runs start, as one pass over the cells would give.
    const indexOfRun = new Map<string, number>();
    let next = firstShared;
    for (const cell of op.cells) {
      const role = roles.get(cell.row);
      if (role?.includes(":") && cell.formula) {
        indexOfRun.set(role.split(":")[0] ?? "", next++);
        this.runRange.set(cell.row, role);
      }
    }
    for (const [row, role] of roles)
      this.sharedAt[row] = indexOfRun.get(role.split(":")[0] ?? "") ?? -1;
    this.sharedCount = next - firstShared;
  }

  has(row: number): boolean {
    return (this.cellAt[row] ?? -1) >= 0;
  }

  headerXml(): string {
    const { row, text } = this.op.header ?? { row: -1, text: "" };
    const ref = `${this.letter}${row + 1}`;
    return cellXml(this.prefix, ref, this.styleOf(row, undefined, true), { value: text });
  }

  cellXml(row: number): string {
    const planned = this.op.cells[this.cellAt[row] ?? -1];
    if (!planned) return "";
    const content: Content = writtenCell(this.op, planned, this.options);
    const si = this.sharedAt[row] ?? -1;
    if (si >= 0 && content.formula) {
      const ref = this.runRange.get(row);
      content.shared = ref === undefined ? { si } : { si, ref };
    }
    const { numberFormat } = this.op;
    const style = this.styleOf(row, numberFormat, numberFormat === undefined);
    content.value = this.stored(content.value, style);
    return cellXml(this.prefix, `${this.letter}${row + 1}`, style, content);
  }
}

/**
 * The cells the plan's column operations put into one sheet: the neighbour's look (or the cell's
 * own) with the plan's number format, and each filled-down run as one shared formula. Their XML
 * is made row by row as the sheet is written, so a large write never holds it all at once.
 */
export function columnEdits(
  offsets: SheetXmlOffsets,
  ops: readonly ColumnWrite[],
  styles: Styles,
  options: ApplyOptions,
  prefix: string,
  /** The workbook counts dates from 1904: dates written go back into its system. */
  date1904 = false,
): SheetEdits {
  const lookup = new ExistingStyleLookup(offsets);
  const stored = (value: CellValue, style: number): CellValue =>
    date1904 && typeof value === "number" && isDateNumberFormat(styles.numberFormatOf(style))
      ? serialToFile(value, true)
      : value;
  const widths: SheetEdits["widths"] = [];
  let nextShared = offsets.maxSharedIndex + 1;
  const columns = ops.map((op) => {
    const styleOf = (row: number, numberFormat: string | undefined, keepOwn: boolean) => {
      // Styles derives each (style, format) pair once and remembers it.
      if (op.styleFrom !== undefined)
        return styles.withNumberFormat(lookup.style(row, op.styleFrom), numberFormat);
      const own = lookup.style(row, op.column);
      return keepOwn ? own : styles.withNumberFormat(own, numberFormat);
    };
    const column = new PlannedColumn(op, options, styleOf, prefix, nextShared, stored);
    nextShared += column.sharedCount;
    const width = op.styleFrom === undefined ? undefined : lookup.width(op.styleFrom);
    if (op.header && width) widths.push({ column: op.column, width: Math.min(width, 14) });
    return column;
  });
  // In column order, so each row's cells come out sorted; a stable sort keeps plan order among
  // writes to the same column, and the later one wins.
  const byColumn = [...columns].sort((a, b) => a.op.column - b.op.column);
  const last = columns.reduce(
    (n, { op, cellAt }) => Math.max(n, cellAt.length, (op.header?.row ?? -1) + 1),
    0,
  );
  const touched = new Uint8Array(last);
  for (const { op, cellAt } of columns) {
    if (op.header) touched[op.header.row] = 1;
    cellAt.forEach((index, row) => {
      if (index >= 0) touched[row] = 1;
    });
  }
  const rows: number[] = [];
  touched.forEach((flag, row) => {
    if (flag) rows.push(row);
  });
  return {
    rows,
    widths,
    writes: (row, column) =>
      columns.some(
        (planned) =>
          planned.op.column === column && (planned.op.header?.row === row || planned.has(row)),
      ),
    cellsAt(row) {
      const cells: CellXml[] = [];
      const put = (column: number, xml: string) => {
        const previous = cells[cells.length - 1];
        if (previous?.column === column) previous.xml = xml;
        else cells.push({ column, xml });
      };
      for (const planned of byColumn) {
        const { op } = planned;
        if (op.header?.row === row) put(op.column, planned.headerXml());
        if (planned.has(row)) put(op.column, planned.cellXml(row));
      }
      return cells;
    },
  };
}
