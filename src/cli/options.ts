import {
  type AnalyseOptions,
  DEFAULT_KEY_DECISION_THRESHOLD,
  DEFAULT_LATE_PUBLICATION_DAYS,
  DEFAULT_CALL_IN_WORKING_DAYS,
  DEFAULT_RAG,
  parseAmountSetting,
  parseDate,
  parseSourceMap,
  parseSourceMapEntry,
  serialOfDay,
} from "../core";
import { UsageError } from "./errors";

export interface SharedOptions {
  asOf?: string;
  map?: string[];
  ragPercent?: string;
  ragAmount?: string;
  replaceTotals?: boolean;
  reconciliationSheet?: boolean;
  keyThreshold?: string;
  lateDays?: string;
  callInDays?: string;
}

function asOf(option: string | undefined, today: Date): number {
  if (option === undefined) return serialOfDay(today);
  const serial = parseDate(option);
  if (serial === null)
    throw new UsageError(`--as-of wants a date such as 2025-03-31 or 31/03/2025, not "${option}"`);
  return serial;
}

function sourceMap(pairs: readonly string[] = []): Record<string, string> {
  const map = parseSourceMap(pairs);
  if (map) return map;
  const bad = pairs.find((pair) => pair.trim() && !parseSourceMapEntry(pair)) ?? "";
  throw new UsageError(
    `--map wants "allocation name=source name", such as "JIP=Match funding", not "${bad}"`,
  );
}

function number(option: string | undefined, name: string, fallback: number, scale = 1): number {
  if (option === undefined) return fallback;
  const value = Number(option.replace(/[£,%\s]/g, ""));
  if (!Number.isFinite(value) || value < 0)
    throw new UsageError(`${name} wants a positive number, not "${option}"`);
  return value / scale;
}

/** An amount in pounds, read as the task pane's settings read it ("£250k", "£0.25m", "1,234"). */
function amount(option: string | undefined, name: string, fallback: number): number {
  if (option === undefined) return fallback;
  const value = parseAmountSetting(option);
  if (value === null || value < 0)
    throw new UsageError(
      `${name} wants a positive number of pounds, such as £250k, not "${option}"`,
    );
  return value;
}

/** A threshold of nothing would mark every amount: it must be above zero. */
function positive(value: number, option: string | undefined, name: string): number {
  if (value <= 0) throw new UsageError(`${name} wants a positive number, not "${option ?? ""}"`);
  return value;
}

function wholeDays(option: string | undefined, name: string, fallback: number): number {
  const days = number(option, name, fallback);
  if (!Number.isInteger(days) || days > 60)
    throw new UsageError(`${name} wants a whole number of working days (0 to 60), not "${option}"`);
  return days;
}

export function analyseOptions(options: SharedOptions, today: Date): AnalyseOptions {
  return {
    asOf: asOf(options.asOf, today),
    ...(options.asOf !== undefined ? { asOfChosen: true } : {}),
    sourceMap: sourceMap(options.map),
    rag: {
      percent: number(options.ragPercent, "--rag-percent", DEFAULT_RAG.percent, 100),
      amount: amount(options.ragAmount, "--rag-amount", DEFAULT_RAG.amount),
    },
    replaceTotals: options.replaceTotals === true,
    reconciliationSheet: options.reconciliationSheet !== false,
    decisions: {
      keyDecisionThreshold: positive(
        amount(options.keyThreshold, "--key-threshold", DEFAULT_KEY_DECISION_THRESHOLD),
        options.keyThreshold,
        "--key-threshold",
      ),
      latePublicationDays: number(options.lateDays, "--late-days", DEFAULT_LATE_PUBLICATION_DAYS),
      callInWorkingDays: wholeDays(
        options.callInDays,
        "--call-in-days",
        DEFAULT_CALL_IN_WORKING_DAYS,
      ),
    },
  };
}
