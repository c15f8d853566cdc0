import { HALF_PENNY, isNilMoney } from "./money";

/**
 * Which way round a council states its variance. Councils publish both: "Variance Over/(Under)",
 * "Adverse/(Favourable)" and a plain "Variance" are forecast − budget (positive = overspend);
 * "Under/(Over)" and "Favourable/(Adverse)" are budget − forecast (positive = underspend). The
 * header says so when it can; otherwise the figures decide (`conventionFromFigures`), and the
 * message names the convention used.
 */
export type VarianceConvention = "forecast-minus-budget" | "budget-minus-forecast";

/** The direction words a variance header uses; each is the overspend side or the underspend side. */
const DIRECTION_WORD =
  /(\(\s*)?\b(?:(over|adverse|adv)|(under|favourable|fav))(?:\s*\)?\s*spend(?:ing)?)?\b/gi;

interface DirectionWord {
  /** True for over / overspend / adverse / adv: the side where forecast exceeds budget. */
  over: boolean;
  bracketed: boolean;
  /** The sign a legend pairs with the word ("adverse (+)", "- underspend", "underspend -ve"). */
  sign: SignMarker | null;
}

/**
 * A sign a legend gives one side. Strong markers say so alone ("(+)", "(-)", "+ve", "-ve",
 * "positive", "negative", "( )" accounting brackets); a bare "+" or "-" beside a word is weak,
 * since "Variance - overspend" may use the dash as a separator: it counts only beside a "+".
 */
interface SignMarker {
  positive: boolean;
  strong: boolean;
}

const STRONG_POSITIVE = /\(\s*\+\s*\)|\+\s*ve\b|\bpositive\b|\bplus\b/i;
const STRONG_NEGATIVE =
  /\(\s*[-−–]\s*\)|[-−–]\s*ve\b|\bnegative\b|\bminus\b|\(\s*\)|\bin\s+brackets\b/i;
const WEAK_POSITIVE = /\+/;
const WEAK_NEGATIVE = /(?<![A-Za-z0-9])[-−–](?![A-Za-z0-9])/;
/** Where one side's legend ends and the other's begins: "favourable (-) / adverse (+)". */
const LEGEND_SEPARATOR = /[/,;|\n]|\band\b/gi;

function signOf(text: string): SignMarker | null {
  const strongPositive = STRONG_POSITIVE.test(text);
  const strongNegative = STRONG_NEGATIVE.test(text);
  if (strongPositive !== strongNegative) return { positive: strongPositive, strong: true };
  if (strongPositive) return null;
  const weakPositive = WEAK_POSITIVE.test(text);
  const weakNegative = WEAK_NEGATIVE.test(text);
  return weakPositive !== weakNegative ? { positive: weakPositive, strong: false } : null;
}

/** The stretch of the header around index that belongs to one side of a legend. */
function segmentAround(header: string, start: number, end: number): string {
  let from = 0;
  let to = header.length;
  for (const m of header.matchAll(LEGEND_SEPARATOR)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return header.slice(from, start) + " " + header.slice(end, to);
}

/** The direction words of a header in order, each with whether it stands in brackets. */
function directionWords(text: string): DirectionWord[] {
  // "+/-" and "±" say a figure may take either sign: no legend (blanked to keep the indices).
  const header = text.replace(/\+\s*\/\s*[-−–]|[-−–]\s*\/\s*\+|±/g, (m) => " ".repeat(m.length));
  const out: DirectionWord[] = [];
  for (const m of header.matchAll(DIRECTION_WORD)) {
    // "(under)spend", "(Under)" and "( Overspend )" are bracketed: the "(" comes before the word.
    const bracketed = m[1] !== undefined;
    const end = m.index + m[0].length;
    // The ")" closing a bracketed word is its bracket, not a "( )" sign marker.
    const after = bracketed ? header.slice(end).replace(/^\s*\)/, "") : header.slice(end);
    const around = segmentAround(header, m.index, header.length - after.length);
    out.push({ over: m[2] !== undefined, bracketed, sign: signOf(around) });
  }
  return out;
}

