/**
 * Recalculation with a real formula engine (HyperFormula, GPL-3.0, used only by tests), so the
 * formulas the adapter writes are computed by code that is not ours. Excel recalculates
 * automatically after a write (calculation mode Automatic); the double does it when values are
 * next read, which is the same as far as an add-in can observe.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { key, type DoubleBook, type DoubleCell, type DoubleSheet } from "./model";

const position = (k: string) => k.split(",").map(Number) as [number, number];

function engine(book: DoubleBook): HyperFormula {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const s of book.sheets) {
    const grid: RawCellContent[][] = [];
    for (const [k, cell] of s.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      const row = (grid[r] ??= []);
      if (cell.formula) row[c] = cell.formula;
      else if (typeof cell.value === "string")
        row[c] = cell.error ? cell.value : cell.value === "" ? null : `'${cell.value}`;
      else row[c] = cell.value;
    }
    sheets[s.name] = Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
  }
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
}

export function recalculate(book: DoubleBook): void {
  const hf = engine(book);
  try {
    for (const s of book.sheets) {
      const id = hf.getSheetId(s.name);
      if (id === undefined) continue;
      for (const [k, cell] of s.cells) {
        if (!cell.formula) continue;
        const [row, col] = k.split(",").map(Number) as [number, number];
        const v = hf.getCellValue({ sheet: id, row, col });
        if (v instanceof DetailedCellError) {
          // A function HyperFormula lacks is an engine gap, not an Excel result: keep the cache.
          if (v.value === "#NAME?" && !cell.error) continue;
          cell.value = v.value;
          cell.error = true;
        } else {
          cell.value = v ?? "";
          delete cell.error;
        }
      }
    }
  } finally {
    hf.destroy();
  }
}

/**
 * Range.insert("Right") on whole columns: cells at and right of `at` move right, and every
 * formula that refers to moved cells is rewritten, on every sheet. The rewriting is HyperFormula's
 * (its addColumns moves references as Excel does); formulas it does not change keep their text.
 */
export function insertColumns(
  book: DoubleBook,
  sheet: DoubleSheet,
  at: number,
  count: number,
): void {
  const hf = engine(book);
  try {
    const before = new Map<DoubleCell, string | undefined>();
    for (const s of book.sheets) {
      const id = hf.getSheetId(s.name) ?? -1;
      for (const [k, cell] of s.cells) {
        const [row, col] = position(k);
        if (cell.formula) before.set(cell, hf.getCellFormula({ sheet: id, row, col }));
      }
    }
    hf.addColumns(hf.getSheetId(sheet.name) ?? -1, [at, count]);
    const moved = new Map<string, DoubleCell>();
    for (const [k, cell] of sheet.cells) {
      const [r, c] = position(k);
      moved.set(key(r, c >= at ? c + count : c), cell);
    }
    sheet.cells = moved;
    const shift = (c: number) => (c >= at ? c + count : c);
    sheet.hiddenColumns = new Set([...(sheet.hiddenColumns ?? [])].map(shift));
    sheet.merges = (sheet.merges ?? []).map((m) => ({ ...m, c1: shift(m.c1), c2: shift(m.c2) }));
    for (const s of book.sheets) {
      const id = hf.getSheetId(s.name) ?? -1;
      for (const [k, cell] of s.cells) {
        if (!cell.formula) continue;
        const [row, col] = position(k);
        const after = hf.getCellFormula({ sheet: id, row, col });
        if (after !== undefined && after !== before.get(cell)) cell.formula = after;
      }
    }
  } finally {
    hf.destroy();
  }
}
