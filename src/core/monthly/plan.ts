import { cellAddress } from "../a1";
import { ragHighlight } from "../highlight";
import type { ColumnWrite, PlannedCell, WriteOperation } from "../plan";
import { guardWrites, newColumns } from "../plan-helpers";
import type { SheetSnapshot } from "../snapshot";
import { fromPenceScaled, roundToPenceScaled, sumFormula, toPenceScaled } from "../tables/money";
import { grandParts } from "../tables/totals";
import { textUnderSum } from "../tables/sum-over-text";
import { skipTypedCells } from "../tables/unconfirmed-lines";
import { typedOnTbcLines } from "./check";
import type { MonthlyTable } from "./detect";
import type { MonthlyModel } from "./model";
import { monthlyRagCells } from "./rag";
import type { RagThresholds } from "../tables/rag-settings";
import { variancePercentCells } from "./variance-percent";

type Calculated = "fullYear" | "variance";
const TITLES: Record<Calculated, string> = { fullYear: "Full year", variance: "Variance" };

function numberFormatOf(sheet: SheetSnapshot, table: MonthlyTable): { numberFormat?: string } {
  for (const r of table.dataRows) {
    for (const m of table.months) {
      const format = sheet.rows[r]?.[m.column]?.numberFormat;
      if (format && format !== "General") return { numberFormat: format };
    }
  }
  return {};
}

/**
 * The full year as =SUM of the months and the variance as full year against budget (the table's
 * own convention), both live formulas. An existing column keeps the council's formulas (guardWrites)
 * and has only its typed figures and blanks on line rows rewritten; a new column goes where
 * newColumns finds free cells (never over a chart-data block beside the table) and is written on
 * total rows too, so that it reads like the columns beside it.
 */
/**
 * A new Variance column's total rows: the SUM of the variances of the rows they total (a
 * section's lines; a grand total's subtotals and loose lines), as check judges them
 * (tables/totals.ts checkColumnTotals). Total forecast less total budget would count the full
 * year of a line with no budget, whose own variance is blank (unjudged): the total row would
 * then disagree with the lines above it.
 */
function totalVariances(
  model: MonthlyModel,
  column: number,
  lines: readonly PlannedCell[],
  multiplier: number,
): PlannedCell[] {
  const pence = new Map<number, number>();
  for (const cell of lines)
    pence.set(cell.row, typeof cell.value === "number" ? toPenceScaled(cell.value, multiplier) : 0);
  const out: PlannedCell[] = [];
  const total = (row: number, parts: readonly number[]) => {
    const sum = parts.reduce((s, r) => s + (pence.get(r) ?? 0), 0);
    pence.set(row, sum);
    const formula = sumFormula(parts.map((r) => [r, column] as const));
    out.push({ row, formula, value: fromPenceScaled(sum, multiplier) });
  };
  const { structure } = model;
  for (const s of structure.sections) if (s.totalRow !== null) total(s.totalRow, s.lines);
  for (const g of structure.grandTotals) total(g, grandParts(structure, g));
  return out;
}

