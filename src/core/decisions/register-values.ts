import type { CellValue, WorkbookSnapshot } from "../snapshot";
import { dateToSerial } from "../values";
import type { DecisionRecord, RegisterField } from "./record";
import type { DecisionsTable } from "./register";

/*
 * What a decision import writes into a register's cells: each field of a record as a cell value,
 * the number format it carries, and whether a cell already holds it. Which row a record goes to
 * is register-rows.ts; the import's plan is import.ts.
 */

/**
 * Dates are written as serial day numbers with a date format, as Excel stores them, counted in
 * the 1900 date system, the default in Excel for Windows and current Excel for Mac (https://support.microsoft.com/en-us/office/date-systems-in-excel-e7fe7167-48a9-4b96-bb53-5612a800b487).
 * A workbook on the 1904 system is read into and written from the same 1900 serials: the readers
 * and writers convert at the file (serial-date.ts, WorkbookSnapshot.date1904).
 */
export const DATE_FORMAT = "dd/mm/yyyy";
export const MONEY_FORMAT = '"£"#,##0.00';
export const DATES = new Set<RegisterField>([
  "dateOfDecision",
  "publicationDate",
  "effectiveFrom",
  "periodStart",
  "periodEnd",
]);

export function isoToSerial(iso: string): number | null {
  const [y, m, d] = iso.split("-").map(Number);
  return y && m && d ? dateToSerial(y, m, d) : null;
}

/** A record's field as a cell value; null when the record does not state it. */
export function registerValue(record: DecisionRecord, field: RegisterField): CellValue {
  if (field === "sourceFile") return withinCellLimit(record.sourceFile) || null;
  if (field === "relatedReferences")
    return withinCellLimit(record.relatedReferences.map((r) => r.value).join("; ")) || null;
  const value = record[field].value;
  if (value === null) return null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (DATES.has(field) && typeof value === "string") return isoToSerial(value);
  return typeof value === "string" ? withinCellLimit(value) : value;
}

/**
 * Excel holds at most 32,767 characters in a cell ("Total number of characters that a cell can
 * contain: 32,767 characters", Excel specifications and limits); longer text is cut at the last
 * word break before it, so no write makes a cell Excel would refuse.
 */
export const EXCEL_CELL_CHARACTERS = 32767;
function withinCellLimit(text: string): string {
  if (text.length <= EXCEL_CELL_CHARACTERS) return text;
  const cut = text.slice(0, EXCEL_CELL_CHARACTERS);
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : cut).trimEnd();
}

/** The amounts a record approves year by year (one year when its approval names one). */
export function yearly(record: DecisionRecord): { year: string; amount: number }[] {
  if (record.amountsByYear.length > 0) return record.amountsByYear;
  const amount = record.amountApproved.value;
  return record.amountYear && amount !== null ? [{ year: record.amountYear, amount }] : [];
}

export function formatOf(field: RegisterField): string | undefined {
  if (DATES.has(field)) return DATE_FORMAT;
  return field === "amountApproved" ? MONEY_FORMAT : undefined;
}

/**
 * The number format a write into a council's own column carries: the column's own where its
 * cells have one (so "#,##0" in a £'000 column stays "#,##0", never becoming "£97.71"); ours only
 * where the column holds nothing yet, or for dates in a column whose dates are typed as text (a
 * serial without a date format would show as 45363).
 */
export function formatFor(
  sheet: WorkbookSnapshot["sheets"][number] | undefined,
  table: DecisionsTable,
  column: number,
  ours: string | undefined,
  isDate: boolean,
): string | undefined {
  let holdsValues = false;
  for (const r of table.dataRows) {
    const cell = sheet?.rows[r]?.[column];
    if (cell?.numberFormat && cell.numberFormat !== "General") return cell.numberFormat;
    if (cell && cell.value !== null && cell.value !== "") holdsValues = true;
  }
  return holdsValues && !isDate ? undefined : ours;
}

/**
 * Whether a register cell already holds a value the import would write: text alike but for case
 * and spacing ("yes" for "Yes"), numbers alike to the penny (a £'000 column to its thousandth of
 * a penny), dates as the same serial.
 */
export function sameCell(held: CellValue, value: CellValue): boolean {
  if (typeof value === "number") {
    const number =
      typeof held === "number" ? held : Number(String(held ?? "").replace(/[£,\s]/g, ""));
    return (
      held !== null && held !== "" && Number.isFinite(number) && Math.abs(number - value) < 1e-6
    );
  }
  const text = (v: CellValue) =>
    String(v ?? "")
      .replace(/\s+/g, " ")
      .trim()
      .toLowerCase();
  return text(held) === text(value);
}
