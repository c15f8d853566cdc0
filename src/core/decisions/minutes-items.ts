import { readDecisionRecord, type ReadRecordOptions } from "./read";
import type { DecisionRecord } from "./record";
import { collapseSpace } from "./text";

/**
 * Minutes of a meeting hold several numbered items ("13. Capital Programme … (Key Decision
 * KD/2024/031)", "14. Youth Services Grant Scheme …"), each with its own "Resolved –". Each item
 * that resolves something is a decision of its own: its own reference, title, status, amount and
 * period. The meeting's heading (the body, the date it met) comes before the first item and
 * applies to all of them, so each item is read with that heading in front of it.
 */

// An item heading is a line of its own: a minute number, then a capitalised title that is not a
// numbered resolution ("1. That …") and does not end as a sentence does.
const ITEM_HEADING = /^[ \t]*\d{1,3}\.?[ \t]+(?!(?:That|THAT)\b)([A-Z][^\n]{2,200}?)[ \t]*$/gm;
const RESOLVED = /\b(?:Resolved|RESOLVED)\b/;
const KEY_NOTE = /\s*\((?:Non[- ]?)?Key Decision\b[^)]*\)\s*/i;

export interface MinutesItem {
  /** The item's heading line, without its minute number. */
  heading: string;
  /** The meeting's heading, then the item. */
  text: string;
}

/**
 * The items of minutes that resolve something, each with the meeting's heading in front; null
 * when the text is not minutes of two or more resolving items (one record as a whole).
 */
export function minutesItems(text: string): MinutesItem[] | null {
  const lines = String(text ?? "").replace(/\r\n?/g, "\n");
  const headings = [...lines.matchAll(ITEM_HEADING)].filter((m) => !/[.;:]$/.test(m[0].trim()));
  if (headings.length < 2) return null;
  const first = headings[0]?.index ?? 0;
  const meeting = lines.slice(0, first);
  const items = headings.map((m, i) => ({
    heading: (m[1] ?? "").trim(),
    text: `${meeting}${lines.slice(m.index, headings[i + 1]?.index ?? lines.length)}`,
    body: lines.slice(m.index, headings[i + 1]?.index ?? lines.length),
  }));
  const resolving = items.filter((item) => RESOLVED.test(item.body));
  if (resolving.length < 2) return null;
  return resolving.map(({ heading, text: itemText }) => ({ heading, text: itemText }));
}

/**
 * Every decision a record holds: one per resolving item of minutes, else the record as a whole.
 * An item is titled by its heading (without the "(Key Decision …)" note the reference came from).
 */
export function readDecisionRecords(
  text: string,
  sourceFile: string,
  options: ReadRecordOptions = {},
): DecisionRecord[] {
  const items = minutesItems(text);
  if (!items) return [readDecisionRecord(text, sourceFile, options)];
  return items.map((item) => {
    const record = readDecisionRecord(item.text, sourceFile, options);
    const title = collapseSpace(item.heading.replace(KEY_NOTE, " "));
    return title ? { ...record, title: { value: title, sentence: item.heading } } : record;
  });
}
