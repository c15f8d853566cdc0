import { columnLetter, parseAddress, rangeAddress } from "../a1";
import { finding, type Finding } from "../findings";
import type { SheetSnapshot } from "../snapshot";
import { samePence, type Resolve } from "../tables/money";
import { parseMoney } from "../values";
import { formatScaled } from "../tables/scale";
import { checkColumnTotals, checkMoneyCells, checkTotal, type TableRef } from "../tables/totals";
import { addsExactly, differenceOf } from "../tables/formula-refs";
import type { Structure } from "../tables/sections";
import { grandLines, grandParts } from "../tables/totals";
import {
  typedOnUnconfirmed,
  unconfirmedLineNotes,
  unconfirmedRows,
  withTypedKept,
} from "../tables/unconfirmed-lines";
import { describeConvention, varianceOf } from "../tables/variance";
import { followsVarianceCell, variancePercentFinding } from "../tables/variance-percent";
import { monthlyPercentColumn } from "./variance-percent";
import type { MonthlyTable } from "./detect";
import { checkMonthlyRag } from "./rag";
import { monthLabel } from "./months";
import type { MonthlyModel } from "./model";
import { DEFAULT_RAG, type RagThresholds } from "../tables/rag-settings";

export function tableRef(sheet: SheetSnapshot, table: MonthlyTable): TableRef {
  return {
    sheet,
    headerRow: table.headerRow,
    range: rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn),
    scale: () => table.scale,
    names: new Map([
      ...table.names,
      ...table.months.map((m) => [m.column, monthLabel(m)] as const),
    ]),
  };
}

function nameOf(table: MonthlyTable, column: number): string {
  return table.names.get(column) ?? columnLetter(column);
}

/** The full year of each line is the sum of its months (as Excel's SUM: text adds nothing). */
function checkRowTotals(ref: TableRef, table: MonthlyTable, model: MonthlyModel, out: Finding[]) {
  const fullYear = table.columns.fullYear;
  if (fullYear === undefined || table.months.length === 0) return;
  const first = monthLabel(table.months[0]!);
  const last = monthLabel(table.months[table.months.length - 1]!);
  for (const line of model.lines) {
    // The model has the months' sum already: only a full year that differs is looked at again.
    if (line.fullYear === null || samePence(line.fullYear, line.monthsSum, table.scale.multiplier))
      continue;
    const months = table.months.map((m) => [line.row, m.column] as const);
    // =SUM of every month is right whatever it last cached (see formula-refs.ts).
    const formula = ref.sheet.rows[line.row]?.[fullYear]?.formula;
    if (
      addsExactly(
        formula,
        months.map(([row, column]) => ({ row, column })),
      )
    )
      continue;
    checkTotal(
      ref,
      line.row,
      fullYear,
      months,
      (sum) => `the months ${first} to ${last} add to ${sum}`,
      out,
      // Excel's SUM skips text: a month typed as text is reported where it is, not in the total.
      (r, c) => {
        const v = ref.sheet.rows[r]?.[c]?.value;
        return typeof v === "number"
          ? { kind: "number", value: v, fromText: false }
          : { kind: "blank" };
      },
    );
  }
}

/**
 * Stated variances against the line's stated full year and budget with the table's convention.
 * A variance that follows a wrong full year is right as stated: the full year is reported. So is
 * one typed from the months themselves (the true full year).
 */
