import type { SheetSnapshot } from "../snapshot";
import { fromPenceScaled, samePence, toPenceScaled } from "../tables/money";
import { moneyOrNilAt } from "../tables/nil-money";
import { agreesOnMostLines } from "../tables/suspect-columns";
import { canonicalFinancialYear, type YearRange } from "../tables/year-ranges";
import type { YearColumn } from "./detect";

/**
 * Which years a row total adds when its header names no range: "4-year total", "Total (£'000)",
 * "Total Programme" beside a "2024/25 Actual" column and four years of programme. Adding every
 * year column would make every scheme's total disagree, and the whole column would be set aside
 * as not understood (suspect-columns.ts), taking a planted error in one scheme's total with it.
 * The figures tell which run of adjacent years the totals add: the run most scheme lines agree
 * with, when more than half of them do and every year does not already fit. A count in the header
 * ("4-year total") keeps to runs of that length.
 */

const COUNT_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** "4-year total", "Four year programme", "5 yr total": the number of years the header counts. */
export function yearCountOf(header: string): number | null {
  const m = /\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)[-\s]?(?:years?|yrs?)\b/i.exec(
    header,
  );
  if (!m?.[1]) return null;
  const word = m[1].toLowerCase();
  return COUNT_WORDS[word] ?? Number(word);
}

interface Run {
  from: number;
  to: number;
}

/** How many of the lines' stated totals equal the sum of the years from..to (indices). */
function agreeing(
  sheet: SheetSnapshot,
  lines: readonly number[],
  total: number,
  years: readonly YearColumn[],
  run: Run,
  multiplier: number,
): number {
  let n = 0;
  for (const row of lines) {
    const stated = moneyOrNilAt(sheet, row, total);
    if (stated === null) continue;
    let pence = 0;
    for (let k = run.from; k <= run.to; k++) {
      const v = moneyOrNilAt(sheet, row, years[k]?.column ?? -1);
      if (v !== null) pence += toPenceScaled(v, multiplier);
    }
    if (samePence(stated, fromPenceScaled(pence, multiplier), multiplier)) n++;
  }
  return n;
}

/**
 * The range of years the row total adds, read from the lines' figures (see above), or null when
 * every year fits, no run fits most lines, or two runs fit equally well.
 */
export function totalRangeFromFigures(
  sheet: SheetSnapshot,
  lines: readonly number[],
  total: { column: number; label: string },
  years: readonly YearColumn[],
  multiplier: number,
): YearRange | null {
  const checked = lines.filter((r) => moneyOrNilAt(sheet, r, total.column) !== null).length;
  const all = { from: 0, to: years.length - 1 };
  if (agreesOnMostLines(agreeing(sheet, lines, total.column, years, all, multiplier), checked))
    return null;
  const count = yearCountOf(total.label);
  let best: { run: Run; n: number } | null = null;
  let tied = false;
  for (let from = 0; from < years.length; from++) {
    for (let to = from + 1; to < years.length; to++) {
      if (to - from === years.length - 1) continue;
      if (count !== null && to - from + 1 !== count) continue;
      const n = agreeing(sheet, lines, total.column, years, { from, to }, multiplier);
      if (best === null || n > best.n) {
        best = { run: { from, to }, n };
        tied = false;
      } else if (n === best.n) tied = true;
    }
  }
  if (best === null || tied || !agreesOnMostLines(best.n, checked)) return null;
  const first = years[best.run.from]?.start ?? 0;
  const last = years[best.run.to]?.start ?? 0;
  return {
    first,
    last,
    text: `${canonicalFinancialYear(first)} to ${canonicalFinancialYear(last)}`,
  };
}
