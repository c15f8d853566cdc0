import type { AmountMention, AmountRole } from "./record";
import { formatMoney, sumPounds } from "../tables/money";
import { collapseSpace, financialYearIn, moneyMentions, sentences } from "./text";

/**
 * Which £ figure a decision approves. The first £ in a record is often not it: Doncaster's record
 * approves "a total of £97,710" and then recalls a 2018 report's "Place Plan £3m"; Rotherham's
 * minutes state a "savings target of £9.1m" and approve a contract with no value at all. An amount
 * is an approval only when its sentence is operative (the decision itself: "To approve…", "agree
 * to provide…", "That … be agreed") and the figure is the object of that decision ("a total of",
 * "funding liability of", "approve £…"). Savings are never approvals.
 */

const VERBS =
  "approve|agree|award|allocate|release|provide|grant|authori[sz]e|commit|fund|spend|accept";
const DONE = "approved|agreed|awarded|allocated|released|granted|authori[sz]ed|committed";

/**
 * Operative wording: the decision being made now ("To approve…", "That … be agreed", "The Cabinet
 * Member approved the award…"), not one recalled ("which approved …", "originally approved in
 * April 2019", "had been agreed").
 */
const OPERATIVE = new RegExp(
  [
    `\\b(?:to|be|is|are|hereby|resolved to|agreed to|decided to|will)\\s+(?:${VERBS})\\b`,
    // An officer's decision in the first person: "I approve the allocation of £82,450".
    `\\b(?:I|we)\\s+(?:hereby\\s+|therefore\\s+|also\\s+)?(?:${VERBS})\\b`,
    `^(?:\\d+\\.?\\s+|\\([a-z0-9]+\\)\\s+)?(?:(?:${VERBS})[sd]?|${DONE}|approval of)\\b`,
    `\\bbe\\s+(?:${DONE})\\b`,
    `(?<!\\b(?:which|who|that|previously|originally|already|was|were|had|has|have|been)\\s)\\b(?:${DONE})\\s+(?:the|a|an|funding|expenditure|spend)\\b`,
  ].join("|"),
  "i",
);

/** Nouns whose "… of £x" is the sum itself: "a total of", "funding liability of", "a cost of". */
const MONEY_NOUNS =
  "total|liability|sum|amount|budget|grant|allocation|award|value|cost|funding|contribution|investment|envelope|expenditure|spend|release|payment|fee|price|loan|capital|revenue|overspend|uplift|increase";

/** Words right before a figure that make it the object of a decision. */
const LEAD_IN = new RegExp(
  `(?:(?:${MONEY_NOUNS})s? of|up to|not exceeding|maximum of|totalling|totaling|amounting to|worth|(?:${VERBS})(?:s|d|ed)?(?: a| an)?(?: further| additional| total| one-off)?)\\s*$`,
  "i",
);