function checkVariances(ref: TableRef, table: MonthlyTable, model: MonthlyModel, out: Finding[]) {
  const column = table.columns.variance;
  const budget = table.columns.budget;
  if (column === undefined || budget === undefined) return;
  const scale = table.scale;
  const say = (n: number) => formatScaled(n, scale);
  const fullYearName =
    table.columns.fullYear === undefined ? "the months" : nameOf(table, table.columns.fullYear);
  const budgetName = nameOf(table, budget);
  for (const line of model.lines) {
    const expected = line.expectedVariance;
    if (line.variance === null || expected === null || line.budget === null) continue;
    if (samePence(line.variance, expected, table.scale.multiplier)) continue;
    if (followsConvention(ref, table, model, line.row)) continue;
    // Typed from the true months beside a wrong full year, the variance is right: only the full
    // year is reported, and it puts nothing out here.
    const fromMonths = varianceOf(line.budget, line.monthsSum, model.convention);
    if (line.fullYear !== null && samePence(line.variance, fromMonths, table.scale.multiplier))
      continue;
    const forecast = line.fullYear ?? line.monthsSum;
    const sum =
      model.convention === "forecast-minus-budget"
        ? `${fullYearName} ${say(forecast)} − ${budgetName} ${say(line.budget)}`
        : `${budgetName} ${say(line.budget)} − ${fullYearName} ${say(forecast)}`;
    const reversed = samePence(line.variance, -expected, table.scale.multiplier)
      ? "; the sign is reversed"
      : "";
    const from = model.conventionFrom === "header" ? "as its header states" : "as its figures show";
    out.push(
      finding(
        "variance-mismatch",
        ref.sheet.name,
        line.row,
        column,
        `${nameOf(table, column)} is ${say(line.variance)} but ${sum} = ${say(expected)} ` +
          `(${describeConvention(model.convention)}, ${from}${reversed})`,
        { table: ref.range, expected, actual: line.variance },
      ),
    );
  }
}

/**
 * A stated Variance % on each line with a budget: the line's stated variance (else the one its
 * full year gives) over |budget|, as every kind with budgets checks it (tables/variance-percent.ts).
 */
function checkVariancePercents(
  ref: TableRef,
  table: MonthlyTable,
  model: MonthlyModel,
  out: Finding[],
) {
  const column = table.columns.variancePct;
  const pct = monthlyPercentColumn(ref.sheet, table, model);
  if (column === undefined || pct === null) return;
  for (const line of model.lines) {
    if (line.budget === null || line.expectedVariance === null) continue;
    if (followsVarianceCell(ref.sheet, line.row, column, table.columns.variance)) continue;
    const mismatch = variancePercentFinding({
      sheet: ref.sheet,
      table: ref.range,
      row: line.row,
      column,
      pct,
      budget: line.budget,
      statedVariance: line.variance,
      trueVariance: line.expectedVariance,
      say: (amount) => formatScaled(amount, table.scale),
    });
    if (mismatch) out.push(mismatch);
  }
}

/** The variance cell is the convention's own difference of this row's full year and budget. */
function followsConvention(
  ref: TableRef,
  table: MonthlyTable,
  model: MonthlyModel,
  row: number,
): boolean {
  const { variance, fullYear, budget } = table.columns;
  if (variance === undefined || fullYear === undefined || budget === undefined) return false;
  const parts = differenceOf(ref.sheet.rows[row]?.[variance]?.formula);
  if (!parts) return false;
  const [plus, minus] =
    model.convention === "forecast-minus-budget" ? [fullYear, budget] : [budget, fullYear];
  return (
    parts.plus.row === row &&
    parts.minus.row === row &&
    parts.plus.column === plus &&
    parts.minus.column === minus
  );
}

/**
 * A total whose formula adds exactly its parts (a section's lines; a grand total's subtotals or
 * every line) is right whatever it cached: its stale value after a part was rewritten is no error.
 */
function addsItsParts(ref: TableRef, structure: Structure, row: number, column: number): boolean {
  const formula = ref.sheet.rows[row]?.[column]?.formula;
  if (!formula) return false;
  const cells = (rows: readonly number[]) => rows.map((r) => ({ row: r, column }));
  const section = structure.sections.find((s) => s.totalRow === row);
  if (section) return addsExactly(formula, cells(section.lines));
  return (
    addsExactly(formula, cells(grandParts(structure, row))) ||
    addsExactly(formula, cells(grandLines(structure, row)))
  );
}

/** A line with money in its months and no budget: its variance cannot be worked out. */
function checkMissingBudgets(
  ref: TableRef,
  table: MonthlyTable,
  model: MonthlyModel,
  out: Finding[],
) {
  const budget = table.columns.budget;
  if (budget === undefined) return;
  for (const line of model.lines) {
    if (!line.budgetBlank || !line.hasFigures) continue;
    out.push(
      finding(
        "missing-value",
        ref.sheet.name,
        line.row,
        budget,
        `${nameOf(table, budget)} is blank for ${line.label || "this line"}, which has a full year of ` +
          `${formatScaled(line.fullYear ?? line.monthsSum, table.scale)}`,
        { table: ref.range },
      ),
    );
  }
}

