import { NOT_STATED, type Sourced } from "./record";
import { sentences } from "./text";

/**
 * Minutes of a meeting as a decision record: the lettered resolutions ("Resolved – (a) That …"),
 * the body that resolved them, and the status their wording gives.
 */

/** The lettered resolutions of minutes ("Resolved – (a) That …"), or null when there are none. */
export function resolutions(flat: string): string[] | null {
  const marker = [
    ...flat.matchAll(
      /\b(?:Resolved|RESOLVED)\s?[–—:-]?\s?(?=\((?:\w|\d{1,2}|[ivx]{1,4})\)|\d{1,2}\.\s+(?:That|THAT|that)\b|That\b|THAT\b|that\b|(?:Deferred|DEFERRED|Withdrawn|WITHDRAWN|Rejected|REJECTED|Refused|REFUSED)\b)/g,
    ),
  ].pop();
  const from = marker ? marker.index + marker[0].length : flat.search(/\(a\)\s+That\b/);
  if (from < 0) return null;
  const rest = flat.slice(from);
  const end = rest.search(/\b(?:Supporting documents|Background papers)\s?:/i);
  const block = end < 0 ? rest : rest.slice(0, end);
  const items = block
    .split(
      /(?:^|\s)\((?:[a-z]|\d{1,2}|[ivx]{1,4})\)\s+|(?:^|\s)\d{1,2}\.\s+(?=(?:That|THAT|that)\b)/,
    )
    .map((s) => s.trim())
    .filter((s) => s !== "");
  // Without a "Resolved" marker, only the text up to the first non-resolution sentence counts.
  return items.length > 0 ? items.map((s) => (marker ? s : (sentences(s)[0] ?? s))) : null;
}

const BODY =
  /\b(Cabinet|Full Council|Executive|Council|(?:[A-Z][A-Za-z&]+ ){0,4}(?:Committee|Board|Panel|Sub-Committee))\b/;

export function minutesMaker(flat: string): Sourced<string> {
  for (const sentence of sentences(flat)) {
    const m = BODY.exec(sentence);
    if (m?.[1] && !/^(That|\([a-z]\))/.test(sentence)) return { value: m[1], sentence };
  }
  return NOT_STATED;
}

const STOPPED =
  /\b(?:deferred|withdrawn|rejected|refused|declined|not agreed|not approved|be not \w+ed|not be \w+ed|referred back|postponed|adjourned)\b/i;
const OUTCOME =
  /\b(?:recommendations?|proposals?) (?:were|was) (agreed|approved|rejected|deferred|withdrawn|not agreed|not approved)\b/i;

/**
 * The status word for a stopping resolution ("be deferred to the meeting on 4 July" → "Deferred",
 * "not be agreed" → "Not agreed"): the register's Status column holds a word, the sentence stays
 * in the field's source.
 */
function statusWord(stopped: string): string {
  const word = stopped.toLowerCase().replace(/^(?:be not|not be) /, "not ");
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The status of minutes comes from what they resolve: a resolution deferring or refusing the
 * matter, else the outcome the minute records ("the recommendations were agreed"), else
 * "Resolved". The discussion before the resolutions only recalls history ("the original proposal
 * had been rejected in 2022") and never sets the status.
 */
export function minutesStatus(flat: string, resolved: readonly string[] | null): Sourced<string> {
  const decisive = (resolved ?? []).filter((r) => !/\bbe noted\b/i.test(r));
  for (const r of decisive) {
    const sentence = sentences(r)[0] ?? r;
    const stopped = STOPPED.exec(sentence);
    if (stopped) return { value: statusWord(stopped[0]), sentence };
  }
  for (const sentence of sentences(flat)) {
    const outcome = OUTCOME.exec(sentence);
    if (outcome?.[1]) return { value: `Recommendations ${outcome[1].toLowerCase()}`, sentence };
  }
  const marker = /\b(?:Resolved|RESOLVED)\s?[–—:-]?/.exec(flat);
  if (resolved && marker) return { value: "Resolved", sentence: marker[0] };
  return NOT_STATED;
}
