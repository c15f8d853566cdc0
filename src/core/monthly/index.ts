import { otherSheetRagRule } from "../tables/rag-rule-elsewhere";
import { columnLetter, reportRow } from "../a1";
import { columnLetters, placement } from "../tables/bounds";
import type { SheetSnapshot } from "../snapshot";
import type { VarianceConvention } from "../tables/variance";
import { detectMonthlyTables, type MonthStatus, type MonthlyTable } from "./detect";
import { monthLabel } from "./months";
import { monthlyModel, type MonthlyModel } from "./model";
import { modelEach } from "../tables/models";

export { checkMonthlyTable } from "./check";
export { planMonthlyTable } from "./plan";
export type { MonthlyTable } from "./detect";
export type { MonthlyLine, MonthlyModel } from "./model";

/** A monthly profile read once: its bounds and columns, and its lines, totals and convention. */
export interface MonthlyTableModel {
  sheet: SheetSnapshot;
  table: MonthlyTable;
  model: MonthlyModel;
}

/** What check --json says about a monthly profile. */
export interface MonthlyTableReport {
  sheet: string;
  kind: "monthly-profile";
  range: string;
  headerRow: number;
  /** Every header row (1-based): the months, an Actual/Forecast row, a units row. */
  headerRows: number[];
  rows: number;
  columns: Record<string, string>;
  months: { column: string; month: string; headerIsDate: boolean; status: MonthStatus | null }[];
  /** The unit the amounts are kept in ("£", "£'000") and its multiplier to pounds. */
  unit: string;
  multiplier: number;
  /** How a stated or written variance is worked, and what said so. */
  variance: { convention: VarianceConvention; from: "header" | "figures" } | null;
  /** 1-based rows of section and grand totals. */
  totalRows: number[];
}

/** Every monthly profile not already claimed by another kind of table, each modelled once. */
export function monthlyModels(
  sheets: readonly SheetSnapshot[],
  taken: ReadonlyMap<string, ReadonlySet<number>>,
  beside?: ReadonlyMap<string, SheetSnapshot>,
): MonthlyTableModel[] {
  return modelEach(
    sheets,
    taken,
    detectMonthlyTables,
    (sheet, table) => ({
      sheet,
      table,
      model: {
        ...monthlyModel(sheet, table),
        ragRuleElsewhere: table.columns.rag === undefined ? null : otherSheetRagRule(sheets, sheet),
      },
    }),
    beside,
  );
}

export function monthlyReport(m: MonthlyTableModel): MonthlyTableReport {
  const { table, model } = m;
  const totals = [...model.structure.kinds.entries()]
    .filter(([, kind]) => kind === "section-total" || kind === "grand-total")
    .map(([row]) => reportRow(row))
    .sort((a, b) => a - b);
  return {
    ...placement(table),
    kind: "monthly-profile",
    headerRows: table.headerRows.map((r) => reportRow(r)),
    columns: columnLetters(table.columns),
    months: table.months.map((month) => ({
      column: columnLetter(month.column),
      month: monthLabel(month),
      headerIsDate: month.isDate,
      status: month.status,
    })),
    unit: table.scale.unit,
    multiplier: table.scale.multiplier,
    variance:
      table.columns.budget === undefined
        ? null
        : { convention: model.convention, from: model.conventionFrom },
    totalRows: totals,
  };
}
