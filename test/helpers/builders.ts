import type { Cell, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";

/** A cell holding a formula with its cached value: f("=B6*C6", 4). */
export function f(formula: string, value: CellValue): Cell {
  return { value, formula };
}

/** What a builder row holds: a plain value, a cell (a formula, a number format), or nothing. */
export type Entry = CellValue | Cell | undefined;

function toCell(entry: Entry): Cell | null {
  if (entry === undefined || entry === null) return null;
  if (typeof entry === "object") return entry;
  return { value: entry };
}

export interface SheetExtras {
  hiddenRows?: number[];
  hiddenColumns?: number[];
  merges?: string[];
}

/** A sheet from rows of plain values (row 0 is Excel row 1); `null`/`undefined` are empty cells. */
export function sheet(name: string, rows: Entry[][], extras: SheetExtras = {}): SheetSnapshot {
  return {
    name,
    rows: rows.map((row) => row.map(toCell)),
    hiddenRows: extras.hiddenRows ?? [],
    hiddenColumns: extras.hiddenColumns ?? [],
    merges: extras.merges ?? [],
  };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** 22 November 2026 as an Excel serial: tests never read the clock. */
export const TODAY = 46348;

export const FIXTURES = `${__dirname}/../../../shared/fixtures`;
