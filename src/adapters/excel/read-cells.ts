/* A sheet's snapshot from its loaded blocks: cells as the core reads them. */
import type { Cell, SheetSnapshot } from "../../core";
import type { Loaded } from "./read-blocks";
import type { SheetPlan } from "./read-plan";

function toCell(
  formula: unknown,
  value: unknown,
  type: unknown,
  numberFormat: unknown,
  hasFormula: boolean,
): Cell | null {
  const format =
    typeof numberFormat === "string" && numberFormat !== "" && numberFormat !== "General"
      ? { numberFormat }
      : {};
  if (hasFormula && typeof formula === "string" && formula.startsWith("=")) {
    // Errors are told by valueTypes, not by matching their (localisable) text.
    if (type === "Error") return { value: null, formula, error: String(value), ...format };
    const v = value === "" || value === undefined ? null : (value as Cell["value"]);
    return { value: v, formula, ...format };
  }
  if (formula === "" || formula === null || formula === undefined) return null;
  // Text that merely starts with "=" (typed with an apostrophe) stays text.
  return { value: formula as Cell["value"], ...format };
}

/**
 * `formulas` gives a text cell's text, so text typed as "'=HYPERLINK(…)" reads like a formula.
 * A cell is a formula only if the formula map says so (1.9) or, without it, if its value differs
 * from its formula text.
 */
function isFormula(plan: SheetPlan, row: number, column: number, formula: unknown, value: unknown) {
  if (typeof formula !== "string" || !formula.startsWith("=")) return false;
  if (plan.formulas)
    return plan.formulas.some(
      (a) =>
        row >= a.firstRow && row <= a.lastRow && column >= a.firstColumn && column <= a.lastColumn,
    );
  return formula !== value;
}

/** The sheet's snapshot: its plan's hidden rows, columns and merges, and the loaded cells. */
export function toSheet(plan: SheetPlan, loaded: Loaded[]): SheetSnapshot {
  const rows: (Cell | null)[][] = [];
  for (const { block, formulas, numberFormats, values } of loaded) {
    const f = formulas.formulas;
    const nf = numberFormats.numberFormat;
    const v = values?.values;
    const t = values?.valueTypes;
    for (let r = 0; r < f.length; r++) {
      const out: (Cell | null)[] = rows[block.firstRow + r] ?? [];
      const fr = f[r] ?? [];
      for (let c = 0; c < fr.length; c++) {
        const formula = fr[c];
        const value = v?.[r]?.[c];
        const cell = toCell(
          formula,
          value,
          t?.[r]?.[c],
          nf[r]?.[c],
          isFormula(plan, block.firstRow + r, block.firstColumn + c, formula, value),
        );
        if (cell) out[block.firstColumn + c] = cell;
      }
      if (out.length > 0) rows[block.firstRow + r] = Array.from(out, (x) => x ?? null);
    }
  }
  return {
    name: plan.name,
    rows: Array.from(rows, (r) => r ?? []),
    hiddenRows: plan.hiddenRows ?? [],
    hiddenColumns: plan.hiddenColumns ?? [],
    merges: plan.merges,
    ...(plan.mergesUnknown ? { mergesUnknown: true } : {}),
  };
}
