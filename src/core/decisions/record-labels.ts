import { NOT_STATED, type Sourced } from "./record";
import { dateMentions, impossibleDates } from "./text";

/**
 * The labelled fields of a "Decision details" page (Decision Maker, Decision status, Is Key
 * decision?, Date of decision…): found in whitespace-collapsed text, not by line, so a record
 * reads the same however it was wrapped. Each label's value runs up to the next label.
 */

export type Part =
  | "reference"
  | "decisionMaker"
  | "status"
  | "key"
  | "callIn"
  | "dateOfDecision"
  | "publicationDate"
  | "effectiveFrom"
  | "decision"
  | "other";

// Longest first within a field, so "Decision status" is never read as "Decision".
const LABELS: readonly [Part, string][] = [
  ["decisionMaker", "Decision Maker|Decision-maker|Decision taker|Decided by"],
  ["status", "Decision status"],
  ["key", "Is (?:this )?(?:a )?Key decision\\??|Key decision\\??"],
  ["callIn", "Is (?:it )?subject to call[ -]?in\\??|Subject to call[ -]?in\\??"],
  ["dateOfDecision", "Date of decision|Decision date|Date decision (?:was )?taken"],
  ["publicationDate", "Publication date|Date of publication|Date published"],
  ["effectiveFrom", "Effective from|Effective date|Date effective|Implementation date"],
  ["decision", "Decision|Decisions? made|Resolution"],
  [
    "other",
    "Purpose|Reasons? for (?:the )?decision|Alternative options considered|Alternative options rejected|Report author|Decided at meeting|Accompanying Documents|Supporting documents|Wards affected|Lead member|Consultees|Contact|Interests declared|Call[ -]?in deadline|Background papers|Financial implications",
  ],
];

/**
 * The record's own reference, labelled as councils label it: "Reference: ED/1234", "Ref. No.
 * ED/1234", "Decision reference – CAB 12/24". A bare "Ref:" is not among them: in running text it
 * cites an earlier decision ("Transfer Decision Ref: E3393").
 */
const REFERENCE_LABELS =
  "Decision reference number|Decision reference no\\.?|Decision reference|Reference number|Reference no\\.?|Reference|Ref\\.? ?No\\.?|Ref\\.? Number|Decision No\\.?";

const longestFirst = (labels: string) =>
  labels
    .split("|")
    .sort((a, b) => b.length - a.length)
    .join("|");

// A reference label may end in a colon, a dash, or nothing before a code ("Ref. No. ED/1234").
const LABEL = new RegExp(
  `(?<=^|\\s)(?:(${longestFirst(LABELS.map(([, l]) => l).join("|"))})\\s?:|(${longestFirst(REFERENCE_LABELS)})(?:\\s?[:–—]|\\s-(?=\\s)|(?=\\s[A-Z]{1,10}\\s?[./-]?\\d)))`,
  "gi",
);
const PART_OF = [
  ["reference", new RegExp(`^(?:${REFERENCE_LABELS})$`, "i")] as const,
  ...LABELS.map(([part, l]) => [part, new RegExp(`^(?:${l})$`, "i")] as const),
];

/** The code opening a reference part's value: "ED/1234", "CAB 12/24", "AHWB.012.2021". */
export const CODE = /^[A-Z][A-Z0-9]{0,9}(?:\s(?=\d))?[A-Z0-9]*(?:[./-][A-Z0-9]+)*/i;

export interface Labelled {
  part: Part;
  label: string;
  value: string;
  /** The label and value as the text has them ("Ref. No. ED/1234"). */
  source: string;
}

/** Fields whose value is a word or a date, never a passage ("Decision status: Approved"). */
const SHORT: ReadonlySet<Part> = new Set([
  "decisionMaker",
  "status",
  "key",
  "callIn",
  "dateOfDecision",
  "publicationDate",
  "effectiveFrom",
]);
const SHORT_FIELD_CHARACTERS = 120;
// Where the passage after a short field starts when the record lost its line breaks: a sentence
// opening ("The programme board reviewed …", "To approve £75,000") after the field's word.
const PASSAGE_OPENING =
  /\s(?=(?:The|This|These|That|It|We|To|In|On|Following|Members|Officers|An?)\s[a-z£\d])|(?<=[.;])\s/;

/**
 * A short field's own value, when its text runs on: a record flattened onto one line keeps the
 * passage after "Decision status: Approved" in the status's text. The value ends where the
 * passage opens; the passage is kept as a part of its own (the decision, when the record labels
 * none), so the amount it approves is still read.
 */
function cutShortField(part: Labelled): Labelled[] {
  if (!SHORT.has(part.part) || part.value.length <= SHORT_FIELD_CHARACTERS) return [part];
  const at = part.value.search(PASSAGE_OPENING);
  const end =
    at > 0 && at <= SHORT_FIELD_CHARACTERS
      ? at
      : Math.max(1, part.value.lastIndexOf(" ", SHORT_FIELD_CHARACTERS));
  const value = part.value.slice(0, end).trim();
  const passage = part.value.slice(end).trim();
  return [
    { ...part, value, source: `${part.label}: ${value}` },
    { part: "other", label: "", value: passage, source: passage },
  ];
}

/** The text before the first label, and each label with its value up to the next label. */
export function labelledParts(flat: string): { head: string; parts: Labelled[] } {
  const hits = [...flat.matchAll(LABEL)].filter((m) => /^[A-Z]/.test(m[1] ?? m[2] ?? ""));
  const parts = hits.flatMap((m, i): Labelled[] => {
    const label = m[1] ?? m[2] ?? "";
    const end = hits[i + 1]?.index ?? flat.length;
    const part = PART_OF.find(([, re]) => re.test(label))?.[0] ?? "other";
    const value = flat.slice(m.index + m[0].length, end).trim();
    return cutShortField({ part, label, value, source: flat.slice(m.index, end).trim() });
  });
  // A passage cut from a short field decides when no part is labelled as the decision.
  const passage = parts.find((p) => p.part === "other" && p.label === "");
  if (passage && !parts.some((p) => p.part === "decision")) passage.part = "decision";
  return { head: flat.slice(0, hits[0]?.index ?? flat.length).trim(), parts };
}

export function field(parts: readonly Labelled[], part: Part): Labelled | undefined {
  return parts.find((p) => p.part === part && p.value !== "");
}

export function labelText(l: Labelled): string {
  return `${l.label}: ${l.value}`;
}

export function yesNo(l: Labelled | undefined): Sourced<boolean> {
  if (!l) return NOT_STATED;
  const answer = /^(yes|no|y|n)\b/i.exec(l.value)?.[1]?.toLowerCase();
  if (!answer) return NOT_STATED;
  return { value: answer.startsWith("y"), sentence: labelText(l) };
}

/** The date a field states that names no calendar day ("31/02/2024"), when it comes first. */
export function impossibleDateIn(l: Labelled | undefined): string | null {
  if (!l) return null;
  const impossible = impossibleDates(l.value)[0];
  const first = dateMentions(l.value)[0];
  return impossible !== undefined && (!first || l.value.indexOf(impossible) < first.index)
    ? impossible
    : null;
}

/** A field's date; blank when the date it states first is no calendar day (none is guessed). */
export function dateField(l: Labelled | undefined): Sourced<string> {
  if (!l || impossibleDateIn(l) !== null) return NOT_STATED;
  const iso = dateMentions(l.value)[0]?.iso ?? null;
  return iso ? { value: iso, sentence: labelText(l) } : NOT_STATED;
}