/**
 * The convention a legend's signs state ("favourable (-) / adverse (+)", "+ overspend /
 * - underspend", "underspend -ve"): whichever side a sign is paired with decides. Null when no
 * side carries a sign or only a weak "-" is given; "conflict" when the signs disagree.
 */
function conventionFromSigns(
  words: readonly DirectionWord[],
): VarianceConvention | "conflict" | null {
  const signed = words.filter((w): w is DirectionWord & { sign: SignMarker } => w.sign !== null);
  if (signed.length === 0) return null;
  if (!signed.some((w) => w.sign.strong || w.sign.positive)) return null;
  const conventions = new Set(
    signed.map((w) =>
      w.over === w.sign.positive ? "forecast-minus-budget" : "budget-minus-forecast",
    ),
  );
  return conventions.size === 1 ? ([...conventions][0] as VarianceConvention) : "conflict";
}

/**
 * The convention a header states, or null when it states none ("Variance", "Forecast variance £").
 * The bracketed word is the negative side wherever it stands: "Over/(Under)", "(Under)/Over",
 * "Variance (Fav)/Adv" and "Overspend/(Underspend)" are forecast − budget; "Under/(Over)",
 * "Underspend / (Overspend)" and "(Adverse)/Favourable" are budget − forecast. Without brackets
 * the sign a legend pairs with a word decides ("favourable (-) / adverse (+)" is forecast − budget);
 * failing that the first word of a pair is the positive side; a lone "overspend" or "adverse"
 * is positive.
 */
export function conventionFromHeader(header: string): VarianceConvention | null {
  const words = directionWords(header);
  const overs = words.filter((w) => w.over);
  const unders = words.filter((w) => !w.over);
  if (overs.length === 0 && unders.length === 0) return null;
  const bracketed = words.find((w) => w.bracketed);
  if (bracketed && overs.length > 0 && unders.length > 0)
    return bracketed.over ? "budget-minus-forecast" : "forecast-minus-budget";
  const bySigns = conventionFromSigns(words);
  // A legend that contradicts itself states nothing: the figures decide.
  if (bySigns) return bySigns === "conflict" ? null : bySigns;
  const first = words[0] as DirectionWord;
  if (overs.length > 0 && unders.length > 0)
    return first.over ? "forecast-minus-budget" : "budget-minus-forecast";
  // One side named alone: "Overspend", "Adverse variance" are positive when over.
  if (!/spend|adverse|favourable/i.test(header)) return null;
  return first.over ? "forecast-minus-budget" : "budget-minus-forecast";
}

/**
 * True when a header names a variance by its direction words alone: a pair of sides
 * ("(Under)/Over", "Underspend / (Overspend)", "Adverse/(Favourable)").
 */
export function namesVarianceDirections(header: string): boolean {
  const words = directionWords(header);
  return words.some((w) => w.over) && words.some((w) => !w.over);
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

/** True when the stated figures follow one convention more often than the other. */
export function figuresShowConvention(lines: readonly VarianceLine[]): boolean {
  let usual = 0;
  let reverse = 0;
  for (const { budget, forecast, variance } of lines) {
    if (forecast === budget) continue;
    if (Math.abs(variance - (forecast - budget)) <= HALF_PENNY) usual++;
    else if (Math.abs(variance - (budget - forecast)) <= HALF_PENNY) reverse++;
  }
  return usual !== reverse;
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

/**
 * How the convention reads in a message: "forecast less budget, positive = overspend" (or "actual
 * less budget" for a variance to date, `spend` naming what the budget is compared with).
 */
export function describeConvention(
  convention: VarianceConvention,
  spend: "forecast" | "actual" | "cost" = "forecast",
): string {
  return convention === "forecast-minus-budget"
    ? `${spend} less budget, positive = overspend`
    : `budget less ${spend}, positive = underspend`;
}
