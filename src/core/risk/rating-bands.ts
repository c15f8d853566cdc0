import { cellText, type SheetSnapshot } from "../snapshot";
import { sameBandLabel, type Band } from "../bands";
import { levelOfLabel } from "../band-colours";
import { parseRating, type RatingWords } from "./scales";
import type { RiskTable } from "./detect";

/** The most labels a known vocabulary bands scores into (Low, Medium, High, Very high). */
const MOST_LABELS = 4;

/** One rated row's score with the label the council wrote for it. */
interface Rated {
  score: number;
  label: number;
}

/** One register (or one section of a register) whose ratings are read. */
export interface RatedRegister {
  sheet: SheetSnapshot;
  table: RiskTable;
  lines: readonly number[];
  words: RatingWords;
}

/**
 * The ratings registers carry: every complete pair with a written label, numbered by label. The
 * score is the rule's (likelihood × impact), never the typed one: a wrong typed score is its own
 * finding and must not make the labels look contradictory.
 */
function ratedRows(
  registers: readonly RatedRegister[],
  scale: number,
): { rated: Rated[]; labels: string[] } {
  const labels: string[] = [];
  const rated: Rated[] = [];
  for (const { sheet, table, lines, words } of registers)
    for (const pair of table.pairs) {
      if (pair.priority === null) continue;
      for (const r of lines) {
        const cells = sheet.rows[r] ?? [];
        const text = cellText(cells[pair.priority] ?? undefined);
        const l = parseRating(cells[pair.likelihood]?.value ?? null, words.likelihood);
        const i = parseRating(cells[pair.impact]?.value ?? null, words.impact);
        if (!text || l.kind !== "number" || i.kind !== "number") continue;
        if (![l.value, i.value].every((v) => Number.isInteger(v) && v >= 1 && v <= scale)) continue;
        let label = labels.findIndex((known) => sameBandLabel(known, text));
        if (label < 0) label = labels.push(text) - 1;
        // More labels than any vocabulary has: no banding, and no need to read on (100,000 rows).
        if (labels.length > MOST_LABELS) return { rated: [], labels };
        rated.push({ score: l.value * i.value, label });
      }
    }
  return { rated, labels };
}

/**
 * Every way to cut `count` sorted scores into `parts` non-empty runs, low to high: where each run
 * starts (`from` is the least start the second run may take).
 */
function cutsOf(count: number, parts: number, from = 1): number[][] {
  if (parts === 1) return [[0]];
  const out: number[][] = [];
  for (let start = from; start <= count - parts + 1; start++)
    for (const rest of cutsOf(count, parts - 1, start + 1)) out.push([0, start, ...rest.slice(1)]);
  return out;
}

/** Gaps nearer alike than this are alike (sums of logarithms of ratios of whole scores). */
const GAP_TOLERANCE = 1e-9;

/**
 * How wide the steps are at a cut's edges, between the highest score of one run and the lowest of
 * the next: scores are products, so a step is measured as a ratio (2 to 4 is as wide as 10 to 20),
 * summed over the edges as logarithms.
 */
function edgeGaps(scores: readonly number[], cuts: readonly number[]): number {
  let sum = 0;
  for (const start of cuts.slice(1)) {
    const low = scores[start - 1] ?? 1;
    const high = scores[start] ?? low;
    sum += Math.log(high / low);
  }
  return sum;
}

/** Every score a 1–n likelihood × impact can give, ascending. */
function reachableScores(scale: number): number[] {
  const scores = new Set<number>();
  for (let l = 1; l <= scale; l++) for (let i = 1; i <= scale; i++) scores.add(l * i);
  return [...scores].sort((a, b) => a - b);
}

/**
 * Where two neighbouring bands meet, between the highest score rated with the lower label (`low`)
 * and the lowest rated with the higher (`high`): halfway, on the scores the scale can give, so
 * that a few ratings do not give a thin band ("9-10 Medium") and an unseen score falls to the
 * nearer label; one exactly halfway is rated up, the prudent side for a risk. Returns the lower band's last score and the higher band's first.
 */
function edgeBetween(low: number, high: number, reachable: readonly number[]): [number, number] {
  const middle = (low + high) / 2;
  const last = Math.max(low, ...reachable.filter((s) => s > low && s < middle));
  const first = Math.min(high, ...reachable.filter((s) => s >= middle && s < high));
  return [last, first];
}

