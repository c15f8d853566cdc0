import { cellText, type CellValue, type SheetSnapshot } from "../snapshot";
import {
  scaleListAxis,
  scaleMappingInText,
  scaleWord,
  standardScaleFor,
  standardScaleMostly,
  wordScaleLists,
  wordScalesInText,
  type WordScale,
} from "../tables/keys";
import { parseScaleValue, type ParsedValue } from "../values";
import type { RiskTable } from "./detect";
import { numericMatrixGrid } from "../tables/coloured-matrix-key";
import { readMatrixKey } from "../tables/matrix-key";

/**
 * The rating scales of a register: likelihood and impact as numbers, "3 - Likely" labels, or
 * words (Rare … Almost certain; Low / Medium / High) mapped to numbers by a key in the workbook or,
 * failing that, by the standard scale their words all belong to.
 */
export interface RatingWords {
  likelihood: WordScale | null;
  impact: WordScale | null;
}

/** Word scales the workbook states: sentences anywhere, then lists of cells ("Scoring Matrix"). */
export interface StatedScales {
  likelihood: WordScale | null;
  impact: WordScale | null;
  /** Sheet cells ("row,column") heading a scale list: keys, never registers. */
  listHeads: Map<string, Set<string>>;
  /** Each axis's words by number as a key lists them ("1 - Unlikely" … "4 - Very likely"). */
  labels: AxisWords;
  /**
   * The axes of a coloured score matrix labelled in the sheet's own words ("Remote" … "Highly
   * probable"), numbered by their order: an axis is a register column's scale when it holds its words.
   */
  matrixAxes: WordScale[];
}

/** The words of a scale by its numbers (1 → "Rare"), per axis, when a key states them. */
export interface AxisWords {
  likelihood: ReadonlyMap<number, string> | null;
  impact: ReadonlyMap<number, string> | null;
}

/**
 * Scales listed as labels under an axis heading, one cell each ("Likelihood" over "1 - Unlikely",
 * "2 - Possible", …): a drop-down's source list. Numbers 1..n (n ≥ 3), each once, in any order.
 */
export function labelScaleLists(
  sheet: SheetSnapshot,
): { axis: "likelihood" | "impact"; row: number; column: number; words: Map<number, string> }[] {
  const found: ReturnType<typeof labelScaleLists> = [];
  sheet.rows.forEach((cells, r) => {
    cells?.forEach((cell, c) => {
      const axis = scaleListAxis(cell?.value);
      if (!axis) return;
      const words = new Map<number, string>();
      for (let k = r + 1; k < sheet.rows.length && words.size < 10; k++) {
        const parsed = parseScaleValue(sheet.rows[k]?.[c]?.value ?? null);
        if (parsed.kind !== "number" || !parsed.label || words.has(parsed.value)) break;
        words.set(parsed.value, parsed.label);
      }
      const values = [...words.keys()].sort((a, b) => a - b);
      if (values.length >= 3 && values.every((v, i) => v === i + 1))
        found.push({ axis, row: r, column: c, words });
    });
  });
  return found;
}

/** A word scale's words by number, the first word of each number, its first letter capital. */
function wordsByNumber(scale: WordScale): Map<number, string> {
  const words = new Map<number, string>();
  for (const [word, value] of scale)
    if (!words.has(value)) words.set(value, word.charAt(0).toUpperCase() + word.slice(1));
  return words;
}

const AXIS_NAMED = /likelihood|probability|impact|severity|consequence/i;

export function statedScales(sheets: readonly SheetSnapshot[]): StatedScales {
  const stated: StatedScales = {
    likelihood: null,
    impact: null,
    listHeads: new Map(),
    labels: { likelihood: null, impact: null },
    matrixAxes: [],
  };
  // "Scoring: Low = 1, Medium = 2, High = 3" names no axis: it scores both, after any that does.
  let unnamed: WordScale | null = null;
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      for (const cell of row ?? []) {
        // Only a sentence naming an axis can state a scale; test that cheaply on every text cell.
        if (typeof cell?.value !== "string" || cell.value.length < 12) continue;
        if (!AXIS_NAMED.test(cell.value)) {
          unnamed ??= scaleMappingInText(cell.value);
          continue;
        }
        if (!/\d/.test(cell.value)) continue;
        const found = wordScalesInText(cell.value);
        stated.likelihood ??= found.likelihood;
        stated.impact ??= found.impact;
      }
    }
  }
  for (const sheet of sheets) {
    for (const list of wordScaleLists(sheet)) {
      if (list.axis === "likelihood") stated.likelihood ??= list.scale;
      else stated.impact ??= list.scale;
      const heads = stated.listHeads.get(sheet.name) ?? new Set<string>();
      heads.add(`${list.row},${list.column}`);
      stated.listHeads.set(sheet.name, heads);
    }
    for (const list of labelScaleLists(sheet)) stated.labels[list.axis] ??= list.words;
    // A matrix of scores in the sheet's own words is a key only where the reader found its
    // cells coloured (sought on no other sheet); one whose cells name the bands needs no colour.
    const axes =
      (sheet.keyFills ? numericMatrixGrid(sheet)?.axes : undefined) ?? readMatrixKey(sheet)?.axes;
    if (axes) stated.matrixAxes.push(axes.across, axes.down);
  }
  stated.likelihood ??= unnamed;
  stated.impact ??= unnamed;
  return stated;
}

