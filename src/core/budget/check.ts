import { repeatedRows } from "../tables/repeated-rows";
import { parseAddress, rangeAddress, reportRow } from "../a1";
import {
  typedOnUnconfirmed,
  unconfirmedLineNotes,
  unconfirmedRows,
  withTypedKept,
} from "../tables/unconfirmed-lines";
import { finding, type Finding } from "../findings";
import { cellText, type SheetSnapshot } from "../snapshot";
import {
  describeRagRule,
  ragByRule,
  ragWord,
  unreadRagRuleWarning,
  type RagRule,
} from "../tables/rag-rule";
import { ragRuleFor, type RagThresholds } from "../tables/rag-settings";
import { amberSettingHint } from "../tables/rag-amber-hint";
import type { RatedColumn, RatedRow } from "../tables/rag-kept-green";
import { formatScaled, toPounds } from "../tables/scale";
import {
  checkMoneyCells,
  checkTotalRows,
  headerText,
  moneyText,
  sameAmount,
  type TableRef,
} from "../tables/totals";
import { varianceOf } from "../tables/variance";
import { moneyOrNilAt, parseMoneyOrNil } from "../tables/nil-money";
import { scaleAt, type BudgetTable } from "./detect";
import { checkToDateVariance, conventionNote } from "./to-date";
import { budgetModel, DEFAULT_RAG, moneyColumns, statusOf, type BudgetModel } from "./model";
import { roundToMicroUnits } from "../tables/money";
import { variancePercentColumn, type PercentColumn } from "../tables/percent";
import { followsVarianceCell, variancePercentFinding } from "../tables/variance-percent";

/** Where the table is, with its column names and scales, for findings and messages. */
export function budgetRef(sheet: SheetSnapshot, table: BudgetTable): TableRef {
  return {
    sheet,
    headerRow: table.headerRow,
    range: rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn),
    ...(table.names ? { names: table.names } : {}),
    scale: (column: number) => scaleAt(table, column),
  };
}

const numberAt = moneyOrNilAt;

/** Line rows only: a variance on a total row is a sum, checked with the totals. */
function lineRows(model: BudgetModel) {
  return model.lines.filter(
    (l) => l.level === "group" || model.structure.kinds.get(l.row) === "line",
  );
}

function checkVariance(ref: TableRef, table: BudgetTable, model: BudgetModel, out: Finding[]) {
  const column = table.columns.variance;
  if (column === undefined) return;
  const money = (n: number) => moneyText(ref, column, n);
  for (const line of lineRows(model)) {
    if (line.variance === null || line.budget === null || line.spend === null) continue;
    const stated = numberAt(ref.sheet, line.row, column);
    // Rounded to millionths of the unit: 1.42 − 1.51 is -0.09, not -0.09000000000000008.
    const expected = roundToMicroUnits(varianceOf(line.budget, line.spend, model.convention));
    if (stated === null || sameAmount(ref, column, stated, expected)) continue;
    const what =
      line.level === "group"
        ? `${line.project} spend ${money(line.spend)} (rows ${line.rows.map((r) => reportRow(r)).join(", ")})`
        : `${model.compareWith} ${money(line.spend)}`;
    const sum =
      model.convention === "forecast-minus-budget"
        ? `${what} − budget ${money(line.budget)}`
        : `budget ${money(line.budget)} − ${what}`;
    const reversed = sameAmount(ref, column, stated, -expected) ? " (the sign is reversed)" : "";
    out.push(
      finding(
        "variance-mismatch",
        ref.sheet.name,
        line.row,
        column,
        `Variance is ${money(stated)} but ${sum} = ${money(expected)}${reversed}; variance here is ${conventionNote(model, model.compareWith)}`,
        { table: ref.range, expected, actual: stated },
      ),
    );
  }
}

/** A status the council typed, by its first word: "Over", "Overspend", "Under budget", "On target". */
export const STATUS_WORDS: [RegExp, ReturnType<typeof statusOf>][] = [
  [/^over/i, "Overspend"],
  [/^under/i, "Underspend"],
  [/^on (budget|target|track)/i, "On budget"],
];

