import { cellAddress } from "../a1";
import { precedentsOf } from "../formula-dependents";
import type { Finding } from "../findings";
import type { SheetSnapshot } from "../snapshot";

/**
 * One fault, one finding: a likelihood or impact that is no rating ("Very high" off the council's
 * word list, a blank) makes the council's own score formula reading it show an error (its MATCH
 * gives #N/A). The error is the input's consequence, not a second fault: it is said on the input's
 * finding, and the score cell earns none of its own.
 *
 * `out` from `from` on holds the findings of this row's inputs; an error there (missing-value,
 * not-a-number, out-of-range) means the input gave no rating. When the formula at (row, column)
 * reads such an input, `consequence` is added to that input's message and true is returned.
 */
export function saidOnUnratedInput(
  out: Finding[],
  from: number,
  sheet: SheetSnapshot,
  row: number,
  inputs: readonly number[],
  column: number,
  consequence: string,
): boolean {
  const formula = sheet.rows[row]?.[column]?.formula;
  if (!formula || out.length === from) return false;
  const areas = precedentsOf({ sheet: sheet.name, row, column, formula }, () => undefined);
  const name = sheet.name.toLowerCase();
  const reads = (input: number) =>
    areas.some(
      (a) =>
        a.sheet.toLowerCase() === name &&
        a.top <= row &&
        row <= a.bottom &&
        a.left <= input &&
        input <= a.right,
    );
  for (const input of inputs) {
    const at = cellAddress(row, input);
    const k = out.findIndex((f, i) => i >= from && f.severity === "error" && f.cell === at);
    const cause = out[k];
    if (!cause || !reads(input)) continue;
    out[k] = { ...cause, message: `${cause.message}; ${consequence}` };
    return true;
  }
  return false;
}
