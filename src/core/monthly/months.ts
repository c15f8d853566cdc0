import type { Cell } from "../snapshot";
import { memoByText } from "../memo";
import { utcMsFromSerial } from "../serial-date";

/**
 * Month headers as councils type them over a monthly profile: real dates shown by a date number
 * format ("mmm-yy" shows 01/04/2025 as Apr-25), or text ("Apr", "April", "Apr-25", "April 2025",
 * "Sept '25"). Every function here is total: any cell in, a month or null out, never a throw.
 */
export interface MonthHeader {
  /** 1 (January) to 12 (December). */
  month: number;
  /** The calendar year when the header states one (2025 for "Apr-25"), else null. */
  year: number | null;
  /** True when the header is a date serial shown as a month, false for typed text. */
  isDate: boolean;
  /**
   * The accounting period a header names instead of a month ("P1", "Period 1", "M01"): 1 to 13,
   * period 1 being April (a UK council's financial year), 13 the year-end adjustments.
   */
  period?: number;
}

/** "P1", "P01", "Period 1", "Per 1", "M01", "Month 1": one accounting period of the year. */
const PERIOD_TEXT = /^(?:p|per\.?|period|m|mth|month)\s*[-.]?\s*0?(\d{1,2})$/i;

/** Most periods a year has: twelve months and a thirteenth for year-end adjustments. */
const MAX_PERIODS = 13;

function periodOfText(text: string): MonthHeader | null {
  const m = PERIOD_TEXT.exec(text.trim());
  const period = m?.[1] === undefined ? 0 : Number(m[1]);
  if (period < 1 || period > MAX_PERIODS) return null;
  // Period 1 is April; the thirteenth closes March's year.
  const month = period === MAX_PERIODS ? 3 : ((period + 2) % 12) + 1;
  return { month, year: null, isDate: false, period };
}

const NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Apr", "April", "Sept", "Apr-25", "April 2025", "Apr '25", "Apr/25", "apr.25". */
const MONTH_TEXT =
  /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:[\s\-–/.]*['’]?\s*(\d{2}|\d{4}))?$/i;

const monthOfText = memoByText((text: string): MonthHeader | null => {
  if (text.length > 20) return null;
  const m = MONTH_TEXT.exec(text.trim());
  if (!m || !m[1]) return null;
  const month = NAMES.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  const year = m[2] === undefined ? null : m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return { month, year, isDate: false };
});

/**
 * Whether a number format shows a date: it has a day, month or year code outside quoted text,
 * escapes and brackets (colours, locales), and is not a duration. Excel's format codes: "m"/"mm"
 * month number, "mmm" Jan–Dec, "mmmm" January–December, "yy"/"yyyy" year (Microsoft support,
 * "Review guidelines for customizing a number format"). A lone "m" next to "h" or "s" is minutes.
 */
export const isDateFormat = memoByText((format: string): boolean => {
  if (!format || format === "General") return false;
  const code = (format.split(";")[0] ?? "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  if (/[hs]/.test(code) && !/y|d|mmm/.test(code)) return false;
  return /y|d|m/.test(code) && !/[0#?]/.test(code);
});

/** Serial → calendar month and year in Excel's 1900 date system (serials past 60 only). */
function monthOfSerial(serial: number): { month: number; year: number } | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return null;
  const date = new Date(utcMsFromSerial(Math.floor(serial)));
  return { month: date.getUTCMonth() + 1, year: date.getUTCFullYear() };
}

/** The month a header cell names, or null when it names none. */
export function monthOfHeader(cell: Cell | null | undefined): MonthHeader | null {
  if (!cell || cell.error) return null;
  const { value } = cell;
  if (typeof value === "number") {
    if (!cell.numberFormat || !isDateFormat(cell.numberFormat)) return null;
    const m = monthOfSerial(value);
    return m ? { ...m, isDate: true } : null;
  }
  if (typeof value !== "string") return null;
  // Every row of every sheet is looked at: most text is no month, and says so by its first letter.
  if (value.length > 20 || !/^\s*[adfjmnops]/i.test(value)) return null;
  return monthOfText(value) ?? periodOfText(value);
}

/** How the header reads to an officer: "Apr-25" for a dated month, else "Apr". */
export function monthLabel(header: MonthHeader): string {
  if (header.period !== undefined) return `P${header.period}`;
  const name = SHORT[header.month - 1] ?? "?";
  return header.year === null ? name : `${name}-${String(header.year % 100).padStart(2, "0")}`;
}

/** True when `next` is the calendar month after `previous` (March 2026 after February 2026). */
export function followsOn(previous: MonthHeader, next: MonthHeader): boolean {
  // Periods follow periods, months months: "P3" never continues "May".
  if ((previous.period === undefined) !== (next.period === undefined)) return false;
  if (previous.period !== undefined && next.period !== undefined)
    return next.period === previous.period + 1;
  if (next.month !== (previous.month % 12) + 1) return false;
  if (previous.year === null || next.year === null) return true;
  return next.year === previous.year + (previous.month === 12 ? 1 : 0);
}

/** Fewest consecutive months that make a monthly profile: half a year (a year to date). */
export const MIN_MONTHS = 6;

/**
 * The longest run of adjacent columns in a row whose headers are consecutive months, when it is
 * at least MIN_MONTHS long and at most twelve (a thirteenth column repeating a month is not the
 * same year): e.g. Apr-25 … Mar-26, or Apr … Mar in financial-year order. Periods ("P1" … "P12")
 * are short codes other tables use too: they make a profile only as a whole year, P1 to P12
 * (and P13 where the year has one).
 */
export function monthRun(
  cells: readonly (Cell | null | undefined)[],
): { first: number; headers: MonthHeader[] } | null {
  let best: { first: number; headers: MonthHeader[] } | null = null;
  let run: { first: number; headers: MonthHeader[] } | null = null;
  for (let c = 0; c < cells.length; c++) {
    const header = monthOfHeader(cells[c]);
    const last = run?.headers[run.headers.length - 1];
    const most = header?.period === undefined ? 12 : MAX_PERIODS;
    if (header && run && last && followsOn(last, header) && run.headers.length < most) {
      run.headers.push(header);
    } else {
      run = header ? { first: c, headers: [header] } : null;
    }
    const fewest = run?.headers[0]?.period === undefined ? MIN_MONTHS : 12;
    if (
      run &&
      run.headers.length >= fewest &&
      (run.headers[0]?.period ?? 1) === 1 &&
      (!best || run.headers.length > best.headers.length)
    )
      best = { first: run.first, headers: [...run.headers] };
  }
  return best;
}
