import type { Cell, SheetSnapshot } from "../snapshot";
import { formulaEvaluator } from "./arithmetic";
import { withoutFloatNoise } from "./money";

/**
 * A sheet as Excel shows it once it recalculates: every council formula that only adds (SUM over
 * cells and ranges, "=B15+B23", "=P13-C13") carries the figure it computes now, not the value it
 * last cached. A cached value goes stale when a cell it reads is rewritten — our apply turns a
 * typed year total into =SUM(...) and caches only the cells it writes, so a council's =SUM(F14:F16)
 * under that line keeps its old figure until Excel (or LibreOffice) recalculates. Checking our own
 * output must not blame the council's right formula for that. Kinds whose rules read cached
 * values (capital programmes, funding tables) check this view; other formulas keep their cache.
 *
 * Text that looks like an amount adds nothing here, as in SUM ("£1,000" typed as text is ignored
 * by Excel's SUM over a range), so a sheet whose caches are fresh reads exactly as before.
 */
const memo = new WeakMap<SheetSnapshot, SheetSnapshot>();

export function recalculatedSheet(sheet: SheetSnapshot): SheetSnapshot {
  const known = memo.get(sheet);
  if (known) return known;
  const fresh = withComputedValues(
    sheet,
    (cell) => typeof cell.value === "number" || cell.value === null,
    // Half a millionth of a unit: float noise in a cache is not staleness.
    (cell, now) => typeof cell.value !== "number" || Math.abs(now - cell.value) >= 5e-7,
  );
  memo.set(sheet, fresh);
  return fresh;
}

const filled = new WeakMap<SheetSnapshot, SheetSnapshot>();

/**
 * A sheet whose formulas carry no saved value (a file written by openpyxl or another tool, never
 * opened in Excel, leaves every <v> empty) read with the values those formulas compute, where they
 * only add (see `recalculatedSheet`). Without this a total =SUM(C5:C9) that misses row 10 reads as
 * blank and is never judged; with it the total is checked like any other, by the figure Excel
 * would show on opening. Formulas that carry a value keep it: this fills gaps, it does not replace
 * a cache (a stale cache is `recalculatedSheet`'s business, for the kinds that read that view).
 */
export function withFormulaValues(sheet: SheetSnapshot): SheetSnapshot {
  const known = filled.get(sheet);
  if (known) return known;
  const result = withComputedValues(
    sheet,
    (cell) => cell.value === null,
    () => true,
  );
  filled.set(sheet, result);
  return result;
}

/**
 * The sheet with the figure each adding formula computes now in the cells `reads` picks and
 * `replaces` accepts; rows are copied only where a value changes, and the sheet itself comes back
 * when none does. Text that looks like an amount adds nothing, as in Excel's SUM over a range.
 */
function withComputedValues(
  sheet: SheetSnapshot,
  reads: (cell: Cell) => boolean,
  replaces: (cell: Cell, now: number) => boolean,
): SheetSnapshot {
  let evaluate: ReturnType<typeof formulaEvaluator> | null = null;
  let rows: SheetSnapshot["rows"] | null = null;
  const copied = new Set<number>();
  sheet.rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell?.formula || cell.error || !reads(cell)) return;
      evaluate ??= formulaEvaluator(sheet, (row2, column) => {
        const other = sheet.rows[row2]?.[column];
        return other && !other.formula && typeof other.value === "string" ? 0 : null;
      });
      const now = evaluate(r, c);
      if (typeof now !== "number" || !Number.isFinite(now) || !replaces(cell, now)) return;
      rows ??= sheet.rows.slice();
      if (!copied.has(r)) {
        rows[r] = row.slice();
        copied.add(r);
      }
      const copy = rows[r];
      if (copy) copy[c] = { ...cell, value: withoutFloatNoise(now) };
    });
  });
  return rows ? { ...sheet, rows } : sheet;
}
