import { finding, type Finding } from "../findings";
import type { ColumnWrite, PlannedCell } from "../plan";
import type { SheetSnapshot } from "../snapshot";
import { roundToMicroUnits } from "../tables/money";
import { isNilMark, moneyOrNilAt, moneyRef } from "../tables/nil-money";
import type { Structure } from "../tables/sections";
import { moneyText, sameAmount, type TableRef } from "../tables/totals";
import {
  conventionFromFigures,
  conventionFromHeader,
  describeConvention,
  figuresShowConvention,
  varianceOf,
  type VarianceConvention,
} from "../tables/variance";
import { parseMoney } from "../values";
import { textAt, type BudgetTable } from "./detect";

/**
 * The year-to-date pair of a revenue monitor that keeps a to-date block beside its full-year one
 * ("Budget to date | Actual to date | Variance to date | Annual budget | Forecast outturn |
 * Forecast variance"): the variance to date is the actual to date against the budget profiled to
 * date, in its own sign convention (read from its own header, or failing that its own figures),
 * never the forecast against either budget. The full-year pair is the table's main model; this
 * one only checks and writes the variance to date.
 */
export interface ToDatePair {
  budgetColumn: number;
  actualColumn: number;
  /** The council's variance to date; a missing one is not written (the full-year one is). */
  varianceColumn: number | null;
  convention: VarianceConvention;
  conventionFrom: "header" | "figures" | "usual";
  /** The line rows with both amounts, each with its budget and actual to date. */
  lines: { row: number; budget: number; actual: number }[];
}

export function toDatePairOf(
  sheet: SheetSnapshot,
  table: BudgetTable,
  structure: Structure,
): ToDatePair | null {
  const { budgetToDate, actual, varianceToDate } = table.columns;
  if (budgetToDate === undefined || actual === undefined) return null;
  const lines = table.dataRows.flatMap((row) => {
    if (structure.kinds.get(row) !== "line") return [];
    const budget = moneyOrNilAt(sheet, row, budgetToDate);
    const spend = moneyOrNilAt(sheet, row, actual);
    return budget === null || spend === null ? [] : [{ row, budget, actual: spend }];
  });
  const header =
    varianceToDate === undefined
      ? ""
      : (table.names?.get(varianceToDate) ?? textAt(sheet, table.headerRow, varianceToDate));
  const stated = conventionFromHeader(header);
  const figures = lines.flatMap((l) => {
    const v = varianceToDate === undefined ? null : moneyOrNilAt(sheet, l.row, varianceToDate);
    return v === null ? [] : [{ budget: l.budget, forecast: l.actual, variance: v }];
  });
  return {
    budgetColumn: budgetToDate,
    actualColumn: actual,
    varianceColumn: varianceToDate ?? null,
    convention: stated ?? conventionFromFigures(figures),
    conventionFrom: stated ? "header" : figuresShowConvention(figures) ? "figures" : "usual",
    lines,
  };
}

/** Which way a variance runs and where that was read: said in every variance message. */
export function conventionNote(
  pair: Pick<ToDatePair, "convention" | "conventionFrom">,
  spend: Parameters<typeof describeConvention>[1] = "actual",
): string {
  const from =
    pair.conventionFrom === "header"
      ? "as the header states"
      : pair.conventionFrom === "figures"
        ? "the convention the sheet's figures follow"
        : "the usual convention";
  return `${describeConvention(pair.convention, spend)}, ${from}`;
}

/** Each stated variance to date against the actual to date less the budget to date (or round). */
export function checkToDateVariance(ref: TableRef, pair: ToDatePair | null): Finding[] {
  const column = pair?.varianceColumn;
  if (!pair || column === null || column === undefined) return [];
  const money = (n: number) => moneyText(ref, column, n);
  const out: Finding[] = [];
  for (const line of pair.lines) {
    const stated = moneyOrNilAt(ref.sheet, line.row, column);
    const expected = roundToMicroUnits(varianceOf(line.budget, line.actual, pair.convention));
    if (stated === null || sameAmount(ref, column, stated, expected)) continue;
    const actual = `actual to date ${money(line.actual)}`;
    const budget = `budget to date ${money(line.budget)}`;
    const sum =
      pair.convention === "forecast-minus-budget"
        ? `${actual} − ${budget}`
        : `${budget} − ${actual}`;
    const reversed = sameAmount(ref, column, stated, -expected) ? " (the sign is reversed)" : "";
    out.push(
      finding(
        "variance-mismatch",
        ref.sheet.name,
        line.row,
        column,
        `Variance to date is ${money(stated)} but ${sum} = ${money(expected)}${reversed}; variance to date here is ${conventionNote(pair)}`,
        { table: ref.range, expected, actual: stated },
      ),
    );
  }
  return out;
}

const tbc = (sheet: SheetSnapshot, r: number, c: number) =>
  parseMoney(sheet.rows[r]?.[c]?.value ?? null).kind === "unconfirmed";

/** What Excel computes with a cell in the written formulas: a number, or 0 for a dash read by N(). */
const num = (sheet: SheetSnapshot, r: number, c: number) => {
  const v = sheet.rows[r]?.[c]?.value;
  return typeof v === "number" ? v : isNilMark(v) ? 0 : null;
};

/**
 * The council's variance to date as live formulas on its lines, in its own convention, as the
 * full-year variance is written (plan.ts): totals rows keep their own sums, and formulas already
 * there are kept (guardWrites).
 */
export function toDateVarianceWrite(
  sheet: SheetSnapshot,
  table: BudgetTable,
  range: string,
  structure: Structure,
  pair: ToDatePair | null,
): ColumnWrite | null {
  const column = pair?.varianceColumn;
  if (!pair || column === null || column === undefined) return null;
  const cells: PlannedCell[] = table.dataRows
    // A typed variance to date on a line whose budget or actual to date is "tbc" is kept.
    .filter(
      (row) =>
        structure.kinds.get(row) === "line" &&
        !tbc(sheet, row, pair.budgetColumn) &&
        !tbc(sheet, row, pair.actualColumn),
    )
    .map((row) => {
      const a = moneyRef(sheet, row, pair.actualColumn);
      const b = moneyRef(sheet, row, pair.budgetColumn);
      const usual = pair.convention === "forecast-minus-budget";
      const av = num(sheet, row, pair.actualColumn);
      const bv = num(sheet, row, pair.budgetColumn);
      return {
        row,
        formula: `=IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),${usual ? `${a}-${b}` : `${b}-${a}`},"")`,
        value: av === null || bv === null ? "" : usual ? av - bv : bv - av,
      };
    });
  return {
    kind: "column",
    sheet: sheet.name,
    table: range,
    column,
    title: "Variance to date",
    header: null,
    cells,
    money: true,
  };
}
