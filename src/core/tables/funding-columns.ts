import { matchField, normaliseHeader, type FieldSpec } from "../headers";
import { parseYearLabel } from "./years";
import { memoByText } from "../memo";

/** What a column of a funding table holds. */
export type FundingColumn =
  /** Money for a year: for one source (wide tables), the year's total, or just the year. */
  | { role: "money"; year: string; source: string | null; total: boolean }
  | { role: "ambiguous-year"; text: string }
  | { role: "total" }
  | { role: "label" }
  | { role: "source" }
  | { role: "ref" }
  | { role: "note" }
  /** A share typed as a percentage ("% NHS (if Joint Commissioner)"), not money. */
  | { role: "percent" }
  /**
   * Money with no year in its header ("Income (£)", "Amount available"): a single-year sheet
   * whose year is stated in its title. Detection gives it the title's year or drops it.
   */
  | { role: "amount" }
  /** What a sources sheet says is spent against each source ("Expenditure (£)", a SUMIF). */
  | { role: "allocated" }
  /** Available less spent, the template's own check ("Difference (£)"). */
  | { role: "difference" }
  /** A grants register without years (funding/grants.ts): awarded, paid to date, still to pay. */
  | { role: "award" }
  | { role: "paid" }
  | { role: "balance" };

type Plain = "total" | "label" | "source" | "ref" | "note" | "amount" | "allocated" | "difference";

const SPECS: readonly FieldSpec<Plain>[] = [
  {
    field: "total",
    synonyms: [
      "total",
      "grand total",
      "total all years",
      "total funding",
      "overall total",
      "total over years",
    ],
  },
  {
    field: "source",
    synonyms: [
      "funding source",
      "source",
      "funder",
      "funding stream",
      "source of funding",
      // An income sheet names the sources a plan draws on: "Income source", "Grant / income".
      "income source",
      "source of income",
      "income stream",
      "grant income",
      "grant",
      "funding body",
    ],
  },
  {
    field: "ref",
    synonyms: [
      "ref",
      "reference",
      "no",
      "number",
      "id",
      "item no",
      // "Grant ref" is the grant's reference, not a funding source named "Grant …".
      "grant ref",
      "grant reference",
      "scheme ref",
      "scheme id",
      "project ref",
      "ref no",
    ],
  },
  {
    field: "note",
    synonyms: [
      "funding note",
      "comments",
      "comment",
      "note",
      "remarks",
      "funding notes",
      "status",
      // People and bodies beside the money: "Grant officer" is a person, not a source named "Grant …".
      "grant officer",
      "lead officer",
      "officer",
      "lead",
      "contact",
      "commissioner",
      "provider",
    ],
  },
  {
    field: "amount",
    synonyms: [
      "income",
      "amount",
      "amount available",
      "available",
      "funding available",
      "total available",
    ],
  },
  {
    field: "allocated",
    synonyms: ["expenditure", "allocated", "spend", "planned expenditure", "amount allocated"],
  },
  { field: "difference", synonyms: ["difference", "balance", "unallocated", "remaining"] },
  {
    field: "label",
    synonyms: [
      "notes",
      "description",
      "item",
      "workstream",
      "project",
      "activity",
      "scheme",
      "purpose",
      "title",
      "name",
      "grant name",
      "scheme name",
      "project name",
      "line",
      "service",
      "programme",
      "allocation",
      "details",
    ],
  },
];

const TOTAL_WORDS = /^(total|totals|sub total|subtotal|grand total|overall)$/;

const STRICT: ReadonlySet<Plain> = new Set(["amount", "allocated", "difference"]);

export const classifyFundingHeader = memoByText(classify);

/** "Total 2025-29", "Total 2025/26 to 2028/29": a total over several years, not one year. */
const MULTI_YEAR_TOTAL = /\btotal\b.*\b(20\d\d)\s*(?:[-–/]|to)\s*(?:20)?(\d\d)(?:\/\d\d)?\b/i;

function multiYearTotal(text: string): boolean {
  const m = MULTI_YEAR_TOTAL.exec(text);
  if (!m || !m[1] || !m[2]) return false;
  const start = Number(m[1]) % 100;
  return (Number(m[2]) - start + 100) % 100 >= 2;
}

/** Words under a year that say which estimate it is ("2025/26" over "Revised"), not a source. */
const YEAR_STAGE =
  /^(budget|allocation|amount|funding|spend|cost|revised|estimate|estimates|forecast|original|approved|latest|provisional|indicative|revised budget|outturn)$/;

/**
 * Words around a year that say the column is money spent or planned in it ("Expenditure for
 * 2025-26 (£)", "Planned spend in 2025/26"), not the name of a funding source.
 */
const YEAR_MONEY_WORDS = new Set([
  "expenditure",
  "spend",
  "planned",
  "allocated",
  "allocations",
  "allocation",
  "amount",
  "budget",
  "for",
  "in",
  "of",
]);

const onlyMoneyWords = (rest: string) =>
  rest !== "" && rest.split(" ").every((w) => YEAR_MONEY_WORDS.has(w));

function classify(text: string): FundingColumn | null {
  if (text.length > 80) return null;
  if (multiYearTotal(text)) return { role: "total" };
  if (/^%|\bpercent(age)?\b/i.test(text)) return { role: "percent" };
  const year = parseYearLabel(text);
  if (year) {
    if (year.label.kind === "ambiguous") return { role: "ambiguous-year", text };
    const rest = normaliseHeader(year.rest);
    if (rest === "" || YEAR_STAGE.test(rest) || onlyMoneyWords(rest)) {
      return { role: "money", year: year.label.year, source: null, total: false };
    }
    if (TOTAL_WORDS.test(rest))
      return { role: "money", year: year.label.year, source: null, total: true };
    return { role: "money", year: year.label.year, source: year.rest, total: false };
  }
  const match = matchField(normaliseHeader(text), SPECS);
  if (!match) return null;
  // Money named without a year is read only when its header says so outright: "Area of spend"
  // is not the spend, and "Balance" is only a sources sheet's check.
  const needs = STRICT.has(match.field) ? 0.9 : 0.8;
  return match.quality >= needs ? { role: match.field } : null;
}
