import type { Band } from "./bands";
import { readLegend } from "./risk/legend";

/**
 * Settings typed as text, by a person in the task pane or on the command line, read the same way
 * in both shells.
 */

/** "over 12 High" and ">12 High" are what a key writes as "13+ High": an open-ended top band. */
function openEndedAsPlus(item: string): string {
  const m = /^(?:over\s+|>\s*)(\d+)\s+(.+)$/i.exec(item);
  return m?.[1] && m[2] ? `${Number(m[1]) + 1}+ ${m[2]}` : item;
}

/** A score in from..to that some likelihood × impact on an n-point scale can make. */
function holdsPossibleScore(from: number, to: number, n: number): boolean {
  for (let score = from; score <= to; score++)
    for (let l = 1; l <= n; l++) if (score % l === 0 && score / l <= n) return true;
  return false;
}

/**
 * "1-2 Low, 3-6 Medium, 8-16 High" → bands, read with the same parser as a sheet's own key.
 * Empty text is no bands (use the sheet's key or the defaults); null when the text is not bands:
 * an item that is not a band, or a gap holding a score the grid can make (7 is no gap on a 4×4:
 * no likelihood × impact makes it), which would leave those risks unbanded.
 */
export function parseBandsText(text: string): Band[] | null {
  if (!text.trim()) return [];
  const items = text
    .split(/[,;\n]/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map(openEndedAsPlus);
  const legend = readLegend(
    {
      name: "settings",
      rows: [items.map((value) => ({ value }))],
      hiddenRows: [],
      hiddenColumns: [],
      merges: [],
    },
    new Set(),
  );
  const bands = legend.bands;
  if (!bands || bands.length !== items.length) return null;
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  const top = sorted[sorted.length - 1]?.to ?? 0;
  const scale = [3, 4, 5].find((n) => n * n >= top) ?? 5;
  for (let i = 1; i < sorted.length; i++) {
    const gapFrom = (sorted[i - 1]?.to ?? 0) + 1;
    const gapTo = (sorted[i]?.from ?? 0) - 1;
    if (gapFrom <= gapTo && holdsPossibleScore(gapFrom, gapTo, scale)) return null;
  }
  return bands;
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
