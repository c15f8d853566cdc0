import { normaliseHeader } from "../headers";
import type { CellValue, SheetSnapshot } from "../snapshot";

/**
 * Keys councils write beside, above, below their tables or on another sheet: bands of a score in
 * one cell ("Rating: 1-4 Low | 5-12 Medium | 15-25 High", "RAG: 1-3 Green, 4-6 Amber, 8-16 Red",
 * "1-2 Low | 3-4 Medium | 6 High | 9 Very high"), and word scales in a sentence ("Low = 1,
 * Medium = 2, High = 3", "Likelihood: 1 Rare, 2 Unlikely, …") or in a list of cells (a "Likelihood"
 * column of words beside a column of 1..n). Every parser here is total: any text in, no throw.
 */

/**
 * A cell that is a key/legend label, whole ("Risk Key:");
 * a table never runs into one. Every kind's detector stops a table at one, so it lives here.
 */
export const LEGEND_MARKER =
  /^(risk key|key|priority ratings?|rating bands?|risk bands?|risk matrix|definitions|scoring( key| matrix)?|legend|rag key)\s*:?\s*$/i;

export interface KeyBand {
  from: number;
  to: number;
  label: string;
}

/** A word scale: normalised word → its number, for one axis. */
export type WordScale = ReadonlyMap<string, number>;

export interface WordScales {
  likelihood: WordScale | null;
  impact: WordScale | null;
}

const AXIS_WORDS = /\b(likelihood|probability|impact|severity|consequence)\b/i;
const LIKELIHOOD = /^(likelihood|probability|chance)$/;
const IMPACT = /^(impact|severity|consequences?)$/;

/** Normalised form of a scale word: "Almost Certain " → "almost certain". */
export function scaleWord(text: string): string {
  return normaliseHeader(text);
}

const SCORE_PRODUCT =
  /\b(?:likelihood|probability)\s*(?:x|×|\*|times)\s*(?:impact|severity|consequences?)\b/gi;
const ONE_CELL_SHAPE = /\d[^|,;]*[|,;][^\d]*\d|\d\s*(?:-|–|—|to)\s*\d[^\d]+\d/;
// A label may join two ratings with a slash ("Amber/Green", "Red / Amber", "A/G"): a letter must
// follow the slash, so a slash between bands ("1-4 Green / 5-9 Amber") still separates them.
const BAND_RANGE_FIRST =
  /(\d+)(?:\s*(?:-|–|—|to)\s*(\d+))?\s*(?:[:=]\s*)?([A-Za-z][A-Za-z]*(?:(?:[ -]|\s*\/\s*)[A-Za-z]+)*)/g;
const BAND_LABEL_FIRST =
  /([A-Za-z][A-Za-z]*(?:(?: |\s*\/\s*)[A-Za-z]+)*)\s*(?:[:=(]\s*)?(\d+)(?:\s*(?:-|–|—|to)\s*(\d+))?/g;

/** The top of an open band ("6+"), closed at the scale's top by the legend reader. */
const OPEN_TOP = 999;

/**
 * A one-cell key written more loosely, rewritten to the plain form the band patterns read:
 * "Key - Green (1-2) / Amber (3-4)", "Scores 1-2 are Low, 3-4 Medium and 6-9 High", "6+ Red".
 * Only ever an extra candidate: the bands must still be all the text says.
 */
function relaxedKey(text: string): string {
  return (
    text
      // A leading title ending in ":" or " - " ("RAG rating:", "Key -"), or "Scores" before a band.
      .replace(/^[A-Za-z]+(?: [A-Za-z]+){0,3}(?:\s*:|\s+[-–—])\s+/, "")
      .replace(/^(?:scores?|ratings?)\s+(?=\d)/i, "")
      // "Green (1-2)": the range in brackets.
      .replace(/\(\s*([^()]*?)\s*\)/g, " $1 ")
      .replace(/\s+and\s+/gi, ", ")
      // "1-2 are Low": a filler word between a range and its label.
      .replace(/(\d)\s+are\s+(?=[A-Za-z])/gi, "$1 ")
      .replace(/(\d+)\s*\+/g, `$1-${OPEN_TOP}`)
  );
}

/** A band's label as a key means it: "high risk " → "High", "very  high" → "Very high". */
export function tidyLabel(label: string): string {
  const tidy = label
    .replace(/\b(risk|priority|rating)\s*$/i, "")
    .trim()
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s+/g, " ");
  return tidy.charAt(0).toUpperCase() + tidy.slice(1);
}

