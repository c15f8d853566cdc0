import { parse, tokenize, type AstExpression } from "@borgar/fx";
import { cellPositionOf } from "../a1";
import type { Cell } from "../snapshot";
import { aggregate } from "./formula-aggregates";
import { structuredArea, type PlacedTable } from "./structured-refs";
import {
  arithmetic,
  compare,
  err,
  flat,
  isError,
  isGrid,
  toBool,
  toNumber,
  toText,
  typeRank,
  Unsupported,
  type FormulaValue,
  type Grid,
  type Value,
} from "./formula-values";

export type { FormulaValue } from "./formula-values";

/**
 * What a council's own formula computes, for formulas saved without a value (a workbook written
 * by openpyxl or another tool and never opened in Excel leaves every cached value empty): the
 * score and priority formulas of a register ("=C8*D8", "=IF(E9>=15,"High",…)", a MATCH over word
 * lists, "=VALUE(LEFT(E5,1))*…") are judged by what Excel would show on opening. A small
 * evaluator over @borgar/fx's parse tree: arithmetic, comparison and concatenation over numbers,
 * text, booleans and cell references (on any sheet), IF, AND, OR, NOT, MATCH (exact), INDEX,
 * CHOOSE, VALUE, LEFT, RIGHT, MID, FIND, LEN, ISNUMBER, ISBLANK, COUNT, N, SUM, SUBTOTAL (9/109),
 * ABS, MIN, MAX, ROUND, and structured references to the workbook's Excel tables when the caller
 * says where they are. Anything else (another function, a name, a whole-column range) is not
 * evaluated: `undefined`, never a guess.
 *
 * Excel's rules followed (Microsoft's "Calculation operators and precedence" and the function
 * pages): an empty cell is 0 in arithmetic and "" in text and comparison; comparing values of
 * different types orders numbers before text before booleans; text compares without case; errors
 * pass through; MATCH with match_type 0 finds the first value equal without case.
 */

/** The cell at (sheet, row, column), 0-based; `undefined` for a sheet not in the workbook. */
export type CellLookup = (sheet: string, row: number, column: number) => Cell | null | undefined;

/** What a formula may need beyond its cells: its own place and the workbook's Excel tables. */
export interface FormulaContext {
  /** The formula's own row (0-based), for a structured reference's #This Row. */
  row?: number;
  /** The Excel table named `name` (any case) and its sheet. */
  table?: (name: string) => PlacedTable | undefined;
  /** True for a row hidden on the sheet: SUBTOTAL(109,…) leaves it out. */
  hiddenRow?: (sheet: string, row: number) => boolean;
}

const MAX_CELLS = 10_000;
const MAX_DEPTH = 30;

interface Scope {
  sheet: string;
  lookup: CellLookup;
  depth: number;
  /** Cells being evaluated, "sheet!row,column": a circular reference is not evaluated. */
  busy: Set<string>;
  context: FormulaContext;
}

function parseRef(text: string, own: string): { sheet: string; from: Pos; to: Pos } {
  const bang = text.lastIndexOf("!");
  let sheet = own;
  let body = text;
  if (bang >= 0) {
    sheet = text
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    body = text.slice(bang + 1);
  }
  const [a, b] = body.replace(/\$/g, "").split(":");
  const from = cellPositionOf(a ?? "");
  const to = b === undefined ? from : cellPositionOf(b);
  if (!from || !to) throw new Unsupported();
  return { sheet, from, to };
}
interface Pos {
  row: number;
  column: number;
}

