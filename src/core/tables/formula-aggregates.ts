import {
  flat,
  isError,
  isGrid,
  toNumber,
  Unsupported,
  type FormulaValue,
  type Value,
} from "./formula-values";

/**
 * The number functions of the formula evaluator (formula-eval.ts) that councils' totals and our
 * own variance columns use: SUM, MIN, MAX over numbers and ranges, ABS and ROUND of one number.
 * Excel's rules (Microsoft's SUM, MIN and MAX function pages): inside a range only numbers count
 * (text, TRUE/FALSE and empty cells are passed over); a value typed as an argument is read as a
 * number ("5" and TRUE count, other text is #VALUE!); an error anywhere is the result. MIN and
 * MAX of no numbers are 0. Any other function is not modelled (`Unsupported`).
 */
export function aggregate(
  name: string,
  arg: (k: number) => Value | undefined,
  count: number,
): FormulaValue {
  switch (name) {
    case "SUM":
    case "MIN":
    case "MAX": {
      const numbers = numbersOf(arg, count);
      if (!Array.isArray(numbers)) return numbers;
      if (name === "SUM") return numbers.reduce((a, b) => a + b, 0);
      if (numbers.length === 0) return 0;
      return name === "MIN" ? Math.min(...numbers) : Math.max(...numbers);
    }
    case "ABS": {
      const n = one(arg, 0);
      return isError(n) ? n : Math.abs(n);
    }
    case "ROUND": {
      const n = one(arg, 0);
      const digits = one(arg, 1);
      if (isError(n)) return n;
      if (isError(digits)) return digits;
      const d = Math.trunc(digits);
      // Halves away from zero, as Excel rounds; the scaled figure is tidied of float noise first.
      const scale = 10 ** d;
      const scaled = Number((Math.abs(n) * scale).toPrecision(15));
      return (Math.sign(n) * Math.round(scaled)) / scale;
    }
    default:
      throw new Unsupported();
  }
}

function one(arg: (k: number) => Value | undefined, k: number): number | { error: string } {
  const v = arg(k);
  if (v === undefined) throw new Unsupported();
  if (!isGrid(v)) return toNumber(v);
  // One cell's reference; a larger range is beyond this evaluator (implicit intersection).
  const only = v.length === 1 && v[0]?.length === 1 ? v[0][0] : undefined;
  if (only === undefined) throw new Unsupported();
  return toNumber(only);
}

function numbersOf(
  arg: (k: number) => Value | undefined,
  count: number,
): number[] | { error: string } {
  const numbers: number[] = [];
  for (let k = 0; k < count; k++) {
    const v = arg(k);
    if (v === undefined) throw new Unsupported();
    if (isGrid(v)) {
      for (const item of flat(v)) {
        if (isError(item)) return item;
        if (typeof item === "number") numbers.push(item);
      }
      continue;
    }
    const n = toNumber(v);
    if (isError(n)) return n;
    numbers.push(n);
  }
  return numbers;
}
