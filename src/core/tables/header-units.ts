/**
 * Units rows under a header ("£'000", "£m", "%", "No.") and scale notes ("(1-4)"): part of the
 * header, never data; the unit is carried on its column.
 */

const UNITS = /^(£|£\s*'?000s?|£k|£m|£\s*millions?|%|no\.?|nos\.?|number|£\s*thousands?)$/i;

/** A scale note under a header ("(1-4)", "1 to 5"): what a units row states for a score column. */
const SCALE_NOTE = /^\(?\s*[01]\s*(?:-|–|to)\s*\d{1,2}\s*\)?$/i;

/** "£'000", "£m", "%", "No.", "(1-4)": the unit a units row states for its column. */
export function unitOf(text: string): string | null {
  const t = text.trim();
  return UNITS.test(t) || SCALE_NOTE.test(t) ? t : null;
}
