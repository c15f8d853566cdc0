/**
 * Recalculation with a real formula engine (HyperFormula, GPL-3.0, used only by tests), so the
 * formulas the adapter writes are computed by code that is not ours. Excel recalculates
 * automatically after a write (calculation mode Automatic); the double does it when values are
 * next read, which is the same as far as an add-in can observe.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { parseStructRef, stringifyTokens, tokenize } from "@borgar/fx";
import { letters } from "./a1";
import { key, type DoubleBook, type DoubleCell, type DoubleSheet } from "./model";

const position = (k: string) => k.split(",").map(Number) as [number, number];

/**
 * Structured references ("Parks[Variance £]", "Parks[[#This Row],[Budget £]]") spelled as the A1
 * ranges they name, which HyperFormula reads (it has no Excel tables): a column name alone is the
 * column's data rows, #Totals the totals row, #This Row the formula's own row (Microsoft's "Using
 * structured references with Excel tables"). A reference this cannot place is left as written.
 */
function withTablesAsRanges(formula: string, book: DoubleBook, ownRow: number): string {
  if (!formula.includes("[")) return formula;
  const tokens = tokenize(formula, { allowTernary: false });
  for (const token of tokens) {
    if (token.type !== "structured") continue;
    const ref = parseStructRef(token.value);
    const sheet = book.sheets.find((s) =>
      (s.tables ?? []).some((t) => t.name.toLowerCase() === ref?.table?.toLowerCase()),
    );
    const table = sheet?.tables?.find((t) => t.name.toLowerCase() === ref?.table?.toLowerCase());
    if (!ref || !sheet || !table) continue;
    const at = (ref.columns ?? []).map((c) =>
      table.columns.findIndex((n) => n.toLowerCase() === c.toLowerCase()),
    );
    if (at.some((i) => i < 0)) continue;
    const { r1, c1, r2, c2 } = table.area;
    const left = at.length ? c1 + Math.min(...at) : c1;
    const right = at.length ? c1 + Math.max(...at) : c2;
    const sections = (ref.sections ?? []).map((x) => x.toLowerCase());
    let [top, bottom] = [r1 + (table.showHeaders ? 1 : 0), r2 - (table.showTotals ? 1 : 0)];
    if (sections.includes("this row")) [top, bottom] = [ownRow, ownRow];
    else if (sections.includes("totals")) [top, bottom] = [r2, r2];
    else if (sections.includes("all")) [top, bottom] = [r1, r2];
    else if (sections.length > 0 && !sections.includes("data")) continue;
    const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
    token.value = `${quoted}!${letters(left)}${top + 1}:${letters(right)}${bottom + 1}`;
  }
  return stringifyTokens(tokens);
}

function engine(book: DoubleBook): HyperFormula {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const s of book.sheets) {
    const grid: RawCellContent[][] = [];
    for (const [k, cell] of s.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      const row = (grid[r] ??= []);
      if (cell.formula) row[c] = withTablesAsRanges(cell.formula, book, r);
      else if (typeof cell.value === "string")
        row[c] = cell.error ? cell.value : cell.value === "" ? null : `'${cell.value}`;
      else row[c] = cell.value;
    }
    sheets[s.name] = Array.from(grid, (row) => Array.from(row ?? [], (v) => v ?? null));
  }
  // Excel evaluates SUMPRODUCT's arguments as arrays ("multiplies corresponding components in the
  // given arrays … treats array entries that are not numeric as if they were zeros":
  // learn.microsoft.com/office/vba/api/excel.worksheetfunction.sumproduct), so the Reconciliation
  // sheet's SUMPRODUCT(--NOT(ISNUMBER(C2:C9)),D2:D9) computes there; HyperFormula needs
  // useArrayArithmetic for the same.
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true });
}

/**
 * Recalculates every formula. Where HyperFormula cannot evaluate a formula that Excel could (a
 * structured reference to an Excel table, a function it lacks: "#ERROR!"/"#NAME?" where Excel's
 * cached value is no error), the cell keeps Excel's cached value, and that value, not the engine's
 * error, feeds the formulas that depend on it.
 */
export function recalculate(book: DoubleBook): void {
  const hf = engine(book);
  try {
    const formulas: { cell: DoubleCell; sheet: number; row: number; col: number }[] = [];
    for (const s of book.sheets) {
      const id = hf.getSheetId(s.name);
      if (id === undefined) continue;
      for (const [k, cell] of s.cells) {
        if (!cell.formula) continue;
        const [row, col] = position(k);
        formulas.push({ cell, sheet: id, row, col });
      }
    }
    // A gap is the cell's own: a formula the engine cannot parse, or a function it does not know
    // named in this formula (its dependents then compute from the value kept).
    const gaps = formulas.filter(({ cell, sheet, row, col }) => {
      if (cell.error || !cell.formula) return false;
      if (!hf.validateFormula(withTablesAsRanges(cell.formula, book, row))) return true;
      const v = hf.getCellValue({ sheet, row, col });
      const unknown =
        v instanceof DetailedCellError
          ? /Function name (\S+) not recognized/.exec(v.message)
          : null;
      return unknown?.[1] !== undefined && cell.formula.toUpperCase().includes(`${unknown[1]}(`);
    });
    hf.batch(() => {
      for (const { cell, sheet, row, col } of gaps)
        hf.setCellContents(
          { sheet, row, col },
          typeof cell.value === "string" ? `'${cell.value}` : cell.value,
        );
    });
    const kept = new Set(gaps.map((g) => g.cell));
    for (const { cell, sheet, row, col } of formulas) {
      if (kept.has(cell)) continue;
      const v = hf.getCellValue({ sheet, row, col });
      if (v instanceof DetailedCellError) {
        cell.value = v.value;
        cell.error = true;
      } else {
        cell.value = v ?? "";
        delete cell.error;
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
