import type { CellValue } from "./snapshot";
import { roundToPence } from "./tables/pence";
import {
  EXCEL_EPOCH_UTC_MS,
  MS_PER_DAY,
  utcMsFromSerial,
  type SerialDate,
  type SerialValue,
} from "./serial-date";

/**
 * Reading values the way council officers type them. Every parser here is total: it returns a
 * tagged result for any input and never throws.
 */
export type ParsedValue =
  | { kind: "blank" }
  /** fromText: the cell held text such as "1,234" or "3 - Likely" rather than a number. */
  | { kind: "number"; value: number; fromText: boolean; label?: string }
  /** tbc / n/a / to be confirmed: not a number, not an error, money not yet known. */
  | { kind: "unconfirmed"; text: string }
  | { kind: "text"; text: string };

/** String(value), but total: some objects refuse conversion, and user data must never crash us. */
export function safeText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * The one list of words that say money is not confirmed yet, as a cell's whole text: "tbc",
 * "awaiting confirmation", "bid pending", "subject to approval", "provisional"; or several joined
 * ("TBC - bid pending", "Provisional (subject to approval)"). Whole text only: "awaiting journal"
 * is text in a money column, and a header "Provisional outturn" names a column, not an amount.
 */
const UNCONFIRMED_PHRASE = String.raw`(?:tbc|tbd|tba|n\/?a|na|not known|unknown|to be (?:confirmed|agreed|determined)|(?:bid |approval )?pending|awaiting(?: (?:confirmation|approval|funding|decision))?|subject to (?:approval|confirmation|funding)|provisional|\?+)`;
const UNCONFIRMED = new RegExp(
  String.raw`^${UNCONFIRMED_PHRASE}(?:\s*[-\u2013\u2014:,;(]\s*${UNCONFIRMED_PHRASE}\)?)*\.?$`,
  "i",
);
const NIL = /^[-–—\u2212]$/;

export function isUnconfirmedText(text: string): boolean {
  return UNCONFIRMED.test(text.trim());
}

function blankOrSpecial(value: CellValue): ParsedValue | string {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "boolean") return { kind: "text", text: safeText(value) };
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { kind: "number", value, fromText: false }
      : { kind: "text", text: safeText(value) };
  }
  // Hosts hand us CellValue, but a parser of user data must be total whatever arrives.
  if (typeof value !== "string") return { kind: "text", text: safeText(value) };
  const text = value.trim();
  if (text === "" || NIL.test(text)) return { kind: "blank" };
  if (isUnconfirmedText(text)) return { kind: "unconfirmed", text };
  return text;
}

/**
 * Rounds to whole pence. @deprecated Use roundToPence from tables/money.ts (the one money module);
 * this name stays for code written against it.
 */
export const roundMoney = roundToPence;

const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^(\d+(\.\d*)?|\.\d+)$/;
/** Minus as officers type it: hyphen, en dash, or the minus sign U+2212 that Word and web pages paste. */
const MINUS = "[-\u2013\u2212]";
/** "£(1,234)", "(£1,234)", "(1.2m)": brackets mean negative; at most one £, inside or out. */
const BRACKETED = /^(?:GBP|£)?\((?:GBP|£)?([^()]*)\)$/i;
/** "-£5", "£-5", "−£0.5m", "GBP10": one sign at most, before or after the £. */
const SIGNED = new RegExp(`^(${MINUS})?(?:GBP|£)?(${MINUS})?(.*)$`, "i");
const SCALE_WORD = /^(.*?)(k|m|bn)$/i;
const SCALE_PLACES = { k: 3, m: 6, bn: 9 } as const;

/** "1.25" shifted `places` decimal places left as text ("1250" for 3), so 0.25m is 250000 exactly. */
function shiftDecimal(digits: string, places: number): string {
  if (places === 0) return digits;
  const [whole = "", fraction = ""] = digits.split(".");
  const padded = fraction.padEnd(places, "0");
  return `${whole}${padded.slice(0, places)}.${padded.slice(places)}`;
}

/** The amount a sign-free body states ("1,234.50", "250k", "0.25m"), or null when it is no amount. */
function amountOfBody(body: string): number | null {
  let digits = body;
  let places = 0;
  const scaled = SCALE_WORD.exec(body);
  if (scaled && scaled[1] !== undefined && scaled[2] !== undefined) {
    digits = scaled[1];
    places = SCALE_PLACES[scaled[2].toLowerCase() as keyof typeof SCALE_PLACES];
  }
  if (!GROUPED.test(digits) && !PLAIN.test(digits)) return null;
  const amount = Number(shiftDecimal(digits.replace(/,/g, ""), places));
  return Number.isFinite(amount) ? amount : null;
}