/** A financial year heading a figure in an operative sentence: "2024/25: £1.2m". */
const YEAR_LEAD_IN = /(?:^|[\s(.,;:])(20\d{2}\s?[/-]\s?\d{2})\s?[:–—-]?\s?$/;

/** Words right after a figure that make it the subject of a decision: "That £50,000 be allocated". */
const LEAD_OUT = new RegExp(
  `^\\s?(?:of [^.;]{0,60}?\\s)?(?:be|is|are|is hereby|be hereby)\\s(?:${DONE})\\b`,
  "i",
);

const SAVINGS = /\bsavings?\b|\befficienc(?:y|ies)\b/i;
/** Savings named right after the figure: "£1.2m of savings proposals", "£750,000 savings from". */
const SAVINGS_AFTER =
  /^\s?(?:of\s+)?(?:(?:the|proposed|planned|recurrent|recurring|further|additional|annual|budget|cashable|efficiency)\s+){0,2}(?:savings?|efficienc(?:y|ies))\b/i;
/** A figure recalled from an earlier decision: "the previous allocation of £2m approved by Cabinet in July 2022". */
const EARLIER_BEFORE =
  /\b(?:previous(?:ly)?|earlier|existing|original(?:ly)?|prior|already)\b[^£]*$/i;
const EARLIER_AFTER = new RegExp(
  `^\\s?(?:(?:was|were|had been|has been|previously)\\s+)?(?:${DONE})\\s+(?:by|in|on|at|under)\\b`,
  "i",
);
/** A sentence refusing or putting off the matter: nothing in it is approved. */
const REFUSED = new RegExp(
  `\\b(?:be|is|are|was|were)\\s+not\\s+(?:${DONE})\\b|\\bnot\\s+to\\s+(?:${VERBS})\\b|\\bbe\\s+(?:refused|rejected|declined|deferred|withdrawn)\\b`,
  "i",
);

function yearLed(before: string): boolean {
  const year = YEAR_LEAD_IN.exec(before)?.[1];
  return year !== undefined && financialYearIn(year) !== null;
}

/**
 * A line giving one year's figure ("2024/25: £1.2m") belongs to the sentence before it: a
 * decision listing its approval year by year ("To approve the following funding. 2024/25: £1.2m.
 * 2025/26: £0.8m.") is one statement, however the list was punctuated.
 */
const YEAR_LINE = /^(?:in\s|for\s)?20\d{2}\s?[/-]\s?\d{2}\s?[:–—-]?\s?(?:£|GBP)/i;

function statementsOf(text: string): string[] {
  const out: string[] = [];
  for (const sentence of sentences(text)) {
    const previous = out.length - 1;
    if (previous >= 0 && YEAR_LINE.test(sentence)) out[previous] += ` ${sentence}`;
    else out.push(sentence);
  }
  return out;
}

/** What a sentence says as a whole, read once however many figures it holds. */
interface SentenceTone {
  operative: boolean;
  savings: boolean;
  refused: boolean;
}

function toneOf(sentence: string): SentenceTone {
  return {
    operative: OPERATIVE.test(sentence),
    savings: SAVINGS.test(sentence),
    refused: REFUSED.test(sentence),
  };
}

/**
 * How far either side of a figure its lead-in and lead-out words are looked for. Every pattern
 * reading them is anchored at the figure and reaches less far than this (the longest, LEAD_OUT's
 * "of …" phrase, 60 characters plus its verb), so a window reads the same as the whole sentence —
 * and a record of thousands of figures in one unpunctuated "sentence" is read in linear time, not
 * by rescanning the sentence up to each figure.
 */
const WINDOW = 160;

function roleOf(tone: SentenceTone, before: string, after: string): AmountRole {
  const near = before.slice(-60);
  if (SAVINGS.test(near) || SAVINGS_AFTER.test(after)) return "savings";
  if (tone.savings && !tone.operative) return "savings";
  if (tone.refused) return "context";
  if (EARLIER_BEFORE.test(near) || EARLIER_AFTER.test(after)) return "context";
  const led = LEAD_IN.test(before) || LEAD_OUT.test(after) || yearLed(before);
  return tone.operative && led ? "approval" : "context";
}

export interface AmountReading {
  /** The amount approved: one figure, or the sum of an approval stated year by year. */
  approved: AmountMention | null;
  /** Year by year, when the decision states its approval so ("£1m in 2024/25 and £2m in 2025/26"). */
  byYear: { year: string; amount: number }[];
  /** Financial year of the approved amount, from its own sentence. */
  year: string | null;
  others: AmountMention[];
  statement: string;
}

function describe(list: readonly AmountMention[]): string {
  return list.map((m) => m.text).join(", ");
}

/**
 * The amounts of a record, read part by part: `operative` parts are the decision itself (the
 * "Decision:" part, the resolutions of minutes); figures in other parts are context. An `item`
 * part is one lettered resolution of minutes: the approvals of several items add up.
 */
export function readAmounts(
  parts: readonly { text: string; operative: boolean; item?: boolean }[],
): AmountReading {
  const mentions: AmountMention[] = [];
  // Sentences that are numbered items of the decision ("1." or "(a)" before them, or opening them).
  const items = new Set<string>();
  for (const part of parts) {
    let marker = false;
    for (const sentence of statementsOf(part.text)) {
      if (LIST_MARKER.test(sentence)) {
        marker = true;
        continue;
      }
      if (part.operative && (marker || part.item === true || LIST_ITEM.test(sentence)))
        items.add(sentence);
      marker = false;
      const figures = moneyMentions(sentence);
      const tone = figures.length > 0 ? toneOf(sentence) : null;
      for (const m of figures) {
        const end = m.index + m.text.length;
        const role = roleOf(
          tone ?? toneOf(sentence),
          sentence.slice(Math.max(0, m.index - WINDOW), m.index),
          sentence.slice(end, end + WINDOW),
        );
        mentions.push({
          amount: m.amount,
          text: m.text,
          role: role === "approval" && !part.operative ? "context" : role,
          sentence,
        });
      }
    }
  }
  const first = mentions.find((m) => m.role === "approval") ?? null;
  const byYear = first ? yearlyApprovals(first, mentions) : [];
  const listed = byYear.length > 1 ? [] : listedApprovals(mentions, items);
  const chosen =
    byYear.length > 1
      ? byYear.map((y) => y.original)
      : listed.length > 1
        ? listed
        : first
          ? [first]
          : [];
  const chosenSet = new Set(chosen);
  const others = mentions.filter((m) => !chosenSet.has(m));
  const savings = others.filter((m) => m.role === "savings");
  const total = sumPounds(chosen.map((m) => m.amount));
  const summed = byYear.length > 1 || listed.length > 1;
  const approved: AmountMention | null = first
    ? { ...first, amount: total, text: summed ? formatMoney(total) : first.text }
    : null;
  const year = summed ? null : first ? (financialYearIn(first.sentence)?.year ?? null) : null;
  let statement: string;
  if (approved && listed.length > 1)
    statement = `${approved.text} approved in ${listed.length} items: ${listed.map((m) => `${m.text} ("${collapseSpace(m.sentence)}")`).join("; ")}`;
  else if (approved && byYear.length > 1)
    statement = `${approved.text} approved: ${byYear.map((y) => `${y.mention.text} for ${y.year}`).join(", ")}`;
  else if (approved)
    statement = `${approved.text} approved${year ? ` for ${year}` : ""}: "${collapseSpace(approved.sentence)}"`;
  else if (savings.length > 0)
    statement = `No amount approved: the record states savings (${describe(savings)}), which are targets, not approvals`;
  else if (others.length > 0)
    statement = `No amount approved: the figures in the record (${describe(others)}) are context, not this decision's approval`;
  else statement = "No amount approved: the record states no sum of money";
  return {
    approved,
    year,
    byYear:
      byYear.length > 1 ? byYear.map((y) => ({ year: y.year, amount: y.mention.amount })) : [],
    others,
    statement,
  };
}

const LIST_ITEM = /^(?:\d{1,2}[.)]|\((?:[a-z]|\d{1,2}|[ivx]{1,4})\))\s/i;
const LIST_MARKER = /^(?:\d{1,2}[.)]|\((?:[a-z]|\d{1,2}|[ivx]{1,4})\))$/i;

