import { namesVarianceDirections } from "./variance";
import type { SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";

/**
 * The money columns of a table by the words councils head them with, for any kind that carries
 * budget money (budget monitors, projects with money): the budget (Approved, Original, Revised,
 * Current, Latest, Working), spend to date (Actual, Spend, Received to date — never the outturn),
 * the forecast (Forecast, Projected, Outturn), the variance by its many names and Variance %,
 * and a budget RAG. A RAG qualified by something else ("Delivery RAG", "Overall RAG") is a
 * judgement of the project, not a money rule, so it is not the budget's RAG.
 */
export type MoneyField =
  | "budget"
  | "actual"
  | "forecast"
  | "variance"
  | "variancePct"
  | "status"
  | "rag"
  | "budgetToDate"
  | "varianceToDate";

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[£$%]/g, " ")
    .replace(/[^a-z0-9/()]+/g, " ")
    .trim();

const VARIANCE =
  /\bvariance\b|\bover\s*\/?\s*\(?under\)?|\bunder\s*\/?\s*\(?over\)?|\b(over|under)\s*spend\b/;
const TO_DATE = /\bto date\b|\bytd\b|\bactuals?\b|\bspent\b/;
const YEAR_TO_DATE = /\bto date\b|\bytd\b/;
/** Words that make a to-date column the money spent, not the budget profiled to date. */
const SPENT = /\b(actuals?|spent|spend|expenditure|outturn)\b/;
const FORECAST = /\bforecast\b|\bprojected\b|\boutturn\b|\bprojection\b/;
const BUDGET = /\bbudget\b|\ballocation\b/;
/** Words that make a RAG the money's: "Budget RAG", "Cost RAG", "Financial RAG", "RAG (budget)". */
const MONEY_RAG_WORDS = new Set(["budget", "financial", "finance", "spend", "cost", "variance"]);
/** Words a RAG header may carry whatever it rates: "RAG status", "RAG rating 2025/26". */
const RAG_FILLER = new Set(["rag", "status", "rating"]);

/**
 * "money" when a header names the budget's RAG ("RAG", "Budget RAG", "Cost RAG", "RAG (budget)",
 * "Financial RAG status"), "other" when it names a RAG of something else ("Delivery RAG",
 * "Overall RAG": a judgement of the project, never checked against the variance), null when it
 * names no RAG. Shared by every kind that checks a RAG column against money.
 */
export function ragColumnOf(text: string): "money" | "other" | null {
  if (text.length > 80) return null;
  const t = words(text)
    .replace(/\br\s*\/\s*a\s*\/\s*g\b/g, "rag")
    .replace(/\b(19|20)?\d\d\s*\/\s*\d{2,4}\b/g, " ")
    .replace(/[()/]/g, " ");
  const parts = t.split(/\s+/).filter(Boolean);
  if (!parts.includes("rag")) return null;
  const rest = parts.filter((w) => !RAG_FILLER.has(w));
  return rest.every((w) => MONEY_RAG_WORDS.has(w)) ? "money" : "other";
}

/** The money field a header names, or null. `text` is the column's composite header. */
export function moneyFieldOf(text: string): MoneyField | null {
  if (text.length > 80) return null;
  const t = words(text);
  if (!t) return null;
  // "Spend status" is the budget's; a plain "Status" is more often the project's stage.
  if (/^(spend|budget|financial)\s+status$/.test(t)) return "status";
  const rag = ragColumnOf(text);
  if (rag !== null) return rag === "money" ? "rag" : null;
  // A year-to-date block's budget and variance ("Budget to date", "YTD variance") pair with the
  // spend to date, never with the forecast: they are no column of the full-year pair.
  const toDate = YEAR_TO_DATE.test(t);
  if (VARIANCE.test(t) || namesVarianceDirections(t)) {
    if (toDate) return /%|percent|pct/i.test(text) ? null : "varianceToDate";
    return /%|percent|pct/i.test(text) ? "variancePct" : "variance";
  }
  if (toDate && BUDGET.test(t) && !SPENT.test(t)) return "budgetToDate";
  if (TO_DATE.test(t) || /^spend\b/.test(t)) return "actual";
  if (FORECAST.test(t)) return "forecast";
  if (BUDGET.test(t)) return "budget";
  return null;
}

/**
 * True when a column's values under the header are words, not amounts ("Budget line",
 * "Budget holder", "Budget code"): such a column is a label whatever its header says. Looks at
 * up to `look` non-blank cells; more text than figures decides.
 */
export function holdsText(
  sheet: SheetSnapshot,
  fromRow: number,
  column: number,
  look = 12,
): boolean {
  let text = 0;
  let figures = 0;
  for (let r = fromRow; r < sheet.rows.length && text + figures < look; r++) {
    const value = sheet.rows[r]?.[column]?.value ?? null;
    if (value === null || value === "") continue;
    if (typeof value === "number") figures++;
    else if (typeof value === "string") {
      const parsed = parseMoney(value);
      if (parsed.kind === "text") text++;
      else figures++;
    }
  }
  return text > figures;
}