function cellValue(scope: Scope, sheet: string, row: number, column: number): FormulaValue {
  const cell = scope.lookup(sheet, row, column);
  if (cell === undefined && row >= 0) {
    // The sheet is not in the workbook: Excel shows #REF!, but a name we cannot see is no proof.
    if (scope.lookup(sheet, 0, 0) === undefined) throw new Unsupported();
  }
  if (!cell) return null;
  if (cell.error) return err(cell.error);
  if (cell.formula && cell.value === null) {
    const key = `${sheet}!${row},${column}`;
    if (scope.busy.has(key) || scope.depth >= MAX_DEPTH) throw new Unsupported();
    scope.busy.add(key);
    try {
      const context = { ...scope.context, row };
      const v = run(cell.formula, { ...scope, sheet, context, depth: scope.depth + 1 });
      if (v === undefined) throw new Unsupported();
      // A formula showing nothing is "" (not an empty cell) to the formulas reading it.
      return v === null ? 0 : v;
    } finally {
      scope.busy.delete(key);
    }
  }
  return cell.value;
}

/** The area a reference names: A1 ("C5:C9", "'Other sheet'!B2") or structured ("Parks[Budget £]"). */
function areaOf(scope: Scope, text: string, kind: string): { sheet: string; from: Pos; to: Pos } {
  if (kind === "range") return parseRef(text, scope.sheet);
  if (kind !== "table" || !scope.context.table) throw new Unsupported();
  const area = structuredArea(text, scope.context.table, scope.context.row);
  if (!area) throw new Unsupported();
  return {
    sheet: area.sheet,
    from: { row: area.top, column: area.left },
    to: { row: area.bottom, column: area.right },
  };
}

function reference(scope: Scope, text: string, kind: string): Value {
  const { sheet, from, to } = areaOf(scope, text, kind);
  const rows = Math.abs(to.row - from.row) + 1;
  const columns = Math.abs(to.column - from.column) + 1;
  if (rows * columns > MAX_CELLS) throw new Unsupported();
  if (rows === 1 && columns === 1) return cellValue(scope, sheet, from.row, from.column);
  const grid: Grid = [];
  for (let r = Math.min(from.row, to.row); r < Math.min(from.row, to.row) + rows; r++) {
    const line: FormulaValue[] = [];
    for (
      let c = Math.min(from.column, to.column);
      c < Math.min(from.column, to.column) + columns;
      c++
    )
      line.push(cellValue(scope, sheet, r, c));
    grid.push(line);
  }
  return grid;
}

/** A single value where one is needed: a range there is beyond this evaluator (implicit intersection). */
function scalar(v: Value): FormulaValue {
  if (isGrid(v)) throw new Unsupported();
  return v;
}

