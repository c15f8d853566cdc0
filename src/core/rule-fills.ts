import type { Band } from "./bands";
import type { SheetSnapshot } from "./snapshot";

type RuleFill = NonNullable<SheetSnapshot["ruleFills"]>[number];

/** Whether a cellIs rule (ECMA-376 Part 1, §18.18.15 ST_ConditionalFormattingOperator) holds. */
function holds(rule: RuleFill, value: number | string): boolean {
  const [a, b] = rule.values;
  const same = (x: unknown) =>
    typeof value === "string" && typeof x === "string"
      ? value.toLowerCase() === x.toLowerCase()
      : value === x;
  if (rule.operator === "equal") return same(a);
  if (rule.operator === "notEqual") return !same(a);
  if (typeof value !== "number" || typeof a !== "number") return false;
  switch (rule.operator) {
    case "greaterThan":
      return value > a;
    case "greaterThanOrEqual":
      return value >= a;
    case "lessThan":
      return value < a;
    case "lessThanOrEqual":
      return value <= a;
    case "between":
      return typeof b === "number" && value >= Math.min(a, b) && value <= Math.max(a, b);
    case "notBetween":
      return typeof b === "number" && (value < Math.min(a, b) || value > Math.max(a, b));
    default:
      return false;
  }
}

/** The fill the first rule on `column` that holds for `value` gives (Excel applies the first). */
function fillOf(rules: readonly RuleFill[], column: number, value: number | string) {
  return rules.find((r) => r.columns.includes(column) && holds(r, value))?.fill;
}

/**
 * The band fills the sheet's own conditional formats give, by band label: a band whose every
 * integer score gets the same fill from the rules on a score column, or whose label gets a fill
 * from the rules on a priority column ("Red" → red). Bands the rules do not colour are left out.
 */
export function ruleFillsFor(
  sheet: SheetSnapshot,
  bands: readonly Band[],
  scoreColumns: readonly number[],
  priorityColumns: readonly number[],
): Record<string, string> | undefined {
  const rules = sheet.ruleFills;
  if (!rules || rules.length === 0) return undefined;
  const fills: Record<string, string> = {};
  for (const band of bands) {
    if (fills[band.label]) continue;
    for (const column of priorityColumns) {
      const fill = fillOf(rules, column, band.label.trim());
      if (fill) {
        fills[band.label] = fill;
        break;
      }
    }
    if (fills[band.label]) continue;
    const lo = Math.ceil(band.from);
    const hi = Math.min(Math.floor(band.to), lo + 200);
    if (hi < lo) continue;
    for (const column of scoreColumns) {
      const first = fillOf(rules, column, lo);
      let same = first !== undefined;
      for (let v = lo + 1; same && v <= hi; v++) same = fillOf(rules, column, v) === first;
      if (same && first) {
        fills[band.label] = first;
        break;
      }
    }
  }
  return Object.keys(fills).length > 0 ? fills : undefined;
}
