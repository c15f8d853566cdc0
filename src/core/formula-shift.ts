/**
 * Moving a formula down rows the way Excel's fill handle does: relative row numbers shift,
 * absolute ($5) ones stay, and text inside quotes or quoted sheet names is never touched.
 */
const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g;
/** Splits a formula so that odd pieces are quoted runs ("text", 'Sheet name'), kept verbatim. */
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;

export function shiftRows(formula: string, by: number): string {
  const pieces = formula.split(QUOTED);
  for (let i = 0; i < pieces.length; i += 2) {
    pieces[i] = (pieces[i] ?? "").replace(
      REF,
      (_m, d1: string, col: string, d2: string, row: string) =>
        `${d1}${col}${d2}${d2 ? row : Number(row) + by}`,
    );
  }
  return pieces.join("");
}

/** True when every formula is the first one filled down to its row. */
export function isFilledDown(formulas: readonly { row: number; formula: string }[]): boolean {
  const head = formulas[0];
  if (!head) return false;
  return formulas.every((f) => f.formula === shiftRows(head.formula, f.row - head.row));
}