/**
 * Lines whose budget is "tbc", or whose every month is: noted once each and left out of the
 * totals (tables/unconfirmed-lines.ts), not compared against zero.
 */
function unconfirmedNotes(ref: TableRef, table: MonthlyTable, model: MonthlyModel): Finding[] {
  const label = (row: number) => model.lines.find((l) => l.row === row)?.label ?? "";
  const { budget, monthsTbc } = tbcRows(ref, table, model);
  const first = table.months[0]?.column;
  const notes = [
    ...(table.columns.budget === undefined
      ? []
      : unconfirmedLineNotes(ref, budget, table.columns.budget, label)),
    ...(first === undefined
      ? []
      : unconfirmedLineNotes(ref, monthsTbc, first, label, "Every month")),
  ];
  notes.sort((a, b) => parseAddress(a.cell).row - parseAddress(b.cell).row);
  return withTypedKept(ref, notes, typedOnTbcLines(ref.sheet, table, model));
}

/** Lines whose budget is "tbc", and lines whose budget is known but every month is "tbc". */
function tbcRows(ref: TableRef, table: MonthlyTable, model: MonthlyModel) {
  const rows = model.lines.map((l) => l.row);
  const budget = unconfirmedRows(ref, rows, table.columns.budget);
  const monthsTbc = rows.filter(
    (r) =>
      !budget.includes(r) &&
      table.months.length > 0 &&
      table.months.every((m) => unconfirmedRows(ref, [r], m.column).length === 1),
  );
  return { budget, monthsTbc };
}

/**
 * The Variance and RAG cells the council typed on a "tbc" line: there is nothing for our
 * formulas to compare, so the planner leaves them as typed and the line's note says so.
 */
export function typedOnTbcLines(
  sheet: SheetSnapshot,
  table: MonthlyTable,
  model: MonthlyModel,
): Map<number, number[]> {
  const ref = tableRef(sheet, table);
  const { budget, monthsTbc } = tbcRows(ref, table, model);
  const { variance, variancePct, rag } = table.columns;
  return typedOnUnconfirmed(ref, [...budget, ...monthsTbc], [variance, variancePct, rag]);
}

/**
 * A line's full year left blank is a calculated cell apply fills (=SUM of its months): the
 * full-year total over it is judged as if it held that sum, not as if the line had none.
 */
function blankFullYearsAsSums(
  sheet: SheetSnapshot,
  table: MonthlyTable,
  model: MonthlyModel,
): Resolve {
  const fullYear = table.columns.fullYear;
  const sums = new Map(model.lines.map((l) => [l.row, l.monthsSum]));
  return (row, column) => {
    const parsed = parseMoney(sheet.rows[row]?.[column]?.value ?? null);
    const sum = column === fullYear && parsed.kind === "blank" ? sums.get(row) : undefined;
    return sum === undefined ? parsed : { kind: "number", value: sum, fromText: false };
  };
}

/** Text in money cells, full years, variances, missing budgets, section and grand totals. */
export function checkMonthlyTable(
  sheet: SheetSnapshot,
  table: MonthlyTable,
  model: MonthlyModel,
  /** The settings' RAG rule, used only where the sheet states none. */
  rag: RagThresholds = DEFAULT_RAG,
): Finding[] {
  const out: Finding[] = [];
  const plain = tableRef(sheet, table);
  const tbc = unconfirmedNotes(plain, table, model);
  const ref = { ...plain, unconfirmedLines: new Set(tbc.map((f) => parseAddress(f.cell).row)) };
  const valueRows = table.dataRows.filter((r) => model.structure.kinds.get(r) !== "heading");
  out.push(...tbc);
  checkMoneyCells(ref, valueRows, model.money, out);
  checkRowTotals(ref, table, model, out);
  checkVariances(ref, table, model, out);
  checkVariancePercents(ref, table, model, out);
  checkMissingBudgets(ref, table, model, out);
  out.push(...checkMonthlyRag(ref, table, model, rag));
  const totals: Finding[] = [];
  checkColumnTotals(
    ref,
    model.structure,
    model.money,
    totals,
    blankFullYearsAsSums(sheet, table, model),
  );
  for (const f of totals) {
    const at = parseAddress(f.cell);
    if (!addsItsParts(ref, model.structure, at.row, at.column)) out.push(f);
  }
  return out;
}
