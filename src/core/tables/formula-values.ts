/**
 * Values of the formula evaluator (formula-eval.ts) and Excel's rules for them: how a value is
 * read as a number, as text, as TRUE/FALSE, and how two values compare (Microsoft's "Calculation
 * operators and precedence": numbers before text before booleans; text without case; an empty
 * cell takes the other side's type).
 */
export type FormulaValue = number | string | boolean | null | { error: string };

/** Thrown for anything the evaluator does not model: the formula is then not evaluated. */
export class Unsupported extends Error {}

export type Grid = FormulaValue[][];
export type Value = FormulaValue | Grid;

export const err = (code: string): FormulaValue => ({ error: code });
export const isError = (v: unknown): v is { error: string } =>
  typeof v === "object" && v !== null && !Array.isArray(v) && "error" in v;
export const isGrid = (v: Value): v is Grid => Array.isArray(v);

export function toNumber(v: FormulaValue): number | { error: string } {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  if (t === "") return { error: "#VALUE!" };
  const n = Number(t);
  return Number.isFinite(n) ? n : { error: "#VALUE!" };
}

export function toText(v: FormulaValue): string | { error: string } {
  if (isError(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    // Excel shows up to 15 significant digits; integers and short decimals read the same in JS.
    if (!Number.isInteger(v) && String(v).replace(/^-?0?\./, "").length > 15)
      throw new Unsupported();
    return String(v);
  }
  return v;
}

export function toBool(v: FormulaValue): boolean | { error: string } {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const t = v.trim().toUpperCase();
  if (t === "TRUE") return true;
  if (t === "FALSE") return false;
  return { error: "#VALUE!" };
}

export const typeRank = (v: number | string | boolean) =>
  typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;

/** Excel's comparison: an empty cell takes the other side's type; text without case. */
export function compare(a: FormulaValue, b: FormulaValue): number | { error: string } {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const blankAs = (other: FormulaValue) =>
    typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  if (typeRank(x) !== typeRank(y)) return typeRank(x) - typeRank(y);
  if (typeof x === "string" && typeof y === "string") {
    const p = x.toLowerCase();
    const q = y.toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const p = Number(x);
  const q = Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}

export function arithmetic(op: string, a: FormulaValue, b: FormulaValue): FormulaValue {
  if (op === "&") {
    const x = toText(a);
    const y = toText(b);
    if (isError(x)) return x;
    if (isError(y)) return y;
    return x + y;
  }
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const c = compare(a, b);
    if (isError(c)) return c;
    return op === "="
      ? c === 0
      : op === "<>"
        ? c !== 0
        : op === "<"
          ? c < 0
          : op === ">"
            ? c > 0
            : op === "<="
              ? c <= 0
              : c >= 0;
  }
  const x = toNumber(a);
  if (isError(x)) return x;
  const y = toNumber(b);
  if (isError(y)) return y;
  let r: number;
  if (op === "+") r = x + y;
  else if (op === "-") r = x - y;
  else if (op === "*") r = x * y;
  else if (op === "/") {
    if (y === 0) return err("#DIV/0!");
    r = x / y;
  } else if (op === "^") {
    if (x === 0 && y === 0) return err("#NUM!");
    r = x ** y;
  } else throw new Unsupported();
  return Number.isFinite(r) ? r : err("#NUM!");
}

export function flat(v: Value): FormulaValue[] {
  return isGrid(v) ? v.flat() : [v];
}
