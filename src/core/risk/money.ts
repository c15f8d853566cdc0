import { rangeAddress } from "../a1";
import type { Finding } from "../findings";
import { cellText, isEmptyCell, type SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import { classifyRowsByArithmetic, type TotalRow } from "../tables/arithmetic";
import { checkTotalRows } from "../tables/totals";
import type { RiskTable } from "./detect";

/**
 * Money beside the ratings: a programme risk log states each risk's cost or allowance in pounds
 * ("Most likely cost £", "Risk allowance £", "Exposure £'000") and closes blocks of risks with
 * subtotal rows ("Subtotal Civic Hub", an unlabelled row of sums, "Total programme risk
 * allowance"). Those rows are totals, found as a budget's are (tables/arithmetic.ts): they are
 * no risks, and their figures are checked against the risks they add.
 */
const MONEY_HEADER =
  /£|\b(cost|costs|allowance|exposure|value|amount|contingency|provision|budget|financial impact)\b/i;

function headerText(sheet: SheetSnapshot, table: RiskTable, column: number): string {
  return table.headerRows
    .map((r) => cellText(sheet.rows[r]?.[column] ?? undefined))
    .filter(Boolean)
    .join(" ");
}

function usedColumns(table: RiskTable): Set<number> {
  const used = new Set<number>(Object.values(table.columns) as number[]);
  for (const p of table.pairs)
    for (const c of [p.likelihood, p.impact, p.score, p.priority]) if (c !== null) used.add(c);
  return used;
}

/** Columns of the register headed as money whose figures are amounts, not words. */
export function riskMoneyColumns(sheet: SheetSnapshot, table: RiskTable): number[] {
  const used = usedColumns(table);
  const money: number[] = [];
  for (let c = table.firstColumn; c <= table.lastColumn; c++) {
    if (used.has(c) || !MONEY_HEADER.test(headerText(sheet, table, c))) continue;
    let figures = 0;
    let words = 0;
    for (const r of table.dataRows) {
      const parsed = parseMoney(sheet.rows[r]?.[c]?.value ?? null);
      if (parsed.kind === "number") figures++;
      else if (parsed.kind === "text") words++;
    }
    if (figures > 0 && figures > words) money.push(c);
  }
  return money;
}

const rated = (sheet: SheetSnapshot, table: RiskTable, row: number) =>
  table.pairs.some(
    (p) =>
      !isEmptyCell(sheet.rows[row]?.[p.likelihood] ?? undefined) ||
      !isEmptyCell(sheet.rows[row]?.[p.impact] ?? undefined),
  );

/**
 * The total rows of a register's money columns: rows the arithmetic reads as totals that carry
 * no rating (a risk whose cost happens to equal its neighbours' sum is still a risk). Every
 * column naming the lines is read for a label: a log with no title column writes "Subtotal"
 * under its project or workstream-risk heading, and a row so labelled is a total even when its
 * figure is wrong (it is then reported, not read as a risk with blank ratings).
 */
export function riskTotalRows(
  sheet: SheetSnapshot,
  table: RiskTable,
  money: readonly number[],
  rows: readonly number[],
): TotalRow[] {
  if (money.length === 0) return [];
  const labels = [table.columns.id, table.columns.title, table.columns.project].filter(
    (c): c is number => c !== undefined,
  );
  if (labels.length === 0) labels.push(table.firstColumn);
  const { totals } = classifyRowsByArithmetic(sheet, rows, labels, money);
  return totals.filter((t) => !rated(sheet, table, t.row));
}

/** Each total row's money figures against the rows it adds (the budget's total-mismatch). */
export function checkRiskTotals(
  sheet: SheetSnapshot,
  table: RiskTable,
  money: readonly number[],
  totals: readonly TotalRow[],
  out: Finding[],
): void {
  if (totals.length === 0) return;
  const range = rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn);
  const names = new Map(money.map((c) => [c, headerText(sheet, table, c)]));
  checkTotalRows({ sheet, headerRow: table.headerRow, range, names }, totals, money, out);
}