/**
 * Money and plain numbers as officers type them: 1234, "£1,234", "1,234.50", "(5,000)",
 * "(£1,234)", "£(1.005)", "-£5k", "−£5" (U+2212), "£1.2m", "£0.25m", "£250k", " £ 1,234 ".
 * Spaces may sit around the £, signs, brackets and the k/m/bn; spaces between digits ("1 234")
 * and more than one sign ("--5", "(-5)") are no amount. Rounded to whole pence (toPence, the one
 * money module's rounding: £(1.005) is -£1.01).
 */
export function parseMoney(value: CellValue): ParsedValue {
  const pre = blankOrSpecial(value);
  if (typeof pre !== "string") return pre;
  const text = pre
    .replace(/\s*([£()\-\u2013\u2212])\s*/g, "$1")
    .replace(/^GBP\s*/i, "GBP")
    .replace(/(\d)\s+(k|m|bn)$/i, "$1$2");
  if (/\s/.test(text)) return { kind: "text", text: pre };
  const bracketed = BRACKETED.exec(text);
  const signed = bracketed ? null : SIGNED.exec(text);
  const negative = bracketed !== null || Boolean(signed?.[1]) || Boolean(signed?.[2]);
  const body = bracketed ? bracketed[1] : signed?.[1] && signed[2] ? null : signed?.[3];
  const amount = body === null || body === undefined ? null : amountOfBody(body);
  if (amount === null) return { kind: "text", text: pre };
  return { kind: "number", value: roundMoney(negative ? -amount : amount), fromText: true };
}

/**
 * An amount typed as a setting (the RAG overspend in £, the key-decision threshold), read as
 * parseMoney reads a cell, so "£250k", "£0.25m" and "1,234" mean the same in the task pane and
 * the CLI; null when the text is no amount. The caller decides which amounts it accepts.
 */
export function parseAmountSetting(text: string): number | null {
  const parsed = parseMoney(text);
  return parsed.kind === "number" ? parsed.value : null;
}

/**
 * Likelihood/impact cells: a number, a number stored as text, or a drop-down label that carries
 * its number: "3 - Likely", "3. Likely", "Likely (3)".
 */
export function parseScaleValue(value: CellValue): ParsedValue {
  const pre = blankOrSpecial(value);
  if (typeof pre !== "string") return pre;
  if (PLAIN.test(pre)) return { kind: "number", value: Number(pre), fromText: true };
  const leading = /^(\d+)\s*[-–—.:)]?\s*([A-Za-z].*)$/.exec(pre);
  if (leading && leading[1] && leading[2]) {
    return { kind: "number", value: Number(leading[1]), fromText: true, label: leading[2].trim() };
  }
  const bracketedFirst = /^[([]\s*(\d+)\s*[)\]]\s*([A-Za-z].*)$/.exec(pre);
  if (bracketedFirst && bracketedFirst[1] && bracketedFirst[2]) {
    const label = bracketedFirst[2].trim();
    return { kind: "number", value: Number(bracketedFirst[1]), fromText: true, label };
  }
  const trailing = /^([A-Za-z].*?)\s*[([]\s*(\d+)\s*[)\]]$/.exec(pre);
  if (trailing && trailing[1] && trailing[2]) {
    return { kind: "number", value: Number(trailing[2]), fromText: true, label: trailing[1] };
  }
  return { kind: "text", text: pre };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel serial day number (1900 date system) of a calendar date, or null if no such date. */
export function dateToSerial(year: number, month: number, day: number): SerialDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round((time - EXCEL_EPOCH_UTC_MS) / MS_PER_DAY) as SerialDate;
}

/** The calendar day of a Date, as a serial (the core never reads the clock; callers pass it in). */
export function serialOfDay(date: Date): SerialDate {
  return dateToSerial(date.getFullYear(), date.getMonth() + 1, date.getDate()) ?? (0 as SerialDate);
}

export function serialToIsoDate(serial: SerialValue): string {
  const time = utcMsFromSerial(Math.floor(serial));
  return new Date(time).toISOString().slice(0, 10);
}

/** en-GB display: 25/11/2024. */
export function serialToUkDate(serial: SerialValue): string {
  const [y, m, d] = serialToIsoDate(serial).split("-");
  return `${d}/${m}/${y}`;
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length <= 2 ? 2000 + year : year;
}

/**
 * Dates as serial numbers: Excel serials, UK text dates (dd/mm/yyyy, d-m-yy, dd.mm.yyyy),
 * ISO dates and "12 March 2025". Returns null for anything else.
 */
export function parseDate(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m && m[1] && m[2] && m[3]) return dateToSerial(fullYear(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(T.*)?$/.exec(text);
  if (m && m[1] && m[2] && m[3]) return dateToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{2}|\d{4})$/.exec(text);
  if (m && m[1] && m[2] && m[3]) {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
    if (month === 0) return null;
    return dateToSerial(fullYear(m[3]), month, Number(m[1]));
  }
  return null;
}
