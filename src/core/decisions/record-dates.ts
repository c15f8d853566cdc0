import { utcMsFromSerial } from "../serial-date";
import { dateToSerial, serialToIsoDate, serialToUkDate } from "../values";
import { NOT_STATED, type Sourced } from "./record";
import { dateMentions, sentences } from "./text";

/**
 * Dates a record implies without a field of its own: when minutes were resolved, and when a
 * decision subject to call-in takes effect.
 *
 * When a decision subject to call-in takes effect, where its record gives no "Effective from":
 * the day after the call-in period ends. That end is the record's own ("call-in period ends 5pm on
 * 28 November 2023", "Call-in deadline: 28/11/2023") or, failing that, the council's call-in
 * period counted in working days from publication (the constitution sets it; 5 working days is
 * the common one, and B&NES's record of 10/11/2023, effective 18/11/2023, counts so). Bank
 * holidays are not known here, so a period spanning one ends a day early.
 */
export const DEFAULT_CALL_IN_WORKING_DAYS = 5;

const isWeekend = (serial: number) => {
  const day = new Date(utcMsFromSerial(serial)).getUTCDay();
  return day === 0 || day === 6;
};

/** The last day of a call-in period of `days` working days from publication. */
export function callInEnd(published: number, days: number): number {
  let serial = published;
  for (let counted = 0; counted < days;) {
    serial += 1;
    if (!isWeekend(serial)) counted += 1;
  }
  return serial;
}

/** The day a decision subject to call-in takes effect: the day after its call-in period ends. */
export function effectiveAfterCallIn(published: number, days: number): number {
  return callInEnd(published, days) + 1;
}

const CALL_IN_END =
  /\bcall[ -]?in\b[^.;]{0,60}?\b(?:ends?|ending|expires?|expiry|closes?|deadline|until|by)\b/i;

const serialOf = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return y && m && d ? dateToSerial(y, m, d) : null;
};

/**
 * The derived "Effective from" of a record subject to call-in without one, with the sentence
 * saying how it was derived; not stated when the record is not subject to call-in, or gives
 * neither the call-in end nor a publication date.
 */
export function derivedEffectiveFrom(
  flat: string,
  subjectToCallIn: boolean | null,
  publicationDate: string | null,
  callInWorkingDays: number,
): Sourced<string> {
  if (subjectToCallIn !== true) return NOT_STATED;
  for (const sentence of sentences(flat)) {
    const marker = CALL_IN_END.exec(sentence);
    if (!marker) continue;
    const rest = sentence.slice(marker.index);
    const date = dateMentions(rest)[0];
    const end = date ? serialOf(date.iso) : null;
    if (!date || end === null) continue;
    const effective = end + 1;
    // Quoted from "call-in" to the date: a record's labels run on in collapsed text.
    const quoted = rest.slice(0, date.index + date.text.length);
    return {
      value: serialToIsoDate(effective),
      sentence: `Derived: the call-in period ends ${serialToUkDate(end)} ("${quoted}"), so the decision takes effect the next day, ${serialToUkDate(effective)}`,
    };
  }
  const published = publicationDate ? serialOf(publicationDate) : null;
  if (published === null) return NOT_STATED;
  const end = callInEnd(published, callInWorkingDays);
  return {
    value: serialToIsoDate(end + 1),
    sentence: `Derived: subject to call-in and published ${serialToUkDate(published)}; the call-in period of ${callInWorkingDays} working days ends ${serialToUkDate(end)}, so the decision takes effect on ${serialToUkDate(end + 1)}`,
  };
}

/**
 * The date of the meeting minutes record, from their heading ("Minutes of the meeting of Cabinet
 * held on Wednesday, 8 February 2023"): the date the resolutions were made.
 */
const MEETING =
  /\bMinutes\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?meeting\b[^.]{0,160}?\bheld\s+(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:the\s+)?/i;

export function meetingDate(flat: string): Sourced<string> {
  const heading = MEETING.exec(flat);
  if (!heading) return NOT_STATED;
  const rest = flat.slice(heading.index + heading[0].length);
  const date = dateMentions(rest.slice(0, 40))[0];
  if (!date || date.index !== 0) return NOT_STATED;
  const sentence = flat.slice(heading.index, heading.index + heading[0].length + date.text.length);
  return { value: date.iso, sentence };
}