function call(name: string, args: readonly AstExpression[], scope: Scope): Value {
  const arg = (k: number) => {
    const node = args[k];
    if (!node) throw new Unsupported();
    return evaluate(node, scope);
  };
  const one = (k: number) => scalar(arg(k));
  const num = (k: number, fallback?: number) =>
    args[k] === undefined && fallback !== undefined ? fallback : toNumber(one(k));
  switch (name) {
    case "IF": {
      const c = toBool(one(0));
      if (isError(c)) return c;
      if (c) return args[1] ? one(1) : true;
      return args[2] ? one(2) : false;
    }
    case "AND":
    case "OR": {
      let seen = 0;
      let result = name === "AND";
      for (let k = 0; k < args.length; k++) {
        const v = arg(k);
        for (const item of flat(v)) {
          // Text and empty cells inside a range are passed over; text typed as an argument is not.
          if (item === null || (typeof item === "string" && isGrid(v))) continue;
          const b = toBool(item);
          if (isError(b)) return b;
          seen++;
          result = name === "AND" ? result && b : result || b;
        }
      }
      return seen === 0 ? err("#VALUE!") : result;
    }
    case "NOT": {
      const b = toBool(one(0));
      return isError(b) ? b : !b;
    }
    case "MATCH": {
      const type = num(2, 1);
      if (type !== 0) throw new Unsupported();
      const wanted = one(0);
      if (isError(wanted)) return wanted;
      const within = arg(1);
      const list = isGrid(within)
        ? within.length === 1
          ? within[0]!
          : within.every((r) => r.length === 1)
            ? within.map((r) => r[0]!)
            : null
        : [within];
      if (!list) return err("#N/A");
      if (typeof wanted === "string" && /[*?~]/.test(wanted)) throw new Unsupported();
      const at = list.findIndex(
        (v) =>
          v !== null &&
          !isError(v) &&
          typeRank(v) === typeRank(wanted ?? 0) &&
          compare(v, wanted) === 0,
      );
      return at < 0 ? err("#N/A") : at + 1;
    }
    case "INDEX": {
      const within = arg(0);
      const grid = isGrid(within) ? within : [[within]];
      const r = num(1);
      const c = num(2, 0);
      if (isError(r)) return r;
      if (isError(c)) return c;
      const rr = Math.trunc(r);
      const cc = Math.trunc(c);
      if (rr < 0 || cc < 0) return err("#VALUE!");
      // One row or column: the single index counts along it.
      const at = (r: number, c: number) =>
        r >= 0 && r < grid.length && c >= 0 && c < (grid[r]?.length ?? 0)
          ? (grid[r]![c] as FormulaValue)
          : err("#REF!");
      if (grid.length === 1 && args.length === 2) return at(0, rr - 1);
      if (rr === 0 || (cc === 0 && (grid[0]?.length ?? 0) > 1)) throw new Unsupported();
      return at(rr - 1, Math.max(cc, 1) - 1);
    }
    case "CHOOSE": {
      const k = num(0);
      if (isError(k)) return k;
      const i = Math.trunc(k);
      if (i < 1 || i >= args.length) return err("#VALUE!");
      return one(i);
    }
    case "VALUE": {
      const v = one(0);
      if (typeof v === "boolean") return err("#VALUE!");
      return typeof v === "string" ? toNumber(v) : toNumber(v);
    }
    case "LEFT":
    case "RIGHT": {
      const t = toText(one(0));
      const n = num(1, 1);
      if (isError(t)) return t;
      if (isError(n)) return n;
      if (n < 0) return err("#VALUE!");
      const k = Math.trunc(n);
      return name === "LEFT" ? t.slice(0, k) : k === 0 ? "" : t.slice(-k);
    }
    case "MID": {
      const t = toText(one(0));
      const s = num(1);
      const n = num(2);
      if (isError(t)) return t;
      if (isError(s)) return s;
      if (isError(n)) return n;
      if (s < 1 || n < 0) return err("#VALUE!");
      const start = Math.trunc(s) - 1;
      return t.slice(start, start + Math.trunc(n));
    }
    case "FIND": {
      const f = toText(one(0));
      const t = toText(one(1));
      const s = num(2, 1);
      if (isError(f)) return f;
      if (isError(t)) return t;
      if (isError(s)) return s;
      if (s < 1 || s > t.length + 1) return err("#VALUE!");
      const at = t.indexOf(f, Math.trunc(s) - 1);
      return at < 0 ? err("#VALUE!") : at + 1;
    }
    case "LEN": {
      const t = toText(one(0));
      return isError(t) ? t : t.length;
    }
    case "ISNUMBER":
      return typeof one(0) === "number";
    case "ISBLANK":
      return one(0) === null;
    case "N": {
      // Microsoft's N page: a number is itself, TRUE 1, an error passes, anything else 0.
      const v = one(0);
      return typeof v === "number" ? v : v === true ? 1 : isError(v) ? v : 0;
    }
    case "COUNT": {
      let n = 0;
      for (let k = 0; k < args.length; k++)
        for (const v of flat(arg(k))) if (typeof v === "number") n++;
      return n;
    }
    case "SUBTOTAL":
      return subtotal(args, scope);
    default:
      // A reference to one cell is still a reference: SUM passes over text in it.
      return aggregate(
        name,
        (k) => {
          const node = args[k];
          if (!node) return undefined;
          const v = evaluate(node, scope);
          return node.type === "ReferenceIdentifier" && !isGrid(v) ? [[v]] : v;
        },
        args.length,
      );
  }
}

