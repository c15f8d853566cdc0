import { cellAddress } from "../a1";
import type { ColumnWrite, PlannedCell, WriteOperation } from "../plan";
import { guardWrites, newColumns } from "../plan-helpers";
import type { SheetSnapshot } from "../snapshot";
import { formulaEvaluator } from "../tables/arithmetic";
import { HALF_PENNY, sumFormula } from "../tables/money";
import { isNilMark, moneyRef } from "../tables/nil-money";
import { ragByRule, ragFormula } from "../tables/rag-rule";
import { ragRuleFor } from "../tables/rag-settings";
import {
  keepsTypedShare,
  pointsFormat,
  variancePercentColumn,
  type PercentColumn,
} from "../tables/percent";
import { toPounds } from "../tables/scale";
import { overspendOf, type VarianceConvention } from "../tables/variance";
import { ragHighlight } from "../highlight";
import { skipTypedCells } from "../tables/unconfirmed-lines";
import { isExcelTotalsRow } from "../tables/excel-tables";
import type { BudgetTable } from "./detect";
import { toDateVarianceWrite } from "./to-date";
import { STATUS_WORDS, typedOnTbcLines } from "./check";
import {
  budgetModel,
  statusOf,
  type BudgetLine,
  type BudgetModel,
  type RagThresholds,
} from "./model";

type Calculated = "variance" | "variancePct" | "status" | "rag";
const TITLES: Record<Calculated, string> = {
  variance: "Variance",
  variancePct: "Variance %",
  status: "Status",
  rag: "RAG",
};
const FORMATS: Partial<Record<Calculated, string>> = { variancePct: "0.0%" };

/** What Excel computes with a cell in the written formulas: a number, or 0 for a dash read by N(). */
const num = (sheet: SheetSnapshot, r: number, c: number) => {
  const v = sheet.rows[r]?.[c]?.value;
  return typeof v === "number" ? v : isNilMark(v) ? 0 : null;
};

/** The variance formula of a line (or of a group, on the row that states its budget) and its value. */
function varianceCell(
  sheet: SheetSnapshot,
  line: BudgetLine,
  budget: number,
  spend: number,
  convention: VarianceConvention,
): PlannedCell {
  const planned = usualVarianceCell(sheet, line, budget, spend);
  if (convention === "forecast-minus-budget") return planned;
  // Budget less forecast (positive = underspend): the same formula turned round.
  const s = moneyRef(sheet, line.row, spend);
  const b = moneyRef(sheet, line.row, budget);
  const formula =
    line.level === "group"
      ? planned.formula.replace(
          /,(SUM\([^)]*\))-(N\(\$?[A-Z]+\d+\)|\$?[A-Z]+\d+),""\)$/,
          ',$2-$1,"")',
        )
      : `=IF(AND(ISNUMBER(${s}),ISNUMBER(${b})),${b}-${s},"")`;
  return {
    ...planned,
    formula,
    value: typeof planned.value === "number" ? -planned.value : planned.value,
  };
}

function usualVarianceCell(
  sheet: SheetSnapshot,
  line: BudgetLine,
  budget: number,
  spend: number,
): PlannedCell & { formula: string } {
  const b = moneyRef(sheet, line.row, budget);
  if (line.level === "group") {
    const cells = line.rows.map((r) => [r, spend] as const);
    const total = line.rows.reduce((s, r) => s + (num(sheet, r, spend) ?? 0), 0);
    const value =
      num(sheet, line.row, budget) === null ? "" : total - (num(sheet, line.row, budget) ?? 0);
    return {
      row: line.row,
      formula: `=IF(ISNUMBER(${b}),${sumFormula(cells).slice(1)}-${b},"")`,
      value,
    };
  }
  const s = moneyRef(sheet, line.row, spend);
  const bv = num(sheet, line.row, budget);
  const sv = num(sheet, line.row, spend);
  return {
    row: line.row,
    formula: `=IF(AND(ISNUMBER(${s}),ISNUMBER(${b})),${s}-${b},"")`,
    value: bv === null || sv === null ? "" : sv - bv,
  };
}

/**
 * Variance, Variance %, Status and RAG as formulas: per line, or once per group where a budget is
 * stated for several lines of one project. Existing columns are turned into formulas in place.
 */
