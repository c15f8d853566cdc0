import type { SheetSnapshot } from "../snapshot";
import { parseScaleValue } from "../values";
import type { RiskPair } from "./detect";
import { shownOnSheet } from "./formula-shown";

/**
 * Which of a register's rating columns is the score and which the priority, by what they hold:
 * councils head both "Risk rating", "Risk level" or "Level".
 */

/** How many data cells of a column show a number, and how many a word (formulas by what they compute). */
function contents(
  sheet: SheetSnapshot,
  column: number,
  rows: readonly number[],
): { numbers: number; words: number } {
  let numbers = 0;
  let words = 0;
  for (const r of rows) {
    const parsed = parseScaleValue(shownOnSheet(sheet, r, column));
    if (parsed.kind === "number") numbers++;
    else if (parsed.kind === "text") words++;
  }
  return { numbers, words };
}

/** Mostly words in a column's data: a priority, whatever its header says. */
function holdsWords(sheet: SheetSnapshot, column: number, rows: readonly number[]): boolean {
  const { numbers, words } = contents(sheet, column, rows);
  return words > numbers;
}

/** Mostly numbers (typed or computed by a formula) in a column's data: a score. */
function holdsNumbers(sheet: SheetSnapshot, column: number, rows: readonly number[]): boolean {
  const { numbers, words } = contents(sheet, column, rows);
  return numbers > words;
}

/**
 * "Risk rating", "Risk level", "Level": councils use these words for the score and for the band.
 * The data decide: a "score" column of words is the priority, and a second one of words beside a
 * numeric score is too; a "priority" column of numbers (a "Level" of `=D5*E5`, typed 1-25 or a
 * MATCH over the word list) is the score when no score column holds numbers, and the band words
 * ("Rating", "Priority", "RAG": High/Medium/Low) beside it are the priority.
 */
const PRIORITY_WORD = /\b(priority|rag)\b/i;

export function resolveRatings(
  sheet: SheetSnapshot,
  pair: RiskPair,
  spare: readonly number[],
  rows: readonly number[],
  headerText: (column: number) => string,
): RiskPair {
  const worded = () => spare.find((c) => holdsWords(sheet, c, rows));
  if (pair.score === null) {
    if (pair.priority === null || !holdsNumbers(sheet, pair.priority, rows)) return pair;
    return { ...pair, score: pair.priority, priority: worded() ?? null };
  }
  if (pair.priority !== null) {
    const swapped = holdsWords(sheet, pair.score, rows) && holdsNumbers(sheet, pair.priority, rows);
    if (swapped) return { ...pair, score: pair.priority, priority: pair.score };
    // A second column of numbers ("Score" and "Level") is a score, never the priority: the band
    // words beside it are, or there is none. A column headed "Priority" or "RAG" outright stays
    // the priority: its formulas compute band words even where the values read show numbers (a
    // host that has not calculated them yet).
    if (!holdsNumbers(sheet, pair.priority, rows)) return pair;
    const namedPriority = PRIORITY_WORD.test(headerText(pair.priority));
    return { ...pair, priority: worded() ?? (namedPriority ? pair.priority : null) };
  }
  if (holdsWords(sheet, pair.score, rows)) {
    const numeric = spare.find((c) => !holdsWords(sheet, c, rows));
    return { ...pair, priority: pair.score, score: numeric ?? null };
  }
  const words = worded();
  return words === undefined ? pair : { ...pair, priority: words };
}
