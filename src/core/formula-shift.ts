import { cellAddress, columnRangeAddress } from "./a1";
import { formulaMover } from "./formula-insert";
import type { ColumnWrite } from "./plan";

/**
 * Moving a formula the way Excel's fill handle (and the file format's shared formulas) do:
 * relative references shift, absolute ($5, $B) parts stay, and text inside quotes or quoted sheet
 * names is never touched. Formulas are read by @borgar/fx's tokenizer (formula-insert.ts); the
 * last formulas read are remembered, because callers move one formula to many rows (a shared
 * formula's cells, a filled-down column checked row by row).
 */
const movers = new Map<string, (rows: number, columns: number) => string>();
const REMEMBERED = 256;

export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let mover = movers.get(formula);
  if (!mover) {
    if (movers.size >= REMEMBERED) movers.clear();
    mover = formulaMover(formula);
    movers.set(formula, mover);
  }
  return mover(rows, columns);
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
  let run: { row: number; formula: string }[] = [];
  const flush = () => {
    const head = run[0];
    const last = run[run.length - 1];
    if (head && last && run.length > 2 && (op.filledDown === true || isFilledDown(run))) {
      roles.set(head.row, columnRangeAddress(op.column, head.row, last.row));
      for (const c of run.slice(1)) roles.set(c.row, cellAddress(head.row, op.column));
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
