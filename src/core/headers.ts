/**
 * Recognising columns by what their header means rather than by fixed names: synonyms, then
 * containment, then fuzzy matching for typing slips ("Likelyhood", "Probabilty").
 */
export interface FieldSpec<F extends string = string> {
  field: F;
  /** Normalised phrases (see normaliseHeader). Single letters only ever match exactly. */
  synonyms: readonly string[];
}

export interface FieldMatch<F extends string = string> {
  field: F;
  /** 1 exact, 0.9 leading phrase, 0.8 contains all words, ≤ 0.75 fuzzy. */
  quality: number;
}

/** Lower case, words only: "Score (I x L)" → "score i x l", "Risk Ref." → "risk ref". */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/£/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/** Levenshtein distance, two-row dynamic programme. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** Synonyms split into words once: matching runs for every text cell of a large sheet. */
const synonymWords = new Map<string, readonly string[]>();
function wordsOf(synonym: string): readonly string[] {
  let words = synonymWords.get(synonym);
  if (!words) synonymWords.set(synonym, (words = synonym.split(" ")));
  return words;
}

function matchQuality(
  header: string,
  words: readonly string[],
  fuzzy: boolean,
  synonym: string,
): number {
  if (header === synonym) return 1;
  if (synonym.length < 3) return 0;
  if (synonym.length >= 5 && header.startsWith(synonym + " ")) return 0.9;
  if (synonym.length >= 5 && wordsOf(synonym).every((w) => words.includes(w))) return 0.8;
  // Similarity ≥ 0.8 needs the lengths within a fifth of each other; skip the edit distance otherwise.
  if (
    fuzzy &&
    synonym.length >= 6 &&
    Math.abs(header.length - synonym.length) <= Math.ceil(synonym.length / 5)
  ) {
    const score = similarity(header, synonym);
    if (score >= 0.8) return score * 0.9;
  }
  return 0;
}

/** The best field for a normalised header, or null. Ties go to the spec listed first. */
export function matchField<F extends string>(
  header: string,
  specs: readonly FieldSpec<F>[],
): FieldMatch<F> | null {
  let best: FieldMatch<F> | null = null;
  const words = header.split(" ");
  // Typing slips are forgiven in words; a text with figures in it ("Line 1234") is data, not a slip.
  const fuzzy = !/\d/.test(header);
  for (const spec of specs) {
    for (const synonym of spec.synonyms) {
      const quality = matchQuality(header, words, fuzzy, synonym);
      if (quality > 0 && (!best || quality > best.quality)) best = { field: spec.field, quality };
    }
  }
  if (best && best.quality >= 1) return best;
  return joinedFragment(words, specs) ?? best;
}

/**
 * A word broken over two stacked header rows without a hyphen ("Likeli" / "hood") reads as two
 * words; joined, they are a header word a spec names exactly. Only an exact synonym counts, so
 * two real words ("Risk score") never join into something else.
 */
function joinedFragment<F extends string>(
  words: readonly string[],
  specs: readonly FieldSpec<F>[],
): FieldMatch<F> | null {
  if (words.length < 2 || words.length > 4) return null;
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = [...words.slice(0, i), `${words[i]}${words[i + 1]}`, ...words.slice(i + 2)];
    const header = joined.join(" ");
    for (const spec of specs)
      if (spec.synonyms.includes(header)) return { field: spec.field, quality: 0.95 };
  }
  return null;
}
