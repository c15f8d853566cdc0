import type { Cell } from "./snapshot";
import { isDateNumberFormat } from "./serial-date";
import { roundDecimal } from "./tables/pence";
import { serialToUkDate } from "./values";

/*
 * How Excel shows a number through a cell's number format. Format codes: Microsoft support,
 * "Review guidelines for customizing a number format"
 * (https://support.microsoft.com/en-us/office/review-guidelines-for-customizing-a-number-format-c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5):
 * up to four sections separated by ";" (positive; negative; zero; text); a "," between digit
 * placeholders groups thousands and after the last placeholder scales by a thousand; a "."
 * fixes the decimals; "%" multiplies by 100; quoted text, "\x" and "[$£-809]" show as written;
 * "_x" leaves the width of x blank, "*x" fills with x, and [Red] or [>100] show nothing.
 */

/** A number section read: the text around the digits and how the digits are laid out. */
interface NumberSection {
  before: string;
  after: string;
  decimals: number;
  /** Digits shown at the least before the point ("000" shows 5 as 005). */
  integerDigits: number;
  grouped: boolean;
  percent: boolean;
  /** How many times the figure is divided by a thousand ("#,##0," shows thousands). */
  thousands: number;
  /** False for a section of text alone ("-" for zero in accounting formats). */
  hasDigits: boolean;
}

/** The format's sections, split at each ";" outside quoted text and escapes. */
function sectionsOf(format: string): string[] {
  const sections = [""];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] ?? "";
    if (ch === ";") {
      sections.push("");
      continue;
    }
    let token = ch;
    if (ch === "\\") token += format[++i] ?? "";
    else if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      token = format.slice(i, end < 0 ? undefined : end + 1);
      i = end < 0 ? format.length : end;
    }
    sections[sections.length - 1] += token;
  }
  return sections;
}

