import { meetingDate } from "./record-dates";
import { NOT_STATED, type Sourced } from "./record";
import { dateMentions } from "./text";

/**
 * What the headings of minutes say about the decision under them. A meeting's heading names the
 * body and the date it met ("CABINET - 15 FEBRUARY 2024"): the date the resolutions were made.
 * An item's heading names the matter and, for a key decision, its Forward Plan reference
 * ("83. LEISURE CENTRE DECARBONISATION SCHEME (Key Decision - KD.2024.09)"): the reference and
 * the key decision the record is, which the resolutions themselves never repeat.
 */
export interface MinutesHeading {
  reference: Sourced<string>;
  keyDecision: Sourced<boolean>;
  /** The item's heading, as the minute's title ("Leisure Centre Decarbonisation Scheme"). */
  title: Sourced<string>;
  decisionMaker: Sourced<string>;
  dateOfDecision: Sourced<string>;
}

// "(Key Decision - KD.2024.09)", "(Key Decision: Ref. FP/24/017)", "(Non-Key Decision)".
const KEY_ITEM =
  /\(\s*(Non[- ]?Key|Not an? Key|Key)\s+Decision\b\s*(?:[-–—:]\s*)?(?:(?:Ref(?:erence)?|No)\.?\s*[:.]?\s*)?([A-Z][A-Z0-9]{0,9}(?:[./-][A-Z0-9]+){1,4})?\s*\)/gi;
/** The item's heading before it: its minute number, then words without a sentence's stop. */
const ITEM_TITLE = /(?:^|\s)\d{1,3}\.?\s+([A-Z][^.;:()]{2,150}?)\s*$/;

// "CABINET - 15 FEBRUARY 2024", "Audit Committee – Tuesday, 5 March 2024".
const BODY_DATED =
  /(?:^|\s)(CABINET|Cabinet|EXECUTIVE|Executive|(?:FULL |Full )?(?:COUNCIL|Council)|(?:[A-Z][A-Za-z&'’-]*\s){0,4}(?:COMMITTEE|Committee|BOARD|Board|PANEL|Panel))\s?[-–—:,]\s?(?:[A-Za-z]+day,?\s)?/g;

const titleCase = (text: string) =>
  text === text.toUpperCase()
    ? text
        .toLowerCase()
        .replace(/(^|[\s(/-])([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase())
    : text;

/** The meeting's heading: its body and date, the first such heading in the minutes. */
function meetingHeading(flat: string): { maker: Sourced<string>; date: Sourced<string> } {
  for (const m of flat.matchAll(BODY_DATED)) {
    const at = m.index + m[0].length;
    const date = dateMentions(flat.slice(at, at + 40))[0];
    if (!date || date.index !== 0) continue;
    const sentence = flat.slice(m.index, at + date.text.length).trim();
    return {
      maker: { value: titleCase(m[1] ?? "").trim(), sentence },
      date: { value: date.iso, sentence },
    };
  }
  return { maker: NOT_STATED, date: NOT_STATED };
}

/**
 * The headings of the minute whose resolutions start at `resolvedAt` in the collapsed text: the
 * last item heading before them, and the meeting's heading ("Minutes of the meeting of Cabinet
 * held on …" first, as record-dates reads it).
 */
export function minutesHeading(flat: string, resolvedAt: number): MinutesHeading {
  const before = resolvedAt > 0 ? flat.slice(0, resolvedAt) : flat;
  const item = [...before.matchAll(KEY_ITEM)].pop();
  const meeting = meetingHeading(flat);
  const held = meetingDate(flat);
  const heading: MinutesHeading = {
    reference: NOT_STATED,
    keyDecision: NOT_STATED,
    title: NOT_STATED,
    decisionMaker: meeting.maker,
    dateOfDecision: held.value !== null ? held : meeting.date,
  };
  if (!item) return heading;
  const stated = item[0];
  const title = ITEM_TITLE.exec(before.slice(Math.max(0, item.index - 160), item.index));
  const sentence = title ? `${title[0].trim()} ${stated}` : stated;
  return {
    ...heading,
    reference: item[2] ? { value: item[2], sentence } : NOT_STATED,
    keyDecision: { value: /^key$/i.test(item[1] ?? ""), sentence },
    title: title?.[1] ? { value: titleCase(title[1].trim()), sentence } : NOT_STATED,
  };
}
