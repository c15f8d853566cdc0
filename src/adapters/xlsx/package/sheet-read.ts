import { parseAddress } from "../../../core/a1";
import { shiftFormula } from "../../../core/formula-shift";
import type { Cell, CellValue, SheetSnapshot } from "../../../core/snapshot";
import type { Styles } from "./styles";
import { Tag, scanSheetXml } from "./scan";
import { PackageFormatError, unescapeExcel } from "./xml";

/**
 * Where things sit in a worksheet's XML, kept so that the writer can splice new cells into the
 * text instead of rebuilding it. Rows and cells are in file order (ascending, as the format requires).
 */
export interface SheetLayout {
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
 * "AB12" → column 27 and row 12 (1-based), or null. Read character by character: it runs once per
 * cell, a million times in a large register, where a regular expression shows in the profile.
 */
function cellReference(ref: string): { column: number; row: number } | null {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // $
  let column = 0;
  for (let n = 0; i < ref.length && n < 4; i++, n++) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digitsFrom = i;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
  }
  return column === 0 || column > 16384 || i === digitsFrom ? null : { column: column - 1, row };
}

interface Pending {
  column: number;
  style: number;
  type: string | undefined;
  value?: string;
  formula?: string;
  formulaType?: string;
  sharedIndex?: string;
  sharedRef?: string;
  inline?: string;
}

