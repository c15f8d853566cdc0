import { z } from "zod";
import { BandSchema } from "./bands";
import { DEFAULT_RAG } from "./budget/model";
import type { AnalyseOptions } from "./analyse";
import type { SerialValue } from "./serial-date";
import { DEFAULT_KEY_DECISION_THRESHOLD, DEFAULT_LATE_PUBLICATION_DAYS } from "./decisions/checks";
import { DEFAULT_CALL_IN_WORKING_DAYS } from "./decisions/record-dates";
import { AMBER_ABOVE_RED, SETTING_FIELDS, ragOrderProblem } from "./settings-fields";

/**
 * What a workbook's owner sets once for everyone who opens it: priority bands, RAG thresholds and
 * the source-name mapping. Stored in the workbook (Office settings) or, standalone, the browser.
 */
export const SettingsSchema = z.object({
  /** Empty: use each register's own key, else the council defaults. */
  bands: z.array(BandSchema).default([]),
  rag: z
    .object({
      /** A fraction (0.07); people type and read it as a percentage (settings-fields.ts). */
      percent: z.number().min(0).max(1),
      amount: SETTING_FIELDS.ragAmount.schema,
      /** Amber from this fraction of the budget; absent with amberAmount: any smaller overspend is Amber. */
      amberPercent: z.number().min(0).max(1).optional(),
      amberAmount: SETTING_FIELDS.ragAmberAmount.schema.optional(),
    })
    .refine((rag) => ragOrderProblem(rag) === null, { message: AMBER_ABOVE_RED })
    .default(DEFAULT_RAG),
  sourceMap: z.record(z.string(), z.string()).default({}),
  /** The council's key-decision threshold (£) and how many days after a decision is late to publish it. */
  decisions: z
    .object({
      keyDecisionThreshold: SETTING_FIELDS.keyThreshold.schema,
      latePublicationDays: SETTING_FIELDS.lateDays.schema,
      /** The constitution's call-in period, in working days from publication. */
      callInWorkingDays: SETTING_FIELDS.callInDays.schema.default(DEFAULT_CALL_IN_WORKING_DAYS),
    })
    .default({
      keyDecisionThreshold: DEFAULT_KEY_DECISION_THRESHOLD,
      latePublicationDays: DEFAULT_LATE_PUBLICATION_DAYS,
      callInWorkingDays: DEFAULT_CALL_IN_WORKING_DAYS,
    }),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Settings from storage: anything unreadable falls back to the defaults rather than failing. */
export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Saved settings, or the defaults with `unreadable` set when what was saved does not parse. */
export function readSavedSettings(raw: unknown): { settings: Settings; unreadable: boolean } {
  const parsed = SettingsSchema.safeParse(raw ?? {});
  return parsed.success
    ? { settings: parsed.data, unreadable: false }
    : { settings: DEFAULT_SETTINGS, unreadable: true };
}

export function optionsFrom(settings: Settings, asOf: SerialValue): AnalyseOptions {
  return {
    asOf,
    ...(settings.bands.length > 0 ? { bands: settings.bands } : {}),
    rag: settings.rag,
    sourceMap: settings.sourceMap,
    decisions: settings.decisions,
  };
}
