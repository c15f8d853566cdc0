/**
 * A double of the part of Excel's JavaScript API that Council Sheets uses, built from Microsoft's
 * documentation (every behaviour it models, with its source and its test, is listed in
 * excel-double/README.md). It imports nothing from src/: it must not agree with the adapter by
 * sharing its code.
 *
 * Like the real thing: nothing reaches the workbook until context.sync(); reading a property that
 * was not loaded and synced throws; methods above the configured ExcelApi version throw; requests
 * and responses over 5 MB fail with their own codes. It counts syncs and measures every payload.
 */
import { parseLocal } from "./excel-double/a1";
import { recalculate } from "./excel-double/calc";
import { DoubleContext } from "./excel-double/context";
import {
  key,
  type DoubleBook,
  type DoubleCell,
  type DoubleName,
  type DoubleSheet,
  type Stats,
  type Value,
} from "./excel-double/model";

export type { DoubleTable } from "./excel-double/model";
export {
  sheetFromRows,
  type DoubleCell,
  type DoubleBook,
  type DoubleName,
  type DoubleSheet,
  type Stats,
  type Value,
} from "./excel-double/model";
export { DoubleContext };

export interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

export interface Double {
  runtime: {
    run<T>(options: RunOptions, batch: (ctx: never) => Promise<T>): Promise<T>;
    supports(version: string): boolean;
  };
  stats: Stats;
  /** The sheets, in tab order. */
  book: DoubleSheet[];
  workbook: DoubleBook;
  names: DoubleName[];
  runs: RunOptions[];
  lastContext: () => DoubleContext | null;
  sheet(name: string): DoubleSheet | undefined;
  /** Recalculates every formula now (Excel does it on its own after each write). */
  recalculate(): void;
}

export interface DoubleOptions {
  /** The highest ExcelApi 1.x this Excel supports (Office 2019: 7; Microsoft 365: 20). */
  version?: number;
  /** Every sync fails with this error code. */
  failWith?: string;
  /** The sync with this number (counted over the double's life, from 1) fails with `code`. */
  failAt?: { sync: number; code: string };
  /**
   * RangeAreas addresses list only the areas that fit in this many characters. VBA's
   * Range.Address does this at 255 (MicrosoftDocs/VBA-Docs#49); for Office.js it is not
   * documented either way, so it is off unless a test asks for it.
   */
  addressLimit?: number;
  names?: DoubleName[];
  structureProtected?: boolean;
}

/** An Excel with these sheets. */
export function excelDouble(sheets: DoubleSheet[], options: DoubleOptions = {}): Double {
  const stats: Stats = { syncs: 0, requests: [], responses: [], specialCells: [] };
  const version = options.version ?? 20;
  const workbook: DoubleBook = {
    sheets,
    names: options.names ?? [],
    structureProtected: options.structureProtected ?? false,
  };
  const runs: RunOptions[] = [];
  let last: DoubleContext | null = null;
  return {
    stats,
    book: sheets,
    workbook,
    names: workbook.names,
    runs,
    lastContext: () => last,
    sheet: (name) => sheets.find((s) => s.name === name),
    recalculate: () => recalculate(workbook),
    runtime: {
      async run(runOptions, batch) {
        if (runOptions.mergeUndoGroup && version < 20)
          throw new Error("ApiNotFound: mergeUndoGroup needs ExcelApi 1.20");
        runs.push(runOptions);
        last = new DoubleContext(
          workbook,
          version,
          stats,
          options.failWith ?? null,
          options.failAt ?? null,
          options.addressLimit ?? null,
        );
        return batch(last as never);
      },
      supports: (v: string) => Number(v.split(".")[1]) <= version,
    },
  };
}

/** A stored cell as any reader describes it (structurally: the double imports nothing of ours). */
interface StoredCell {
  value: Value | null;
  formula?: string;
  numberFormat?: string;
  error?: string;
}

/** Workbook state as an .xlsx holds it, for building an Excel that has that file open. */
export interface StoredBook {
  sheets: {
    name: string;
    rows: (StoredCell | null | undefined)[][];
    hiddenRows: number[];
    hiddenColumns?: number[];
    merges?: string[];
    /** Solid fills of key cells ("#rrggbb" by A1 address), as the file's styles give them. */
    keyFills?: Record<string, string>;
    /** Columns narrower than 3 characters: the double gives them 1.5 characters' width. */
    narrowColumns?: { first: number; last: number }[];
    tables?: {
      name: string;
      firstRow: number;
      firstColumn: number;
      lastRow: number;
      lastColumn: number;
      showHeaders: boolean;
      showTotals: boolean;
      columns: string[];
    }[];
  }[];
}

function storedCell(c: StoredCell): DoubleCell {
  const cell: DoubleCell = c.error ? { value: c.error, error: true } : { value: c.value ?? "" };
  if (c.formula) cell.formula = c.formula;
  if (c.numberFormat) cell.numberFormat = c.numberFormat;
  return cell;
}

/** The sheets of a stored workbook as Excel holds them once the file is open. */
export function bookFromSnapshot(stored: StoredBook): DoubleSheet[] {
  return stored.sheets.map((s) => {
    const cells = new Map<string, DoubleCell>();
    s.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c && (c.formula || c.error || (c.value !== null && c.value !== "")))
          cells.set(key(r, col), storedCell(c));
        else if (c?.numberFormat)
          cells.set(key(r, col), { value: "", numberFormat: c.numberFormat });
      }),
    );
    for (const [address, fill] of Object.entries(s.keyFills ?? {})) {
      const a = parseLocal(address);
      const at = key(a.r1, a.c1);
      cells.set(at, { ...(cells.get(at) ?? { value: "" }), fill: fill.toUpperCase() });
    }
    // Points as Excel sets them for a width of 1.5 characters: (1.5 × 7 + 5) px at 0.75 pt a px.
    const columnWidths = new Map<number, number>();
    for (const n of s.narrowColumns ?? [])
      for (let c = n.first; c <= n.last; c++) columnWidths.set(c, 11.625);
    return {
      name: s.name,
      cells,
      ...(columnWidths.size > 0 ? { columnWidths } : {}),
      hiddenRows: new Set(s.hiddenRows),
      hiddenColumns: new Set(s.hiddenColumns ?? []),
      merges: (s.merges ?? []).map(parseLocal),
      ...(s.tables
        ? {
            tables: s.tables.map((t) => ({
              name: t.name,
              area: { r1: t.firstRow, c1: t.firstColumn, r2: t.lastRow, c2: t.lastColumn },
              showHeaders: t.showHeaders,
              showTotals: t.showTotals,
              columns: [...t.columns],
            })),
          }
        : {}),
    };
  });
}
