import {
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
  type Value,
} from "./formula-values";

/**
 * The worksheet functions of the small evaluator in formula-eval.ts that take values rather than
 * references: IF, AND, OR, NOT, MATCH (exact), INDEX, CHOOSE, VALUE, LEFT, RIGHT, MID, FIND,
 * LEN, ISNUMBER, ISBLANK, N and COUNT. Kept apart from the evaluator so each file is one idea;
 * arguments come through `FunctionArguments`, evaluated only when asked for, because IF and
 * CHOOSE must not evaluate the branches they do not take (an error there is not Excel's answer).
 * Behaviour follows Microsoft's page for each function (cited in formula-eval.ts).
 */
export interface FunctionArguments {
  /** How many arguments the call was written with. */
  count: number;
  /** Argument `k` (0-based) evaluated; throws `Unsupported` when it was not written. */
  value(k: number): Value;
}

/** A single value where one is needed: a range there is beyond this evaluator (implicit intersection). */
export function scalar(v: Value): FormulaValue {
  if (isGrid(v)) throw new Unsupported();
  return v;
}

/** What function `name` gives, or `undefined` when it is not one of these (the caller tries aggregates). */
export function sheetFunction(name: string, args: FunctionArguments): Value | undefined {
  const arg = (k: number) => args.value(k);
  const one = (k: number) => scalar(arg(k));
  const num = (k: number, fallback?: number) =>
    k >= args.count && fallback !== undefined ? fallback : toNumber(one(k));
  switch (name) {
    case "IF": {
      const c = toBool(one(0));
      if (isError(c)) return c;
      if (c) return args.count > 1 ? one(1) : true;
      return args.count > 2 ? one(2) : false;
    }
    case "AND":
    case "OR": {
      let seen = 0;
      let result = name === "AND";
      for (let k = 0; k < args.count; k++) {
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
      if (grid.length === 1 && args.count === 2) return at(0, rr - 1);
      if (rr === 0 || (cc === 0 && (grid[0]?.length ?? 0) > 1)) throw new Unsupported();
      return at(rr - 1, Math.max(cc, 1) - 1);
    }
    case "CHOOSE": {
      const k = num(0);
      if (isError(k)) return k;
      const i = Math.trunc(k);
      if (i < 1 || i >= args.count) return err("#VALUE!");
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
      for (let k = 0; k < args.count; k++)
        for (const v of flat(arg(k))) if (typeof v === "number") n++;
      return n;
    }
    default:
      return undefined;
  }
}
