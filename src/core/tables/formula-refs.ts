import { cellPositionOf } from "../a1";

/**
 * What a council's own adding and subtracting formulas refer to, so that a formula can be judged
 * right by what it computes rather than by the value it last cached. A cached value goes stale
 * when a cell it reads is rewritten (our apply turns a typed full year into =SUM(...); Excel
 * recalculates on open, other readers do not), while the formula stays right: =SUM(D13:O13) adds
 * every month whatever it cached. Only the plain forms councils type are read — "=SUM(ranges)",
 * "=A1+B2+…", "=A1-B1" and our own =IF(AND(ISNUMBER(a),ISNUMBER(b)),a-b,"") — anything else is
 * judged by its value as before. Hand-rolled over a regular expression: these forms hold no
 * strings, functions or names for a tokenizer to tell apart.
 */
export interface CellRef {
  row: number;
  column: number;
}

const REF = String.raw`\$?[A-Z]{1,3}\$?\d{1,7}`;
const RANGE = new RegExp(String.raw`^(${REF})(?::(${REF}))?$`, "i");
/** Ranges in a formula that adds may reach this many cells; a whole-column SUM is not expanded. */
const MAX_CELLS = 1_000_000;

function refOf(text: string): CellRef | null {
  return cellPositionOf(text.replace(/\$/g, "").toUpperCase());
}

function cellsOf(term: string, out: CellRef[]): boolean {
  const m = RANGE.exec(term);
  if (!m || !m[1]) return false;
  const from = refOf(m[1]);
  const to = m[2] ? refOf(m[2]) : from;
  if (!from || !to) return false;
  const top = Math.min(from.row, to.row);
  const bottom = Math.max(from.row, to.row);
  const left = Math.min(from.column, to.column);
  const right = Math.max(from.column, to.column);
  if ((bottom - top + 1) * (right - left + 1) + out.length > MAX_CELLS) return false;
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) out.push({ row: r, column: c });
  return true;
}

/** The cells "=SUM(D8:O8)", "=SUM(C8:C14,C16)" or "=P15+P23" adds; null for any other formula. */
export function addedCells(formula: string | undefined): CellRef[] | null {
  if (!formula) return null;
  const text = formula.replace(/\s+/g, "");
  const sum = /^=SUM\((.+)\)$/i.exec(text);
  const terms = sum?.[1]
    ? sum[1].split(",")
    : /^=[^,()]+$/.test(text)
      ? text.slice(1).split("+")
      : null;
  if (!terms) return null;
  const out: CellRef[] = [];
  for (const term of terms) if (!cellsOf(term, out)) return null;
  return out;
}

/** True when the formula adds exactly these cells (each once), in any order or grouping. */
export function addsExactly(formula: string | undefined, cells: readonly CellRef[]): boolean {
  const added = addedCells(formula);
  if (!added || added.length !== cells.length) return false;
  const want = new Set(cells.map((c) => `${c.row},${c.column}`));
  const seen = new Set<string>();
  for (const c of added) {
    const key = `${c.row},${c.column}`;
    if (!want.has(key) || seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

const DIFFERENCE = new RegExp(String.raw`^=(${REF})-(${REF})$`, "i");
const GUARDED = new RegExp(
  String.raw`^=IF\(AND\(ISNUMBER\((${REF})\),ISNUMBER\((${REF})\)\),(${REF})-(${REF}),""\)$`,
  "i",
);

/** "=P13-C13" (or the guarded IF(AND(ISNUMBER…)) form): the cell added and the cell taken away. */
export function differenceOf(
  formula: string | undefined,
): { plus: CellRef; minus: CellRef } | null {
  if (!formula) return null;
  const text = formula.replace(/\s+/g, "");
  const plain = DIFFERENCE.exec(text);
  const guarded = plain ? null : GUARDED.exec(text);
  const [a, b] = plain ? [plain[1], plain[2]] : guarded ? [guarded[3], guarded[4]] : [];
  const plus = a ? refOf(a) : null;
  const minus = b ? refOf(b) : null;
  return plus && minus ? { plus, minus } : null;
}
