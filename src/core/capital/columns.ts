import { financialYearOf, yearRangeOf, type YearRange } from "../tables/year-ranges";
import type { HeaderColumn } from "../tables/header-block";

/**
 * What each column of a capital programme's header is. Councils head the year columns
 * "2025/26" over "Revised", "2026/27 Estimate" in one cell, or a year range merged over them
 * ("Capital programme 2025/26 to 2028/29" over "2025/26 Revised" …); the row total is named by
 * a range ("Total" over "2025-29", "Total 2025-29"); "Prior years" and "Total scheme cost" sit
 * beside them. The header column's own words are read before its group label, so a range in the
 * group never hides the year in the column.
 */
export type CapitalRole =
  | { role: "year"; year: string; start: number; qualifier: string }
  | { role: "total"; range: YearRange | null }
  | { role: "prior" }
  | { role: "scheme-cost" }
  | { role: "scheme" }
  | { role: "ref" }
  | { role: "status" }
  | { role: "other-label" };

const PRIOR = /\b(prior|previous|earlier)\s+years?\b|\bspend\s+(before|to)\b|\bpre[-\s]?20\d{2}\b/i;
const SCHEME_COST =
  /\b(total|whole[-\s]life|overall)\s+(scheme|project)\s+(cost|budget)s?\b|\bscheme\s+total\b/i;
const TOTAL = /\btotal\b/i;
const SCHEME = /\b(scheme|project|programme|description|capital\s+item)s?\b/i;
const REF = /^(ref(erence)?\.?|code|no\.?|id|scheme\s+(ref|code|no\.?))$/i;
const STATUS = /\b(status|approval|stage)\b/i;

/** The words of the year column after its year: "Revised", "Estimate", "" when none. */
function qualifierOf(text: string): string {
  return text
    .replace(/(?<!\d)(?:(?:19|20)\d{2}|\d{2})\s*[/\-–—]\s*(?:(?:19|20)\d{2}|\d{2})(?!\d)/, " ")
    .replace(/£\s*(?:'?000s?|m|k)?|\(|\)/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The role one header column plays, or null when its words say nothing we read. */
export function classifyCapitalHeader(column: HeaderColumn): CapitalRole | null {
  // A composite name ("Capital programme 2025/26 to 2028/29 › 2028/29 Estimate", as the header
  // reading gives when it infers a group without known merges): the column's own words are last.
  const own = column.text.split("›").at(-1)?.trim() ?? column.text;
  const all = column.group ? `${column.group} ${own}` : own;
  if (SCHEME_COST.test(own)) return { role: "scheme-cost" };
  if (PRIOR.test(own)) return { role: "prior" };
  if (TOTAL.test(own) || (TOTAL.test(all) && !financialYearOf(own))) {
    const range = yearRangeOf(own) ?? yearRangeOf(all);
    if (range || !financialYearOf(own)) return { role: "total", range };
  }
  const year =
    financialYearOf(own) ?? (yearRangeOf(column.group ?? "") ? null : financialYearOf(all));
  if (year)
    return { role: "year", year: year.year, start: year.start, qualifier: qualifierOf(own) };
  if (REF.test(own)) return { role: "ref" };
  if (STATUS.test(own)) return { role: "status" };
  if (SCHEME.test(own)) return { role: "scheme" };
  return own.trim() ? { role: "other-label" } : null;
}

/**
 * Which of several columns of one year is the programme's: the revised or latest figure over a
 * forecast, a forecast over an estimate, an estimate over the original budget.
 */
const PREFERENCE = [
  /revised|latest|current|working/i,
  /forecast|projected/i,
  /estimate/i,
  /budget|original|approved/i,
];

export function yearPreference(qualifier: string): number {
  const k = PREFERENCE.findIndex((p) => p.test(qualifier));
  return k === -1 ? PREFERENCE.length : k;
}
