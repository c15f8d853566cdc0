import { isDateNumberFormat, serialToUkDate, type Cell } from "../core";

/**
 * A cell's value as Excel shows it through its number format, for the pane's read-only views:
 * a date serial under a date format as dd/mm/yyyy (the council's own way of writing dates,
 * whatever the format's order), and a number under a numeric format with its decimals,
 * thousands separators, percent and currency sign ("£#,##0" shows 200000 as £200,000). Number
 * format codes: Microsoft support, "Number format codes" (a "," between digit placeholders
 * groups thousands; a "." fixes the decimals; "%" multiplies by 100; a second section is for
 * negatives, where brackets mean "(1,234)"). Dates use the core's reading of a date format
 * (isDateNumberFormat) and its en-GB date; text, errors and booleans show as they are.
 */
export function displayedValue(cell: Cell | null | undefined): string {
  if (!cell) return "";
  if (cell.error) return cell.error;
  const { value, numberFormat } = cell;
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return String(value);
  if (isDateNumberFormat(numberFormat) && value >= 1 && value < 2_958_466)
    return serialToUkDate(value);
  return numberShown(value, numberFormat);
}

/** The sections of a format with quoted text, escapes, [colours] and padding set aside. */
function bareSection(format: string, index: number): string | undefined {
  return format
    .split(";")
    [index]?.replace(/"[^"]*"|\\.|_.|\*./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

function numberShown(value: number, format: string | undefined): string {
  if (!format || format === "General") return generalNumber(value);
  const positive = bareSection(format, 0) ?? "";
  if (!/[0#?]/.test(positive)) return generalNumber(value);
  const negative = value < 0 ? bareSection(format, 1) : undefined;
  const section = negative !== undefined && /[0#?]/.test(negative) ? negative : positive;
  const decimals = /\.([0#?]*)/.exec(section)?.[1]?.length ?? 0;
  const percent = section.includes("%");
  const grouped = /[0#?],[0#?]/.test(section);
  const digits = new Intl.NumberFormat("en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  }).format(Math.abs(percent ? value * 100 : value));
  const currency = /[£$€]/.exec(section)?.[0] ?? "";
  const body = `${currency}${digits}${percent ? "%" : ""}`;
  if (value >= 0 || digits.replace(/[^1-9]/g, "") === "") return body;
  // A negative section of its own shows the amount without a sign, in brackets if it has them.
  if (negative !== undefined && section === negative)
    return /\(/.test(negative) ? `(${body})` : body;
  return `-${body}`;
}

/** Excel's General format: up to 11 significant characters, no grouping. */
function generalNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return String(Number(value.toPrecision(10)));
}
