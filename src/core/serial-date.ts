/**
 * Excel serial dates, in one place. In the 1900 date system (the one Excel and our files use) the
 * first date is 1 January 1900 = serial 1 ([MS-XLS] 2.4.108 Date1904,
 * https://learn.microsoft.com/openspecs/office_file_formats/ms-xls/4a5e900a-0eb0-4355-8fc1-81aab8f46e8b),
 * and "for legacy reasons ... 1900 [is treated] as though it was a leap year" (ECMA-376 Part 4,
 * Date Representation), so serial 60 is the non-existent 29 February 1900. Counting from
 * 30 December 1899 gives every serial from 61 (1 March 1900) on its true day; council workbooks
 * hold no earlier dates, so the one epoch below serves all of them.
 */

/**
 * Days since the epoch, the fraction being the time of day, made by the functions here and in
 * values.ts. Tagged like the rows of a1.ts: a row is not a date, nor a date a row.
 */
export type SerialDate = number & { readonly __unit: "serial-date" };
/**
 * What reads a serial takes: a SerialDate, or a plain number from a date cell; never a number
 * tagged as another unit (a model or report row).
 */
export type SerialValue = number & { readonly __unit?: "serial-date" };

/** 30 December 1899, 00:00 UTC: serial 0 of the 1900 date system (as Excel counts from March 1900). */
export const EXCEL_EPOCH_UTC_MS = Date.UTC(1899, 11, 30);
export const MS_PER_DAY = 86_400_000;

/** A serial date from a UTC time in milliseconds (a fraction keeps the time of day). */
export function serialFromUtcMs(ms: number): SerialDate {
  return ((ms - EXCEL_EPOCH_UTC_MS) / MS_PER_DAY) as SerialDate;
}

/** The UTC time in milliseconds of a serial date. */
export function utcMsFromSerial(serial: SerialValue): number {
  return EXCEL_EPOCH_UTC_MS + serial * MS_PER_DAY;
}

/** Marks a number read from a date cell (or computed as one) as a serial date. */
export function asSerialDate(serial: number): SerialDate {
  return serial as SerialDate;
}

/**
 * The 1904 date system (workbookPr/@date1904, ECMA-376 Part 1 §18.2.28; Excel's "Use 1904 date
 * system"): serial 0 is 1 January 1904, so a file's serial is 1,462 days below the same day's
 * 1900-system serial (https://learn.microsoft.com/office/troubleshoot/excel/1900-and-1904-date-system).
 * Snapshots always count in the 1900 system: readers add the offset to the dates of a 1904
 * workbook, and writers take it off again.
 */
export const DATE_1904_OFFSET = 1462;

/**
 * Whether a number format shows a date: it has a day or year part once quoted text, escaped
 * characters and [colour]/[$-locale] sections are set aside ("dd/mm/yyyy", "d-mmm-yy", "mmm yyyy").
 * Durations ("[h]:mm") and plain numbers are not dates.
 */
export function isDateNumberFormat(format: string | undefined): boolean {
  if (!format || format === "General") return false;
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  return /[dy]/i.test(bare) || /mmm/i.test(bare);
}

/** A serial as the snapshot holds it (1900 system), from one read in a file's own system. */
export function serialFromFile(serial: number, date1904: boolean): number {
  return date1904 ? serial + DATE_1904_OFFSET : serial;
}

/** A snapshot serial (1900 system) as a file in `date1904` stores it. */
export function serialToFile(serial: number, date1904: boolean): number {
  return date1904 ? serial - DATE_1904_OFFSET : serial;
}
