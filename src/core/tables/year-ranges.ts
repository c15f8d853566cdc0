/**
 * Financial-year words in money headers, shared by the kinds that lay money out by year.
 *
 * A UK financial year runs April–March and is written "2025/26" (canonical), "2025-26",
 * "2025/2026", "25/26" or "FY 2025/26". A programme's row total is named by a *range* of years:
 * "2025-29", "Total 2025-29", "2025/26 to 2028/29", "25/26-28/29", "2025-26 – 2028-29",
 * "(2025-2029)". A range is never one year and never an ambiguous one: "2025-29" reads as
 * 2025/26 to 2028/29 (the end is the year the last financial year ends in, as councils write it).
 *
 * tables/years.ts reads one year label the way the funding and decisions kinds need it ("2009"
 * alone is ambiguous); this file reads ranges and single years for programmes and profiles.
 */
export interface FinancialYear {
  /** "2025/26". */
  year: string;
  /** 2025 for 2025/26. */
  start: number;
}

export interface YearRange {
  /** First and last financial years of the range (start years): 2025 and 2028 for "2025-29". */
  first: number;
  last: number;
  /** "2025/26 to 2028/29". */
  text: string;
}

export function canonicalFinancialYear(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

const SEP = String.raw`\s*[/\-–—]\s*`;
/** One financial year written with 2 or 4 digits each side: "2025/26", "25/26", "2025-2026". */
const FY = String.raw`((?:19|20)?\d{2})${SEP}((?:19|20)?\d{2})`;
/** What joins the two ends of a range: "to", "until", "through" or a hyphen or dash. */
const JOIN = String.raw`\s*(?:to|until|through|thru|[-–—])\s*`;
const FY_FY = new RegExp(String.raw`(?<!\d)${FY}${JOIN}${FY}(?!\d)`, "i");
const YEAR_YEAR = new RegExp(String.raw`(?<!\d)((?:19|20)\d{2})${SEP}(\d{2}|(?:19|20)\d{2})(?!\d)`);
/** "2025 to 2029": two calendar years joined by a word, the end the year the last one ends in. */
const YEAR_TO_YEAR = new RegExp(
  String.raw`(?<!\d)((?:19|20)\d{2})${JOIN}((?:19|20)\d{2})(?!\d)`,
  "i",
);
const SHORT = new RegExp(String.raw`(?<!\d)(\d{2})${SEP}(\d{2})(?!\d)`);

/** A start year written with two digits is this century's (councils' programmes are current). */
const fullYear = (digits: string): number =>
  digits.length === 4 ? Number(digits) : 2000 + Number(digits);

const endsOf = (start: number, end: string): number =>
  end.length === 4 ? Number(end) : Math.floor(start / 100) * 100 + Number(end);

function single(start: number, end: string): FinancialYear | null {
  const endYear = endsOf(start, end);
  return endYear === start + 1 ? { year: canonicalFinancialYear(start), start } : null;
}

function range(first: number, last: number): YearRange {
  return {
    first,
    last,
    text: `${canonicalFinancialYear(first)} to ${canonicalFinancialYear(last)}`,
  };
}

/** Longest range a header plausibly names (a 30-year business plan); past it, not a range. */
const LONGEST = 30;

/**
 * The range of financial years a header names ("Total 2025-29", "Total 25/26-28/29",
 * "2025/26 – 2028/29", "2025-26 to 2028-29", "Total (2025-2029)"), or null when it names none.
 */
export function yearRangeOf(text: string): YearRange | null {
  const both = FY_FY.exec(text);
  if (both && both[1] && both[2] && both[3] && both[4]) {
    const a = single(fullYear(both[1]), both[2]);
    const b = single(fullYear(both[3]), both[4]);
    if (a && b && b.start > a.start && b.start - a.start <= LONGEST) return range(a.start, b.start);
  }
  const m = YEAR_YEAR.exec(text) ?? YEAR_TO_YEAR.exec(text);
  if (m && m[1] && m[2]) {
    const start = Number(m[1]);
    const end = endsOf(start, m[2]);
    // "2025-26" is one year; "2025-29" runs from 2025/26 to the year ending in 2029.
    if (end >= start + 2 && end <= start + LONGEST) return range(start, end - 1);
  }
  return null;
}

/** The single financial year a header names ("2026/27 Estimate"), or null (none, or a range). */
export function financialYearOf(text: string): FinancialYear | null {
  if (yearRangeOf(text)) return null;
  const m = YEAR_YEAR.exec(text);
  if (m && m[1] && m[2]) return single(Number(m[1]), m[2]);
  const s = SHORT.exec(text);
  if (s && s[1] && s[2]) {
    const start = 2000 + Number(s[1]);
    return single(start, s[2]);
  }
  return null;
}
