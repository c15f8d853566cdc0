import type { Band } from "./bands";
import { readLegend } from "./risk/legend";

/**
 * Settings typed as text, by a person in the task pane or on the command line, read the same way
 * in both shells.
 */

/**
 * "1-2 Low, 3-6 Medium, 8-16 High" → bands, read with the same parser as a sheet's own key.
 * Empty text is no bands (use the sheet's key or the defaults); null when the text is not bands.
 */
export function parseBandsText(text: string): Band[] | null {
  if (!text.trim()) return [];
  const cells = text.split(/[,;\n]/).map((t) => ({ value: t.trim() }));
  const legend = readLegend(
    { name: "settings", rows: [cells], hiddenRows: [], hiddenColumns: [], merges: [] },
    new Set(),
  );
  return legend.bands;
}

/** "JIP = Match funding" → an allocation name and the funding source it draws on; null if not. */
export function parseSourceMapEntry(text: string): { allocation: string; source: string } | null {
  const at = text.indexOf("=");
  if (at < 0) return null;
  const allocation = text.slice(0, at).trim();
  const source = text.slice(at + 1).trim();
  return allocation && source ? { allocation, source } : null;
}

/**
 * Entries ("allocation = source"), one per item, blank items skipped, as the map the analysis
 * takes; null when any item is not an entry.
 */
export function parseSourceMap(entries: readonly string[]): Record<string, string> | null {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    if (!entry.trim()) continue;
    const parsed = parseSourceMapEntry(entry);
    if (!parsed) return null;
    map[parsed.allocation] = parsed.source;
  }
  return map;
}
