import { cellAddress } from "../a1";
import { finding, type Finding } from "../findings";
import type { PlannedCell } from "../plan";
import { cellText, type SheetSnapshot } from "../snapshot";
import { formatMoney, fromPence, toPenceScaled } from "../tables/money";
import {
  describeRagRule,
  ragByRule,
  ragFormula,
  ragWord,
  statedRagRule,
  unreadRagRule,
  unreadRagRuleWarning,
} from "../tables/rag-rule";
import { ragRuleFor, type RagThresholds } from "../tables/rag-settings";
import type { TableRef } from "../tables/totals";
import type { MonthlyTable } from "./detect";
import type { MonthlyModel } from "./model";

/**
 * A profile's RAG column ("RAG", "Budget RAG" right of the months): each line's colour for its
 * full year against its budget, by the rule the sheet states (tables/rag-rule.ts, the one clause
 * parser every money kind shares) or, where it states none, the settings' rule. A rule stated
 * but not understood is warned of and the column left as typed. A rule one other sheet states
 * ("Notes") applies where this sheet states none. Amounts are in pounds, whatever
 * the profile's unit (£'000 × 1,000), since thresholds in pounds apply to pounds.
 */
export function checkMonthlyRag(
  ref: TableRef,
  table: MonthlyTable,
  model: MonthlyModel,
  settings: RagThresholds,
): Finding[] {
  const column = table.columns.rag;
  if (column === undefined || table.columns.budget === undefined) return [];
  const unread = unreadRagRule(ref.sheet, table);
  if (unread) {
    const consequence = "the RAG column is left as typed, neither checked nor rewritten";
    return [unreadRagRuleWarning(ref.sheet, unread, ref.range, consequence)];
  }
  const rule = ragRuleFor(
    statedRagRule(ref.sheet, table) ?? model.ragRuleElsewhere ?? null,
    settings,
  );
  const multiplier = table.scale.multiplier;
  // Whole pence of the pound, then pounds: £'000 0.125 is £125, exactly.
  const pounds = (amount: number) => fromPence(toPenceScaled(amount, multiplier));
  const out: Finding[] = [];
  for (const line of model.lines) {
    if (model.structure.kinds.get(line.row) !== "line" || line.budget === null) continue;
    const text = cellText(ref.sheet.rows[line.row]?.[column] ?? undefined);
    const typed = ragWord(text);
    if (typed === null) continue;
    const forecast = line.fullYear ?? line.monthsSum;
    const overspend = pounds(forecast) - pounds(line.budget);
    const expected = ragByRule(overspend, pounds(line.budget), rule);
    if (typed === expected) continue;
    const what = overspend > 0 ? "an overspend" : "an underspend";
    const message =
      `RAG is ${text} but ${what} of ${formatMoney(Math.abs(overspend))} on a budget of ` +
      `${formatMoney(pounds(line.budget))} is ${expected}: ${describeRagRule(rule)}`;
    out.push(
      finding("variance-mismatch", ref.sheet.name, line.row, column, message, {
        table: ref.range,
        expected,
        actual: text,
      }),
    );
  }
  return out;
}

/**
 * The RAG column's cells as live formulas over the full year and the budget, as budget tables
 * write theirs (budget/plan.ts): on every line with a budget, the typed colour or blank replaced
 * (guardWrites keeps any formula, ours from a run before included, so apply is idempotent).
 * Nothing under a stated rule we cannot read: the column is the council's to keep.
 * `forecastOf` is the full year each line's variance reads (what the full-year column shows).
 */
export function monthlyRagCells(
  sheet: SheetSnapshot,
  table: MonthlyTable,
  model: MonthlyModel,
  settings: RagThresholds,
  fullYearColumn: number,
  forecastOf: (row: number) => number | null,
): PlannedCell[] {
  const budgetColumn = table.columns.budget;
  if (table.columns.rag === undefined || budgetColumn === undefined) return [];
  if (unreadRagRule(sheet, table)) return [];
  const rule = ragRuleFor(statedRagRule(sheet, table), settings);
  const m = table.scale.multiplier;
  const pounds = (amount: number) => fromPence(toPenceScaled(amount, m));
  const inPounds = (expr: string) => (m === 1 ? expr : `(${expr})*${m}`);
  const cells: PlannedCell[] = [];
  for (const line of model.lines) {
    if (model.structure.kinds.get(line.row) !== "line") continue;
    const F = cellAddress(line.row, fullYearColumn);
    const B = cellAddress(line.row, budgetColumn);
    const forecast = forecastOf(line.row);
    const rag = ragFormula(inPounds(`${F}-${B}`), inPounds(`ABS(${B})`), rule);
    cells.push({
      row: line.row,
      formula: `=IF(AND(ISNUMBER(${F}),ISNUMBER(${B})),${rag},"")`,
      value:
        forecast === null || line.budget === null
          ? ""
          : ragByRule(pounds(forecast) - pounds(line.budget), pounds(line.budget), rule),
    });
  }
  return cells;
}