/**
 * A Variance % formula dividing the row's own variance cell ("=IF(F9=0,0,I9/ABS(F9))", or
 * "[#This Row],[Forecast variance £]" in an Excel table) follows that variance
 * (tables/variance-percent.ts).
 */
function followsVariance(sheet: SheetSnapshot, table: BudgetTable, row: number): boolean {
  const { variancePct, variance } = table.columns;
  if (variancePct === undefined || variance === undefined) return false;
  const headers = (table.headerRows ?? [table.headerRow]).map((r) =>
    cellText(sheet.rows[r]?.[variance] ?? undefined),
  );
  return followsVarianceCell(sheet, row, variancePct, variance, headers);
}

/**
 * How the council keeps its Variance % column (a fraction, or percentage points without a %
 * format) and to how many places, read from its lines against the variance each states.
 */
function percentColumnOf(
  sheet: SheetSnapshot,
  table: BudgetTable,
  model: BudgetModel,
  statedVarianceOf: (row: number) => number | null,
): PercentColumn | null {
  const column = table.columns.variancePct;
  if (column === undefined) return null;
  const lines = new Map(lineRows(model).map((l) => [l.row, l]));
  return variancePercentColumn(sheet, [...lines.keys()], column, (row) => {
    const line = lines.get(row);
    if (!line || line.budget === null || line.spend === null || line.budget === 0) return null;
    const v = statedVarianceOf(row) ?? varianceOf(line.budget, line.spend, model.convention);
    return v / Math.abs(line.budget);
  });
}

/**
 * What the line's figures say, in pounds as the other variance messages quote them: "forecast
 * £651,200 against budget £640,000 is an overspend of £11,200".
 */
function statusFigures(ref: TableRef, model: BudgetModel, budget: number, spend: number): string {
  const money = (n: number) => moneyText(ref, model.budgetColumn, n);
  const overspend = roundToMicroUnits(spend - budget);
  const status = statusOf(overspend);
  const verdict =
    status === "On budget"
      ? "is on budget"
      : `is an ${status.toLowerCase()} of ${money(Math.abs(overspend))}`;
  return `${model.compareWith} ${money(spend)} against budget ${money(budget)} ${verdict}`;
}

/** Variance %, Status and RAG columns the council keeps, checked like the variance. */
function checkDerived(
  ref: TableRef,
  table: BudgetTable,
  model: BudgetModel,
  rule: RagRule,
  out: Finding[],
) {
  const { variancePct, status, rag, variance } = table.columns;
  const scale = model.scale;
  const statedVarianceOf = (row: number) =>
    variance === undefined ? null : numberAt(ref.sheet, row, variance);
  const pctColumn = percentColumnOf(ref.sheet, table, model, statedVarianceOf);
  for (const line of lineRows(model)) {
    if (line.budget === null || line.spend === null) continue;
    const overspend = line.spend - line.budget;
    const report = (
      column: number,
      message: string,
      expected: string | number,
      actual: string | number,
    ) =>
      out.push(
        finding("variance-mismatch", ref.sheet.name, line.row, column, message, {
          table: ref.range,
          expected,
          actual,
        }),
      );
    // Variance % follows the variance the sheet states, one rule for every kind with budgets
    // (tables/variance-percent.ts): a wrong variance is reported once, at the variance.
    if (
      pctColumn !== null &&
      variancePct !== undefined &&
      !followsVariance(ref.sheet, table, line.row)
    ) {
      const mismatch = variancePercentFinding({
        sheet: ref.sheet,
        table: ref.range,
        row: line.row,
        column: variancePct,
        pct: pctColumn,
        budget: line.budget,
        statedVariance: statedVarianceOf(line.row),
        trueVariance: varianceOf(line.budget, line.spend, model.convention),
        say: (amount) => formatScaled(amount, scale),
        sayVariance: (amount) => moneyText(ref, variance ?? model.budgetColumn, amount),
        stated: numberAt(ref.sheet, line.row, variancePct),
      });
      if (mismatch) out.push(mismatch);
    }
    if (status !== undefined) {
      const text = cellText(ref.sheet.rows[line.row]?.[status] ?? undefined);
      const word = STATUS_WORDS.find(([re]) => re.test(text))?.[1];
      const expected = statusOf(overspend);
      if (word && word !== expected)
        report(
          status,
          `Status is "${text}" but ${statusFigures(ref, model, line.budget, line.spend)}`,
          expected,
          text,
        );
    }
    if (rag !== undefined) {
      const text = cellText(ref.sheet.rows[line.row]?.[rag] ?? undefined);
      const word = ragWord(text);
      const expected = ragByRule(toPounds(overspend, scale), toPounds(line.budget, scale), rule);
      if (word && word !== expected && model.ragRuleUnread)
        out.push({
          ...finding(
            "variance-mismatch",
            ref.sheet.name,
            line.row,
            rag,
            `RAG is ${text}; under the settings' rule it would be ${expected} (the sheet's own rule was not understood)`,
            { table: ref.range, expected, actual: text },
          ),
          severity: "info",
        });
      else if (word && word !== expected)
        report(
          rag,
          `RAG is ${text} but an ${overspend > 0 ? "overspend" : "underspend"} of ${formatScaled(Math.abs(overspend), scale)} on a budget of ${formatScaled(line.budget, scale)} is ${expected}: ${describeRagRule(rule)}`,
          expected,
          text,
        );
    }
  }
}

