/**
 * Moving a formula down rows the way Excel's fill handle does: relative row numbers shift,
 * absolute ($5) ones stay, and text inside quotes or quoted sheet names is never touched.
 */
const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g;

export function shiftRows(formula: string, by: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // Copy a quoted run ("text" or 'Sheet name') verbatim; doubled quotes stay inside it.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch))
        j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < formula.length && formula[j] !== '"' && formula[j] !== "'") j++;
    out += formula
      .slice(i, j)
      .replace(
        REF,
        (_m, d1: string, col: string, d2: string, row: string) =>
          `${d1}${col}${d2}${d2 ? row : Number(row) + by}`,
      );
    i = j;
  }
  return out;
}

/** True when every formula is the first one filled down to its row. */
export function isFilledDown(formulas: readonly { row: number; formula: string }[]): boolean {
  const head = formulas[0];
  if (!head) return false;
  return formulas.every((f) => f.formula === shiftRows(head.formula, f.row - head.row));
}
