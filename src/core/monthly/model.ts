import type { RagRule } from "../tables/rag-rule";
import type { SheetSnapshot } from "../snapshot";
import { isEmptyCell } from "../snapshot";
import { withImpliedTotals } from "../tables/implied-totals";
import { classifyRows, type Structure } from "../tables/sections";
import {
  conventionFromFigures,
  conventionFromHeader,
  varianceOf,
  type VarianceConvention,
  type VarianceLine,
} from "../tables/variance";
import { fromPenceScaled, roundToPenceScaled, toPenceScaled } from "../tables/money";
import { parseMoney } from "../values";
import type { MonthlyTable } from "./detect";

/** One line of the profile, read once: its stated figures and what they should be. */
export interface MonthlyLine {
  row: number;
  /** Its code and description, joined: "HM05 Drainage and gully cleansing". */
  label: string;
  budget: number | null;
  /** True when the budget cell is empty (a "-" typed or shown for nil is a budget of nil). */
  budgetBlank: boolean;
  /** Whether any month, or the full year, holds a figure: a line with money on it. */
  hasFigures: boolean;
  /** The sum of the months that hold numbers, as Excel's SUM gives it (text adds nothing). */
  monthsSum: number;
  /** The stated full year, when the column exists and holds a number. */
  fullYear: number | null;
  /** The stated variance, when the column exists and holds a number. */
  variance: number | null;
  /**
   * The variance the line should state: its stated full year (or the months' sum where there is
   * no full-year figure) against its budget, with the table's convention; null without a budget.
   */
  expectedVariance: number | null;
}

export interface MonthlyModel {
  structure: Structure;
  /** Budget, months, full year and variance columns: every column holding money. */
  money: number[];
  convention: VarianceConvention;
  /** Where the convention came from: the variance header's words, or the stated figures. */
  conventionFrom: "header" | "figures";
  lines: MonthlyLine[];
  /**
   * The RAG rule another sheet of the workbook states ("Notes"), for a profile whose sheet states
   * none (tables/rag-rule.ts otherSheetRagRule); absent or null when none applies.
   */
  ragRuleElsewhere?: RagRule | null;
}

function amount(sheet: SheetSnapshot, row: number, column: number | undefined): number | null {
  if (column === undefined) return null;
  const parsed = parseMoney(sheet.rows[row]?.[column]?.value ?? null);
  return parsed.kind === "number" ? parsed.value : null;
}

export function moneyColumnsOf(table: MonthlyTable): number[] {
  const c = table.columns;
  return [c.budget, ...table.months.map((m) => m.column), c.fullYear, c.variance].filter(
    (x): x is number => x !== undefined,
  );
}

function textAt(sheet: SheetSnapshot, row: number, column: number): string {
  const value = sheet.rows[row]?.[column]?.value;
  return value === null || value === undefined ? "" : String(value).trim();
}

/** The profile's lines, totals and variance convention, read once for report, check and plan. */
export function monthlyModel(sheet: SheetSnapshot, table: MonthlyTable): MonthlyModel {
  const money = moneyColumnsOf(table);
  const c = table.columns;
  const labelled = classifyRows(sheet, table.dataRows, table.labels, money);
  // Pence of the pound, not hundredths of the unit: 0.125 in £'000 is £125, not £130.
  const multiplier = table.scale.multiplier;
  const structure = withImpliedTotals(sheet, labelled, money, multiplier);
  const lines: MonthlyLine[] = [];
  for (const row of table.dataRows) {
    if (structure.kinds.get(row) !== "line") continue;
    let sum = 0;
    let figures = false;
    for (const m of table.months) {
      const v = sheet.rows[row]?.[m.column]?.value;
      if (typeof v === "number") sum += toPenceScaled(v, multiplier);
      if (!isEmptyCell(sheet.rows[row]?.[m.column] ?? undefined)) figures = true;
    }
    const fullYear = amount(sheet, row, c.fullYear);
    lines.push({
      row,
      label: table.labels
        .map((l) => textAt(sheet, row, l))
        .filter(Boolean)
        .join(" "),
      budget: amount(sheet, row, c.budget),
      budgetBlank: c.budget !== undefined && isEmptyCell(sheet.rows[row]?.[c.budget] ?? undefined),
      hasFigures: figures || fullYear !== null,
      monthsSum: fromPenceScaled(sum, multiplier),
      fullYear,
      variance: amount(sheet, row, c.variance),
      expectedVariance: null,
    });
  }
  const stated = c.variance === undefined ? null : (table.names.get(c.variance) ?? "");
  const fromHeader = stated === null ? null : conventionFromHeader(stated);
  const evidence: VarianceLine[] = lines.flatMap((l) =>
    l.budget !== null && l.variance !== null
      ? [{ budget: l.budget, forecast: l.fullYear ?? l.monthsSum, variance: l.variance }]
      : [],
  );
  const convention = fromHeader ?? conventionFromFigures(evidence);
  for (const line of lines) {
    if (line.budget === null) continue;
    const forecast = line.fullYear ?? line.monthsSum;
    line.expectedVariance = roundToPenceScaled(
      varianceOf(line.budget, forecast, convention),
      multiplier,
    );
  }
  return {
    structure,
    money,
    convention,
    conventionFrom: fromHeader ? "header" : "figures",
    lines,
  };
}
