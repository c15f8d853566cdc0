/**
 * The figure a number shows under a cell's number format, as Excel rounds it for display:
 * 0.0437 under "0.0%" shows 4.4, 1234.5 under "#,##0" shows 1235, 1234567 under "#,##0," shows
 * 1235. Only the first section (positive numbers) is read: a negative number shows the same digits
 * under the negative section of the formats councils use. Null for a format whose display this
 * does not model (General, dates, text): compare the full figures then.
 * Format codes: https://support.microsoft.com/en-us/office/review-guidelines-for-customizing-a-number-format-c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5
 */
export function shownNumber(value: number, format: string | undefined): number | null {
  if (!format || /general/i.test(format) || !Number.isFinite(value)) return null;
  const section = format.split(";")[0] ?? "";
  // Quoted text, escaped characters and [colour]/[condition] brackets show no digits.
  const codes = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_./g, "");
  if (/[dmyhse@]/i.test(codes) || !/[0#?]/.test(codes)) return null;
  const percent = codes.includes("%") ? 100 : 1;
  const decimals = /\.([0#?]+)/.exec(codes)?.[1]?.length ?? 0;
  // Commas after the last digit placeholder scale by a thousand each ("#,##0," shows thousands).
  const commas = /[0#?](,+)[^0#?]*$/.exec(codes)?.[1]?.length ?? 0;
  const scaled = (value * percent) / 1000 ** commas;
  const factor = 10 ** decimals;
  // Half away from zero, as Excel shows 0.125 under "0.00" as 0.13; the nudge undoes float noise.
  return (Math.sign(scaled) * Math.round(Math.abs(scaled) * factor + 1e-9)) / factor;
}

/** True when two numbers show the same figure under their cells' formats (both readable). */
export function showSameFigure(
  before: number,
  beforeFormat: string | undefined,
  after: number,
  afterFormat: string | undefined,
): boolean {
  const a = shownNumber(before, beforeFormat);
  const b = shownNumber(after, afterFormat);
  return a !== null && b !== null && a === b;
}