/** Reads one worksheet part into the snapshot form and records its layout for writing. */
export function readSheet(
  name: string,
  xml: string,
  strings: readonly string[],
  styles: Styles,
): { sheet: SheetSnapshot; layout: SheetLayout } {
  const rows: (Cell | null)[][] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  const merges: string[] = [];
  const layout: SheetLayout = {
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
  const masters = new Map<string, { formula: string; row: number; column: number }>();
  const formats: (string | undefined | null)[] = [];
  const formatOf = (style: number) => {
    let format = formats[style];
    if (format === undefined) formats[style] = format = styles.numberFormatOf(style) ?? null;
    return format ?? undefined;
  };
  let row = 0;
  let cells: (Cell | null)[] = [];
  let cell: Pending | undefined;
  /** Text being collected for <v>, <f> or an inline string's <t>. */
  let capture: string | undefined;
  let captureInline = false;
  let phonetic = 0;
  let colsStart = -1;
  let colsOpenEnd = -1;

  const finishCell = () => {
    if (!cell) return;
    const read = toCell(cell);
    if (read) {
      while (cells.length < cell.column) cells.push(null);
      cells[cell.column] = read;
    }
  };
  const toCell = (c: Pending): Cell | null => {
    let formula: string | undefined;
    if (c.formulaType === "shared" && c.sharedIndex !== undefined) {
      if (c.formula) {
        masters.set(c.sharedIndex, { formula: c.formula, row, column: c.column });
        if (c.sharedRef) layout.sharedMasters.push({ row, column: c.column, ref: c.sharedRef });
        formula = c.formula;
      } else {
        const master = masters.get(c.sharedIndex);
        if (master)
          formula = shiftFormula(master.formula, row - master.row, c.column - master.column);
      }
    } else if (c.formula) formula = c.formula;
    const hasValue = c.value !== undefined || c.inline !== undefined;
    if (!hasValue && formula === undefined) return null;
    const numberFormat = formatOf(c.style);
    let value: CellValue = null;
    let error: string | undefined;
    const v = c.value ?? "";
    switch (c.type) {
      case "s":
        value = strings[Number(v)] ?? null;
        break;
      case "str":
        value = formula !== undefined && !hasValue ? null : v;
        break;
      case "inlineStr":
        value = unescapeExcel(c.inline ?? "");
        break;
      case "b":
        value = hasValue ? v === "1" || v === "true" : null;
        break;
      case "e":
        error = v;
        break;
      case "d": {
        const time = Date.parse(v);
        value = Number.isNaN(time) ? v : (time - Date.UTC(1899, 11, 30)) / 86_400_000;
        break;
      }
      default:
        value = v === "" || v.trim() === "" ? null : Number(v);
    }
    // Built in one go, in one of few shapes: a million cells read faster that way in the core.
    if (formula === undefined && error === undefined)
      return numberFormat === undefined ? { value } : { value, numberFormat };
    const out: Cell = { value };
    if (formula !== undefined) out.formula = `=${formula}`;
    if (numberFormat !== undefined) out.numberFormat = numberFormat;
    if (error !== undefined) out.error = error;
    return out;
  };

  scanSheetXml(xml, {
    capturing: () => capture !== undefined,
    open(tag, a, start, end) {
      switch (tag) {
        case Tag.Row: {
          row = a.r ? Number(a.r) - 1 : row + (layout.rowNumber.length > 0 ? 1 : 0);
          const previous = layout.rowNumber[layout.rowNumber.length - 1];
          if (!Number.isInteger(row) || row < 0 || (previous !== undefined && row + 1 <= previous))
            throw new PackageFormatError(`rows out of order in ${name}`);
          if (a.hidden === "1" || a.hidden === "true") hiddenRows.push(row);
          layout.rowNumber.push(row + 1);
          layout.rowStart.push(start);
          layout.rowOpenEnd.push(end);
          layout.rowFirstCell.push(layout.cellColumn.length);
          cells = [];
          break;
        }
        case Tag.C: {
          const previous =
            layout.cellColumn.length > layout.rowFirstCell[layout.rowFirstCell.length - 1]!
              ? layout.cellColumn[layout.cellColumn.length - 1]!
              : -1;
          let column = previous + 1;
          if (a.r) {
            const at = cellReference(a.r);
            if (!at || at.row !== row + 1)
              throw new PackageFormatError(`cell ${a.r} is not in row ${row + 1} of ${name}`);
            column = at.column;
          }
          if (column <= previous) throw new PackageFormatError(`cells out of order in ${name}`);
          cell = { column, style: Number(a.s ?? 0), type: a.t };
          layout.cellColumn.push(column);
          layout.cellStart.push(start);
          layout.cellStyle.push(cell.style);
          break;
        }
        case Tag.V:
          if (cell) capture = "";
          break;
        case Tag.F:
          if (cell) {
            capture = "";
            cell.formulaType = a.t;
            cell.sharedIndex = a.si;
            cell.sharedRef = a.ref;
            if (a.si !== undefined)
              layout.maxSharedIndex = Math.max(layout.maxSharedIndex, Number(a.si));
          }
          break;
        case Tag.Is:
          if (cell) cell.inline = "";
          break;
        case Tag.RPh:
          phonetic++;
          break;
        case Tag.T:
          if (cell?.inline !== undefined && phonetic === 0) {
            capture = "";
            captureInline = true;
          }
          break;
        case Tag.SheetData:
          layout.sheetData = { start, openEnd: end, closeStart: end, selfClosing: false };
          break;
        case Tag.Dimension:
          if (a.ref) layout.dimension = { start, end, ref: a.ref };
          break;
        case Tag.Cols:
          colsStart = start;
          colsOpenEnd = end;
          break;
        case Tag.Col: {
          const min = Number(a.min) - 1;
          const max = Number(a.max) - 1;
          if (a.hidden === "1" || a.hidden === "true")
            for (let c = min; c <= Math.min(max, 16383); c++) hiddenColumns.push(c);
          layout.columns.push({
            min,
            max,
            width: a.width ? Number(a.width) : undefined,
            start,
            end,
          });
          break;
        }
        case Tag.MergeCell:
          if (a.ref) merges.push(a.ref);
          break;
      }
    },
    text(text) {
      if (capture !== undefined) capture += text;
    },
    close(tag, start, end, selfClosing) {
      switch (tag) {
        case Tag.V:
          if (cell && capture !== undefined) cell.value = capture;
          capture = undefined;
          break;
        case Tag.F:
          if (cell && capture !== undefined) cell.formula = capture;
          capture = undefined;
          break;
        case Tag.T:
          if (cell && captureInline) cell.inline = (cell.inline ?? "") + (capture ?? "");
          capture = undefined;
          captureInline = false;
          break;
        case Tag.RPh:
          phonetic--;
          break;
        case Tag.C:
          finishCell();
          layout.cellEnd.push(end);
          cell = undefined;
          break;
        case Tag.Row:
          layout.rowEnd.push(end);
          layout.rowSelfClosing.push(selfClosing);
          if (cells.length > 0) {
            while (rows.length < row) rows.push([]);
            rows[row] = cells;
          }
          break;
        case Tag.SheetData:
          layout.sheetData.closeStart = selfClosing ? end : start;
          layout.sheetData.selfClosing = selfClosing;
          break;
        case Tag.Cols:
          layout.cols = {
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
  if (layout.sheetData.start < 0) throw new PackageFormatError(`${name} has no cell data`);
  layout.rowFirstCell.push(layout.cellColumn.length);
  dropMergedCells(rows, merges);
  return { sheet: { name, rows, hiddenRows, hiddenColumns, merges }, layout };
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
