import { cellPositionOf } from "../a1";
import { cellText, type SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import { toMicroUnits } from "./money";

/**
 * Budget lines whose name starts like a total: "Total transport costs", "Total pay award
 * provision" are ordinary lines of a service block, added into the block's subtotal like any
 * other. A label alone cannot tell them from a subtotal; the stated figures can. A row named
 * "Total …" is a line when
 *   - its figures are not the sum of the rows it would close (the lines since the last heading
 *     or total, every line above, or the totals above), and
 *   - the council's own SUM formula of a later row takes it in among the lines above it, or the
 *     next total under it adds up only with it counted as a line.
 * A genuine total stays one: a subtotal that adds its block (one wrong figure, a SUM missing a
 * row, still add up in the other columns), and a wrong one that no later total takes in.
 *
 * Shared by every reading of totals (sections.ts by labels, subtotals.ts and arithmetic.ts by
 * arithmetic): each treats the rows returned here as lines.
 */

/** Rows read ahead per row of the table, at most, looking for the total under a "Total …" row. */
const LOOKAHEAD_ROWS_PER_ROW = 20;
/** Totals passed over while looking for the one that takes a "Total …" row in. */
const MAX_NAMED_SKIPPED = 3;
/** Readings of the table, each with the lines the one before found. */
const MAX_PASSES = 3;

type Values = (number | null)[];

interface Sums {
  micro: number[];
  decimals: number;
  rows: number;
}

function valuesOf(sheet: SheetSnapshot, row: number, money: readonly number[]): Values {
  return money.map((c) => {
    const parsed = parseMoney(sheet.rows[row]?.[c]?.value ?? null);
    return parsed.kind === "number" ? toMicroUnits(parsed.value) : null;
  });
}

/** Decimals the figures are kept to (2 at least): 3 for £m to three decimals. */
function decimalsOf(values: Values): number {
  let decimals = 2;
  for (const v of values) {
    if (v === null || v % 10_000 === 0) continue;
    decimals = Math.max(decimals, v % 1000 === 0 ? 3 : v % 100 === 0 ? 4 : 6);
  }
  return decimals;
}

const emptySums = (width: number): Sums => ({
  micro: new Array<number>(width).fill(0),
  decimals: 2,
  rows: 0,
});

function add(sums: Sums, values: Values): void {
  values.forEach((v, k) => (sums.micro[k] = (sums.micro[k] ?? 0) + (v ?? 0)));
  sums.decimals = Math.max(sums.decimals, decimalsOf(values));
  sums.rows++;
}

/** Most of the row's figures (one not nil among them) are the sums, to half the finest step. */
function addsUp(values: Values, sums: Sums, needNonZero: Values | null = null): boolean {
  const { matches, mismatches, telling } = agreement(values, sums, needNonZero);
  return telling && matches > mismatches;
}

/** Columns where the row's figure is the sum and where it is not, to half the finest step. */
function agreement(values: Values, sums: Sums, needNonZero: Values | null = null) {
  let matches = 0;
  let mismatches = 0;
  let telling = false;
  if (sums.rows === 0) return { matches, mismatches, telling };
  const tolerance = 0.5 * 10 ** (6 - Math.max(sums.decimals, decimalsOf(values)));
  values.forEach((stated, k) => {
    if (stated === null) return;
    if (Math.abs((sums.micro[k] ?? 0) - stated) <= tolerance) {
      matches++;
      if (stated !== 0 && (needNonZero === null || (needNonZero[k] ?? 0) !== 0)) telling = true;
    } else mismatches++;
  });
  return { matches, mismatches, telling };
}

/**
 * The total's figures add up with the row counted among its parts (`withIt`), and better than
 * they do without it (`without`: what the total adds if the row is a total itself).
 */
function takesItIn(total: Values, withIt: Sums, without: Sums, own: Values): boolean {
  if (!addsUp(total, withIt, own)) return false;
  const a = agreement(total, withIt);
  const b = agreement(total, without);
  return a.matches - a.mismatches > b.matches - b.mismatches;
}

/** Most of the row's figures (one not nil among them) are the sums of `parts` down each column. */
export function rowAddsUp(
  sheet: SheetSnapshot,
  row: number,
  parts: readonly number[],
  money: readonly number[],
): boolean {
  const sums = emptySums(money.length);
  for (const r of parts) add(sums, valuesOf(sheet, r, money));
  return addsUp(valuesOf(sheet, row, money), sums);
}

const SUM_CALL = /^=\s*SUM\s*\(([$A-Z0-9:,\s]+)\)\s*$/i;

/** Per column, the row ranges later rows add with SUM down that column: [first, last, at]. */
function sumRanges(sheet: SheetSnapshot, rows: readonly number[], money: readonly number[]) {
  const ranges: [number, number, number][][] = money.map(() => []);
  for (const row of rows)
    money.forEach((column, k) => {
      const m = SUM_CALL.exec(sheet.rows[row]?.[column]?.formula ?? "");
      if (!m?.[1]) return;
      for (const arg of m[1].split(",")) {
        const [from, to] = arg.trim().split(":");
        const a = cellPositionOf((from ?? "").replace(/\$/g, ""));
        const b = to ? cellPositionOf(to.replace(/\$/g, "")) : a;
        if (!a || !b || a.column !== column || b.column !== column) continue;
        const first = Math.min(a.row, b.row);
        const last = Math.max(a.row, b.row);
        if (last < row) ranges[k]?.push([first, last, row]);
      }
    });
  return ranges;
}

/** A formula of the row adds rows of this sheet above it: the row is a total by its own word. */
function sumsRowsAbove(sheet: SheetSnapshot, row: number, money: readonly number[]): boolean {
  return money.some((c) => {
    const formula = sheet.rows[row]?.[c]?.formula ?? "";
    if (
      formula.includes("!") ||
      !/^=\s*(SUM|SUBTOTAL)\s*\(|^=\s*\$?[A-Z]{1,3}\$?\d+\s*\+/i.test(formula)
    )
      return false;
    const rows = [...formula.matchAll(/\$?[A-Z]{1,3}\$?(\d+)/gi)].map((m) => Number(m[1]) - 1);
    return rows.length > 0 && rows.every((r) => r < row);
  });
}

const labelOf = (sheet: SheetSnapshot, row: number, labels: readonly number[]) =>
  labels
    .map((c) => cellText(sheet.rows[row]?.[c] ?? undefined))
    .filter(Boolean)
    .join(" ");

/**
 * The rows of `rows` (a table's body in order) named like a total (`named`) that are lines by
 * their figures (see above).
 */
export function linesNamedTotal(
  sheet: SheetSnapshot,
  rows: readonly number[],
  labels: readonly number[],
  money: readonly number[],
  named: RegExp,
): Set<number> {
  const width = money.length;
  const label = (row: number) => labelOf(sheet, row, labels);
  const values = (row: number) => valuesOf(sheet, row, money);
  const hasFigure = (v: Values) => v.some((x) => x !== null);
  // Cheap first look: most tables have no row named like a total at all.
  if (!rows.some((row) => named.test(label(row)))) return new Set();
  let ranges: [number, number, number][][] | null = null;
  const inSumOfLines = (row: number, isLine: (r: number) => boolean) => {
    ranges ??= sumRanges(sheet, rows, money);
    return ranges.some((list) =>
      list.some(
        ([a, b, at]) =>
          a <= row &&
          row <= b &&
          at > row &&
          rows.some((r) => r >= a && r <= b && r !== row && isLine(r)),
      ),
    );
  };
  // Each pass may find lines that let the next see more: the total under two such lines adds
  // up only once both are known to be lines.
  let lines = new Set<number>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = onePass(lines);
    if (next.size === lines.size) return next;
    lines = next;
  }
  return lines;

  function onePass(known: ReadonlySet<number>): Set<number> {
    const found = new Set(known);
    const isTotalNamed = (row: number) => !found.has(row) && named.test(label(row));
    const isLine = (row: number) =>
      hasFigure(values(row)) && !isTotalNamed(row) && label(row) !== "";
    // Rows the looks ahead may read in all: each stops at the fourth total under it, so a long
    // table of blocks stays linear; a pathological one stops looking, keeping labels as read.
    let budget = LOOKAHEAD_ROWS_PER_ROW * rows.length + 1000;
    let block = emptySums(width); // the rows since the last heading or total
    const everyLine = emptySums(width);
    let totals = emptySums(width);
    const closeBlock = (own: Values) => {
      // A grand total closes the totals it adds: the next one adds the totals after it.
      if (totals.rows > 1 && addsUp(own, totals)) totals = emptySums(width);
      add(totals, own);
      block = emptySums(width);
    };
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      const own = values(row);
      const name = label(row);
      if (!hasFigure(own)) {
        if (name !== "") block = emptySums(width); // a heading opens a block
        continue;
      }
      if (!isTotalNamed(row)) {
        // A row of figures with no label adding the block is its total (bold figures).
        if (name === "" && block.rows > 1 && addsUp(own, block)) closeBlock(own);
        else {
          add(everyLine, own);
          add(block, own);
        }
        continue;
      }
      // A copy of the one line above may be that line's total or a line of the same amount:
      // the totals under it decide.
      const closes =
        (block.rows > 1 && addsUp(own, block)) ||
        (everyLine.rows > 1 && addsUp(own, everyLine)) ||
        addsUp(own, totals) ||
        sumsRowsAbove(sheet, row, money);
      if (
        !closes &&
        (inSumOfLines(row, isLine) || (budget > 0 && totalUnderTakesIt(i, block, everyLine, own)))
      ) {
        found.add(row);
        add(everyLine, own);
        add(block, own);
        continue;
      }
      closeBlock(own);
    }
    return found;

    /**
     * A total under rows[i] adds up with that row counted among its lines: the next total of
     * its block, or a grand total adding every line.
     */
    function totalUnderTakesIt(i: number, block: Sums, every: Sums, own: Values): boolean {
      const copy = (s: Sums): Sums => ({ micro: [...s.micro], decimals: s.decimals, rows: s.rows });
      // The lines of its block with it, and the lines after it (its block if it is a total);
      // every line with it, and without it.
      let inBlock: Sums | null = copy(block);
      let after: Sums = emptySums(width);
      const all = copy(every);
      const allWithout = copy(every);
      add(inBlock, own);
      add(all, own);
      let skipped = 0;
      for (let j = i + 1; j < rows.length && budget-- > 0; j++) {
        const row = rows[j] as number;
        const v = values(row);
        const name = label(row);
        if (!hasFigure(v)) {
          if (name !== "") inBlock = null; // a heading: the block has closed
          continue;
        }
        const total = name !== "" && isTotalNamed(row);
        if (name === "" || total) {
          if (inBlock && takesItIn(v, inBlock, after, own)) return true;
          if (takesItIn(v, all, allWithout, own)) return true;
          if (total) {
            // A total that does not take it in closes the block; a grand total may still.
            inBlock = null;
            after = emptySums(width);
            if (++skipped > MAX_NAMED_SKIPPED) return false;
            continue;
          }
        }
        if (inBlock) add(inBlock, v);
        add(after, v);
        add(all, v);
        add(allWithout, v);
      }
      return false;
    }
  }
}
