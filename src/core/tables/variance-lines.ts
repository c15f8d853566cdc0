import { cellAddress, reportRow } from "../a1";
import { finding, type Finding } from "../findings";
import type { TableBounds } from "./bounds";
import type { ColumnWrite, PlannedCell, WriteOperation } from "../plan";
import { guardWrites, newColumns } from "../plan-helpers";
import { ragHighlight } from "../highlight";
import type { SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import { isNilMark, moneyRef, parseMoneyOrNil } from "./nil-money";
import { formatMoney, penceDecimals, roundToPence, roundToPenceScaled, samePence } from "./money";
import { toPounds, type MoneyScale } from "./scale";
import { describeConvention, varianceOf, type VarianceConvention } from "./variance";
import {
  keepsTypedShare,
  pointsFormat,
  variancePercentColumn,
  type PercentColumn,
} from "./percent";
import { followsVarianceCell, variancePercentFinding } from "./variance-percent";
import { describeRagRule, ragByRule, ragFormula, type RagRule as StatedRagRule } from "./rag-rule";
import { ruleFromThresholds, type RagThresholds } from "./rag-settings";

/**
 * Budget rules on the lines of any table that carries a budget and a forecast (a budget monitor, a
 * projects table with money): the variance each line should show under the sheet's own sign
 * convention and scale, the stated variance checked against it, a blank budget or forecast
 * reported as missing, and the Variance, Variance %, Status and RAG columns written as formulas
 * that follow the same convention. Amounts stay in the sheet's units in cells and in findings'
 * `expected`/`actual`; messages and RAG thresholds work in pounds.
 */
export interface VarianceTable {
  sheet: SheetSnapshot;
  bounds: TableBounds;
  /** The line rows (no headings, subtotals or totals): the rows the rules apply to. */
  lines: readonly number[];
  budget: number;
  forecast: number;
  variance?: number;
  variancePct?: number;
  /** A spend status column of the table's own ("Spend status": Overspend / Underspend). */
  status?: number;
  /** A budget RAG column of the table's own (not a delivery judgement). */
  rag?: number;
  /** The RAG rule stated on the sheet ("Red if over £250k or 5%"); null when it states none. */
  ragRule: StatedRagRule | null;
  convention: VarianceConvention;
  /** Whether the variance header stated the convention or the figures showed it. */
  conventionFrom: "header" | "figures";
  scale: MoneyScale;
  /** Column header words, for messages. */
  header(column: number): string;
  /** What a line is called in messages ("Refuse vehicle replacement"). */
  label(row: number): string;
}

/** The settings' RAG thresholds, as every kind with budgets takes them. */
export type RagRule = RagThresholds;

/** The report's note on a line whose budget is "tbc" (0-based row), for every kind with budgets. */
export function unconfirmedBudgetNote(row: number): string {
  return unconfirmedNote(row, "budget", "variance and totals");
}

/** The report's note on a line with a "tbc" figure: what is unconfirmed and what it is left out of. */
export function unconfirmedNote(row: number, what: string, leftOutOf: string): string {
  return `Row ${reportRow(row)}: ${what} not confirmed, left out of ${leftOutOf}`;
}

/** A line's figure: a dash or "nil" is £0 typed (nil-money.ts), never a blank to fill in. */
const amountAt = (t: VarianceTable, row: number, column: number) =>
  parseMoneyOrNil(t.sheet.rows[row]?.[column]?.value ?? null);

/** A figure in the sheet's units without float noise: 1.42 − 1.51 is −0.09, not −0.0900000001. */
const inUnits = (value: number, scale: MoneyScale) => roundToPenceScaled(value, scale.multiplier);

const pounds = (t: VarianceTable, amount: number) => formatMoney(toPounds(amount, t.scale));

/** Missing budgets and forecasts, and stated variances that disagree with the lines' figures. */
export function checkVarianceLines(t: VarianceTable): Finding[] {
  const out: Finding[] = [];
  const range = tableRange(t.bounds);
  const pct = percentColumnOf(t);
  for (const row of t.lines) {
    const budget = amountAt(t, row, t.budget);
    const forecast = amountAt(t, row, t.forecast);
    for (const [parsed, column, other] of [
      [budget, t.budget, forecast],
      [forecast, t.forecast, budget],
    ] as const) {
      if (parsed.kind !== "blank") continue;
      const beside =
        other.kind === "number"
          ? ` (${t.header(column === t.budget ? t.forecast : t.budget)} ${pounds(t, other.value)})`
          : "";
      out.push(
        finding(
          "missing-value",
          t.sheet.name,
          row,
          column,
          `${t.header(column)} is blank for ${t.label(row) || `row ${reportRow(row)}`}${beside}: its variance cannot be worked out`,
          { table: range },
        ),
      );
    }
    if (budget.kind !== "number" || forecast.kind !== "number") continue;
    if (t.variance === undefined) {
      checkDerived(t, pct, row, budget.value, forecast.value, null, out);
      continue;
    }
    const stated = amountAt(t, row, t.variance);
    checkDerived(t, pct, row, budget.value, forecast.value, stated, out);
    if (stated.kind !== "number") continue;
    const expected = inUnits(varianceOf(budget.value, forecast.value, t.convention), t.scale);
    if (samePence(toPounds(stated.value, t.scale), toPounds(expected, t.scale))) continue;
    const sum =
      t.convention === "forecast-minus-budget"
        ? `forecast ${pounds(t, forecast.value)} − budget ${pounds(t, budget.value)}`
        : `budget ${pounds(t, budget.value)} − forecast ${pounds(t, forecast.value)}`;
    const reversed = samePence(toPounds(stated.value, t.scale), toPounds(-expected, t.scale))
      ? "; the sign is reversed"
      : "";
    out.push(
      finding(
        "variance-mismatch",
        t.sheet.name,
        row,
        t.variance,
        `Variance is ${pounds(t, stated.value)} but ${sum} = ${pounds(t, expected)} (${describeConvention(t.convention)}, ${t.conventionFrom === "header" ? "as its header states" : "as the other lines show"}${reversed})`,
        { table: range, expected, actual: stated.value },
      ),
    );
  }
  return out;
}

/**
 * A stated Variance % and (where the sheet states its rule) a stated RAG, checked as the budget
 * kind checks them: the Variance % is the variance the line states over |budget| (a wrong
 * variance is reported once, at the variance), the RAG is the sheet's rule on the overspend.
 */
function checkDerived(
  t: VarianceTable,
  pct: PercentColumn | null,
  row: number,
  budget: number,
  forecast: number,
  statedVariance: ReturnType<typeof parseMoney> | null,
  out: Finding[],
): void {
  const range = tableRange(t.bounds);
  const trueVariance = inUnits(varianceOf(budget, forecast, t.convention), t.scale);
  if (
    t.variancePct !== undefined &&
    pct !== null &&
    !followsVarianceCell(t.sheet, row, t.variancePct, t.variance)
  ) {
    const mismatch = variancePercentFinding({
      sheet: t.sheet,
      table: range,
      row,
      column: t.variancePct,
      pct,
      budget,
      statedVariance: statedVariance?.kind === "number" ? statedVariance.value : null,
      trueVariance,
      say: (amount) => pounds(t, amount),
    });
    if (mismatch) out.push(mismatch);
  }
  if (t.rag === undefined || t.ragRule === null) return;
  const text = (t.sheet.rows[row]?.[t.rag]?.value ?? "").toString().trim();
  const word = RAG_WORDS[text.toLowerCase()];
  const over = forecast - budget;
  const expected = ragByRule(toPounds(over, t.scale), toPounds(budget, t.scale), t.ragRule);
  if (!word || word === expected) return;
  out.push(
    finding(
      "variance-mismatch",
      t.sheet.name,
      row,
      t.rag,
      `RAG is ${text} but an ${over > 0 ? "overspend" : "underspend"} of ${pounds(t, Math.abs(over))} on a budget of ${pounds(t, budget)} is ${expected}: ${describeRagRule(t.ragRule)}`,
      { table: range, expected, actual: text },
    ),
  );
}

const RAG_WORDS: Record<string, string> = {
  r: "Red",
  red: "Red",
  a: "Amber",
  amber: "Amber",
  g: "Green",
  green: "Green",
};

/** How the table keeps its Variance % column (fraction or hundreds), read from its lines. */
function percentColumnOf(t: VarianceTable): PercentColumn | null {
  if (t.variancePct === undefined) return null;
  return variancePercentColumn(t.sheet, t.lines, t.variancePct, (row) => {
    const b = amountAt(t, row, t.budget);
    const f = amountAt(t, row, t.forecast);
    if (b.kind !== "number" || f.kind !== "number" || b.value === 0) return null;
    return varianceOf(b.value, f.value, t.convention) / Math.abs(b.value);
  });
}

function tableRange(b: TableBounds): string {
  return `${cellAddress(b.headerRow, b.firstColumn)}:${cellAddress(b.lastRow, b.lastColumn)}`;
}

type Calculated = "variance" | "variancePct" | "status" | "rag";

/** Titles of the columns written where the table has none; a projects RAG beside a judgement RAG says it is the budget's. */
export const VARIANCE_TITLES: Record<Calculated, string> = {
  variance: "Variance",
  variancePct: "Variance %",
  status: "Spend status",
  rag: "Budget RAG",
};

/** What Excel computes with a cell in the written formulas: a number, or 0 for a dash read by N(). */
const num = (sheet: SheetSnapshot, r: number, c: number) => {
  const v = sheet.rows[r]?.[c]?.value;
  return typeof v === "number" ? v : isNilMark(v) ? 0 : null;
};

function statusOf(over: number): string {
  return over > 0 ? "Overspend" : over < 0 ? "Underspend" : "On budget";
}

/**
 * The variance columns as live formulas on every line: the stated Variance column where there is
 * one (a council formula there is kept by guardWrites; a typed figure is replaced), and Variance %,
 * Status and a budget RAG added where the table has none. Every formula follows the sheet's
 * convention, and compares in whole pence of the sheet's units (ROUND to 2 + log10(scale) places).
 */
export function planVarianceColumns(t: VarianceTable, rule: RagRule): WriteOperation[] {
  const { sheet } = t;
  const existing: Partial<Record<Calculated, number>> = {
    ...(t.variance !== undefined ? { variance: t.variance } : {}),
    ...(t.variancePct !== undefined ? { variancePct: t.variancePct } : {}),
    ...(t.status !== undefined ? { status: t.status } : {}),
    ...(t.rag !== undefined ? { rag: t.rag } : {}),
  };
  const fields: Calculated[] = ["variance", "variancePct", "status", "rag"];
  const missing = fields.filter((f) => existing[f] === undefined);
  const { first, operations } = newColumns(
    sheet,
    t.bounds,
    missing.length,
    "edge",
    missing.map((f) => VARIANCE_TITLES[f]),
    // A key or side table one blank column away stays apart (as the budget planner keeps it).
    true,
  );
  const at = (f: Calculated) => existing[f] ?? first + missing.indexOf(f);
  const places = penceDecimals(t.scale.multiplier);
  // A Variance % the council keeps in hundreds (3 = 3%) is written the same way, in its format.
  const pctRead = percentColumnOf(t);
  const hundreds = pctRead?.scale === "hundred";
  const usual = t.convention === "forecast-minus-budget";
  const applied = t.ragRule ?? ruleFromThresholds(rule);
  const cells: Record<Calculated, PlannedCell[]> = {
    variance: [],
    variancePct: [],
    status: [],
    rag: [],
  };
  for (const row of t.lines) {
    const B = moneyRef(sheet, row, t.budget);
    const F = moneyRef(sheet, row, t.forecast);
    const V = cellAddress(row, at("variance"));
    const b = num(sheet, row, t.budget);
    const f = num(sheet, row, t.forecast);
    const kept = t.variance === undefined ? undefined : sheet.rows[row]?.[t.variance];
    // Columns reading a kept council formula cache what it shows, not what we would write.
    const computed =
      b === null || f === null ? null : inUnits(varianceOf(b, f, t.convention), t.scale);
    const shown = kept?.formula ? kept.value : computed;
    const v = typeof shown === "number" ? shown : null;
    const overUnits = v === null ? null : usual ? v : -v;
    const over = overUnits === null ? null : roundToPence(toPounds(overUnits, t.scale));
    cells.variance.push({
      row,
      formula: `=IF(AND(ISNUMBER(${F}),ISNUMBER(${B})),${usual ? `${F}-${B}` : `${B}-${F}`},"")`,
      value: computed ?? "",
    });
    const pct = v === null || b === null || b === 0 ? "" : (v / Math.abs(b)) * (hundreds ? 100 : 1);
    // A council's typed share right at the precision it shows is kept, not rewritten.
    const typedRight =
      pctRead !== null &&
      t.variancePct !== undefined &&
      typeof pct === "number" &&
      keepsTypedShare(sheet.rows[row]?.[t.variancePct], pct, pctRead);
    if (!typedRight)
      cells.variancePct.push({
        row,
        formula: `=IF(AND(ISNUMBER(${V}),ISNUMBER(${B})),IF(${B}=0,"",${V}/ABS(${B})${hundreds ? "*100" : ""}),"")`,
        value: pct,
      });
    const overFormula = `ROUND(${usual ? V : `-${V}`},${places})`;
    cells.status.push({
      row,
      formula: `=IF(ISNUMBER(${V}),IF(${overFormula}>0,"Overspend",IF(${overFormula}<0,"Underspend","On budget")),"")`,
      value: over === null ? "" : statusOf(over),
    });
    const m = t.scale.multiplier;
    const inPounds = (x: string) => (m === 1 ? x : `${x}*${m}`);
    // The sheet's own rule where it states one, else the settings'; in pounds, as budget tables.
    const ragTest = ragFormula(inPounds(overFormula), inPounds(`ABS(${B})`), applied);
    cells.rag.push({
      row,
      formula: `=IF(AND(ISNUMBER(${V}),ISNUMBER(${B})),${ragTest},"")`,
      value: over === null || b === null ? "" : ragByRule(over, toPounds(b, t.scale), applied),
    });
  }
  const format = numberFormatOf(sheet, t.lines, t.budget);
  const points =
    pctRead === null || t.variancePct === undefined
      ? undefined
      : pointsFormat(
          sheet,
          t.lines,
          t.variancePct,
          pctRead,
          cells.variancePct.map((c) => c.value),
        );
  for (const f of fields) {
    // A RAG column the table already has follows the council's own rule: written under that rule
    // where the sheet states it (as the budget planner does), left alone where it does not.
    if (f === "rag" && existing.rag !== undefined && t.ragRule === null) continue;
    const isNew = existing[f] === undefined;
    const write: ColumnWrite = {
      kind: "column",
      sheet: sheet.name,
      table: tableRange(t.bounds),
      column: at(f),
      title: VARIANCE_TITLES[f],
      header: isNew ? { row: t.bounds.headerRow, text: VARIANCE_TITLES[f] } : null,
      cells: cells[f],
      ...(f === "variance" ? { money: true } : {}),
      ...(f === "variancePct"
        ? hundreds
          ? points === undefined
            ? {}
            : { numberFormat: points }
          : { numberFormat: "0.0%" }
        : f === "variance" && format
          ? { numberFormat: format }
          : {}),
      ...(isNew ? { styleFrom: t.bounds.lastColumn } : {}),
    };
    // The RAG we write carries its colours as live rules, as the budget planner's does.
    const highlight = f === "rag" ? ragHighlight(cells.rag.map((c) => c.row)) : undefined;
    operations.push(highlight ? { ...write, highlight } : write);
  }
  return guardWrites(sheet, t.bounds, operations, { money: true });
}

function numberFormatOf(sheet: SheetSnapshot, rows: readonly number[], column: number) {
  for (const r of rows) {
    const format = sheet.rows[r]?.[column]?.numberFormat;
    if (format && format !== "General") return format;
  }
  return undefined;
}
