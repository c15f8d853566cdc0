import {
  type AnalyseOptions,
  DEFAULT_KEY_DECISION_THRESHOLD,
  DEFAULT_LATE_PUBLICATION_DAYS,
  DEFAULT_CALL_IN_WORKING_DAYS,
  DEFAULT_RAG,
  parseDate,
  parseSourceMap,
  parseSourceMapEntry,
  percentToFraction,
  type RagThresholds,
  ragOrderProblem,
  readSetting,
  serialOfDay,
  type SettingField,
} from "../core";
import { UsageError } from "./errors";

export interface SharedOptions {
  asOf?: string;
  map?: string[];
  ragPercent?: string;
  ragAmount?: string;
  ragAmberPercent?: string;
  ragAmberAmount?: string;
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

/** A setting typed on the command line, held to the task pane's limits (settings-fields.ts). */
function setting(
  option: string | undefined,
  name: string,
  field: SettingField,
  fallback: number,
): number {
  if (option === undefined) return fallback;
  const read = readSetting(field, option);
  if ("problem" in read) throw new UsageError(`${name} wants ${read.problem}, not "${option}"`);
  return read.value;
}

/** The thresholds as given, refused by the core's one rule when Amber starts above Red. */
function ragInOrder<R extends RagThresholds>(rag: R): R {
  const problem = ragOrderProblem(rag);
  if (problem !== null) throw new UsageError(problem);
  return rag;
}

export function analyseOptions(options: SharedOptions, today: Date): AnalyseOptions {
  return {
    asOf: asOf(options.asOf, today),
    ...(options.asOf !== undefined ? { asOfChosen: true } : {}),
    sourceMap: sourceMap(options.map),
    rag: ragInOrder({
      percent:
        options.ragPercent === undefined
          ? DEFAULT_RAG.percent
          : percentToFraction(setting(options.ragPercent, "--rag-percent", "ragPercent", 0)),
      amount: setting(options.ragAmount, "--rag-amount", "ragAmount", DEFAULT_RAG.amount),
      // Absent unless given: with neither, any overspend short of Red is Amber, as before.
      ...(options.ragAmberPercent === undefined
        ? {}
        : {
            amberPercent: percentToFraction(
              setting(options.ragAmberPercent, "--rag-amber-percent", "ragAmberPercent", 0),
            ),
          }),
      ...(options.ragAmberAmount === undefined
        ? {}
        : {
            amberAmount: setting(options.ragAmberAmount, "--rag-amber-amount", "ragAmberAmount", 0),
          }),
    }),
    replaceTotals: options.replaceTotals === true,
    reconciliationSheet: options.reconciliationSheet !== false,
    decisions: {
      keyDecisionThreshold: setting(
        options.keyThreshold,
        "--key-threshold",
        "keyThreshold",
        DEFAULT_KEY_DECISION_THRESHOLD,
      ),
      latePublicationDays: setting(
        options.lateDays,
        "--late-days",
        "lateDays",
        DEFAULT_LATE_PUBLICATION_DAYS,
      ),
      callInWorkingDays: setting(
        options.callInDays,
        "--call-in-days",
        "callInDays",
        DEFAULT_CALL_IN_WORKING_DAYS,
      ),
    },
  };
}
