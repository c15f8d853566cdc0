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
  "budget" | "actual" | "forecast" | "variance" | "variancePct" | "status" | "rag";

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[£$%]/g, " ")
    .replace(/[^a-z0-9/()]+/g, " ")
    .trim();

const VARIANCE =
  /\bvariance\b|\bover\s*\/?\s*\(?under\)?|\bunder\s*\/?\s*\(?over\)?|\b(over|under)\s*spend\b/;
const TO_DATE = /\bto date\b|\bytd\b|\bactuals?\b|\bspent\b/;
const FORECAST = /\bforecast\b|\bprojected\b|\boutturn\b|\bprojection\b/;
const BUDGET = /\bbudget\b|\ballocation\b/;
const BUDGET_RAG =
  /^(?:(?:budget|financial|finance|spend|cost|variance)\s+)?rag(?:\s+(?:status|rating))?$/;

/** The money field a header names, or null. `text` is the column's composite header. */
export function moneyFieldOf(text: string): MoneyField | null {
  if (text.length > 80) return null;
  const t = words(text);
  if (!t) return null;
  // "Spend status" is the budget's; a plain "Status" is more often the project's stage.
  if (/^(spend|budget|financial)\s+status$/.test(t)) return "status";
  if (/\brag\b/.test(t))
    return BUDGET_RAG.test(t.replace(/\s+\d{4}\s*\/\s*\d{2,4}$/, "")) ? "rag" : null;
  if (VARIANCE.test(t) || namesVarianceDirections(t))
    return /%|percent|pct/i.test(text) ? "variancePct" : "variance";
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
