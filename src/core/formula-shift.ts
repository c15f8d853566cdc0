import { columnIndex, columnLetter } from "./a1";
import type { ColumnWrite } from "./plan";

/**
 * Moving a formula the way Excel's fill handle (and the file format's shared formulas) do:
 * relative references shift, absolute ($5, $B) parts stay, and text inside quotes or quoted sheet
 * names is never touched. A reference is a whole token: "LOG10(" or a sheet named "AB1!" is not one.
 */
const REF = /(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(!])/g;
/** Splits a formula so that odd pieces are quoted runs ("text", 'Sheet name'), kept verbatim. */
const QUOTED = /("(?:[^"]|"")*"|'(?:[^']|'')*')/;

export function shiftFormula(formula: string, rows: number, columns: number): string {
  const pieces = formula.split(QUOTED);
  for (let i = 0; i < pieces.length; i += 2) {
    pieces[i] = (pieces[i] ?? "").replace(
      REF,
      (match, d1: string, col: string, d2: string, row: string) => {
        // Absolute columns, and moves down a column, keep the letters as written.
        const to = d1 || columns === 0 ? null : columnIndex(col) + columns;
        if ((to !== null && to < 0) || (!d2 && Number(row) + rows < 1)) return match;
        return `${d1}${to === null ? col : columnLetter(to)}${d2}${d2 ? row : Number(row) + rows}`;
      },
    );
  }
  return pieces.join("");
}

export function shiftRows(formula: string, by: number): string {
  return shiftFormula(formula, by, 0);
}

/** True when every formula is the first one filled down to its row. */
export function isFilledDown(formulas: readonly { row: number; formula: string }[]): boolean {
  const head = formulas[0];
  if (!head) return false;
  return formulas.every((f) => f.formula === shiftRows(head.formula, f.row - head.row));
}

/**
 * Row → shared-formula role for a planned column: the first row of each filled-down run (three
 * rows or more) gets the run's range ("D6:D9"), the others the first cell ("D6"). Writers store
 * such a run once, as the file format's own fill-down.
 */
export function filledDownRuns(op: ColumnWrite): Map<number, string> {
  const roles = new Map<number, string>();
  const letter = columnLetter(op.column);
  let run: { row: number; formula: string }[] = [];
  const flush = () => {
    const head = run[0];
    const last = run[run.length - 1];
    if (head && last && run.length > 2 && (op.filledDown === true || isFilledDown(run))) {
      roles.set(head.row, `${letter}${head.row + 1}:${letter}${last.row + 1}`);
      for (const c of run.slice(1)) roles.set(c.row, `${letter}${head.row + 1}`);
    }
    run = [];
  };
  for (const cell of [...op.cells].sort((a, b) => a.row - b.row)) {
    const prev = run[run.length - 1];
    if (!cell.formula || (prev && cell.row !== prev.row + 1)) flush();
    if (cell.formula) run.push({ row: cell.row, formula: cell.formula });
  }
  flush();
  return roles;
}
