import { cellPositionOf, parseAddress } from "../a1";
import { cellText, type SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import { saysTotal, type RowKind, type Section, type Structure } from "./sections";
import { toMicroUnits } from "./money";
import { linesNamedTotal } from "./total-named-lines";

/**
 * Totals found by arithmetic, not only by their labels. Councils close a block of lines with a
 * subtotal that may carry a label ("Total Place", "Regulatory services total"), none at all (a row
 * of bold numbers), or a word that is no "total" ("NET GENERAL FUND EXPENDITURE", "NET
 * POSITION"); a grand total adds the subtotals, and a net position may add two totals (spending
 * and a "Funded by" block of negatives). A row is a total when its figures are the sum of the rows
 * it closes, in most of the money columns: the structure is inferred from the stated figures, so a
 * single wrong cell (a hard-typed subtotal, a SUM missing a row) is one mismatch in a row the
 * other columns explain, and is reported there.
 *
 * Candidates for what a row adds, tried on every row with figures:
 *   - the block: the lines since the last total or section heading;
 *   - a run of totals just above it (the subtotals a grand total adds, or the last two of them);
 *   - everything still open above it (subtotals and loose lines together).
 * A label ("total", "net …") or a formula adding rows above (SUM, SUBTOTAL, B15+B23) is evidence
 * enough for a row whose figures explain nothing (all hard-typed wrong).
 */
export interface TotalRow {
  row: number;
  /** The rows it adds: lines, or totals below it in the hierarchy. */
  parts: number[];
  /** Every line under it, through the totals it adds. */
  lines: number[];
  level: "section" | "grand";
}

export interface ArithmeticStructure extends Structure {
  totals: TotalRow[];
}

const TOTAL_WORDS = /\b(sub-?\s?)?totals?\b|^net\b|\bnet (position|expenditure|total)\b/i;
/** A formula adding rows above: SUM/SUBTOTAL over a range, or cells added (=B15+B23+B32). */
const SUM_CALL = /^=\s*(SUM|SUBTOTAL)\s*\(/i;
const ADDED_CELLS = /^=\s*\$?[A-Z]{1,3}\$?\d+(\s*[+-]\s*\$?[A-Z]{1,3}\$?\d+)+\s*$/i;

interface Item {
  row: number;
  /** Millionths of the unit per money column; null where the cell holds no number. */
  values: (number | null)[];
  lines: number[];
  total: boolean;
  /** Decimals its figures are kept to. */
  decimals: number;
}

/** Millionths of the sheet's unit: exact for pounds and pence, and for £m to three decimals. */
function microOf(sheet: SheetSnapshot, row: number, money: readonly number[]): (number | null)[] {
  return money.map((c) => {
    const parsed = parseMoney(sheet.rows[row]?.[c]?.value ?? null);
    return parsed.kind === "number" ? toMicroUnits(parsed.value) : null;
  });
}
/** Decimals figures are kept to (2 at least): 3 for £m to three decimals. */
function decimalsOf(values: readonly (number | null)[]): number {
  let decimals = 2;
  for (const v of values) {
    if (v === null || v % 10_000 === 0) continue;
    decimals = Math.max(decimals, v % 1000 === 0 ? 3 : v % 100 === 0 ? 4 : 6);
  }
  return decimals;
}

/**
 * True when a money cell of the row holds a formula adding rows above it. A line's own sum across
 * its columns (a Revised budget =SUM(C5:D5), =C5+D5) names its own row: it adds no rows above.
 * A SUBTOTAL over a table's column names no rows and is a total.
 */
function addsRowsAbove(sheet: SheetSnapshot, row: number, money: readonly number[]): boolean {
  return money.some((c) => {
    const formula = sheet.rows[row]?.[c]?.formula;
    if (!formula) return false;
    const sums = SUM_CALL.test(formula);
    if (!sums && !ADDED_CELLS.test(formula)) return false;
    const rows = [...formula.matchAll(/\$?[A-Z]{1,3}\$?(\d+)/gi)].map((m) => Number(m[1]) - 1);
    return rows.every((r) => r < row);
  });
}

/** Running sums of a list of items, kept as rows come so that a long table stays linear. */
class Sums {
  readonly sums: number[];
  decimals = 2;
  constructor(width: number) {
    this.sums = new Array<number>(width).fill(0);
  }
  add(item: Item, sign = 1): void {
    item.values.forEach((v, k) => (this.sums[k] = (this.sums[k] ?? 0) + sign * (v ?? 0)));
    this.decimals = Math.max(this.decimals, item.decimals);
  }
}

interface Fit {
  /** Index in the open items where the parts start (they run to the end). */
  from: number;
  count: number;
  matches: number;
  mismatches: number;
  /** A matched column with a figure other than nil: zeros alone explain nothing. */
  telling: boolean;
}

/**
 * How well a row's figures are the sums of a candidate's, column by column, within half the
 * finest step the figures are kept in (half a penny; half of the third decimal of £m).
 */
function fit(values: readonly (number | null)[], sums: Sums, from: number, count: number): Fit {
  const tolerance = 0.5 * 10 ** (6 - Math.max(sums.decimals, decimalsOf(values)));
  let matches = 0;
  let mismatches = 0;
  let telling = false;
  for (let k = 0; k < values.length; k++) {
    const stated = values[k];
    if (stated === null || stated === undefined) continue;
    if (Math.abs((sums.sums[k] ?? 0) - stated) <= tolerance) {
      matches++;
      if (stated !== 0) telling = true;
    } else mismatches++;
  }
  return { from, count, matches, mismatches, telling };
}

const labelOf = (sheet: SheetSnapshot, row: number, labels: readonly number[]) =>
  labels
    .map((c) => cellText(sheet.rows[row]?.[c] ?? undefined))
    .filter(Boolean)
    .join(" ");

/**
 * Lines, headings and totals of a money table by arithmetic. Compatible with `classifyRows`:
 * `kinds`, `sections`, `looseLines` and `grandTotals` mean the same; `totals` adds what each
 * total row adds. A row of words and no figures is a section heading.
 */
export function classifyRowsByArithmetic(
  sheet: SheetSnapshot,
  rows: readonly number[],
  labels: readonly number[],
  money: readonly number[],
): ArithmeticStructure {
  // "Total transport costs" added into its block's subtotal is a line (total-named-lines.ts).
  const named = linesNamedTotal(sheet, rows, labels, money, TOTAL_WORDS);
  let best = readOnce(sheet, rows, labels, money, named);
  // A line may add up to the lines above it by chance in most columns (a planted error can make
  // it so): read as a total, it leaves the labelled total under it unexplained. Read as a line
  // instead, where a later total then takes it in with fewer figures unexplained overall.
  for (const row of best.doubtful.slice(0, MAX_DOUBTFUL)) {
    const trial = readOnce(sheet, rows, labels, money, new Set([...named, row]));
    if (trial.misfits < best.misfits && trial.structure.totals.some((t) => t.lines.includes(row))) {
      named.add(row);
      best = trial;
    }
  }
  return best.structure;
}

/** Totals found by arithmetic alone, not all of whose figures add up, tried as lines. */
const MAX_DOUBTFUL = 8;

interface Reading {
  structure: ArithmeticStructure;
  /** Figures of total rows that their parts do not explain. */
  misfits: number;
  /** Totals with no label or formula saying so, with a figure their parts do not explain. */
  doubtful: number[];
}

function readOnce(
  sheet: SheetSnapshot,
  rows: readonly number[],
  labels: readonly number[],
  money: readonly number[],
  namedLines: ReadonlySet<number>,
): Reading {
  let misfits = 0;
  const doubtful: number[] = [];
  let lastTotal = -1;
  const kinds = new Map<number, RowKind>();
  const sections: Section[] = [];
  const looseLines: number[] = [];
  const grandTotals: number[] = [];
  const totals: TotalRow[] = [];
  const items: Item[] = [];
  let blockStart = 0;
  let block = new Sums(money.length);
  const all = new Sums(money.length);
  let open: Section | null = null;
  for (const row of rows) {
    const values = microOf(sheet, row, money);
    const hasFigure = money.some(
      (c) => parseMoney(sheet.rows[row]?.[c]?.value ?? null).kind !== "blank",
    );
    const label = labelOf(sheet, row, labels);
    if (!hasFigure && label !== "") {
      kinds.set(row, "heading");
      open = { name: label.replace(/^\d+\.?\s+/, ""), headingRow: row, lines: [], totalRow: null };
      sections.push(open);
      blockStart = items.length;
      block = new Sums(money.length);
      continue;
    }
    const asLine = namedLines.has(row);
    const evidence =
      !asLine &&
      (TOTAL_WORDS.test(label) || addsRowsAbove(sheet, row, money) || saysTotal(sheet, row, money));
    const fits: Fit[] = [];
    if (items.length > blockStart)
      fits.push(fit(values, block, blockStart, items.length - blockStart));
    let run = items.length;
    while (run > 0 && items[run - 1]?.total) run--;
    const tail = new Sums(money.length);
    const runs: Fit[] = [];
    for (let from = items.length - 1; from >= run; from--) {
      tail.add(items[from] as Item);
      runs.unshift(fit(values, tail, from, items.length - from));
    }
    fits.push(...runs);
    if (items.length > 0 && blockStart > 0) fits.push(fit(values, all, 0, items.length));
    const explained = fits.filter(
      (f) => f.matches > f.mismatches && (f.count > 1 || evidence) && f.telling,
    );
    // Most columns explained wins; then the block, then the longest run (stable order).
    explained.sort((a, b) => b.matches - a.matches);
    let chosen: Fit | undefined = asLine ? undefined : explained[0];
    if (!chosen && evidence && hasFigure) chosen = fits[0];
    const decimals = decimalsOf(values);
    if (!chosen) {
      kinds.set(row, "line");
      const item: Item = { row, values, lines: [row], total: false, decimals };
      items.push(item);
      block.add(item);
      all.add(item);
      if (open) open.lines.push(row);
      else looseLines.push(row);
      continue;
    }
    misfits += chosen.mismatches;
    if (chosen.mismatches > 0 && !evidence) doubtful.push(row);
    // Only a total whose next total is unexplained too is worth reading again as a line.
    if (chosen.mismatches === 0 && doubtful[doubtful.length - 1] === lastTotal) doubtful.pop();
    lastTotal = row;
    const parts = items.splice(chosen.from);
    for (const p of parts) all.add(p, -1);
    const grand = parts.some((p) => p.total);
    const lines = parts.flatMap((p) => p.lines);
    totals.push({ row, parts: parts.map((p) => p.row), lines, level: grand ? "grand" : "section" });
    if (grand) {
      kinds.set(row, "grand-total");
      grandTotals.push(row);
    } else {
      kinds.set(row, "section-total");
      if (open && open.totalRow === null) open.totalRow = row;
      else sections.push({ name: label, headingRow: null, lines: [...lines], totalRow: row });
    }
    open = null;
    const item: Item = { row, values, lines, total: true, decimals };
    items.push(item);
    all.add(item);
    blockStart = items.length;
    block = new Sums(money.length);
  }
  // The last total has no total under it to take it in.
  if (doubtful[doubtful.length - 1] === lastTotal) doubtful.pop();
  return { structure: { kinds, sections, looseLines, grandTotals, totals }, misfits, doubtful };
}

/** Columns below this (XFD is 16,384; "ZZZ", the most a reference here can spell, 18,278). */
const KEY_COLUMNS = 32_768;
/** One number per cell, exact while it is a safe integer; any other cell keeps a string key. */
function memoKey(row: number, column: number): number | string {
  const key = row * KEY_COLUMNS + column;
  return Number.isInteger(column) &&
    column >= 0 &&
    column < KEY_COLUMNS &&
    Number.isSafeInteger(key)
    ? key
    : `${row},${column}`;
}

const SUM_ARGS = /^=\s*SUM\s*\(([$A-Z0-9:,\s]+)\)\s*$/i;
/**
 * SUBTOTAL(9 or 109, ranges): a sum that leaves out other SUBTOTALs inside its ranges ("If there
 * are other subtotals within ref1, ref2,… those nested subtotals are ignored", Microsoft's
 * SUBTOTAL function page). An Excel table's totals row written over plain addresses is one.
 */
const SUBTOTAL_ARGS = /^=\s*SUBTOTAL\s*\(\s*(?:9|109)\s*,([$A-Z0-9:,\s]+)\)\s*$/i;
const SUBTOTAL_CALL = /^=\s*SUBTOTAL\s*\(/i;
const WHOLE_COLUMN = /^=\s*SUBTOTAL\s*\(\s*(9|109)\s*,\s*[\w.]+\[[^\]]+\]\s*\)\s*$/i;

/** What an additive formula shows once Excel recalculates: "whole-column" for a table's SUBTOTAL. */
export type Recomputed = number | "whole-column" | null;

/**
 * What a total's formula adds up to now, from the cells it names: SUM over cells and ranges, cells
 * added ("=B15+B23+B32"), recursively; a SUBTOTAL(109, Table[Column]) adds the table's whole
 * column. A cached value goes stale when a line under it is rewritten (a typed variance turned
 * into a formula); Excel shows the recomputed figure, and that is what a total is checked by.
 * Null for a cell whose formula is not additive (its cached value stands).
 */
export function formulaEvaluator(
  sheet: SheetSnapshot,
  /** Values about to be written (a plan's cells), read before the sheet's own. */
  planned?: (row: number, column: number) => number | null,
): (row: number, column: number) => Recomputed {
  // Keyed by number, not by a "row,column" string: a 100,000-line profile memoises over a million
  // cells, and building and hashing a string per look-up was most of the evaluation's time.
  const memo = new Map<number | string, Recomputed>();
  const valueAt = (row: number, column: number, depth: number): number => {
    const next = planned?.(row, column);
    if (next !== undefined && next !== null) return next;
    const own = evaluate(row, column, depth);
    if (typeof own === "number") return own;
    const parsed = parseMoney(sheet.rows[row]?.[column]?.value ?? null);
    return parsed.kind === "number" ? parsed.value : 0;
  };
  const evaluate = (row: number, column: number, depth: number): Recomputed => {
    const key = memoKey(row, column);
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, null); // a circular reference reads as its cached value
    const formula = sheet.rows[row]?.[column]?.formula;
    let result: Recomputed = null;
    if (formula && depth < 20) {
      if (WHOLE_COLUMN.test(formula)) result = "whole-column";
      const subtotal = SUBTOTAL_ARGS.exec(formula);
      const sum = SUM_ARGS.exec(formula) ?? subtotal;
      if (sum?.[1]) {
        let total = 0;
        for (const arg of sum[1].split(",")) {
          const [from, to] = arg.trim().split(":");
          // A name (SUM(CostColumn)) spells like an address but is none: not computed here.
          const a = cellPositionOf((from ?? "").replace(/\$/g, ""));
          const b = to ? cellPositionOf(to.replace(/\$/g, "")) : a;
          if (!a || !b) return null;
          if ((b.row - a.row + 1) * (b.column - a.column + 1) > 100_000) return null;
          for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++)
            for (let c = Math.min(a.column, b.column); c <= Math.max(a.column, b.column); c++)
              if (!subtotal || !SUBTOTAL_CALL.test(sheet.rows[r]?.[c]?.formula ?? ""))
                total += valueAt(r, c, depth + 1);
        }
        result = total;
      } else if (ADDED_CELLS.test(formula)) {
        let total = 0;
        for (const m of formula.matchAll(/([+-]?)\s*\$?([A-Z]{1,3})\$?(\d+)/gi)) {
          const at = parseAddress(`${m[2] ?? ""}${m[3] ?? ""}`);
          total += (m[1] === "-" ? -1 : 1) * valueAt(at.row, at.column, depth + 1);
        }
        result = total;
      }
    }
    memo.set(key, result);
    return result;
  };

  return (row, column) => evaluate(row, column, 0);
}
