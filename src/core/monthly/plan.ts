import { cellAddress } from "../a1";
import type { ColumnWrite, PlannedCell, WriteOperation } from "../plan";
import { guardWrites, newColumns } from "../plan-helpers";
import type { SheetSnapshot } from "../snapshot";
import { sumFormula, sumFormulaValue } from "../tables/money";
import type { MonthlyTable } from "./detect";
import type { MonthlyModel } from "./model";

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
export function planMonthlyTable(
  sheet: SheetSnapshot,
  table: MonthlyTable,
  model: MonthlyModel,
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
  );
  const at = (f: Calculated) => c[f] ?? placed.first + missing.indexOf(f);
  const kinds = model.structure.kinds;
  const rowsFor = (f: Calculated) =>
    table.dataRows.filter((r) => {
      const kind = kinds.get(r);
      return kind === "line" || (c[f] === undefined && kind !== "heading" && kind !== undefined);
    });
  const fullYear: PlannedCell[] = [];
  const shown = new Map<number, number | null>();
  for (const row of rowsFor("fullYear")) {
    const months = table.months.map((m) => [row, m.column] as const);
    const kept = c.fullYear === undefined ? undefined : sheet.rows[row]?.[c.fullYear];
    const value = sumFormulaValue(sheet, months);
    // A formula already there is kept: the variance reads what it shows.
    const stays = kept?.formula ? kept.value : value;
    shown.set(row, typeof stays === "number" ? stays : null);
    fullYear.push({ row, formula: sumFormula(months), value });
  }
  const variance: PlannedCell[] = [];
  if (c.budget !== undefined) {
    const usual = model.convention === "forecast-minus-budget";
    for (const row of rowsFor("variance")) {
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
          ? Math.round((usual ? forecast - budget : budget - forecast) * 100) / 100
          : "";
      variance.push({
        row,
        formula: `=IF(AND(ISNUMBER(${F}),ISNUMBER(${B})),${usual ? `${F}-${B}` : `${B}-${F}`},"")`,
        value,
      });
    }
  }
  const format = numberFormatOf(sheet, table);
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
      ...format,
      ...(isNew ? { styleFrom: table.lastColumn } : {}),
    };
    operations.push(write);
  }
  return guardWrites(sheet, table, operations, { money: true });
}