/** Reads one section: what it shows around the digits, or null for a date or scientific one. */
function readSection(section: string): NumberSection | null {
  let before = "";
  let after = "";
  let placeholders = "";
  let percent = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] ?? "";
    let literal = "";
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") literal = section[++i] ?? "";
    else if (ch === "_") {
      i++;
      literal = " ";
    } else if (ch === "*") i++;
    else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inside = section.slice(i + 1, end < 0 ? undefined : end);
      literal = /^\$/.test(inside) ? (inside.slice(1).split("-")[0] ?? "") : "";
      i = end < 0 ? section.length : end;
    } else if (
      /[0#?]/.test(ch) ||
      // A "," or "." belongs to the digits between placeholders, or just after them.
      (/[.,]/.test(ch) && (placeholders !== "" || /[0#?]/.test(section.slice(i + 1))))
    ) {
      if (after === "") placeholders += ch;
      continue;
    } else if (/[eE]/.test(ch) && /^[eE][+-]/.test(section.slice(i))) return null;
    else if (/[dmyhs]/i.test(ch) || ch === "@") return null;
    else {
      if (ch === "%") percent = true;
      literal = ch;
    }
    if (placeholders === "") before += literal;
    else after += literal;
  }
  const [whole = "", fraction = ""] = placeholders.split(".");
  const trailing = /,+$/.exec(whole)?.[0].length ?? 0;
  const digits = whole.slice(0, whole.length - trailing);
  return {
    before,
    after,
    decimals: fraction.replace(/,/g, "").length,
    integerDigits: Math.max(1, (digits.match(/0/g) ?? []).length),
    grouped: /[0#?],+[0#?]/.test(digits),
    percent,
    thousands: trailing,
    hasDigits: /[0#?]/.test(placeholders),
  };
}

/** The figure a section shows for |value|, rounded half away from zero as Excel rounds it. */
function sectionFigure(value: number, section: NumberSection): number {
  const scaled = (Math.abs(value) * (section.percent ? 100 : 1)) / 1000 ** section.thousands;
  const factor = 10 ** section.decimals;
  const shifted = scaled * factor;
  // Away from a half, float noise cannot change the rounding: the quick way, for a change list
  // of 100,000 cells. At a half, Excel holds 15 significant digits: 0.045 × 100 is 4.5 to it
  // (and shows 5%), not the 4.4999… of the float, and the decimal typed rounds half away from 0.
  const fraction = shifted - Math.floor(shifted);
  if (Math.abs(fraction - 0.5) > 1e-6 + shifted * 1e-14) return Math.round(shifted) / factor;
  return roundDecimal(Number(scaled.toPrecision(15)), section.decimals) / factor;
}

/**
 * The figure a number shows under a cell's number format, as Excel rounds it for display:
 * 0.0437 under "0.0%" shows 4.4, 1234.5 under "#,##0" shows 1235, 1234567 under "#,##0," shows
 * 1235. Only the first section (positive numbers) is read: a negative number shows the same digits
 * under the negative section of the formats councils use. Null for a format whose display this
 * does not model (General, dates, text): compare the full figures then.
 */
export function shownNumber(value: number, format: string | undefined): number | null {
  const read = readFormat(format);
  if (typeof read === "string" || !Number.isFinite(value)) return null;
  return Math.sign(value) * sectionFigure(value, read.positive) + 0;
}

/**
 * The figure a number shows, General included: under General, what General prints, read back
 * (-0.7 typed shows -0.7, so a formula's -0.704 under "0.0" shows the same figure).
 */
function figureShown(value: number, format: string | undefined): number | null {
  const shown = shownNumber(value, format);
  if (shown !== null || readFormat(format) !== "general") return shown;
  return Number(generalNumber(value));
}

/** True when two numbers show the same figure under their cells' formats (both readable). */
export function showSameFigure(
  before: number,
  beforeFormat: string | undefined,
  after: number,
  afterFormat: string | undefined,
): boolean {
  const a = figureShown(before, beforeFormat);
  const b = figureShown(after, afterFormat);
  return a !== null && b !== null && a === b;
}

/**
 * The figure's digits as an en-GB reader writes them (Intl.NumberFormat("en-GB") groups with ","
 * and points with "."), written out here because a change list formats up to 200,000 figures and
 * Intl takes microseconds for each. `figure` is already rounded to the section's decimals, so
 * toFixed only writes it out.
 */
function digitsText(figure: number, section: NumberSection): string {
  const [whole = "", fraction] = figure.toFixed(section.decimals).split(".");
  const padded = whole.padStart(section.integerDigits, "0");
  const grouped = section.grouped ? padded.replace(/\B(?=(\d{3})+$)/g, ",") : padded;
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * Excel's General format: as many digits as fit in 11 characters, so float noise never shows
 * (0.30000000000000004 is 0.3, 1/3 is 0.333333333), and scientific from 1E+11 on.
 */
export function generalNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    const [mantissa = "", exponent = "0"] = value.toExponential(5).split("e");
    const sign = exponent.startsWith("-") ? "-" : "+";
    const power = exponent.replace(/^[+-]/, "").padStart(2, "0");
    return `${mantissa.replace(/\.?0+$/, "")}E${sign}${power}`;
  }
  const integerDigits = abs < 1 ? 1 : Math.floor(Math.log10(abs)) + 1;
  const decimals = Math.max(0, 10 - integerDigits);
  return String((Math.sign(value) * roundDecimal(abs, decimals)) / 10 ** decimals + 0);
}

/** A format read once: its sections, or "date" / "general" for formats shown another way. */
type ReadFormat = "date" | "general" | { sections: string[]; positive: NumberSection };

/**
 * Formats read so far: a change list of a 100,000-row column reads the same one or two formats
 * for every cell. Bounded, as a workbook holds a few hundred formats at the most.
 */
const readFormats = new Map<string, ReadFormat>();

function readFormat(format: string | undefined): ReadFormat {
  if (!format || /^general$/i.test(format.trim())) return "general";
  let read = readFormats.get(format);
  if (read === undefined) {
    const sections = sectionsOf(format);
    const positive = readSection(sections[0] ?? "");
    read = isDateNumberFormat(format)
      ? "date"
      : positive?.hasDigits
        ? { sections, positive }
        : "general";
    if (readFormats.size > 1000) readFormats.clear();
    readFormats.set(format, read);
  }
  return read;
}

/** A number as a format with digits shows it. */
function numberShown(value: number, format: { sections: string[]; positive: NumberSection }) {
  const { sections, positive } = format;
  const own =
    value < 0 && sections.length > 1
      ? sections[1]
      : value === 0 && sections.length > 2
        ? sections[2]
        : undefined;
  const section = own === undefined ? positive : readSection(own);
  if (!section) return generalNumber(value);
  if (!section.hasDigits) return `${section.before}${section.after}`.trim();
  const figure = sectionFigure(value, section);
  const body = `${section.before}${digitsText(figure, section)}${section.after}`.trim();
  // A section of their own shows negatives without a sign (its brackets or "-" say it); under
  // the one section a negative that still shows a figure takes a minus, never "-0".
  return value < 0 && own === undefined && figure !== 0 ? `-${body}` : body;
}

/**
 * A cell's value as Excel shows it through its number format, for lists a person reads (the
 * pane's cell views, the change lists of `apply` and the pane): a date serial under a date format
 * as dd/mm/yyyy (the council's own way of writing dates, whatever the format's order), a number
 * with its format's decimals, grouping, percent, currency and negative brackets ("£#,##0.00"
 * shows 61731.456 as £61,731.46, "0%" shows 0.3 as 30%), and under General as Excel's General
 * shows it (0.30000000000000004 as 0.3). Text, errors and booleans show as they are. `money`: an
 * amount under General reads with thousands separators (see groupedGeneral).
 */
export function displayedValue(
  cell: Cell | null | undefined,
  { money = false }: { money?: boolean } = {},
): string {
  if (!cell) return "";
  if (cell.error) return cell.error;
  const { value, numberFormat } = cell;
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  if (!Number.isFinite(value)) return String(value);
  const format = readFormat(numberFormat);
  if (format === "date" && value >= 1 && value < 2_958_466) return serialToUkDate(value);
  // A serial outside the calendar (Excel shows #####) falls back to the bare figure.
  if (typeof format !== "string") return numberShown(value, format);
  return money ? groupedGeneral(value) : generalNumber(value);
}

/**
 * An amount of money in a cell without a number format: General's figure with thousands
 * separators (25200 as 25,200, -1234.5 as -1,234.5), as money is read in every other list.
 */
function groupedGeneral(value: number): string {
  const general = generalNumber(value);
  const plain = /^(-?)(\d+)(\.\d+)?$/.exec(general);
  if (!plain) return general;
  const [, sign = "", whole = "", decimals = ""] = plain;
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ",")}${decimals}`;
}
