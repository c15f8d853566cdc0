import { parse, tokenize, type AstExpression } from "@borgar/fx";
import { cellPositionOf } from "../a1";
import type { Cell } from "../snapshot";
import { aggregate } from "./formula-aggregates";
import { scalar, sheetFunction } from "./formula-functions";
import { structuredArea, type PlacedTable } from "./structured-refs";
import {
  arithmetic,
  err,
  isError,
  isGrid,
  toNumber,
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
 * ABS, MIN, MAX, ROUND (value functions in formula-functions.ts, aggregates in
 * formula-aggregates.ts), and structured references to the workbook's Excel tables when the caller
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

function call(name: string, args: readonly AstExpression[], scope: Scope): Value {
  if (name === "SUBTOTAL") return subtotal(args, scope);
  const evaluated = sheetFunction(name, {
    count: args.length,
    value: (k) => {
      const node = args[k];
      if (!node) throw new Unsupported();
      return evaluate(node, scope);
    },
  });
  if (evaluated !== undefined) return evaluated;
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
