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

/**
 * An acronym is typed as one: two capitals at least ("SCR", "iBCF", "DfE", "LA"), so a short
 * word ("Care", "fund") is never read as the initials of someone else's name.
 */
function typedAcronyms(name: string): Set<string> {
  return new Set(
    name
      .split(/[^A-Za-z0-9]+/)
      .filter((t) => (t.match(/[A-Z]/g)?.length ?? 0) >= 2)
      .map((t) => t.toLowerCase()),
  );
}

/**
 * An acronym spelled by the starts of every one of the words, in order (a small word may give
 * nothing): "ibcf" by improved + better + care + fund, not by better + care + fund.
 */
function spellsEvery(acronym: string, names: readonly string[]): boolean {
  const from = (i: number, k: number): boolean => {
    const word = names[k];
    if (word === undefined) return i === acronym.length;
    for (let n = Math.min(word.length, acronym.length - i); n >= 1; n--)
      if (acronym.startsWith(word.slice(0, n), i) && from(i + n, k + 1)) return true;
    return STOP.has(word) && from(i, k + 1);
  };
  return acronym.length > 0 && from(0, 0);
}

/**
 * One name ("SCR Grant", "iBCF") abbreviating the other ("Adult Social Care Reform Grant",
 * "Improved Better Care Fund"): each of its words is an acronym of the other name's words or one
 * of them. `whole` when a single acronym spells every word of the other name it does not share,
 * so "Improved Better Care Fund" is iBCF rather than BCF when a workbook has both.
 */
function abbreviates(short: string, long: string): { whole: boolean } | null {
  const own = meaningful(short);
  const longWords = meaningful(long);
  const theirs = new Set(longWords);
  const typed = typedAcronyms(short);
  const all = words(long);
  const initials = all.map((w) => w[0]).join("");
  const acronyms = own.filter(
    (w) =>
      w.length >= 2 &&
      w.length <= 6 &&
      typed.has(w) &&
      !theirs.has(w) &&
      (initials.includes(w) || spelledByPrefixes(w, all)),
  );
  if (acronyms.length === 0 || !own.every((w) => acronyms.includes(w) || theirs.has(w)))
    return null;
  const ownWords = new Set(own);
  const rest = longWords.filter((w) => !ownWords.has(w));
  const only = acronyms.length === 1 ? acronyms[0] : undefined;
  return { whole: only !== undefined && spellsEvery(only, rest) };
}

function score(allocation: string, source: string): { score: number; how: MatchHow } | null {
  const a = meaningful(allocation);
  const s = meaningful(source);
  if (a.length === 0 || s.length === 0) return null;
  if (a.join(" ") === s.join(" ") || a.join(" ") === meaningful(shortName(source)).join(" "))
    return { score: 1, how: "same name" };
  const sourceWords = new Set(s);
  if (a.every((w) => sourceWords.has(w))) return { score: 0.9, how: "contained" };
  // Either name may be the short one: "SCR Grant" allocated from the "Adult Social Care Reform
  // Grant", or "Improved Better Care Fund" allocated from the sources table's "iBCF".
  const acronym = abbreviates(allocation, source) ?? abbreviates(shortName(source), allocation);
  if (acronym) return { score: acronym.whole ? 0.85 : 0.8, how: "acronym" };
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
