import type { SheetSnapshot } from "../snapshot";
import { agreesOnMostLines } from "../tables/suspect-columns";
import { shownOnSheet } from "./formula-shown";
import type { RiskPair, RiskTable } from "./detect";
import { parseRating, type RatingWords } from "./scales";

/** The columns a register's header gave a field: its ids, titles, owners and every pair's. */
function usedColumns(table: RiskTable): Set<number> {
  const used = new Set<number>(Object.values(table.columns));
  for (const p of table.pairs)
    for (const c of [p.likelihood, p.impact, p.score, p.priority]) if (c !== null) used.add(c);
  return used;
}

/** How many lines hold a number in `column` and a valid pair, and on how many it is L × I. */
function agreement(
  sheet: SheetSnapshot,
  pair: RiskPair,
  column: number,
  lines: readonly number[],
  words: RatingWords,
): { agreeing: number; checked: number } {
  let agreeing = 0;
  let checked = 0;
  for (const r of lines) {
    const cells = sheet.rows[r];
    // A formula saved without its value (`=MATCH(D5,{…},0)*MATCH(E5,{…},0)`) is read by what it computes.
    const stated = shownOnSheet(sheet, r, column);
    if (typeof stated !== "number") continue;
    const l = parseRating(cells?.[pair.likelihood]?.value ?? null, words.likelihood);
    const i = parseRating(cells?.[pair.impact]?.value ?? null, words.impact);
    if (l.kind !== "number" || i.kind !== "number") continue;
    checked++;
    if (Math.abs(stated - l.value * i.value) < 1e-9) agreeing++;
  }
  return { agreeing, checked };
}

/**
 * A register whose header names no score for a pair may still keep one under a heading we do not
 * know ("Exposure", "Risk factor"): a column of numbers in the register that equal likelihood ×
 * impact on most lines (the safety net's threshold, read the other way) is that pair's score. It
 * is then checked like any score, and apply never adds a second score column beside it. Nearest
 * the pair's impact column first, to its right before its left.
 */
export function withScoresFromData(
  sheet: SheetSnapshot,
  table: RiskTable,
  lines: readonly number[],
  words: RatingWords,
): RiskTable {
  if (table.pairs.every((p) => p.score !== null)) return table;
  const used = usedColumns(table);
  const hidden = new Set(sheet.hiddenColumns);
  const pairs = table.pairs.map((pair) => {
    if (pair.score !== null) return pair;
    const candidates: number[] = [];
    for (let c = table.firstColumn; c <= table.lastColumn; c++)
      if (!used.has(c) && !hidden.has(c)) candidates.push(c);
    const distance = (c: number) =>
      c > pair.impact ? c - pair.impact : table.lastColumn + pair.impact - c;
    candidates.sort((a, b) => distance(a) - distance(b));
    const found = candidates.find((c) => {
      const { agreeing, checked } = agreement(sheet, pair, c, lines, words);
      return agreesOnMostLines(agreeing, checked);
    });
    if (found === undefined) return pair;
    used.add(found);
    return { ...pair, score: found };
  });
  return pairs.some((p, k) => p !== table.pairs[k]) ? { ...table, pairs } : table;
}