/**
 * SUBTOTAL(9, …) and SUBTOTAL(109, …): the sum of the numbers in the references, leaving out
 * cells that are themselves SUBTOTALs (so subtotals are not counted twice) and, for 109, rows
 * that are hidden (Microsoft's SUBTOTAL function page). Other function numbers are not modelled.
 */
function subtotal(args: readonly AstExpression[], scope: Scope): FormulaValue {
  const first = args[0] ? scalar(evaluate(args[0], scope)) : null;
  if (first !== 9 && first !== 109) throw new Unsupported();
  let sum = 0;
  for (const node of args.slice(1)) {
    if (node.type !== "ReferenceIdentifier") throw new Unsupported();
    const { sheet, from, to } = areaOf(scope, node.value, node.kind);
    const [top, bottom] = [Math.min(from.row, to.row), Math.max(from.row, to.row)];
    const [left, right] = [Math.min(from.column, to.column), Math.max(from.column, to.column)];
    if ((bottom - top + 1) * (right - left + 1) > MAX_CELLS) throw new Unsupported();
    for (let r = top; r <= bottom; r++) {
      if (first === 109 && scope.context.hiddenRow?.(sheet, r)) continue;
      for (let c = left; c <= right; c++) {
        if (/\bSUBTOTAL\s*\(/i.test(scope.lookup(sheet, r, c)?.formula ?? "")) continue;
        const v = cellValue(scope, sheet, r, c);
        if (isError(v)) return v;
        if (typeof v === "number") sum += v;
      }
    }
  }
  return sum;
}

function evaluate(node: AstExpression, scope: Scope): Value {
  switch (node.type) {
    case "Literal":
      return node.value as FormulaValue;
    case "ErrorLiteral":
      return err(String(node.value));
    case "ReferenceIdentifier":
      return reference(scope, node.value, node.kind);
    case "ArrayExpression":
      return node.elements.map((row) =>
        row.map((e) => scalar(evaluate(e as AstExpression, scope))),
      );
    case "UnaryExpression": {
      const v = scalar(evaluate(node.arguments[0] as AstExpression, scope));
      const n = toNumber(v);
      if (isError(n)) return n;
      return node.operator === "-" ? -n : node.operator === "%" ? n / 100 : n;
    }
    case "BinaryExpression": {
      const [l, r] = node.arguments as AstExpression[];
      if (!l || !r) throw new Unsupported();
      return arithmetic(node.operator, scalar(evaluate(l, scope)), scalar(evaluate(r, scope)));
    }
    case "CallExpression":
      return call(node.callee.name.toUpperCase(), node.arguments as AstExpression[], scope);
    default:
      throw new Unsupported();
  }
}

/**
 * The error @borgar/fx's parser throws for a formula it cannot read: a plain Error carrying the
 * formula (`source`) and where reading stopped (`sourceOffset`); it has no class of its own.
 * Anything else thrown while parsing is a fault in the parser or in us, and is not hidden.
 */
export function isFormulaParseError(error: unknown): boolean {
  return (
    error instanceof Error &&
    typeof (error as { source?: unknown }).source === "string" &&
    typeof (error as { sourceOffset?: unknown }).sourceOffset === "number"
  );
}

function run(formula: string, scope: Scope): FormulaValue | undefined {
  let tree: AstExpression;
  try {
    tree = parse(tokenize(formula, { allowTernary: false }), {
      permitArrayRanges: false,
    }) as AstExpression;
  } catch (error) {
    if (isFormulaParseError(error)) return undefined;
    throw error;
  }
  const v = evaluate(tree, scope);
  return isGrid(v) ? undefined : v;
}

/**
 * The value `formula` (with its "=") computes on sheet `sheet`, or `undefined` when it uses what
 * this evaluator does not model. An empty result (a reference to an empty cell) is null.
 */
export function evaluateFormula(
  formula: string,
  sheet: string,
  lookup: CellLookup,
  context: FormulaContext = {},
): FormulaValue | undefined {
  try {
    return run(formula, { sheet, lookup, depth: 0, busy: new Set(), context });
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
