import { parseAddress } from "./a1";
import type { Finding } from "./findings";
import type { SheetSnapshot } from "./snapshot";
import { formulaEvaluator } from "./tables/arithmetic";
import { differenceOf } from "./tables/formula-refs";
import { samePence } from "./tables/money";
import { parseMoney } from "./values";

/**
 * What the knock-on rule (consequences.ts) needs to follow a reported cell through the formulas
 * that read it: the cells a formula reads, and two cases of a typed figure keyed from the right
 * figures although the cells it is judged against read a reported cell (a month typed "2O").
 */

const REF = /(?<![A-Z$!'])\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?(?![\w(!])/gi;
const MAX_PRECEDENTS = 20_000;

/** Every cell a formula reads on its own sheet, through the formulas of those cells. */
export function precedents(sheet: SheetSnapshot, row: number, column: number): Set<string> {
  const seen = new Set<string>();
  const queue: [number, number][] = [[row, column]];
  while (queue.length > 0 && seen.size < MAX_PRECEDENTS) {
    const [r, c] = queue.pop() as [number, number];
    const formula = sheet.rows[r]?.[c]?.formula;
    // References to other sheets are left alone: the rule stays within the sheet it can read.
    if (!formula || formula.includes("!")) continue;
    for (const m of formula.matchAll(REF)) {
      const from = parseAddress(`${m[1] ?? ""}${m[2] ?? ""}`.toUpperCase());
      const to = m[3] ? parseAddress(`${m[3]}${m[4] ?? ""}`.toUpperCase()) : from;
      for (let rr = Math.min(from.row, to.row); rr <= Math.max(from.row, to.row); rr++)
        for (
          let cc = Math.min(from.column, to.column);
          cc <= Math.max(from.column, to.column);
          cc++
        ) {
          const key = `${rr},${cc}`;
          if (seen.has(key) || seen.size >= MAX_PRECEDENTS) continue;
          seen.add(key);
          queue.push([rr, cc]);
        }
    }
  }
  return seen;
}

const TEXT_CODES: ReadonlySet<string> = new Set(["not-a-number", "number-as-text"]);

const errorOf = (f: Finding): number | null =>
  typeof f.expected === "number" && typeof f.actual === "number" ? f.actual - f.expected : null;

/**
 * A typed total judged against parts that are formulas reading reported cells (a full-year total
 * over line full years =SUM(C5:N5), one of whose months is typed "2O"): once those cells are put
 * right (`corrected`) the parts move, and when they then add up to the total it was keyed from
 * the right figures: right as typed, not put out. The reported cells the parts read, or null.
 */
export function rightOverFormulaParts(
  f: Finding,
  sheet: SheetSnapshot,
  rootAt: (row: number, column: number) => Finding | undefined,
  rootsOnRow: (row: number) => readonly Finding[],
  corrected: (root: Finding) => number | null,
): Finding[] | null {
  const own = errorOf(f);
  if (f.code !== "total-mismatch" || own === null || samePence(own, 0)) return null;
  const parts = (f.partCells ?? []).map(parseAddress);
  const fixed = new Map<string, number>();
  const found = new Set<Finding>();
  // A blank part is a calculated cell apply fills from its row (a line's full year, =SUM of its
  // months), judged as that sum: text reported left of it on its row moves it by its amount.
  let blankMoved = 0;
  for (const part of parts) {
    const value = sheet.rows[part.row]?.[part.column]?.value;
    if (value !== null && value !== undefined && value !== "") continue;
    for (const root of rootsOnRow(part.row)) {
      const at = parseAddress(root.cell);
      if (!TEXT_CODES.has(root.code) || root.table !== f.table || at.column >= part.column)
        continue;
      const amount = corrected(root);
      if (amount === null) return null;
      blankMoved += amount;
      found.add(root);
    }
  }
  for (const part of parts) {
    if (!sheet.rows[part.row]?.[part.column]?.formula) continue;
    for (const key of precedents(sheet, part.row, part.column)) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      const root = rootAt(r, c);
      const value = root && root !== f ? corrected(root) : null;
      if (!root || value === null) continue;
      fixed.set(key, value);
      found.add(root);
    }
  }
  if (found.size === 0) return null;
  const before = formulaEvaluator(sheet);
  const after = formulaEvaluator(sheet, (r, c) => fixed.get(`${r},${c}`) ?? null);
  const figure = (evaluate: typeof before, r: number, c: number, depth = 0): number => {
    const now = evaluate(r, c);
    if (typeof now === "number") return now;
    // A variance =IF(AND(ISNUMBER(P5),ISNUMBER(C5)),P5-C5,"") (the form apply writes) moves with
    // the full year it reads; the evaluator computes only sums.
    const difference = depth < 4 ? differenceOf(sheet.rows[r]?.[c]?.formula) : null;
    if (difference)
      return (
        figure(evaluate, difference.plus.row, difference.plus.column, depth + 1) -
        figure(evaluate, difference.minus.row, difference.minus.column, depth + 1)
      );
    const parsed = parseMoney(sheet.rows[r]?.[c]?.value ?? null);
    return parsed.kind === "number" ? parsed.value : 0;
  };
  const moved =
    blankMoved +
    parts.reduce(
      (sum, p) => sum + figure(after, p.row, p.column) - figure(before, p.row, p.column),
      0,
    );
  return samePence(moved, own) ? [...found] : null;
}

/**
 * A typed variance out by exactly the amounts of the text cells reported left of it on its row
 * (a month typed "2O" that the full year's SUM skips) was worked from the right figures: the
 * full year it is judged against is short by that text. The text cells, or null.
 */
export function textOnItsRow(
  f: Finding,
  sheet: SheetSnapshot,
  rowRoots: readonly Finding[],
  amountOf: (text: string) => number | null,
): Finding[] | null {
  const own = errorOf(f);
  if (f.code !== "variance-mismatch" || own === null || samePence(own, 0)) return null;
  const at = parseAddress(f.cell);
  let amount = 0;
  const texts: Finding[] = [];
  for (const root of rowRoots) {
    if (!TEXT_CODES.has(root.code)) continue;
    const cell = parseAddress(root.cell);
    if (root.sheet !== f.sheet || root.table !== f.table || cell.row !== at.row) continue;
    if (cell.column >= at.column) continue;
    const value = sheet.rows[cell.row]?.[cell.column]?.value;
    const intended = typeof value === "string" ? amountOf(value) : null;
    if (intended === null) return null;
    amount += intended;
    texts.push(root);
  }
  return texts.length > 0 && samePence(Math.abs(own), Math.abs(amount)) ? texts : null;
}