/** Ascending, non-overlapping, two or more: bands a reader would accept as a key. */
export function coherentBands<B extends KeyBand>(bands: readonly B[]): B[] | null {
  if (bands.length < 2) return null;
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (!prev || !cur || cur.from <= prev.to) return null;
  }
  return sorted;
}

/** Bands matched in `text`, or none unless they are all it says (beyond separators). */
function bandsBy(text: string, pattern: RegExp, rangeFirst: boolean): KeyBand[] {
  const bands: KeyBand[] = [];
  let rest = text;
  for (const m of text.matchAll(pattern)) {
    const [whole, a, b, c] = m;
    const from = Number(rangeFirst ? a : b);
    const toText = rangeFirst ? b : c;
    const to = toText === undefined ? from : Number(toText);
    const label = tidyLabel((rangeFirst ? c : a) ?? "");
    // A score band is small numbers and a word or two: "31 October 2025" is a date.
    const plausible = from <= to && (to <= 100 || to === OPEN_TOP) && label.split(" ").length <= 3;
    if (!label || !Number.isFinite(from) || !Number.isFinite(to) || !plausible) return [];
    bands.push({ from, to, label });
    rest = rest.replace(whole, " ");
  }
  return /^[\s|,;/]*$/.test(rest) ? bands : [];
}

/**
 * Score bands stated in one cell, or null: a text that names likelihood or impact is a scale, not
 * bands. "Rating: 1-4 Low | 5-12 Medium" (ranges first) and "Low 1-4, Medium 5-12" both read.
 */
export function bandsInOneCell(written: string): KeyBand[] | null {
  // "Key (likelihood x impact): 1-4 Low, …" names the score the bands cut, not a scale.
  const text = written.replace(SCORE_PRODUCT, "L x I");
  // Two bands need a digit, a separator or range, and another digit: most text has none.
  if (text.length > 300 || !ONE_CELL_SHAPE.test(text) || AXIS_WORDS.test(text)) return null;
  // "Rating:", "RAG:", "Risk level = L x I." lead the key; what follows the last colon or "." is it.
  const body = text.replace(/^[^\d]*?[:.]\s*(?=\d)/, "").replace(/^.*=\s*L\s*x\s*I\.?/i, "");
  // "Rating key: Green 1-4 / Amber 6-9": a lead ending in a colon before the first band's label;
  // "Low: 1-4, Medium: 5-12" keeps the colon of its first band, so the text is tried whole too.
  const unled = text.replace(/^[^\d:]*?:\s*(?=[A-Za-z])/, "");
  for (const candidate of new Set([body, text, unled, relaxedKey(text)])) {
    const bands =
      coherentBands(bandsBy(candidate, BAND_RANGE_FIRST, true)) ??
      coherentBands(bandsBy(candidate, BAND_LABEL_FIRST, false));
    // "Low = 1, Medium = 2, High = 3" names the points of the likelihood/impact scale, not bands.
    if (bands) return scalePoints(bands) ? null : bands;
  }
  return null;
}

/**
 * Bands that are the points of a rating scale, one word per point 1, 2, 3 (to 5): a mapping of
 * scale words to numbers. Bands of a score (a product of two points) run past the scale's top
 * or hold a range; these do neither.
 */
function scalePoints(bands: readonly KeyBand[]): boolean {
  return (
    bands.length >= 3 &&
    bands.length <= 5 &&
    bands.every((b, i) => b.from === i + 1 && b.to === b.from)
  );
}

/**
 * The word scale a sentence states without naming an axis ("Scoring: Low = 1, Medium = 2,
 * High = 3"), or null: the same words score likelihood and impact alike.
 */
export function scaleMappingInText(text: string): WordScale | null {
  if (text.length > 300 || AXIS_WORDS.test(text) || !/[A-Za-z]\s*[=:]\s*\d/.test(text)) return null;
  const body = text.replace(/^[^=]*?:\s*(?=[A-Za-z][^:]*=)/, "");
  const bands = coherentBands(bandsBy(body, BAND_LABEL_FIRST, false));
  if (!bands || !scalePoints(bands)) return null;
  return scaleFrom(bands.map((b) => [b.label, b.from]));
}

