import { type Cell, parseAddress, type SheetSnapshot, SPACER_WIDTH } from "../../../core";
import { Captured, CellBuilder } from "./cell-read";
import type { Styles } from "./styles";
import {
  ReadLimitMeter,
  beyondGrid,
  cellTextTooLong,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  MAX_ESCAPED_CELL_TEXT,
} from "./read-limits";
import type { RowTick } from "./read-progress";
import { integerAt, scanSheetXml, Slot, Tag, type InPlace } from "./scan";
import { PackageFormatError } from "./xml";

/**
 * Where things sit in a worksheet's XML, kept so that the writer can splice new cells into the
 * text instead of rebuilding it. Rows and cells are in file order (ascending, as the format requires).
 */
export interface SheetXmlOffsets {
  xml: string;
  /** Per row: 1-based number, offsets of its start tag, end of its start tag, and end. */
  rowNumber: number[];
  rowStart: number[];
  rowOpenEnd: number[];
  rowEnd: number[];
  rowSelfClosing: boolean[];
  /** Index into the cell arrays of each row's first cell; rowFirstCell[rows] = cell count. */
  rowFirstCell: number[];
  /** Per cell: 0-based column, offsets, style index. */
  cellColumn: number[];
  cellStart: number[];
  cellEnd: number[];
  cellStyle: number[];
  sheetData: { openEnd: number; closeStart: number; selfClosing: boolean; start: number };
  dimension?: { start: number; end: number; ref: string };
  cols?: { start: number; end: number; selfClosing: boolean; innerStart: number; innerEnd: number };
  columns: { min: number; max: number; width?: number; start: number; end: number }[];
  /** Highest shared-formula index in use, so new ones do not collide. */
  maxSharedIndex: number;
  /** Cells holding the formula of a shared-formula range, with the range it covers. */
  sharedMasters: { row: number; column: number; ref: string }[];
}

/**
 * "AB12" → column 27 and row 12 (1-based), packed as row * 16384 + column − 1, or −1. Read in
 * place, character by character: it runs once per cell, millions of times in a large register.
 */