export function planBudgetTable(
  sheet: SheetSnapshot,
  table: BudgetTable,
  rag: RagThresholds,
  model: BudgetModel = budgetModel(sheet, table),
): WriteOperation[] {
  // The sheet's own RAG rule wins over the settings'; thresholds are in pounds, so amounts kept
  // in £'000 or £m are multiplied up before they are compared.
  const rule = ragRuleFor(model.ragRule, rag);
  const m = model.scale.multiplier;
  const inPounds = (cell: string) => (m === 1 ? cell : `${cell}*${m}`);
  const overspendExpr = (cell: string) =>
    model.convention === "forecast-minus-budget" ? inPounds(cell) : `-${inPounds(cell)}`;
  // The council's RAG column under a rule we could not read is theirs to keep (check warns).
  const keepRag = model.ragRuleUnread !== null && table.columns.rag !== undefined;
  const fields: Calculated[] = (["variance", "variancePct", "status", "rag"] as const).filter(
    (f) => f !== "rag" || !keepRag,
  );
  const missing = fields.filter((f) => table.columns[f] === undefined);
  const {
    first: firstNew,
    range,
    operations,
  } = newColumns(
    sheet,
    table,
    missing.length,
    "edge",
    missing.map((f) => TITLES[f]),
    // A key or side table one blank column away ("RAG key" beside the lines) stays apart: the
    // next reading must still see the table and its key as two.
    true,
  );
  const at = (f: Calculated) => table.columns[f] ?? firstNew + missing.indexOf(f);
  const cells: Record<Calculated, PlannedCell[]> = {
    variance: [],
    variancePct: [],
    status: [],
    rag: [],
  };
  const b = model.budgetColumn;
  const ownVariance = table.columns.variance !== undefined;
  // What the council's kept variance formulas (subtotals =SUM(I26:I31)) show once Excel
  // recalculates over the variances written here: the columns that read them cache that.
  const plannedVariance = new Map<number, number>();
  const evaluate = formulaEvaluator(sheet, (r, c) =>
    c === table.columns.variance ? (plannedVariance.get(r) ?? null) : null,
  );
  for (const line of model.lines) {
    if (!ownVariance || model.structure.kinds.get(line.row) !== "line") continue;
    if (sheet.rows[line.row]?.[table.columns.variance as number]?.formula) continue;
    const v = varianceCell(sheet, line, b, model.compareColumn, model.convention);
    if (typeof v.value === "number") plannedVariance.set(line.row, v.value);
  }
  // A Variance % the council keeps in hundreds (3 = 3%) is written the same way, in its format.
  const { hundreds, format: pointsFormatted, read } = percentPoints(sheet, table, model);
  // A council's typed Variance % right at the precision it shows is kept, not rewritten.
  const rightShares = new Map<number, number[]>();
  const says = statusWords(sheet, table);
  for (const line of model.lines) {
    const v = varianceCell(sheet, line, b, model.compareColumn, model.convention);
    const V = cellAddress(line.row, at("variance"));
    const B = moneyRef(sheet, line.row, b);
    const budget = num(sheet, line.row, b);
    // A formula already in the variance column is kept (guardWrites): the columns that read it
    // cache what it shows, not what we would have written there.
    const kept =
      table.columns.variance === undefined
        ? undefined
        : sheet.rows[line.row]?.[table.columns.variance];
    const recomputed = kept?.formula ? evaluate(line.row, table.columns.variance as number) : null;
    // The council's own variance on a total row is a sum of the lines, not ours to rewrite.
    const writesVariance =
      !ownVariance || model.structure.kinds.get(line.row) === "line" || line.level === "group";
    // The columns that read the variance cache what it shows in the output: what is written
    // there, or the council's figure where nothing is (a typed total row keeps its 456).
    const shown = kept?.formula
      ? typeof recomputed === "number"
        ? recomputed
        : kept.value
      : writesVariance
        ? v.value
        : (kept?.value ?? null);
    const variance = typeof shown === "number" ? shown : null;
    if (writesVariance) cells.variance.push(v);
    const over = variance === null ? null : overspendOf(variance, model.convention);
    const pct =
      variance === null || budget === null || budget === 0
        ? ""
        : (variance / Math.abs(budget)) * (hundreds ? 100 : 1);
    const pctColumn = table.columns.variancePct;
    if (
      read &&
      pctColumn !== undefined &&
      typeof pct === "number" &&
      keepsTypedShare(sheet.rows[line.row]?.[pctColumn], pct, read)
    )
      rightShares.set(line.row, [pctColumn]);
    cells.variancePct.push({
      row: line.row,
      formula: `=IF(AND(ISNUMBER(${V}),ISNUMBER(${B})),IF(${B}=0,"",${V}/ABS(${B})${hundreds ? "*100" : ""}),"")`,
      value: pct,
    });
    cells.status.push({
      row: line.row,
      formula: `=IF(ISNUMBER(${V}),IF(${overspendExpr(V)}>${HALF_PENNY},"${says.Overspend}",IF(${overspendExpr(V)}<-${HALF_PENNY},"${says.Underspend}","${says["On budget"]}")),"")`,
      value: over === null ? "" : says[statusOf(over)],
    });
    cells.rag.push({
      row: line.row,
      formula: `=IF(ISNUMBER(${V}),${ragFormula(overspendExpr(V), inPounds(`ABS(${B})`), rule)},"")`,
      value:
        over === null || budget === null
          ? ""
          : ragByRule(toPounds(over, model.scale), toPounds(budget, model.scale), rule),
    });
  }
  // An Excel table's totals row holds one aggregate per column (ListColumn.TotalsCalculation:
  // Sum, Average, Count… or None, learn.microsoft.com/office/vba/api/excel.listcolumn.totalscalculation);
  // a line's Variance %, Status or RAG is no aggregate, so those cells stay blank there, on the
  // first apply and every later one (the council's SUBTOTAL under Variance is theirs and kept).
  for (const f of ["variancePct", "status", "rag"] as const)
    cells[f] = cells[f].filter((c) => !isExcelTotalsRow(sheet, c.row));
  for (const f of fields) {
    const isNew = table.columns[f] === undefined;
    const format = f === "variancePct" && hundreds ? pointsFormatted : FORMATS[f];
    const write: ColumnWrite = {
      kind: "column",
      sheet: sheet.name,
      table: range,
      column: at(f),
      title: TITLES[f],
      header: isNew ? { row: table.headerRow, text: TITLES[f] } : null,
      cells: cells[f],
      ...(f === "variance" ? { money: true } : {}),
      ...(format
        ? { numberFormat: format }
        : f === "variance"
          ? numberFormatOf(sheet, table, b)
          : {}),
      ...(isNew ? { styleFrom: table.lastColumn } : {}),
    };
    const highlight = f === "rag" ? ragHighlight(cells.rag.map((c) => c.row)) : undefined;
    operations.push(highlight ? { ...write, highlight } : write);
  }
  const toDate = toDateVarianceWrite(sheet, table, range, model.structure, model.toDate);
  if (toDate) operations.push(toDate);
  // A typed RAG, Status or Variance on a "tbc" line is the council's own judgement: kept.
  const kept = typedOnTbcLines(sheet, table, model);
  const skipped = skipTypedCells(skipTypedCells(operations, kept), rightShares);
  return guardWrites(sheet, table, skipped, { money: true });
}

