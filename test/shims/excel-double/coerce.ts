/**
 * What Excel stores when a string is written to `values` or `formulas`: it is parsed as if the
 * user typed it (en-US), per "Set and get range values, text, or formulas" and Range.values
 * ("If the returned value starts with a plus, minus, or equal sign, Excel interprets this value
 * as a formula"). A leading apostrophe keeps the rest as text and is not part of the value.
 */
export type Value = string | number | boolean;

export interface Typed {
  value: Value;
  /** Set when the input is a formula ("=…", or "+…"/"-…"/"@…" that is not a number). */
  formula?: string;
  /** The format Excel gives a cell it recognises as a date, percentage or currency. */
  numberFormat?: string;
  /** The text was entered behind an apostrophe (Style.quotePrefix). */
  quotePrefix?: boolean;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(?:[eE]([+-]?\d+))?$/;

function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = Date.UTC(year, month - 1, day);
  if (new Date(date).getUTCDate() !== day) return null;
  return (date - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const fullYear = (y: string) =>
  y.length === 2 ? (Number(y) < 30 ? 2000 : 1900) + Number(y) : Number(y);

function asNumber(text: string): number | null {
  const m = NUMBER.exec(text);
  if (!m || (m[2] === "" && !m[3])) return null;
  const n = Number(
    `${m[1]}${(m[2] ?? "").replace(/,/g, "")}${m[3] ?? ""}${m[4] ? `e${m[4]}` : ""}`,
  );
  return Number.isFinite(n) ? n : null;
}

function asDate(text: string): { value: number; numberFormat: string } | null {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const v = serial(fullYear(m[3] ?? ""), Number(m[1]), Number(m[2]));
    return v === null ? null : { value: v, numberFormat: "m/d/yyyy" };
  }
  m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text);
  if (m) {
    const v = serial(Number(m[1]), Number(m[2]), Number(m[3]));
    return v === null ? null : { value: v, numberFormat: "m/d/yyyy" };
  }
  // "2010/11" and "11/2010" are a month: the first of it, shown as "Nov-10".
  m = /^(\d{4})\/(\d{1,2})$/.exec(text) ?? null;
  const monthFirst = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (m || monthFirst) {
    const year = Number(m ? m[1] : monthFirst?.[2]);
    const month = Number(m ? m[2] : monthFirst?.[1]);
    const v = serial(year, month, 1);
    return v === null ? null : { value: v, numberFormat: "mmm-yy" };
  }
  m = /^(\d{1,2})[- ]([A-Za-z]{3})[A-Za-z]*[- ](\d{2}|\d{4})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf((m[2] ?? "").toLowerCase()) + 1;
    const v = month > 0 ? serial(fullYear(m[3] ?? ""), month, Number(m[1])) : null;
    return v === null ? null : { value: v, numberFormat: "d-mmm-yy" };
  }
  return null;
}

export function typed(input: Value): Typed {
  if (typeof input !== "string") return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (input.startsWith("=")) return { value: 0, formula: input };
  const text = input.trim();
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  const n = asNumber(text);
  if (n !== null) return { value: n };
  const paren = /^\((.+)\)$/.exec(text);
  const negative = paren?.[1] !== undefined ? asNumber(paren[1]) : null;
  if (negative !== null && negative >= 0) return { value: -negative };
  const percent = /^(.+)%$/.exec(text);
  const p = percent?.[1] !== undefined ? asNumber(percent[1]) : null;
  if (p !== null)
    return { value: p / 100, numberFormat: percent?.[1]?.includes(".") ? "0.00%" : "0%" };
  const dollars = /^([+-]?)\$(.+)$/.exec(text);
  const d = dollars?.[2] !== undefined ? asNumber(dollars[2]) : null;
  if (d !== null) return { value: dollars?.[1] === "-" ? -d : d, numberFormat: "$#,##0.00" };
  const date = asDate(text);
  if (date) return date;
  if (/^[+\-@]/.test(input)) return { value: 0, formula: `=${input.replace(/^@/, "")}` };
  return { value: input };
}
