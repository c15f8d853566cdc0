/**
 * Matching the names a workbook gives one funding source in two places: "SCR Grant" is the
 * "Adult Social Care Reform Grant", "RIEP" the "CLG allocation … released through RIEP",
 * "Other match funding" the "Match funding – including £200,000 NHS funds …".
 */
export type MatchHow = "same name" | "contained" | "acronym" | "contains" | "override";

export interface SourceMatch {
  source: string;
  how: MatchHow;
}

const STOP = new Set([
  "the",
  "and",
  "of",
  "for",
  "to",
  "in",
  "on",
  "by",
  "a",
  "an",
  "other",
  "including",
  "includes",
  "with",
  "from",
  "via",
]);

function words(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/£\s?[\d,.]+[km]?/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

const meaningful = (name: string) => words(name).filter((w) => !STOP.has(w));

/** The short name a person would use: the text before a bracket or a dash. */
export function shortName(name: string): string {
  return name.split(/\s[(–—-]\s?|\(/)[0]?.trim() || name.trim();
}

/**
 * An acronym built from the starts of consecutive words, not only their initials: "UKSPF" is
 * UK + Shared + Prosperity + Fund, "DfE" Department for Education (a small word may give nothing).
 */
export function spelledByPrefixes(acronym: string, sourceWords: readonly string[]): boolean {
  const from = (i: number, start: number): boolean => {
    if (i === acronym.length) return true;
    const word = sourceWords[start];
    if (word === undefined) return false;
    for (let n = Math.min(word.length, acronym.length - i); n >= 1; n--)
      if (acronym.startsWith(word.slice(0, n), i) && from(i + n, start + 1)) return true;
    return STOP.has(word) && from(i, start + 1);
  };
  for (let start = 0; start < sourceWords.length; start++)
    if (sourceWords[start]?.[0] === acronym[0] && from(0, start)) return true;
  return false;
}

function score(allocation: string, source: string): { score: number; how: MatchHow } | null {
  const a = meaningful(allocation);
  const s = meaningful(source);
  if (a.length === 0 || s.length === 0) return null;
  if (a.join(" ") === s.join(" ") || a.join(" ") === meaningful(shortName(source)).join(" "))
    return { score: 1, how: "same name" };
  const sourceWords = new Set(s);
  if (a.every((w) => sourceWords.has(w))) return { score: 0.9, how: "contained" };
  const initials = words(source)
    .map((w) => w[0])
    .join("");
  const all = words(source);
  const acronyms = a.filter(
    (w) =>
      w.length >= 2 &&
      w.length <= 6 &&
      !sourceWords.has(w) &&
      (initials.includes(w) || spelledByPrefixes(w, all)),
  );
  if (acronyms.length > 0 && a.every((w) => acronyms.includes(w) || sourceWords.has(w)))
    return { score: 0.8, how: "acronym" };
  const allocationWords = new Set(a);
  if (s.every((w) => allocationWords.has(w))) return { score: 0.7, how: "contains" };
  return null;
}

/** The best source for an allocation's name, or null when none is a fair match. */
export function matchSource(
  allocation: string,
  sources: readonly string[],
  overrides: Readonly<Record<string, string>> = {},
): SourceMatch | null {
  const wanted = Object.entries(overrides).find(
    ([from]) => from.trim().toLowerCase() === allocation.trim().toLowerCase(),
  )?.[1];
  if (wanted !== undefined) {
    const target = wanted.trim().toLowerCase();
    const hit =
      sources.find((s) => s.toLowerCase() === target) ??
      sources.find((s) => s.toLowerCase().includes(target));
    return hit ? { source: hit, how: "override" } : null;
  }
  let best: (SourceMatch & { score: number }) | null = null;
  for (const source of sources) {
    const m = score(allocation, source);
    if (m && (!best || m.score > best.score)) best = { source, how: m.how, score: m.score };
  }
  return best ? { source: best.source, how: best.how } : null;
}