/**
 * Whether the council keeps its Variance % in hundreds (percentage points), and the number format
 * our formulas there are written under (pointsFormat: "0.0" where it rounded under General).
 */
function percentPoints(
  sheet: SheetSnapshot,
  table: BudgetTable,
  model: BudgetModel,
): { hundreds: boolean; format: string | undefined; read: PercentColumn | null } {
  const pct = table.columns.variancePct;
  if (pct === undefined) return { hundreds: false, format: undefined, read: null };
  const rows = model.lines
    .filter((l) => model.structure.kinds.get(l.row) === "line")
    .map((l) => l.row);
  const share = (row: number) => {
    const line = model.lines.find((l) => l.row === row);
    return line?.variance == null || !line.budget ? null : line.variance / Math.abs(line.budget);
  };
  const read = variancePercentColumn(sheet, rows, pct, share);
  const points = rows.map((row) => (share(row) ?? 0) * 100);
  return {
    hundreds: read.scale === "hundred",
    format: pointsFormat(sheet, rows, pct, read, points),
    read,
  };
}

type Status = ReturnType<typeof statusOf>;

/**
 * The words the council's own status column says each status with ("Over" and "Under" under
 * "Over/Under"), so that a rewritten cell says what it said; ours where it has none.
 */
function statusWords(sheet: SheetSnapshot, table: BudgetTable): Record<Status, string> {
  const says: Record<Status, string> = {
    Overspend: "Overspend",
    Underspend: "Underspend",
    "On budget": "On budget",
  };
  const column = table.columns.status;
  if (column === undefined) return says;
  const seen = new Set<Status>();
  for (const row of table.dataRows) {
    const value = sheet.rows[row]?.[column]?.value;
    if (typeof value !== "string" || sheet.rows[row]?.[column]?.formula) continue;
    const text = value.trim();
    const status = STATUS_WORDS.find(([form]) => form.test(text))?.[1];
    // Only plain words: text with a quote in it never goes into a formula's string.
    if (!status || seen.has(status) || text.includes('"')) continue;
    says[status] = text;
    seen.add(status);
  }
  return says;
}

function numberFormatOf(
  sheet: SheetSnapshot,
  table: BudgetTable,
  column: number,
): { numberFormat?: string } {
  for (const r of table.dataRows) {
    const format = sheet.rows[r]?.[column]?.numberFormat;
    if (format && format !== "General") return { numberFormat: format };
  }
  return {};
}