/**
 * The RAG column as the settings' rule rates it, where the sheet states no rule: each line's
 * overspend and budget in pounds and its typed colour (tables/rag-kept-green.ts).
 */
export function budgetRagColumn(
  sheet: SheetSnapshot,
  table: BudgetTable,
  model: BudgetModel,
  rag: RagThresholds,
): RatedColumn | null {
  const column = table.columns.rag;
  if (column === undefined || model.ragRule || model.ragRuleUnread) return null;
  const lines: RatedRow[] = [];
  for (const line of lineRows(model)) {
    const typed = ragWord(cellText(sheet.rows[line.row]?.[column] ?? undefined));
    if (line.budget === null || line.spend === null || typed === null) continue;
    const overspend = toPounds(line.spend - line.budget, model.scale);
    lines.push({ row: line.row, overspend, budget: toPounds(line.budget, model.scale), typed });
  }
  return { column, lines, rule: ragRuleFor(null, rag) };
}

/**
 * For the warning on a suspect RAG column (suspect-columns.ts): the Amber setting its colours
 * imply, when the settings' rule without an Amber band rates the table (rag-amber-hint.ts).
 */
export function budgetRagHint(
  sheet: SheetSnapshot,
  table: BudgetTable,
  model: BudgetModel,
  rag: RagThresholds,
): (column: number) => string | null {
  const rated = budgetRagColumn(sheet, table, model, rag);
  return (column) =>
    rated === null || column !== rated.column ? null : amberSettingHint(rated.lines, rated.rule);
}

function checkMissing(ref: TableRef, model: BudgetModel, out: Finding[]): void {
  for (const line of model.lines) {
    if (line.level !== "line" || model.structure.kinds.get(line.row) !== "line") continue;
    // A dash or "nil" is £0 typed, not a blank: parseMoneyOrNil reads it as a number.
    const budget = parseMoneyOrNil(ref.sheet.rows[line.row]?.[model.budgetColumn]?.value ?? null);
    const spend = parseMoneyOrNil(ref.sheet.rows[line.row]?.[model.compareColumn]?.value ?? null);
    const name = line.item || "this line";
    if (budget.kind === "blank" && line.spend !== null)
      out.push(
        finding(
          "missing-value",
          ref.sheet.name,
          line.row,
          model.budgetColumn,
          `Budget is blank for ${name}, which has ${model.compareWith} ${moneyText(ref, model.compareColumn, line.spend)}`,
          { table: ref.range },
        ),
      );
    else if (model.compareWith === "forecast" && spend.kind === "blank" && line.budget !== null)
      out.push(
        finding(
          "missing-value",
          ref.sheet.name,
          line.row,
          model.compareColumn,
          `${headerText(ref, model.compareColumn)} is blank for ${name}, which has a budget of ${moneyText(ref, model.budgetColumn, line.budget)}`,
          { table: ref.range },
        ),
      );
  }
}

