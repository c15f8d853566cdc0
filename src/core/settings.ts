import { z } from "zod";
import { BandSchema } from "./risk/bands";
import { DEFAULT_RAG } from "./budget/model";
import type { AnalyseOptions } from "./analyse";

/**
 * What a workbook's owner sets once for everyone who opens it: priority bands, RAG thresholds and
 * the source-name mapping. Stored in the workbook (Office settings) or, standalone, the browser.
 */
export const SettingsSchema = z.object({
  /** Empty: use each register's own key, else the council defaults. */
  bands: z.array(BandSchema).default([]),
  rag: z
    .object({ percent: z.number().min(0).max(1), amount: z.number().min(0) })
    .default(DEFAULT_RAG),
  sourceMap: z.record(z.string(), z.string()).default({}),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Settings from storage: anything unreadable falls back to the defaults rather than failing. */
export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function optionsFrom(settings: Settings, asOf: number): AnalyseOptions {
  return {
    asOf,
    ...(settings.bands.length > 0 ? { bands: settings.bands } : {}),
    rag: settings.rag,
    sourceMap: settings.sourceMap,
  };
}