export function planMonthlyTable(
  sheet: SheetSnapshot,
  table: MonthlyTable,
  model: MonthlyModel,
  rag: RagThresholds,
  /** Another table stands right of this one on its rows: new columns keep the gap to it. */
  keepApart = false,
): WriteOperation[] {
  const c = table.columns;
  const wanted: Calculated[] = c.budget === undefined ? ["fullYear"] : ["fullYear", "variance"];
  const missing = wanted.filter((f) => c[f] === undefined);
  const placed = newColumns(
    sheet,
    { ...table, headerRows: table.headerRows },
    missing.length,
    "edge",
    missing.map((f) => TITLES[f]),
    keepApart,
  );
  const at = (f: Calculated) => c[f] ?? placed.first + missing.indexOf(f);
  const kinds = model.structure.kinds;
  const rowsFor = (f: Calculated) =>
    table.dataRows.filter((r) => {
      const kind = kinds.get(r);
      return kind === "line" || (c[f] === undefined && kind !== "heading" && kind !== undefined);
    });
  // The month columns are adjacent (months.ts reads them so): one range per row.
  const firstMonth = table.months[0]?.column ?? 0;
  const lastMonth = table.months[table.months.length - 1]?.column ?? 0;
  const fullYear: PlannedCell[] = [];
  // Pence of the pound, not hundredths of the unit: 0.125 in £'000 is £125, not £130.
  const multiplier = table.scale.multiplier;
  const shown = new Map<number, number | null>();
  // The months' own sum, by row, where the council's full-year formula (kept) shows another.
  const trueMonths = new Map<number, number>();
  const monthsSum = (row: number) => {
    let pence = 0;
    for (let m = firstMonth; m <= lastMonth; m++) {
      const value = sheet.rows[row]?.[m]?.value;
      if (typeof value === "number") pence += toPenceScaled(value, multiplier);
    }
    return fromPenceScaled(pence, multiplier);
  };
  for (const row of rowsFor("fullYear")) {
    const kept = c.fullYear === undefined ? undefined : sheet.rows[row]?.[c.fullYear];
    // A formula already there is kept (guardWrites): the variance reads what it shows.
    if (kept?.formula) {
      shown.set(row, typeof kept.value === "number" ? kept.value : null);
      const sum = monthsSum(row);
      if (typeof kept.value === "number" && kept.value !== sum) trueMonths.set(row, sum);
      continue;
    }
    const months = Array.from({ length: lastMonth - firstMonth + 1 }, (_, k) => {
      return [row, firstMonth + k] as const;
    });
    // A SUM over a month typed as text would change the council's typed full year
    // (tables/sum-over-text.ts): that is left as it is, the text reported. A blank full year is
    // the live SUM, showing what Excel's SUM shows: the text ("£80,500" too) adds nothing.
    if (textUnderSum(sheet, months) !== "none" && typeof kept?.value === "number") {
      shown.set(row, kept.value);
      continue;
    }
    const value = monthsSum(row);
    shown.set(row, value);
    const from = cellAddress(row, firstMonth);
    const to = cellAddress(row, lastMonth);
    fullYear.push({ row, formula: `=SUM(${from}:${to})`, value });
  }
  const variance: PlannedCell[] = [];
  if (c.budget !== undefined) {
    const usual = model.convention === "forecast-minus-budget";
    for (const row of rowsFor("variance")) {
      if (kinds.get(row) !== "line") continue;
      if (c.variance !== undefined && sheet.rows[row]?.[c.variance]?.formula) continue;
      const F = cellAddress(row, at("fullYear"));
      const B = cellAddress(row, c.budget);
      const budget = sheet.rows[row]?.[c.budget]?.value;
      const stated = c.fullYear === undefined ? null : sheet.rows[row]?.[c.fullYear]?.value;
      const forecast = shown.has(row)
        ? (shown.get(row) ?? null)
        : typeof stated === "number"
          ? stated
          : null;
      const value =
        typeof budget === "number" && forecast !== null
          ? roundToPenceScaled(usual ? forecast - budget : budget - forecast, multiplier)
          : "";
      // The council's full-year formula is wrong and kept: a variance reading it would turn a
      // typed variance worked from the true months into a wrong one. That typed figure stays.
      const months = trueMonths.get(row);
      const typed = c.variance === undefined ? undefined : sheet.rows[row]?.[c.variance]?.value;
      if (months !== undefined && typeof budget === "number" && typeof typed === "number") {
        const right = roundToPenceScaled(usual ? months - budget : budget - months, multiplier);
        if (toPenceScaled(typed, multiplier) === toPenceScaled(right, multiplier)) continue;
      }
      variance.push({
        row,
        formula: `=IF(AND(ISNUMBER(${F}),ISNUMBER(${B})),${usual ? `${F}-${B}` : `${B}-${F}`},"")`,
        value,
      });
    }
    if (c.variance === undefined) {
      variance.push(...totalVariances(model, at("variance"), variance, multiplier));
    }
  }
  const format = numberFormatOf(sheet, table);
  const forecastOf = (row: number) => {
    const stated = c.fullYear === undefined ? null : sheet.rows[row]?.[c.fullYear]?.value;
    return shown.has(row) ? (shown.get(row) ?? null) : typeof stated === "number" ? stated : null;
  };
  // A kept full-year formula the months disagree with: the RAG reads the months themselves.
  const wrongFullYear = (row: number) => {
    const sum = trueMonths.get(row);
    if (sum === undefined) return null;
    return { sum, range: `${cellAddress(row, firstMonth)}:${cellAddress(row, lastMonth)}` };
  };
  const ragCells = monthlyRagCells(
    sheet,
    table,
    model,
    rag,
    at("fullYear"),
    forecastOf,
    wrongFullYear,
  );
  const operations = [...placed.operations];
  for (const f of wanted) {
    const isNew = c[f] === undefined;
    const write: ColumnWrite = {
      kind: "column",
      sheet: sheet.name,
      table: placed.range,
      column: at(f),
      title: TITLES[f],
      header: isNew ? { row: table.headerRow, text: TITLES[f] } : null,
      cells: f === "fullYear" ? fullYear : variance,
      money: true,
      // Every full-year formula comes from one template: adapters may fill it down. The
      // variance's total rows add the lines' variances, so that column is left to the adapters'
      // own test of which runs are filled down (formula-shift.ts isFilledDown).
      ...(f === "fullYear" ? { filledDown: true } : {}),
      ...format,
      ...(isNew ? { styleFrom: table.lastColumn } : {}),
    };
    operations.push(write);
  }
  // An existing RAG column is filled as a budget table's is; a missing one is not added here.
  if (c.rag !== undefined && ragCells.length > 0) {
    const highlight = ragHighlight(ragCells.map((cell) => cell.row));
    operations.push({
      kind: "column",
      sheet: sheet.name,
      table: placed.range,
      column: c.rag,
      title: "RAG",
      header: null,
      cells: ragCells,
      ...(highlight ? { highlight } : {}),
    });
  }
  if (c.budget !== undefined && c.variancePct !== undefined) {
    const written = new Map(variance.map((cell) => [cell.row, cell.value]));
    const shownVariance = (row: number) => {
      const value = written.has(row)
        ? written.get(row)
        : c.variance === undefined
          ? null
          : sheet.rows[row]?.[c.variance]?.value;
      return typeof value === "number" ? value : null;
    };
    operations.push({
      kind: "column",
      sheet: sheet.name,
      table: placed.range,
      column: c.variancePct,
      title: "Variance %",
      header: null,
      cells: variancePercentCells(sheet, table, model, at("variance"), shownVariance),
    });
  }
  // A typed Variance or RAG on a "tbc" line is the council's own judgement: kept.
  const kept = typedOnTbcLines(sheet, table, model);
  return guardWrites(sheet, table, skipTypedCells(operations, kept), { money: true });
}
