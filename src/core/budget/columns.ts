import { matchField, normaliseHeader, type FieldSpec } from "../headers";
import { memoByText } from "../memo";

export type BudgetField =
  | "budget"
  | "revisedBudget"
  | "actual"
  | "forecast"
  | "cost"
  | "variance"
  | "variancePct"
  | "status"
  | "rag"
  | "project"
  | "item"
  | "costCode";

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
    ],
  },
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
];

export const classifyBudgetHeader = memoByText(classify);

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
