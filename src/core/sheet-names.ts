/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\, unique ignoring case. */
export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  return (cleaned || "Sheet").slice(0, 31).trim();
}

export function uniqueSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** `text` cut at a word boundary to at most `max` characters; "…" ends a first word cut short. */
function wordsWithin(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const word of text.split(" ")) {
    const next = out ? `${out} ${word}` : word;
    if (next.length > max) break;
    out = next;
  }
  // Nothing dangles where the cut fell: "Risks -" becomes "Risks".
  out = out.replace(/[\s\-–—&,.;(]+$/u, "");
  return out || `${text.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * A unique sheet name of a prefix and a subject ("Heat map - " and a register's sheet), within
 * Excel's 31 characters: the subject is shortened at a word boundary, never cut mid-word, and a
 * " (2)" that keeps it unique is room taken from the subject, not a cut into it.
 */
export function uniqueSheetNameOf(
  prefix: string,
  subject: string,
  existing: Iterable<string>,
): string {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const clean = cleanSheetName(subject);
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const room = 31 - prefix.length - suffix.length;
    const candidate = `${prefix}${wordsWithin(clean, room)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
