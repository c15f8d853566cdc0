import { cellText, type SheetSnapshot } from "../snapshot";
import { formatMoney, HALF_PENNY } from "./money";
import { moneyOrNilAt } from "./nil-money";
import { ragByRule, ragWord, type Rag, type RagRule } from "./rag-rule";
import { toPounds, type MoneyScale } from "./scale";

/**
 * A council RAG column that disagrees with the settings' rule on most lines is one warning and is
 * left as typed (suspect-columns.ts). Often the council simply keeps small overspends Green
 * ("Green under 2%"), which the settings' rule without an Amber band cannot say. We do not take
 * the threshold from the figures and rewrite the column under it: the colours only bound it (any
 * value between the largest Green overspend and the smallest Amber one fits them), and they
 * rarely tell a percentage from an amount, so a guess could overwrite a correct column. Instead
 * the warning names the setting and the values the figures allow, and the person chooses.
 */

/** One line as the RAG column rates it: overspend (positive) and budget in pounds, and its colour. */
export interface RatedLine {
  overspend: number;
  budget: number;
  typed: Rag;
}

/** The open-closed range (above, atMost] a threshold must lie in; atMost is Infinity when unbounded. */
interface Bound {
  above: number;
  atMost: number;
}

function bound(greens: readonly number[], ambers: readonly number[]): Bound | null {
  const above = Math.max(...greens);
  const atMost = ambers.length > 0 ? Math.min(...ambers) : Number.POSITIVE_INFINITY;
  return above < atMost ? { above, atMost } : null;
}

const percentWords = (fraction: number) => `${+(fraction * 100).toFixed(2)}%`;

function rangeWords(option: string, b: Bound, words: (x: number) => string): string {
  const top = Number.isFinite(b.atMost) ? ` and at most ${words(b.atMost)}` : "";
  return `${option} above ${words(b.above)}${top}`;
}

/**
 * What the warning on a suspect RAG column adds when its colours are the settings' rule with
 * small overspends kept Green: which setting to set and the values the figures allow. Null when
 * the rule is not the settings' rule without an Amber band, or the colours disagree in any other
 * way (an underspend not Green, a Red line not Red, an Amber overspend smaller than a Green one).
 */
export function amberSettingHint(lines: readonly RatedLine[], rule: RagRule): string | null {
  if (rule.source !== "settings" || rule.amber !== null) return null;
  const greens: RatedLine[] = [];
  const ambers: RatedLine[] = [];
  for (const line of lines) {
    const expected = ragByRule(line.overspend, line.budget, rule);
    if (line.overspend > HALF_PENNY && expected === "Amber" && line.typed !== "Red")
      (line.typed === "Green" ? greens : ambers).push(line);
    else if (line.typed !== expected) return null;
  }
  if (greens.length === 0) return null;
  const share = (l: RatedLine) => l.overspend / Math.abs(l.budget);
  const byPercent = greens.some((l) => l.budget === 0)
    ? null
    : bound(greens.map(share), ambers.filter((l) => l.budget !== 0).map(share));
  const byAmount = bound(
    greens.map((l) => l.overspend),
    ambers.map((l) => l.overspend),
  );
  const ways = [
    ...(byPercent ? [rangeWords("--rag-amber-percent", byPercent, percentWords)] : []),
    ...(byAmount ? [rangeWords("--rag-amber-amount", byAmount, formatMoney)] : []),
  ];
  if (ways.length === 0) return null;
  return (
    `its colours keep overspends under a threshold Green: set ${ways.join(", or ")} ` +
    `(the task pane's "RAG: amber at" settings), or state the rule on the sheet`
  );
}

/**
 * The lines of a table with a budget, a forecast and a RAG column, as that column rates them,
 * in pounds: lines with a colour and both figures.
 */
export function ratedLinesOf(
  sheet: SheetSnapshot,
  rows: readonly number[],
  columns: { budget: number; forecast: number; rag: number },
  scale: MoneyScale,
): (RatedLine & { row: number })[] {
  const lines: (RatedLine & { row: number })[] = [];
  for (const row of rows) {
    const budget = moneyOrNilAt(sheet, row, columns.budget);
    const forecast = moneyOrNilAt(sheet, row, columns.forecast);
    const typed = ragWord(cellText(sheet.rows[row]?.[columns.rag] ?? undefined));
    if (budget === null || forecast === null || typed === null) continue;
    const overspend = toPounds(forecast - budget, scale);
    lines.push({ row, overspend, budget: toPounds(budget, scale), typed });
  }
  return lines;
}