const WORD_EQUALS = /([A-Za-z][A-Za-z ]*?)\s*=\s*(\d+)/g;
const NUMBER_WORD = /(\d+)\s*(?:[-–=:.)]\s*)?([A-Z][a-z]+(?: [a-z]+)?)/g;

interface AxisToken {
  at: number;
  axis?: "likelihood" | "impact";
  word?: string;
  value?: number;
}

function scaleFrom(entries: readonly [string, number][]): WordScale | null {
  if (entries.length < 3) return null;
  const map = new Map<string, number>();
  for (const [word, value] of entries) {
    const key = scaleWord(word);
    if (!key || map.has(key)) return null;
    map.set(key, value);
  }
  const values = [...map.values()].sort((a, b) => a - b);
  // 1..n, each once: a scale, not a list of figures.
  return values.every((v, i) => v === i + 1) ? map : null;
}

/**
 * Word scales stated in a sentence. Each mapping belongs to the axis named before it;
 * "Likelihood (L) and impact (I) are each scored Low = 1, …" gives both axes the same words.
 */
export function wordScalesInText(text: string): WordScales {
  const none: WordScales = { likelihood: null, impact: null };
  if (text.length > 600 || !/\d/.test(text)) return none;
  const tokens: AxisToken[] = [];
  for (const m of text.matchAll(/\b(likelihood|probability|impact|severity|consequences?)\b/gi)) {
    const word = (m[1] ?? "").toLowerCase();
    tokens.push({
      at: m.index,
      axis: /^(likelihood|probability)$/.test(word) ? "likelihood" : "impact",
    });
  }
  // "… are each scored Low = 1": a scale word is one or two words ("Almost certain").
  const lastWords = (phrase: string) => {
    const words = phrase.trim().split(/\s+/);
    return words.length > 2 ? (words[words.length - 1] ?? "") : words.join(" ");
  };
  let pairs = [...text.matchAll(WORD_EQUALS)].map((m) => ({
    at: m.index,
    word: lastWords(m[1] ?? ""),
    value: Number(m[2]),
  }));
  if (pairs.length < 3) {
    pairs = [...text.matchAll(NUMBER_WORD)].map((m) => ({
      at: m.index,
      word: (m[2] ?? "").trim(),
      value: Number(m[1]),
    }));
  }
  // Axis names inside a pair's word ("Score = Likelihood") are not axis markers.
  tokens.push(...pairs);
  tokens.sort((a, b) => a.at - b.at);
  const entries = { likelihood: [] as [string, number][], impact: [] as [string, number][] };
  let current = new Set<"likelihood" | "impact">();
  let lastWasAxis = false;
  for (const t of tokens) {
    if (t.axis) {
      if (!lastWasAxis) current = new Set();
      current.add(t.axis);
      lastWasAxis = true;
    } else if (t.word !== undefined && t.value !== undefined) {
      lastWasAxis = false;
      if (AXIS_WORDS.test(t.word)) continue;
      for (const axis of current) entries[axis].push([t.word, t.value]);
    }
  }
  return { likelihood: scaleFrom(entries.likelihood), impact: scaleFrom(entries.impact) };
}

const cellString = (value: CellValue | undefined): string =>
  typeof value === "string" ? value.trim() : "";

/** The axis a cell heads as a scale list's heading ("Likelihood", "Impact"), or null. */
export function scaleListAxis(value: CellValue | undefined): "likelihood" | "impact" | null {
  // A list heading is one word; most text cells are passed over on their first letter.
  // A digit survives normalising, so text with one ("CR12") is never an axis word.
  if (
    typeof value !== "string" ||
    value.length > 20 ||
    !/^\s*[LlPpCcIiSs]/.test(value) ||
    /\d/.test(value)
  )
    return null;
  const norm = normaliseHeader(value);
  return LIKELIHOOD.test(norm) ? "likelihood" : IMPACT.test(norm) ? "impact" : null;
}

