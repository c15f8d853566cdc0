import type { SheetSnapshot } from "../snapshot";
import type { WriteOperation } from "../plan";
import type { FundingTable } from "./detect";

export interface FundingPlanOptions {
  /** Replace typed totals (row, section, grand) with SUM formulas. */
  replaceTotals: boolean;
}

export function planFundingTable(
  _sheet: SheetSnapshot,
  _table: FundingTable,
  _options: FundingPlanOptions,
): WriteOperation[] {
  return [];
}
