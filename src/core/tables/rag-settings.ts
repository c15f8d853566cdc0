import type { RagLimit, RagRule } from "./rag-rule";

/**
 * The settings' side of RAG rules for money: the thresholds a workbook's owner sets (settings.ts,
 * the CLI's --rag-* options) and how they become a rule where the sheet states none.
 */

/**
 * The settings' RAG thresholds: Red at or above the lower of percent × |budget| and amount; an
 * optional Amber band below it. With neither Amber threshold set, any smaller overspend is Amber;
 * with one or both (the lower of the two when both), a smaller overspend is Green (councils keep
 * Green under 2%, Amber 2–5%, Red over 5%).
 */
export interface RagThresholds {
  percent: number;
  amount: number;
  /** Amber at or above this share of |budget| (a fraction: 0.02). */
  amberPercent?: number;
  /** Amber at or above this overspend in pounds. */
  amberAmount?: number;
}

/** Red at 5% of budget or £100,000, whichever is lower; any smaller overspend Amber. */
export const DEFAULT_RAG: RagThresholds = { percent: 0.05, amount: 100_000 };

/** Whether the settings set an Amber band (else any overspend short of Red is Amber). */
export function hasAmberBand(t: RagThresholds): boolean {
  return t.amberPercent !== undefined || t.amberAmount !== undefined;
}

/** The settings' form (lower of percent × |budget| and amount, at least) as a rule. */
export function ruleFromThresholds(t: RagThresholds): RagRule {
  const amber: RagLimit | null = hasAmberBand(t)
    ? {
        percent: t.amberPercent ?? null,
        amount: t.amberAmount ?? null,
        combine: "lower",
        strict: false,
      }
    : null;
  return {
    red: { percent: t.percent, amount: t.amount, combine: "lower", strict: false },
    amber,
    source: "settings",
  };
}

/**
 * The rule a table is rated by: the one its sheet (or another sheet) states, whole, else the
 * settings'. A stated rule with no Amber band keeps every smaller overspend Amber even when the
 * settings set one: the sheet's words are the council's rule, and are not mixed with ours.
 */
export function ragRuleFor(stated: RagRule | null, settings: RagThresholds): RagRule {
  if (stated === null) return ruleFromThresholds(settings);
  return stated.amber === null && hasAmberBand(settings)
    ? { ...stated, settingsAmberUnused: true }
    : stated;
}