/**
 * Word scales laid out as lists of cells: a "Likelihood" (or "Impact") header over words, with
 * their numbers 1..n in the next column ("Rare | 1", "Unlikely | 2", …). Returns each list found
 * with the cell of its header, so that a table detector can tell a key from a register.
 */
export function wordScaleLists(
  sheet: SheetSnapshot,
): { axis: "likelihood" | "impact"; row: number; column: number; scale: WordScale }[] {
  const found: { axis: "likelihood" | "impact"; row: number; column: number; scale: WordScale }[] =
    [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells) continue;
    for (let c = 0; c < cells.length; c++) {
      const axis = scaleListAxis(cells[c]?.value);
      if (!axis) continue;
      const scale = [c + 1, ...scoreColumns(cells, c)]
        .map((numbers) => listedScale(sheet, r, c, numbers))
        .find((s) => s !== null);
      if (scale) found.push({ axis, row: r, column: c, scale });
    }
  }
  return found;
}

/** The words under (row, column) with the numbers beside them in `numbers`, as a 1..n scale. */
function listedScale(
  sheet: SheetSnapshot,
  row: number,
  column: number,
  numbers: number,
): WordScale | null {
  const entries: [string, number][] = [];
  for (let k = row + 1; k < sheet.rows.length && entries.length < 10; k++) {
    const word = cellString(sheet.rows[k]?.[column]?.value);
    const value = sheet.rows[k]?.[numbers]?.value;
    if (!word || typeof value !== "number" || /\d/.test(word)) break;
    entries.push([word, value]);
  }
  return scaleFrom(entries);
}

const SCORE_HEADING = /^(score|scores|level|rating|value|points?|no|number)$/;

/**
 * Columns of the heading row headed as the scale's numbers ("Score | Likelihood | Impact": one
 * table, each row a number with its likelihood word and its impact word), nearest first.
 */
function scoreColumns(cells: readonly ({ value: CellValue } | null | undefined)[], column: number) {
  const found: number[] = [];
  cells.forEach((cell, c) => {
    if (c !== column && c !== column + 1 && typeof cell?.value === "string")
      if (SCORE_HEADING.test(normaliseHeader(cell.value))) found.push(c);
  });
  return found.sort((a, b) => Math.abs(a - column) - Math.abs(b - column));
}

/** The standard scales, used when a register's words are all in one of them and no key says. */
export const STANDARD_SCALES: readonly {
  axis: "likelihood" | "impact" | "both";
  words: string[][];
}[] = [
  {
    axis: "likelihood",
    words: [["rare"], ["unlikely"], ["possible"], ["likely"], ["almost certain", "very likely"]],
  },
  {
    axis: "impact",
    words: [
      ["insignificant", "negligible"],
      ["minor"],
      ["moderate"],
      ["major"],
      ["catastrophic", "critical", "severe"],
    ],
  },
  { axis: "both", words: [["low"], ["medium"], ["high"]] },
];

/**
 * The standard scale of an axis holding most of `words` (normalised), or null: one stray word
 * ("Severe" among Low/Medium/High) is a fault on its cell, not a reason to read no scale at all.
 */
export function standardScaleMostly(
  axis: "likelihood" | "impact",
  words: ReadonlySet<string>,
): WordScale | null {
  let best: { map: WordScale; covered: number } | null = null;
  for (const standard of STANDARD_SCALES) {
    if (standard.axis !== axis && standard.axis !== "both") continue;
    const map = new Map<string, number>();
    standard.words.forEach((names, i) => names.forEach((n) => map.set(n, i + 1)));
    const covered = [...words].filter((w) => map.has(w)).length;
    if (!best || covered > best.covered) best = { map, covered };
  }
  return best && best.covered >= 2 && best.covered * 2 > words.size ? best.map : null;
}

/** The standard scale of an axis holding every one of `words` (normalised), or null. */
export function standardScaleFor(
  axis: "likelihood" | "impact",
  words: ReadonlySet<string>,
): WordScale | null {
  if (words.size === 0) return null;
  for (const standard of STANDARD_SCALES) {
    if (standard.axis !== axis && standard.axis !== "both") continue;
    const map = new Map<string, number>();
    standard.words.forEach((names, i) => names.forEach((n) => map.set(n, i + 1)));
    if ([...words].every((w) => map.has(w))) return map;
  }
  return null;
}
