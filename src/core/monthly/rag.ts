import { cellAddress } from "../a1";
import { finding, type Finding } from "../findings";
import type { PlannedCell } from "../plan";
import { cellText, type SheetSnapshot } from "../snapshot";
import { formatMoney, fromPence, samePence, toPenceScaled } from "../tables/money";
import { textUnderSum } from "../tables/sum-over-text";
import {
  describeRagRule,
  ragByRule,
  ragFormula,
  ragWord,
  statedRagRule,
  unreadRagRule,
  unreadRagRuleWarning,
  type RagRule,
} from "../tables/rag-rule";
import { ragRuleFor, type RagThresholds } from "../tables/rag-settings";
import type { TableRef } from "../tables/totals";
import type { RatedColumn, RatedRow } from "../tables/rag-kept-green";
import type { MonthlyTable } from "./detect";
import type { MonthlyLine, MonthlyModel } from "./model";

/**
 * The rule a profile's RAG column is rated by, the same for check and plan: the one its sheet
 * states, else the one another sheet states ("Notes"), else the settings'. Null when the sheet
 * states a rule we cannot read (or an incomplete key): the column is then the council's to keep.
 */
export function monthlyRagRule(
  sheet: SheetSnapshot,
  table: MonthlyTable,
  model: MonthlyModel,
  settings: RagThresholds,
): RagRule | null {
  if (unreadRagRule(sheet, table)) return null;
  return ragRuleFor(statedRagRule(sheet, table) ?? model.ragRuleElsewhere ?? null, settings);
}

/**
 * The full year a line's RAG is judged from: what its months add to, not a stated full year that
 * disagrees with them (that one is reported as a wrong total, and its colour would follow the
 * error). A full year typed over a month kept as text stays the council's figure: Excel's SUM
 * would leave the text month out (tables/sum-over-text.ts).
 */
export function trueFullYear(sheet: SheetSnapshot, table: MonthlyTable, line: MonthlyLine): number {
  if (line.fullYear === null || samePence(line.fullYear, line.monthsSum, table.scale.multiplier))
    return line.fullYear ?? line.monthsSum;
  const months = table.months.map((m) => [line.row, m.column] as const);
  return textUnderSum(sheet, months) === "none" ? line.monthsSum : line.fullYear;
}

/**
 * A profile's RAG column ("RAG", "Budget RAG" right of the months): each line's colour for its
 * full year (as its months add up) against its budget, by the rule monthlyRagRule gives (the
 * clause parser every money kind shares, tables/rag-rule.ts). A rule stated but not understood is
 * warned of and the column left as typed. Amounts are in pounds, whatever the profile's unit
 * (£'000 × 1,000), since thresholds in pounds apply to pounds.
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
  const rule = monthlyRagRule(ref.sheet, table, model, settings);
  if (rule === null) return [];
  const multiplier = table.scale.multiplier;
  // Whole pence of the pound, then pounds: £'000 0.125 is £125, exactly.
  const pounds = (amount: number) => fromPence(toPenceScaled(amount, multiplier));
  const out: Finding[] = [];
  for (const line of model.lines) {
    if (model.structure.kinds.get(line.row) !== "line" || line.budget === null) continue;
    const text = cellText(ref.sheet.rows[line.row]?.[column] ?? undefined);
    const typed = ragWord(text);
    if (typed === null) continue;
    const forecast = trueFullYear(ref.sheet, table, line);
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
 * (guardWrites keeps any formula, ours from a run before included, so apply is idempotent), by
 * the rule check uses (monthlyRagRule). Nothing under a stated rule we cannot read.
 * `forecastOf` is the full year the full-year column shows once applied; `wrongFullYear` gives, for a
 * line whose kept full-year formula disagrees with its months, the months' SUM range: its colour
 * is read from the months, as check judges it, not from the wrong full year.
 */
export function monthlyRagCells(
  sheet: SheetSnapshot,
  table: MonthlyTable,
  model: MonthlyModel,
  settings: RagThresholds,
  fullYearColumn: number,
  forecastOf: (row: number) => number | null,
  wrongFullYear: (row: number) => { sum: number; range: string } | null = () => null,
): PlannedCell[] {
  const budgetColumn = table.columns.budget;
  if (table.columns.rag === undefined || budgetColumn === undefined) return [];
  const rule = monthlyRagRule(sheet, table, model, settings);
  if (rule === null) return [];
  const m = table.scale.multiplier;
  const pounds = (amount: number) => fromPence(toPenceScaled(amount, m));
  const inPounds = (expr: string) => (m === 1 ? expr : `(${expr})*${m}`);
  const cells: PlannedCell[] = [];
  for (const line of model.lines) {
    if (model.structure.kinds.get(line.row) !== "line") continue;
    const wrong = wrongFullYear(line.row);
    const F = wrong ? `SUM(${wrong.range})` : cellAddress(line.row, fullYearColumn);
    const B = cellAddress(line.row, budgetColumn);
    const forecast = wrong ? wrong.sum : forecastOf(line.row);
    const rag = ragFormula(inPounds(`${F}-${B}`), inPounds(`ABS(${B})`), rule);
    const numbers = wrong ? `ISNUMBER(${B})` : `AND(ISNUMBER(${F}),ISNUMBER(${B}))`;
    cells.push({
      row: line.row,
      formula: `=IF(${numbers},${rag},"")`,
      value:
        forecast === null || line.budget === null
          ? ""
          : ragByRule(pounds(forecast) - pounds(line.budget), pounds(line.budget), rule),
    });
  }
  return cells;
}

/**
 * The RAG column as the settings' rule rates it, where no sheet states a rule: each line's
 * overspend (its true full year against its budget) and budget in pounds, and its typed colour
 * (tables/rag-kept-green.ts).
 */
export function monthlyRagColumn(
  sheet: SheetSnapshot,
  table: MonthlyTable,
  model: MonthlyModel,
  settings: RagThresholds,
): RatedColumn | null {
  const column = table.columns.rag;
  const rule = monthlyRagRule(sheet, table, model, settings);
  if (column === undefined || rule?.source !== "settings") return null;
  const pounds = (amount: number) => fromPence(toPenceScaled(amount, table.scale.multiplier));
  const lines: RatedRow[] = [];
  for (const line of model.lines) {
    if (model.structure.kinds.get(line.row) !== "line" || line.budget === null) continue;
    const typed = ragWord(cellText(sheet.rows[line.row]?.[column] ?? undefined));
    if (typed === null) continue;
    const budget = pounds(line.budget);
    const overspend = pounds(trueFullYear(sheet, table, line)) - budget;
    lines.push({ row: line.row, overspend, budget, typed });
  }
  return { column, lines, rule };
}
