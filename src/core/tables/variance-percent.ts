import { cellAddress } from "../a1";
import { finding, type Finding } from "../findings";
import type { SheetSnapshot } from "../snapshot";
import { withoutFloatNoise } from "./pence";
import { percentText, showsShare, statedPercentText, type PercentColumn } from "./percent";

/**
 * A stated Variance % against the line it sits on, one rule for every kind with budgets (projects
 * with money, monthly profiles): it is the variance the line states as a share of the budget's
 * size (|budget|). A wrong variance is reported once, at the variance, so a Variance % right for
 * the true variance beside it is no error of its own. The column may keep shares as fractions or in percentage points, and is
 * compared at the precision it shows (tables/percent.ts).
 */
export interface StatedVariancePercent {
  sheet: SheetSnapshot;
  /** The table's range, for the finding. */
  table: string;
  row: number;
  column: number;
  /** How the column keeps its shares (variancePercentColumn). */
  pct: PercentColumn;
  budget: number;
  /** The variance the line states, or null where it states none. */
  statedVariance: number | null;
  /** The variance the line's budget and forecast give. */
  trueVariance: number;
  /** An amount in the sheet's units as messages say it, in pounds. */
  say: (amount: number) => string;
  /** The variance as messages say it, where its column is kept in another scale than the budget. */
  sayVariance?: (amount: number) => string;
  /**
   * The stated share where the kind reads the cell its own way (a budget table reads "-" as nil
   * and a number typed as text as that number); otherwise only a number in the cell counts.
   */
  stated?: number | null;
}

export function variancePercentFinding(v: StatedVariancePercent): Finding | null {
  const cell = v.sheet.rows[v.row]?.[v.column];
  const stated =
    v.stated !== undefined ? v.stated : typeof cell?.value === "number" ? cell.value : null;
  if (stated === null) return null;
  const variance = v.statedVariance ?? v.trueVariance;
  const share = (x: number) => (v.budget === 0 ? 0 : x / Math.abs(v.budget));
  const shows = (x: number) => showsShare(stated, share(x), v.pct);
  if (shows(variance) || shows(v.trueVariance)) return null;
  const reversed = shows(-variance) ? "; the sign is reversed" : "";
  // As a finance officer says it: the share first, then what it is a share of. A budget stated
  // negative (an income budget) is measured by its size, and the message says so.
  const size = v.say(Math.abs(v.budget));
  const of = v.budget < 0 ? `${size}, the size of the budget of ${v.say(v.budget)}` : size;
  const amounts = `${(v.sayVariance ?? v.say)(variance)} of ${of}`;
  const expected =
    v.pct.scale === "hundred" ? withoutFloatNoise(share(variance) * 100) : share(variance);
  return finding(
    "variance-mismatch",
    v.sheet.name,
    v.row,
    v.column,
    `Variance % is ${statedPercentText(stated, v.pct)} but the variance as a share of the budget is ${percentText(share(variance), true)} (${amounts}${reversed})`,
    { table: v.table, expected, actual: stated },
  );
}

/**
 * A Variance % formula reading the row's variance cell follows it: Excel recomputes it, so a
 * cached figure gone stale after the variance was rewritten is no error of its own. In an Excel
 * table the formula may name the cell "[#This Row],[Forecast variance £]": `varianceHeaders` are
 * the variance column's header texts it may name.
 */
export function followsVarianceCell(
  sheet: SheetSnapshot,
  row: number,
  percentColumn: number,
  varianceColumn: number | undefined,
  varianceHeaders: readonly string[] = [],
): boolean {
  const formula = sheet.rows[row]?.[percentColumn]?.formula?.replace(/\$/g, "");
  if (!formula || varianceColumn === undefined) return false;
  if (new RegExp(`\\b${cellAddress(row, varianceColumn)}\\b`, "i").test(formula)) return true;
  return /#this row/i.test(formula) && varianceHeaders.some((h) => h && formula.includes(`[${h}]`));
}
