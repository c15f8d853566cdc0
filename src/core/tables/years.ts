import { yearRangeOf } from "./year-ranges";

/**
 * UK financial years (April–March) in the many ways councils label them, normalised to "2025/26".
 */
export type YearLabel =
  | { kind: "year"; year: string; start: number }
  /** "2009" alone: the 2008/09 or the 2009/10 year? Reported, never guessed. */
  | { kind: "ambiguous"; text: string };

export function canonicalYear(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

function century(twoDigits: number): number {
  return twoDigits >= 50 ? 1900 + twoDigits : 2000 + twoDigits;
}

const FOUR_TWO = /(?<!\d)((?:19|20)\d{2})\s*[/\-–]\s*(\d{2})(?!\d)/;
const FOUR_FOUR = /(?<!\d)((?:19|20)\d{2})\s*[/\-–]\s*((?:19|20)\d{2})(?!\d)/;
const TWO_TWO = /(?<!\d)(\d{2})\s*[/\-–]\s*(\d{2})(?!\d)/;
const DAY_MONTH_BEFORE =
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*$/i;
const BARE = /(?<!\d)((?:19|20)\d{2})(?!\d)/;

/**
 * A year inside a reference code ("KD/2024/050", "ODR-2024-07", "AHWB.012.2021") is part of
 * the code, not a year label: the code's other segments hold letters or run to 3+ digits. A date
 * ("31/03/2024") is left to the year reading as before.
 */
function referenceCodeAround(text: string, index: number, length: number): boolean {
  const start = text.slice(0, index).search(/\S*$/);
  const tail = /^\S*/.exec(text.slice(index + length))?.[0] ?? "";
  const token = (text.slice(start, index + length) + tail).replace(/^[(["']+|[)\]"'.,:;]+$/g, "");
  if (!/^[A-Za-z0-9]+(?:[/.\-_][A-Za-z0-9]+)+$/.test(token)) return false;
  const year = text.slice(index, index + length);
  return token
    .split(/[/.\-_]/)
    .some((segment) => segment !== year && (/[A-Za-z]/.test(segment) || segment.length >= 3));
}

/**
 * The financial year a header names, with the text around it: "SCR Grant £08/09" →
 * { year 2008/09, rest "SCR Grant" }. Null when the text names no year.
 */
export function parseYearLabel(text: string): { label: YearLabel; rest: string } | null {
  const strip = (match: RegExpExecArray) => {
    const rest = (text.slice(0, match.index) + " " + text.slice(match.index + match[0].length))
      // A unit beside the year ("2025/26 £m", "2025/26 (£'000)") is the column's scale, read by
      // scale.ts: never the name of a funding source ("m").
      .replace(/£\s*(?:['’]?\s*000s?|k|m|millions?|thousands?)(?![a-z0-9])/gi, " ")
      .replace(/£|\bFY\b|\bfinancial year\b|\byear\b/gi, " ")
      .replace(/[()]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    return rest;
  };
  // "Total 2025-29", "Total 25/26-28/29" name a range of years (a programme's row total), not
  // one year (its first) and not an ambiguous "2025": they are no year column at all.
  if (yearRangeOf(text)) return null;
  let m = FOUR_FOUR.exec(text);
  if (m && m[1] && m[2] && Number(m[2]) === Number(m[1]) + 1) {
    return {
      label: { kind: "year", year: canonicalYear(Number(m[1])), start: Number(m[1]) },
      rest: strip(m),
    };
  }
  m = FOUR_TWO.exec(text);
  if (m && m[1] && m[2] && Number(m[2]) === (Number(m[1]) + 1) % 100) {
    return {
      label: { kind: "year", year: canonicalYear(Number(m[1])), start: Number(m[1]) },
      rest: strip(m),
    };
  }
  m = TWO_TWO.exec(text);
  if (m && m[1] && m[2] && Number(m[2]) === (Number(m[1]) + 1) % 100) {
    const start = century(Number(m[1]));
    return { label: { kind: "year", year: canonicalYear(start), start }, rest: strip(m) };
  }
  m = BARE.exec(text);
  if (m && referenceCodeAround(text, m.index, m[0].length)) return null;
  // "Balance 1 April 2025", "Forecast balance 31 March 2026": a date, a point in time, not a
  // financial year stated loosely.
  if (m && DAY_MONTH_BEFORE.test(text.slice(0, m.index))) return null;
  if (m && m[1]) return { label: { kind: "ambiguous", text: m[1] }, rest: strip(m) };
  return null;
}
