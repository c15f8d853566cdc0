/**
 * Units rows under a header ("£'000", "£m", "%", "No.") and scale notes ("(1-4)", "(L/M/H)"):
 * part of the header, never data; the unit is carried on its column.
 */

const UNITS = /^(£|£\s*'?000s?|£k|£m|£\s*millions?|%|no\.?|nos\.?|number|£\s*thousands?)$/i;

/** A scale note under a header ("(1-4)", "1 to 5"): what a units row states for a score column. */
const SCALE_NOTE = /^\(?\s*[01]\s*(?:-|–|to)\s*\d{1,2}\s*\)?$/i;

/**
 * A scale of words noted by their initials or in full under a header: "(L/M/H)", "L/M/H",
 * "(VL/L/M/H/VH)", "(Low/Medium/High)". Bare initials need three ("N/A" is a data row's word).
 */
const WORD_SCALE_NOTE =
  /^\(\s*\p{Lu}{1,2}(?:\s*\/\s*\p{Lu}{1,2}){1,4}\s*\)$|^\p{Lu}(?:\s*\/\s*\p{Lu}){2,4}$|^\(\s*\p{L}+(?:\s*[/,]\s*\p{L}+){2,4}\s*\)$/u;

/** "£'000", "£m", "%", "No.", "(1-4)", "(L/M/H)": the unit a units row states for its column. */
export function unitOf(text: string): string | null {
  const t = text.trim();
  if (/^\(?\s*n\s*\/\s*a\s*\)?$/i.test(t)) return null;
  return UNITS.test(t) || SCALE_NOTE.test(t) || WORD_SCALE_NOTE.test(t) ? t : null;
}

/**
 * "No.", "Nos", "Number": a count's unit in a row of units, but in a row of header words the
 * second word of a column's name ("Risk" / "No." is the risk's reference).
 */
export function isCountWord(text: string): boolean {
  return /^(no\.?|nos\.?|number)$/i.test(text.trim());
}

/** A unit that is a hint however the row reads: a money unit, "%" or a scale note, not a count. */
export function hintOf(text: string): string | null {
  const unit = unitOf(text);
  return unit && !isCountWord(unit) ? unit : null;
}