/** A RAG rule on the sheet we cannot read: said once, rather than silently using the settings'. */
function unreadRuleWarning(ref: TableRef, model: BudgetModel): Finding[] {
  const at = model.ragRuleUnread;
  if (!at) return [];
  const consequence = "the RAG column is checked for information only, not rewritten";
  return [unreadRagRuleWarning(ref.sheet, at, ref.range, consequence)];
}

/** Lines whose forecast (or spend compared) is "tbc" while their budget is known. */
function spendTbcRows(ref: TableRef, model: BudgetModel): number[] {
  const rows = lineRows(model).map((l) => l.row);
  const known = rows.filter((r) => !model.unconfirmed.includes(r));
  return unconfirmedRows(ref, known, model.compareColumn);
}

/**
 * The Variance, Variance %, Status and RAG cells the council typed on a line whose budget or
 * forecast is "tbc": left as typed by the planner, said so in the line's note.
 */
export function typedOnTbcLines(
  sheet: SheetSnapshot,
  table: BudgetTable,
  model: BudgetModel,
): Map<number, number[]> {
  const ref = budgetRef(sheet, table);
  const { variance, variancePct, status, rag } = table.columns;
  const rows = [...model.unconfirmed, ...spendTbcRows(ref, model)];
  return typedOnUnconfirmed(ref, rows, [variance, variancePct, status, rag]);
}

/** A note per line whose budget or forecast is "tbc": neither is compared against zero. */
function unconfirmedNotes(ref: TableRef, table: BudgetTable, model: BudgetModel): Finding[] {
  const lines = lineRows(model);
  const nameOf = (row: number) => lines.find((l) => l.row === row)?.item ?? "";
  const notes = [
    ...unconfirmedLineNotes(ref, model.unconfirmed, model.budgetColumn, nameOf),
    ...unconfirmedLineNotes(ref, spendTbcRows(ref, model), model.compareColumn, nameOf),
  ].sort((a, b) => parseAddress(a.cell).row - parseAddress(b.cell).row);
  return withTypedKept(ref, notes, typedOnTbcLines(ref.sheet, table, model));
}

/**
 * The same line reference twice among a table's lines: one of them is mistyped. Ledger codes
 * (cost code, cost centre) are not references: several lines may be charged to one.
 */
function checkDuplicateCodes(
  ref: TableRef,
  table: BudgetTable,
  model: BudgetModel,
  out: Finding[],
) {
  const column = table.columns.ref;
  if (column === undefined) return;
  const code = (row: number) => cellText(ref.sheet.rows[row]?.[column] ?? undefined);
  const lines = table.dataRows.filter((row) => model.structure.kinds.get(row) === "line");
  for (const { row, first } of repeatedRows(lines, (r) => code(r).toUpperCase())) {
    out.push(
      finding(
        "duplicate-id",
        ref.sheet.name,
        row,
        column,
        `${headerText(ref, column)} ${code(row)} is used twice (first at row ${first + 1})`,
        { table: ref.range, actual: code(row) },
      ),
    );
  }
}

/**
 * Variances (in the sheet's sign convention), Variance %, Status and RAG where the sheet keeps
 * them, missing budgets and forecasts, repeated line codes, and totals found by arithmetic.
 * `rag` is the settings' rule, used only where the sheet states none.
 */
export function checkBudgetTable(
  sheet: SheetSnapshot,
  table: BudgetTable,
  model: BudgetModel = budgetModel(sheet, table),
  rag: RagThresholds = DEFAULT_RAG,
): Finding[] {
  const out: Finding[] = [];
  const ref = { ...budgetRef(sheet, table), unconfirmedLines: new Set(model.unconfirmed) };
  const valueRows = table.dataRows.filter((r) => model.structure.kinds.get(r) !== "heading");
  checkMoneyCells(ref, valueRows, moneyColumns(table), out);
  out.push(...unconfirmedNotes(ref, table, model));
  checkVariance(ref, table, model, out);
  out.push(...checkToDateVariance(ref, model.toDate));
  out.push(...unreadRuleWarning(ref, model));
  checkDerived(ref, table, model, ragRuleFor(model.ragRule, rag), out);
  checkMissing(ref, model, out);
  checkDuplicateCodes(ref, table, model, out);
  checkTotalRows(ref, model.totals, moneyColumns(table), out);
  return out;
}