/**
 * Bands read from the registers' own ratings, where they state no key: when the labels it writes
 * are one known vocabulary (Low/Medium/High/Very high, Green/Amber/Red…, so their order is known)
 * and, taken low to high, cut the scores into contiguous runs with at most a few ratings against
 * them (fewer than a quarter of the ratings): those few are the errors. A score two labels share
 * evenly, or two cuts that fewest ratings contradict, blaming different ratings, with edges in
 * steps alike wide, is a contradiction with no side to take: the defaults then judge the register
 * as before, and the contradiction is the error.
 * The registers read together are the sections of one sheet's register: one banding for all.
 * Neighbouring bands meet halfway between the scores their labels hold (`edgeBetween`); the
 * lowest runs from 1, the highest to the scale's top. Null when the ratings give no such banding;
 * else the bands and how many rated rows they were read from.
 */
export function bandsFromRatings(
  registers: readonly RatedRegister[],
  scale: number,
): { bands: Band[]; rows: number } | null {
  const read = ratedRows(registers, scale);
  if (read.labels.length < 2 || read.labels.length > MOST_LABELS) return null;
  const levels = read.labels.map(levelOfLabel);
  if (levels.some((l) => l === null) || new Set(levels).size !== levels.length) return null;
  // Labels low to high by their words; each rating's label as its rank in that order.
  const order = read.labels.map((_, k) => k).sort((a, b) => (levels[a] ?? 0) - (levels[b] ?? 0));
  const rank = order.map((_, k) => order.indexOf(k));
  const scores = [...new Set(read.rated.map((x) => x.score))].sort((a, b) => a - b);
  const parts = order.length;
  if (scores.length < parts) return null;
  // How many ratings each score carries under each label: a register of any length is a table
  // of at most 25 scores by 4 labels, and every cut is judged on that table.
  const counts = scores.map(() => order.map(() => 0));
  for (const x of read.rated) {
    const row = counts[scores.indexOf(x.score)];
    const r = rank[x.label] ?? 0;
    if (row) row[r] = (row[r] ?? 0) + 1;
  }
  // A score the register rates with two labels equally often has no side to take: no banding.
  const evenlySplit = counts.some((row) => {
    const most = Math.max(...row);
    return row.filter((n) => n === most).length > 1;
  });
  if (evenlySplit) return null;
  // The cut fewest ratings contradict. Two cuts as few contradict but blaming different ratings
  // (Medium 5-10 | High 12+ blames a 15 rated Medium; Medium 5-15 | High 16+ the 12 rated High) are
  // told apart by where their edges fall: the one whose edges sit in the wider gaps between the
  // scores its labels hold wins (10 to 12 is a wider step than 15 to 16), so that a wrong rating is
  // not explained away by hugging an edge round it. Cuts alike in both are a contradiction.
  let best: { cost: number; gaps: number; blamed: string; cuts: number[] } | null = null;
  let tied = false;
  for (const cuts of cutsOf(scores.length, parts)) {
    let cost = 0;
    const blamed: string[] = [];
    counts.forEach((row, at) => {
      const runOf = cuts.filter((c) => c <= at).length - 1;
      row.forEach((n, r) => {
        if (n === 0 || r === runOf) return;
        cost += n;
        blamed.push(`${at}:${r}`);
      });
    });
    const gaps = edgeGaps(scores, cuts);
    const key = blamed.join(",");
    const better =
      !best || cost < best.cost || (cost === best.cost && gaps > best.gaps + GAP_TOLERANCE);
    if (better) {
      best = { cost, gaps, blamed: key, cuts };
      tied = false;
    } else if (
      best &&
      cost === best.cost &&
      Math.abs(gaps - best.gaps) <= GAP_TOLERANCE &&
      key !== best.blamed
    )
      tied = true;
  }
  // A banding most ratings bear out: fewer than a quarter of them against it, and no rival.
  if (!best || tied || best.cost * 4 >= read.rated.length) return null;
  const cuts = best.cuts;
  const reachable = reachableScores(scale);
  const lowest = (k: number) => scores[cuts[k] ?? 0] ?? 1;
  const highest = (k: number) => scores[(cuts[k + 1] ?? scores.length) - 1] ?? lowest(k);
  const bands = order.map((labelIndex, k) => {
    const from = k === 0 ? 1 : edgeBetween(highest(k - 1), lowest(k), reachable)[1];
    const to =
      k === parts - 1
        ? Math.max(highest(k), scale * scale)
        : edgeBetween(highest(k), lowest(k + 1), reachable)[0];
    return { from, to, label: read.labels[labelIndex] ?? "" };
  });
  return { bands, rows: read.rated.length };
}
