import { matchField, normaliseHeader, type FieldSpec } from "../headers";
import { memoByText } from "../memo";
import { ragColumnOf } from "../tables/money-columns";
import { namesVarianceDirections } from "../tables/variance";

export type BudgetField =
  | "budget"
  | "revisedBudget"
  | "budgetToDate"
  | "actual"
  | "forecast"
  | "cost"
  | "virements"
  | "commitments"
  | "variance"
  | "varianceToDate"
  | "variancePct"
  | "status"
  | "rag"
  | "project"
  | "item"
  | "costCode"
  | "ref";

const SPECS: readonly FieldSpec<BudgetField>[] = [
  {
    field: "revisedBudget",
    synonyms: [
      "revised budget",
      "current budget",
      "latest budget",
      "working budget",
      "budget revised",
      "revised",
    ],
  },
  {
    field: "budget",
    synonyms: [
      "budget",
      "original budget",
      "approved budget",
      "annual budget",
      "base budget",
      "budget allocated",
      "allocation",
    ],
  },
  {
    field: "forecast",
    synonyms: [
      "forecast",
      "forecast outturn",
      "projected outturn",
      "outturn",
      "projected spend",
      "forecast spend",
      "projection",
    ],
  },
  {
    field: "actual",
    synonyms: [
      "actual",
      "actuals",
      "actual to date",
      "spend to date",
      "expenditure",
      "actual spend",
      "spend",
      "ytd actual",
      "actual ytd",
      "received to date",
      "income to date",
      "spend ytd",
    ],
  },
  {
    field: "virements",
    synonyms: ["virements", "virement", "budget virements", "budget adjustments", "adjustments"],
  },
  { field: "commitments", synonyms: ["commitments", "committed", "orders raised"] },
  { field: "cost", synonyms: ["cost", "total cost", "costs", "estimated cost", "cost estimate"] },
  {
    field: "variance",
    synonyms: ["variance", "var", "variance amount", "over under spend", "over under"],
  },
  { field: "status", synonyms: ["status", "spend status", "budget status"] },
  { field: "rag", synonyms: ["rag", "rag status", "rag rating"] },
  { field: "project", synonyms: ["project", "project name", "scheme", "programme"] },
  {
    field: "item",
    synonyms: [
      "item",
      "description",
      "line",
      "service",
      "expenditure item",
      "budget line",
      "cost centre name",
      "activity",
      "details",
    ],
  },
  {
    field: "costCode",
    synonyms: [
      "cost code",
      "cost centre",
      "code",
      "gl code",
      "account code",
      "ledger code",
      "budget code",
    ],
  },
  {
    // A line's own identifier: unique per line, unlike a ledger code several lines share.
    field: "ref",
    synonyms: ["ref", "reference", "line code", "line ref", "scheme ref", "ref no", "id"],
  },
];

export const classifyBudgetHeader = memoByText(classify);

/** Words that make a column the council's variance, whatever else it says ("Forecast variance £"). */
const VARIANCE_WORDS =
  /\bvariances?\b|\bvar\b|\bover\s*\/?\s*\(?\s*under|\bunder\s*\/?\s*\(?\s*over|\badverse\b|\bfavourable\b/i;

/**
 * Words that put a column in the year-to-date block ("Budget to date", "Profiled budget YTD",
 * "Year to date" merged over Budget | Actual | Variance): the budget profiled to date and its
 * variance pair with the actual to date, never with the full-year forecast.
 */
const TO_DATE_WORDS = /\bto\s+date\b|\bytd\b/i;

/** True when a column's composite name (group › words) puts it in a year-to-date block. */
export function namesToDate(group: string | null, text: string): boolean {
  return TO_DATE_WORDS.test(`${group ?? ""} ${text}`);
}

/**
 * A header column's own words, tidied for classifying: stacked words split at a hyphen joined
 * ("Commit-" / "ments"), year and period labels dropped ("Latest budget 2025/26", "Actual to date
 * (P6)"): they say when, not what.
 */
export function budgetWords(text: string): string {
  return text
    .replace(/(\p{L})-\s+(\p{L})/gu, "$1$2")
    .replace(/\b(FY\s*)?(19|20)?\d\d\s*[/-]\s*\d\d(\d\d)?\b/gi, " ")
    .replace(/\((P|M|Q|Period|Month|Qtr|Quarter)\s*\d{1,2}\)/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The field of a header-block column by its composite name: its own words first, then with its
 * group ("Budget" over "Original | Revised"). A "%" unit or sign makes a variance its percentage.
 * A budget or variance in a year-to-date block is the to-date one ("Budget to date", "YTD
 * variance"); a to-date Variance % is no column of the full-year pair's, so it is left unread.
 */
export function classifyBudgetColumn(
  group: string | null,
  text: string,
  unit: string | null,
): BudgetField | null {
  const field = classifyOwnWords(group, text, unit);
  if (!namesToDate(group, text)) return field;
  if (field === "budget" || field === "revisedBudget") return "budgetToDate";
  if (field === "variance") return "varianceToDate";
  return field === "variancePct" ? null : field;
}

function classifyOwnWords(
  group: string | null,
  text: string,
  unit: string | null,
): BudgetField | null {
  const words = budgetWords(text);
  const percent = unit === "%" || /%|percent|pct/i.test(text);
  // "Budget RAG", "Cost RAG", "RAG (budget)" are the budget's RAG; "Delivery RAG" rates the work,
  // not the money, so it is no column of the budget's (the one reading tables/money-columns.ts).
  const rag = ragColumnOf(words);
  if (rag !== null) return rag === "money" ? "rag" : null;
  if (VARIANCE_WORDS.test(words) || namesVarianceDirections(words))
    return percent ? "variancePct" : "variance";
  // "Current", "Working", "Latest", "Revised" under a "2025/26 Budget" group (Original |
  // Virements | Current) name the working budget the variance is checked against.
  if (
    group &&
    /\bbudget\b/i.test(group) &&
    /^(current|working|latest|revised)(\s+budget)?$/i.test(words)
  )
    return "revisedBudget";
  const own = classifyBudgetHeader(words);
  const field = own ?? (group ? classifyBudgetHeader(`${budgetWords(group)} ${words}`) : null);
  return field === "variance" && percent ? "variancePct" : field;
}

function classify(text: string): BudgetField | null {
  if (text.length > 60) return null;
  const header = normaliseHeader(text);
  if (!header) return null;
  const match = matchField(header, SPECS);
  if (!match || match.quality < 0.8) return null;
  // "Variance %" normalises to "variance"; the % sign is what tells them apart.
  if (match.field === "variance" && /%|percent|pct/i.test(text)) return "variancePct";
  return match.field;
}
