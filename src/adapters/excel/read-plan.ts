/*
 * What reading one sheet is planned from: its used range and, from the probes of the first two
 * round trips, where its formulas, hidden rows and columns, and merged areas are.
 */
import { notCovered, parseAreas, type Area } from "./addresses";

export interface SheetPlan {
  name: string;
  used: Area | null;
  /** Where the formulas are (ExcelApi 1.9); null when unknown, and values are loaded everywhere. */
  formulas: Area[] | null;
  /** Known hidden rows and columns, or null when they are probed one by one (ExcelApi < 1.9). */
  hiddenRows: number[] | null;
  hiddenColumns: number[] | null;
  merges: string[];
  /** No way to ask for merged areas (ExcelApi < 1.13): `merges` is empty without meaning none. */
  mergesUnknown: boolean;
}

/** The formula map, unless its address does not account for every area (then load values everywhere). */
export function formulaMap(formulas: Excel.RangeAreas | null): Pick<SheetPlan, "formulas"> {
  if (!formulas) return { formulas: null };
  if (formulas.isNullObject) return { formulas: [] };
  const areas = parseAreas(formulas.address);
  return { formulas: areas.length === formulas.areaCount ? areas : null };
}

/** The hidden rows and columns of the used range, from its visible cells (ExcelApi 1.9). */
export function visibility(
  used: Area | null,
  visible: Excel.RangeAreas | null,
): Pick<SheetPlan, "hiddenRows" | "hiddenColumns"> {
  if (!used) return { hiddenRows: [], hiddenColumns: [] };
  if (!visible || visible.isNullObject) return { hiddenRows: null, hiddenColumns: null };
  const areas = parseAreas(visible.address);
  if (areas.length !== visible.areaCount) return { hiddenRows: null, hiddenColumns: null };
  return {
    hiddenRows: notCovered(areas, used.firstRow, used.lastRow, "rows"),
    hiddenColumns: notCovered(areas, used.firstColumn, used.lastColumn, "columns"),
  };
}
