import { isNilMoney } from "./money";

/**
 * Which way round a council states its variance. Councils publish both: "Variance Over/(Under)",
 * "Adverse/(Favourable)" and a plain "Variance" are forecast − budget (positive = overspend);
 * "Under/(Over)" and "Favourable/(Adverse)" are budget − forecast (positive = underspend). The
 * header says so when it can; otherwise the figures decide (`conventionFromFigures`), and the
 * message names the convention used.
 */
export type VarianceConvention = "forecast-minus-budget" | "budget-minus-forecast";

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, "");

/** The convention a header states, or null when it states none ("Variance", "Forecast variance £"). */
export function conventionFromHeader(header: string): VarianceConvention | null {
  const t = squash(header);
  const first = (a: string, b: string) => {
    const i = t.indexOf(a);
    const j = t.indexOf(b);
    return i >= 0 && j >= 0 ? i < j : null;
  };
  // "Over/(Under)", "over / (under)spend", "Under/(Over)": whichever word comes first is positive.
  const overFirst = first("over", "under");
  if (overFirst !== null) return overFirst ? "forecast-minus-budget" : "budget-minus-forecast";
  const adverseFirst = first("adverse", "favourable");
  if (adverseFirst !== null)
    return adverseFirst ? "forecast-minus-budget" : "budget-minus-forecast";
  // The abbreviations "Fav/(Adv)", "Adv/(Fav)": whole words only ("Advance" is no "Adv").
  const adv = /\badv\b/i.exec(header)?.index ?? -1;
  const fav = /\bfav\b/i.exec(header)?.index ?? -1;
  if (adv >= 0 && fav >= 0) return adv < fav ? "forecast-minus-budget" : "budget-minus-forecast";
  if (/overspend|adverse/.test(t)) return "forecast-minus-budget";
  if (/underspend|favourable/.test(t)) return "budget-minus-forecast";
  return null;
}

export interface VarianceLine {
  budget: number;
  forecast: number;
  variance: number;
}

/**
 * The convention the stated figures follow, when the header says nothing: the one that explains
 * more lines (ties and no evidence give the usual forecast − budget).
 */
export function conventionFromFigures(lines: readonly VarianceLine[]): VarianceConvention {
  let usual = 0;
  let reverse = 0;
  for (const { budget, forecast, variance } of lines) {
    const near = (a: number, b: number) => isNilMoney(a - b);
    if (forecast - budget === 0 && variance === 0) continue;
    if (near(variance, forecast - budget)) usual++;
    else if (near(variance, budget - forecast)) reverse++;
  }
  return reverse > usual ? "budget-minus-forecast" : "forecast-minus-budget";
}

/** The variance a line should show under the convention. */
export function varianceOf(
  budget: number,
  forecast: number,
  convention: VarianceConvention,
): number {
  return convention === "forecast-minus-budget" ? forecast - budget : budget - forecast;
}

/** The overspend (positive) or underspend (negative) a stated variance means. */
export function overspendOf(variance: number, convention: VarianceConvention): number {
  return convention === "forecast-minus-budget" ? variance : -variance;
}

/** How the convention reads in a message: "forecast less budget, positive = overspend". */
export function describeConvention(convention: VarianceConvention): string {
  return convention === "forecast-minus-budget"
    ? "forecast less budget, positive = overspend"
    : "budget less forecast, positive = underspend";
}