/**
 * The words in a rating column with how often each is used, or null when they are not most of its
 * filled cells: a column of numbers with a stray "High" in it is a numeric scale with a fault, and
 * a column of words with a stray 5 is a word scale whose 5 is read as a number on its own cell.
 */
function wordsIn(
  sheet: SheetSnapshot,
  rows: readonly number[],
  column: number,
): Map<string, number> | null {
  const words = new Map<string, number>();
  let wordCells = 0;
  let numberCells = 0;
  for (const r of rows) {
    const value = sheet.rows[r]?.[column]?.value ?? null;
    const parsed = parseScaleValue(value);
    if (parsed.kind === "text") {
      const word = scaleWord(cellText({ value }));
      words.set(word, (words.get(word) ?? 0) + 1);
      wordCells++;
    } else if (parsed.kind === "number") numberCells++;
  }
  return wordCells > numberCells ? words : null;
}

/**
 * A standard scale as the council keeps it: a drop-down names each step once, so where the
 * register uses two of a step's synonyms ("Catastrophic" on most rows, "Severe" on one), the less
 * used one is not on the council's scale (its MATCH over the word list gives #N/A) and is left
 * out, to be found on its cell. Steps the register uses one word for, or none, keep every synonym.
 */
function asTheCouncilKeepsIt(standard: WordScale, used: ReadonlyMap<string, number>): WordScale {
  const most = new Map<number, number>();
  for (const [word, step] of standard)
    most.set(step, Math.max(most.get(step) ?? 0, used.get(word) ?? 0));
  const kept = new Map<string, number>();
  for (const [word, step] of standard) {
    const mostUsed = most.get(step) ?? 0;
    if (mostUsed === 0 || (used.get(word) ?? 0) === mostUsed) kept.set(word, step);
  }
  return kept;
}

function scaleFor(
  axis: "likelihood" | "impact",
  used: ReadonlyMap<string, number>,
  stated: WordScale | null,
  matrixAxes: readonly WordScale[],
): WordScale | null {
  const words = new Set(used.keys());
  if (words.size === 0) return null;
  if (stated && [...words].every((w) => stated.has(w))) return stated;
  const matrixAxis = matrixAxes.find((scale) => [...words].every((w) => scale.has(w)));
  if (matrixAxis) return matrixAxis;
  const standard = standardScaleFor(axis, words);
  if (standard) return asTheCouncilKeepsIt(standard, used);
  // Mostly a scale's words with a stray one: the stray word is one finding on its own cell.
  const known = (scale: WordScale) => [...words].filter((w) => scale.has(w)).length;
  for (const scale of [stated, ...matrixAxes])
    if (scale && known(scale) >= 2 && known(scale) * 2 > words.size) return scale;
  const mostly = standardScaleMostly(axis, words);
  return mostly && asTheCouncilKeepsIt(mostly, used);
}

/** The word scales of a register's axes, judged from the words in its rating columns. */
export function ratingWords(
  sheet: SheetSnapshot,
  table: RiskTable,
  rows: readonly number[],
  stated: StatedScales,
): RatingWords {
  const likelihood = new Map<string, number>();
  const impact = new Map<string, number>();
  const count = (into: Map<string, number>, words: Map<string, number> | null) => {
    for (const [w, n] of words ?? []) into.set(w, (into.get(w) ?? 0) + n);
  };
  for (const pair of table.pairs) {
    count(likelihood, wordsIn(sheet, rows, pair.likelihood));
    count(impact, wordsIn(sheet, rows, pair.impact));
  }
  return {
    likelihood: scaleFor("likelihood", likelihood, stated.likelihood, stated.matrixAxes),
    impact: scaleFor("impact", impact, stated.impact, stated.matrixAxes),
  };
}

/** The top of a word scale: 3 for Low/Medium/High, 5 for Rare … Almost certain. */
export function wordScaleTop(words: RatingWords): number | null {
  const tops = [words.likelihood, words.impact]
    .filter((w): w is WordScale => w !== null)
    .map((w) => Math.max(...w.values()));
  return tops.length > 0 ? Math.max(...tops) : null;
}

/** A likelihood or impact cell: a number, a "3 - Likely" label, or a word of the axis's scale. */
export function parseRating(value: CellValue, words: WordScale | null): ParsedValue {
  const parsed = parseScaleValue(value);
  if (parsed.kind !== "text" || !words) return parsed;
  const n = words.get(scaleWord(parsed.text));
  return n === undefined
    ? parsed
    : { kind: "number", value: n, fromText: true, label: parsed.text };
}

/**
 * The words a register's axes take from a key: a list of labels ("1 - Unlikely"), else the
 * key's word scale when the register's words are that scale's. Null for an axis no key words.
 */
export function keyWordsOf(words: RatingWords, stated: StatedScales): AxisWords {
  const of = (axis: "likelihood" | "impact") => {
    const listed = stated.labels[axis];
    if (listed) return listed;
    const scale = words[axis];
    return scale && scale === stated[axis] ? wordsByNumber(scale) : null;
  };
  return { likelihood: of("likelihood"), impact: of("impact") };
}