const cellReference: InPlace<number> = (text, from, to) => {
  let i = text.charCodeAt(from) === 36 ? from + 1 : from; // $
  let column = 0;
  for (let n = 0; i < to && n < 4; i++, n++) {
    const code = text.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (text.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    row = row * 10 + (code - 48);
  }
  return column === 0 || column > 16384 || i === digitsFrom ? -1 : row * 16384 + column - 1;
};

/**
 * Reads one worksheet part into the snapshot form and records where its cells sit in the XML, for writing. Every cell
 * (and every blank left of a row's last cell, which the snapshot holds too) is charged to
 * `meter`; a row or column beyond Excel's grid is damage, refused before anything is sized by it.
 */
export function readSheet(
  name: string,
  xml: string,
  strings: readonly string[],
  styles: Styles,
  meter: ReadLimitMeter = new ReadLimitMeter(),
  /** Hears each row as it starts (the pane's progress bar); see read-progress.ts. */
  onRow?: RowTick,
  /** The workbook counts dates from 1904 (workbookPr/@date1904). */
  date1904 = false,
): { sheet: SheetSnapshot; offsets: SheetXmlOffsets } {
  const rows: (Cell | null)[][] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  const merges: string[] = [];
  const offsets: SheetXmlOffsets = {
    xml,
    rowNumber: [],
    rowStart: [],
    rowOpenEnd: [],
    rowEnd: [],
    rowSelfClosing: [],
    rowFirstCell: [],
    cellColumn: [],
    cellStart: [],
    cellEnd: [],
    cellStyle: [],
    sheetData: { start: -1, openEnd: -1, closeStart: -1, selfClosing: false },
    columns: [],
    maxSharedIndex: -1,
    sharedMasters: [],
  };
  const formats: (string | undefined | null)[] = [];
  const formatOf = (style: number) => {
    let format = formats[style];
    if (format === undefined) formats[style] = format = styles.numberFormatOf(style) ?? null;
    return format ?? undefined;
  };
  const cell = new CellBuilder(
    xml,
    strings,
    formatOf,
    (row, column, ref) => offsets.sharedMasters.push({ row, column, ref }),
    date1904,
  );
  let inCell = false;
  const inlineText = new Captured(xml);
  /** What text is being gathered for: a cell's <v> or <f>, or an inline string's <t>. */
  let capture: Captured | undefined;
  let row = 0;
  let cells: (Cell | null)[] = [];
  let phonetic = 0;
  let colsStart = -1;
  let colsOpenEnd = -1;
  const isTrue = (text: string | undefined) => text === "1" || text === "true";

  scanSheetXml(xml, {
    capturing: () => capture !== undefined,
    open(tag, a, start, end) {
      switch (tag) {
        case Tag.Row: {
          row = a.filled(Slot.R)
            ? (a.read(Slot.R, integerAt) ?? 0) - 1
            : row + (offsets.rowNumber.length > 0 ? 1 : 0);
          const previous = offsets.rowNumber[offsets.rowNumber.length - 1];
          if (!Number.isInteger(row) || row >= EXCEL_MAX_ROWS)
            throw beyondGrid(`row ${a.text(Slot.R) ?? row + 1}`, `sheet ${name}`);
          if (row < 0 || (previous !== undefined && row + 1 <= previous))
            throw new PackageFormatError(`rows out of order in ${name}`);
          if (isTrue(a.text(Slot.Hidden))) hiddenRows.push(row);
          offsets.rowNumber.push(row + 1);
          offsets.rowStart.push(start);
          onRow?.(row + 1, start);
          offsets.rowOpenEnd.push(end);
          offsets.rowFirstCell.push(offsets.cellColumn.length);
          cells = [];
          break;
        }
        case Tag.C: {
          const previous =
            offsets.cellColumn.length > offsets.rowFirstCell[offsets.rowFirstCell.length - 1]!
              ? offsets.cellColumn[offsets.cellColumn.length - 1]!
              : -1;
          let column = previous + 1;
          const at = a.filled(Slot.R) ? (a.read(Slot.R, cellReference) ?? -1) : undefined;
          if (at !== undefined) {
            if (at < 0) throw beyondGrid(`cell ${a.text(Slot.R) ?? ""}`, `sheet ${name}`);
            if (Math.floor(at / 16384) !== row + 1)
              throw new PackageFormatError(
                `cell ${a.text(Slot.R)} is not in row ${row + 1} of ${name}`,
              );
            column = at % 16384;
          }
          if (column <= previous) throw new PackageFormatError(`cells out of order in ${name}`);
          if (column >= EXCEL_MAX_COLUMNS)
            throw beyondGrid(`a cell after column XFD`, `row ${row + 1} of sheet ${name}`);
          meter.cells(1);
          const style = a.read(Slot.S, integerAt) ?? 0;
          cell.start(column, style, a.text(Slot.T));
          inCell = true;
          offsets.cellColumn.push(column);
          offsets.cellStart.push(start);
          offsets.cellStyle.push(style);
          break;
        }
        case Tag.V:
          if (inCell) (capture = cell.value).begin();
          break;
        case Tag.F:
          if (inCell) {
            (capture = cell.formula).begin();
            cell.formulaType = a.text(Slot.T);
            cell.sharedIndex = a.text(Slot.Si);
            cell.sharedRef = a.text(Slot.Ref);
            const shared = a.read(Slot.Si, integerAt);
            if (shared !== undefined)
              offsets.maxSharedIndex = Math.max(offsets.maxSharedIndex, shared);
          }
          break;
        case Tag.Is:
          if (inCell) cell.inline = "";
          break;
        case Tag.RPh:
          phonetic++;
          break;
        case Tag.T:
          if (inCell && cell.inline !== undefined && phonetic === 0) (capture = inlineText).begin();
          break;
        case Tag.SheetData:
          offsets.sheetData = { start, openEnd: end, closeStart: end, selfClosing: false };
          break;
        case Tag.Dimension: {
          const ref = a.text(Slot.Ref);
          if (ref) offsets.dimension = { start, end, ref };
          break;
        }
        case Tag.Cols:
          colsStart = start;
          colsOpenEnd = end;
          break;
        case Tag.Col: {
          const min = Number(a.text(Slot.Min)) - 1;
          const max = Number(a.text(Slot.Max)) - 1;
          // Column numbers are 1 to 16,384 (ECMA-376 §18.3.1.13); a negative or reversed range
          // would otherwise size the hidden-column list by a number the file made up.
          if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 0 && min <= max))
            throw beyondGrid(
              `columns ${a.text(Slot.Min) ?? "?"} to ${a.text(Slot.Max) ?? "?"}`,
              `sheet ${name}`,
            );
          if (max >= EXCEL_MAX_COLUMNS) throw beyondGrid(`column ${max + 1}`, `sheet ${name}`);
          if (isTrue(a.text(Slot.Hidden))) for (let c = min; c <= max; c++) hiddenColumns.push(c);
          const width = a.text(Slot.Width);
          offsets.columns.push({ min, max, width: width ? Number(width) : undefined, start, end });
          break;
        }
        case Tag.MergeCell: {
          const ref = a.text(Slot.Ref);
          if (ref) merges.push(ref);
          break;
        }
      }
    },
    text(start, end, kind) {
      capture?.add(start, end, kind);
    },
    close(tag, start, end, selfClosing) {
      switch (tag) {
        case Tag.V:
        case Tag.F:
          capture = undefined;
          break;
        case Tag.T:
          if (inCell && capture === inlineText) {
            cell.inline = (cell.inline ?? "") + inlineText.text();
            if (cell.inline.length > MAX_ESCAPED_CELL_TEXT)
              throw cellTextTooLong("an inline string");
          }
          capture = undefined;
          break;
        case Tag.RPh:
          phonetic--;
          break;
        case Tag.C: {
          const read = inCell ? cell.build(row) : null;
          if (read) {
            while (cells.length < cell.column) cells.push(null);
            cells[cell.column] = read;
          }
          offsets.cellEnd.push(end);
          inCell = false;
          break;
        }
        case Tag.Row:
          offsets.rowEnd.push(end);
          offsets.rowSelfClosing.push(selfClosing);
          // The blanks the row array holds left of its cells cost memory like cells do.
          meter.cells(
            Math.max(
              0,
              cells.length - (offsets.cellColumn.length - (offsets.rowFirstCell.at(-1) ?? 0)),
            ),
          );
          if (cells.length > 0) {
            while (rows.length < row) rows.push([]);
            rows[row] = cells;
          }
          break;
        case Tag.SheetData:
          offsets.sheetData.closeStart = selfClosing ? end : start;
          offsets.sheetData.selfClosing = selfClosing;
          break;
        case Tag.Cols:
          offsets.cols = {
            start: colsStart,
            end,
            selfClosing,
            innerStart: colsOpenEnd,
            innerEnd: selfClosing ? colsOpenEnd : start,
          };
          break;
      }
    },
  });
  if (offsets.sheetData.start < 0) throw new PackageFormatError(`${name} has no cell data`);
  offsets.rowFirstCell.push(offsets.cellColumn.length);
  dropMergedCells(rows, merges);
  // A visible column narrower than SPACER_WIDTH characters is a spacer (never a place to write).
  const narrowColumns = offsets.columns
    .filter(
      (c) => c.width !== undefined && c.width < SPACER_WIDTH && !hiddenColumns.includes(c.min),
    )
    .map((c) => ({ first: c.min, last: c.max }));
  const sheet: SheetSnapshot = { name, rows, hiddenRows, hiddenColumns, merges };
  return { sheet: narrowColumns.length > 0 ? { ...sheet, narrowColumns } : sheet, offsets };
}

/** Only the top-left cell of a merge holds a value; Excel ignores the others, and so do we. */
function dropMergedCells(rows: (Cell | null)[][], merges: readonly string[]): void {
  for (const range of merges) {
    const [from, to] = range.split(":");
    if (!from || !to) continue;
    const a = parseAddress(from);
    const b = parseAddress(to);
    for (let r = a.row; r <= Math.min(b.row, rows.length - 1); r++) {
      const cells = rows[r];
      if (!cells) continue;
      for (let c = a.column; c <= Math.min(b.column, cells.length - 1); c++)
        if (r !== a.row || c !== a.column) cells[c] = null;
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    }
  }
  while (rows.length > 0 && (rows[rows.length - 1]?.length ?? 0) === 0) rows.pop();
}
