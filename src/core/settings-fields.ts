import { z } from "zod";
import { roundDecimal } from "./tables/money";
import { parseAmountSetting } from "./values";

/**
 * The limits on each setting a person types, in the task pane or on the command line: one rule
 * set, so a value one shell accepts the other never refuses. `wants` finishes "… wants …" in
 * either shell's message.
 */
export const SETTING_FIELDS = {
  /** Red at this overspend, as a percentage of the budget (typed 7 for 7%). */
  ragPercent: { schema: z.number().min(0).max(100), wants: "a percentage from 0 to 100" },
  /** Red at this overspend in pounds, if lower. */
  ragAmount: { schema: z.number().min(0), wants: "an amount in pounds, 0 or more" },
  /** Amber from this overspend, as a percentage of the budget; below it (and the amount) Green. */
  ragAmberPercent: { schema: z.number().min(0).max(100), wants: "a percentage from 0 to 100" },
  /** Amber from this overspend in pounds, if lower. */
  ragAmberAmount: { schema: z.number().min(0), wants: "an amount in pounds, 0 or more" },
  /** A threshold of nothing would make every decision a key decision: it must be above zero. */
  keyThreshold: { schema: z.number().positive(), wants: "an amount in pounds above 0" },
  lateDays: { schema: z.number().int().min(0), wants: "a whole number of days, 0 or more" },
  callInDays: {
    schema: z.number().int().min(0).max(60),
    wants: "a whole number of working days (0 to 60)",
  },
} as const;

export type SettingField = keyof typeof SETTING_FIELDS;

/** What the field wants when `value` breaks its limits; null when it keeps them. */
export function settingProblem(field: SettingField, value: number): string | null {
  return SETTING_FIELDS[field].schema.safeParse(value).success ? null : SETTING_FIELDS[field].wants;
}

/** The RAG thresholds as the settings hold them (percentages as fractions). */
export interface RagThresholds {
  percent: number;
  amount: number;
  amberPercent?: number | undefined;
  amberAmount?: number | undefined;
}

export const AMBER_ABOVE_RED = "Amber must start below Red";

/**
 * Amber above Red on either measure would make the Amber band empty there and read as a typing
 * slip (7% for 0.7%), so it is refused; equal thresholds only leave that measure without Amber.
 */
export function ragOrderProblem(rag: RagThresholds): string | null {
  const percentAbove = rag.amberPercent !== undefined && rag.amberPercent > rag.percent;
  const amountAbove = rag.amberAmount !== undefined && rag.amberAmount > rag.amount;
  return percentAbove || amountAbove ? AMBER_ABOVE_RED : null;
}

/** Amounts read as a cell holding them is read: "£250k", "£0.25m", "1,234". */
const AMOUNTS: ReadonlySet<SettingField> = new Set<SettingField>([
  "ragAmount",
  "ragAmberAmount",
  "keyThreshold",
]);
const PERCENTS: ReadonlySet<SettingField> = new Set<SettingField>([
  "ragPercent",
  "ragAmberPercent",
]);

/** A percentage may carry its "%"; days are bare whole numbers ("3%" is no number of days). */
function plainNumber(field: SettingField, text: string): number {
  const trimmed = text.trim();
  const bare = PERCENTS.has(field) ? trimmed.replace(/\s*%$/, "") : trimmed;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(bare) ? Number(bare) : Number.NaN;
}

/**
 * A setting typed as text ("7", "7%", "£5,000") read as its number, or what the field wants when
 * the text is no number or breaks the limits.
 */
export function readSetting(
  field: SettingField,
  text: string,
): { value: number } | { problem: string } {
  const value = AMOUNTS.has(field)
    ? (parseAmountSetting(text) ?? Number.NaN)
    : plainNumber(field, text);
  const problem = Number.isFinite(value)
    ? settingProblem(field, value)
    : SETTING_FIELDS[field].wants;
  return problem === null ? { value } : { problem };
}

/**
 * Percent digits kept: a percentage typed with up to 8 decimal places survives the trip to a
 * fraction and back; the float noise of ×100 and ÷100 sits far below them.
 */
const PERCENT_PLACES = 8;

/** 7 (%) → 0.07, the fraction the settings store. */
export function percentToFraction(percent: number): number {
  return roundDecimal(percent, PERCENT_PLACES) / 10 ** (PERCENT_PLACES + 2);
}

/** 0.07 → 7, never 7.000000000000001: the percentage a person typed. */
export function fractionToPercent(fraction: number): number {
  return roundDecimal(fraction, PERCENT_PLACES + 2) / 10 ** PERCENT_PLACES;
}