/**
 * A decision listing its approvals as numbered items ("1. To approve £200,000 for the youth
 * service. 2. To approve £50,000 for the library service.") approves their sum: the first
 * approval of each item.
 */
function listedApprovals(
  mentions: readonly AmountMention[],
  items: ReadonlySet<string>,
): AmountMention[] {
  const out: AmountMention[] = [];
  const seen = new Set<string>();
  for (const m of mentions)
    if (m.role === "approval" && items.has(m.sentence) && !seen.has(m.sentence)) {
      seen.add(m.sentence);
      out.push(m);
    }
  return out;
}

// "£1m in 2024/25", "£250,000 for 2025-26", "£2m in financial year 2026/27", "£1.2m (2024/25)".
const YEAR_AFTER =
  /^\s?(?:(?:in|for)\s(?:the\s)?(?:financial\syear\s|FY\s?)?(20\d{2}\s?[/-]\s?\d{2})\b|\(\s?(?:in\s|for\s)?(?:FY\s?)?(20\d{2}\s?[/-]\s?\d{2})\s?\))/i;
// "2025/26: £0.8m": the year before the figure, after a joining word or the end of the last item.
const YEAR_BEFORE = /(?:^|[\s(.,;:])(20\d{2}\s?[/-]\s?\d{2})\s?[:–—-]?\s?$/;
const JOINER = /^\s?(?:,|and|plus|with|then|,\s?and|[.;])?\s?$/i;

/**
 * An approval stated year by year in one sentence: "To approve £1m in 2024/25 and £2m in 2025/26".
 * Each figure followed by its own year, joined by "and" or commas, is one year's approval.
 */
function yearlyApprovals(
  first: AmountMention,
  mentions: readonly AmountMention[],
): { year: string; mention: AmountMention; original: AmountMention }[] {
  const sentence = first.sentence;
  const inSentence = mentions.filter((m) => m.sentence === sentence);
  const found: { year: string; mention: AmountMention; original: AmountMention }[] = [];
  // From the sentence's start: the first figure's year may stand before it ("2024/25: £1.2m").
  let cursor = 0;
  for (const m of inSentence.slice(inSentence.indexOf(first))) {
    const at = sentence.indexOf(m.text, cursor);
    if (at < 0) break;
    const gap = sentence.slice(cursor, at);
    const before = YEAR_BEFORE.exec(gap);
    // Between the previous year and this figure only a joining word (and this figure's year) may stand.
    if (found.length > 0 && !JOINER.test(before ? gap.slice(0, before.index) : gap)) break;
    const after = before ? null : YEAR_AFTER.exec(sentence.slice(at + m.text.length));
    const stated = before?.[1] ?? after?.[1] ?? after?.[2];
    const year = stated ? financialYearIn(stated)?.year : undefined;
    if (!year || found.some((f) => f.year === year)) break;
    found.push({
      year,
      original: m,
      mention: m.role === "savings" ? m : { ...m, role: "approval" },
    });
    cursor = at + m.text.length + (after?.[0].length ?? 0);
  }
  return found.every((f) => f.mention.role === "approval") ? found : [];
}
