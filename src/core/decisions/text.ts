import { dateToSerial, parseMoney, serialToIsoDate } from "../values";

/**
 * Reading figures out of running text: amounts of money, dates and sentences. Everything here
 * works on whitespace-collapsed text, so how a record was wrapped (a web page saved as text, a
 * PDF copied into the pane) never changes what is read. Every function is total.
 */

/** Every run of whitespace (line breaks, tabs, no-break spaces) as one space; ends trimmed. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, " ").trim();
}

/**
 * Sentences of collapsed text. A full stop ends a sentence when a capital, a bracket, a bullet or
 * a list number follows; full stops inside figures ("£0.7m", "AHWB.012.2021") have no space after
 * them and never split. Bullets ("•", " - ") start a sentence of their own, and so does a
 * capitalised word after a closing bracket: a list item "(extension of 18 months)" ends there.
 */
export function sentences(text: string): string[] {
  const flat = collapseSpace(text);
  if (flat === "") return [];
  return flat
    .split(
      /(?<=[.!?;])\s+(?=[A-Z(•\d"“‘'])|(?<=\))\s+(?=[A-Z][a-z]+\s)|\s+(?=•\s)|\s+(?=[-–]\s+\d)/u,
    )
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export interface MoneyMention {
  /** In pounds, exact to the penny. */
  amount: number;
  /** The figure as written: "£97,710", "£3m". */
  text: string;
  /** Offset in the collapsed text it was read from. */
  index: number;
}

// "£97,710", "£18,116,521", "£0.7m", "£ 3 million", "£1.2bn", "£500k"; "GBP 97,710" and
// "97,710 GBP" as finance systems and some committee reports write them.
const FIGURE = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d+)?)`;
const UNIT = String.raw`(?:\s?(million|billion|m|bn|k)\b)?`;
const MONEY = new RegExp(
  String.raw`(?:£|\bGBP)\s?${FIGURE}${UNIT}|(?<![\d.,])${FIGURE}${UNIT}\s?GBP\b`,
  "giu",
);

/** Every £ amount in the text, in order. */
export function moneyMentions(text: string): MoneyMention[] {
  const flat = collapseSpace(text);
  const out: MoneyMention[] = [];
  for (const m of flat.matchAll(MONEY)) {
    const figure = m[1] ?? m[3] ?? "";
    const unit = (m[2] ?? m[4] ?? "").toLowerCase();
    const short = unit === "million" ? "m" : unit === "billion" ? "bn" : unit;
    const parsed = parseMoney(`£${figure}${short}`);
    if (parsed.kind !== "number") continue;
    out.push({ amount: parsed.value, text: m[0].trim(), index: m.index });
  }
  return out;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

const MONTH_NAMES =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
// 30/03/2021, 1.4.21, 1 April 2021, 1st April 2021, 2021-03-30 (ISO, as exported from
// modern.gov-style systems); 27th March and 2018 are not dates on their own.
const ISO_DATE = /(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])/g;
const NUMERIC_DATE = /(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})(?![\d/])/g;
const WORDED_DATE = new RegExp(
  `(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAMES}\\.?,?\\s+(\\d{4})(?!\\d)`,
  "gi",
);

export interface DateMention {
  /** ISO date, 2021-04-01. */
  iso: string;
  text: string;
  index: number;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

/** Every calendar date in the text (UK order), in order of appearance. */
export function dateMentions(text: string): DateMention[] {
  const flat = collapseSpace(text);
  const out: DateMention[] = [];
  for (const m of flat.matchAll(NUMERIC_DATE)) {
    const yearText = m[3] ?? "";
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const serial = dateToSerial(year, Number(m[2]), Number(m[1]));
    if (serial !== null) out.push({ iso: serialToIsoDate(serial), text: m[0], index: m.index });
  }
  for (const m of flat.matchAll(ISO_DATE)) {
    const serial = dateToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    if (serial !== null) out.push({ iso: serialToIsoDate(serial), text: m[0], index: m.index });
  }
  for (const m of flat.matchAll(WORDED_DATE)) {
    const serial = dateToSerial(Number(m[3]), monthNumber(m[2] ?? ""), Number(m[1]));
    if (serial !== null) out.push({ iso: serialToIsoDate(serial), text: m[0], index: m.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Dates written in the text that name no calendar day ("31/02/2024", "30 February 2024"), as
 * written: the record states a date, but not one that exists, so none is guessed.
 */
export function impossibleDates(text: string): string[] {
  const flat = collapseSpace(text);
  const out: { text: string; index: number }[] = [];
  for (const m of flat.matchAll(NUMERIC_DATE)) {
    const yearText = m[3] ?? "";
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const month = Number(m[2]);
    // Only a day and month that could be one ("31/02"), not any pair of numbers ("1.45.2021").
    if (month >= 1 && month <= 12 && dateToSerial(year, month, Number(m[1])) === null)
      out.push({ text: m[0], index: m.index });
  }
  for (const m of flat.matchAll(WORDED_DATE))
    if (dateToSerial(Number(m[3]), monthNumber(m[2] ?? ""), Number(m[1])) === null)
      out.push({ text: m[0], index: m.index });
  return out.sort((a, b) => a.index - b.index).map((d) => d.text);
}

/** The first date in the text, or null. */
export function firstDate(text: string): string | null {
  return dateMentions(text)[0]?.iso ?? null;
}

/** A UK financial year named in the text ("for 2024/25", "in 2024-25"): its first and last day. */
export function financialYearIn(text: string): { year: string; start: string; end: string } | null {
  for (const m of collapseSpace(text).matchAll(/(?<![\d/])(20\d{2})\s?[/-]\s?(\d{2})(?![\d/-])/g)) {
    const start = Number(m[1]);
    if ((start + 1) % 100 !== Number(m[2])) continue;
    return {
      year: `${start}/${String((start + 1) % 100).padStart(2, "0")}`,
      start: `${start}-04-01`,
      end: `${start + 1}-03-31`,
    };
  }
  return null;
}
