import { readAmounts } from "./amounts";
import { DEFAULT_CALL_IN_WORKING_DAYS, derivedEffectiveFrom, meetingDate } from "./record-dates";
import { NOT_STATED, type DecisionRecord, type DecisionStatusKind, type Sourced } from "./record";
import { collapseSpace, dateMentions, financialYearIn, firstDate, sentences } from "./text";

/**
 * Reads a council decision record from its text: the "Decision details" page councils publish
 * (Decision Maker, Decision status, Is Key decision?, Date of decision…) or minutes with
 * "Resolved –" and lettered resolutions. Labels are found in whitespace-collapsed text, not by
 * line, so a record reads the same however it was wrapped. Total: never throws.
 */

type Part =
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
const CODE = /^[A-Z][A-Z0-9]{0,9}(?:\s(?=\d))?[A-Z0-9]*(?:[./-][A-Z0-9]+)*/i;

interface Labelled {
  part: Part;
  label: string;
  value: string;
  /** The label and value as the text has them ("Ref. No. ED/1234"). */
  source: string;
}

/** The text before the first label, and each label with its value up to the next label. */
function labelledParts(flat: string): { head: string; parts: Labelled[] } {
  const hits = [...flat.matchAll(LABEL)].filter((m) => /^[A-Z]/.test(m[1] ?? m[2] ?? ""));
  const parts = hits.map((m, i): Labelled => {
    const label = m[1] ?? m[2] ?? "";
    const end = hits[i + 1]?.index ?? flat.length;
    const part = PART_OF.find(([, re]) => re.test(label))?.[0] ?? "other";
    const value = flat.slice(m.index + m[0].length, end).trim();
    return { part, label, value, source: flat.slice(m.index, end).trim() };
  });
  return { head: flat.slice(0, hits[0]?.index ?? flat.length).trim(), parts };
}

const sourced = <T>(value: T | null, sentence: string | null): Sourced<T> =>
  value === null ? NOT_STATED : { value, sentence };

function field(parts: readonly Labelled[], part: Part): Labelled | undefined {
  return parts.find((p) => p.part === part && p.value !== "");
}

function labelText(l: Labelled): string {
  return `${l.label}: ${l.value}`;
}

function yesNo(l: Labelled | undefined): Sourced<boolean> {
  if (!l) return NOT_STATED;
  const answer = /^(yes|no|y|n)\b/i.exec(l.value)?.[1]?.toLowerCase();
  if (!answer) return NOT_STATED;
  return { value: answer.startsWith("y"), sentence: labelText(l) };
}

function dateField(l: Labelled | undefined): Sourced<string> {
  const iso = l ? firstDate(l.value) : null;
  return l && iso ? { value: iso, sentence: labelText(l) } : NOT_STATED;
}

export function statusKind(status: string): DecisionStatusKind {
  const s = status.toLowerCase();
  if (/\b(withdrawn|abandoned|cancelled|rescinded)\b/.test(s)) return "withdrawn";
  if (
    /\b(rejected|refused|not approved|declined|not agreed)\b/.test(s) ||
    /\b(?:not be|be not)\s+(?:agreed|approved|accepted|supported|adopted)\b/.test(s)
  )
    return "rejected";
  if (/\b(deferred|postponed|adjourned|referred back|not taken|withheld)\b/.test(s))
    return "deferred";
  if (/\b(approved|agreed|resolved|made|implemented|carried|granted|accepted)\b/.test(s))
    return "approved";
  if (/\b(for determination|pending|called in|under consideration|proposed)\b/.test(s))
    return "pending";
  return "unknown";
}

// A code such as "AHWB.012.2021", "E3393", "CAB/2024/017", "ROT-CAB-2023-03" opening the title
// line. Words a title may open with are not codes: "COVID-19" (one hyphen), "S106", "A629" (a road).
const REFERENCE =
  /^([A-Z][A-Z0-9]{0,9}(?:[./][A-Z0-9]+){1,4}|[A-Z][A-Z0-9]{0,9}(?:-[A-Z0-9]+){2,4}|[A-Z]{1,4}\d{4,6})(?=\s|$)/;
const RELATED =
  /\bRef(?:erence)?\.?\s?(?:No\.?\s?)?:?\s?([A-Z][A-Z0-9]{0,9}(?:[./-][A-Z0-9]+){0,4}\d)\b/g;

/** The lettered resolutions of minutes ("Resolved – (a) That …"), or null when there are none. */
function resolutions(flat: string): string[] | null {
  const marker = [
    ...flat.matchAll(
      /\b(?:Resolved|RESOLVED)\s?[–—:-]?\s?(?=\((?:\w|\d{1,2}|[ivx]{1,4})\)|\d{1,2}\.\s+(?:That|THAT|that)\b|That\b|THAT\b|that\b)/g,
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

function minutesMaker(flat: string): Sourced<string> {
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
 * The status of minutes comes from what they resolve: a resolution deferring or refusing the
 * matter, else the outcome the minute records ("the recommendations were agreed"), else
 * "Resolved". The discussion before the resolutions only recalls history ("the original proposal
 * had been rejected in 2022") and never sets the status.
 */
function minutesStatus(flat: string, resolved: readonly string[] | null): Sourced<string> {
  const decisive = (resolved ?? []).filter((r) => !/\bbe noted\b/i.test(r));
  for (const r of decisive) {
    const sentence = sentences(r)[0] ?? r;
    if (STOPPED.test(sentence)) return { value: sentence.replace(/\.$/, ""), sentence };
  }
  for (const sentence of sentences(flat)) {
    const outcome = OUTCOME.exec(sentence);
    if (outcome?.[1]) return { value: `Recommendations ${outcome[1].toLowerCase()}`, sentence };
  }
  const marker = /\b(?:Resolved|RESOLVED)\s?[–—:-]?/.exec(flat);
  if (resolved && marker) return { value: "Resolved", sentence: marker[0] };
  return NOT_STATED;
}

/** What a status that approves nothing is called in a statement: "rejected", "called in". */
function stoppedAs(status: string | null): string | null {
  if (status === null) return null;
  if (/\bcalled[\s-]in\b/i.test(status)) return "called in";
  const kind = statusKind(status);
  return kind === "withdrawn" || kind === "rejected" || kind === "deferred" ? kind : null;
}

/**
 * The amount a record approves. A decision withdrawn, rejected, deferred or called in approves
 * nothing, whatever figure its text proposes: that figure is kept as context, and the statement
 * says why it is not an approval.
 */
function approvedAmount(
  amounts: ReturnType<typeof readAmounts>,
  status: string | null,
): Pick<
  DecisionRecord,
  "amountApproved" | "amountStatement" | "amountYear" | "amountsByYear" | "otherAmounts"
> {
  const stopped = stoppedAs(status);
  const { approved } = amounts;
  if (approved && stopped)
    return {
      amountApproved: NOT_STATED,
      amountStatement: `No amount approved: the decision is ${stopped} ("${status}"), so ${approved.text} ("${collapseSpace(approved.sentence)}") is context, not an approval`,
      amountYear: null,
      amountsByYear: [],
      otherAmounts: [{ ...approved, role: "context" }, ...amounts.others],
    };
  return {
    amountApproved: approved ? { value: approved.amount, sentence: approved.sentence } : NOT_STATED,
    amountStatement: amounts.statement,
    amountYear: amounts.year,
    amountsByYear: amounts.byYear,
    otherAmounts: amounts.others,
  };
}

const PERIOD = new RegExp(
  String.raw`\b(?:from|for|between|covering)\s+(?:the\s+)?(?:period\s+(?:from\s+)?)?(\d{1,2}(?:st|nd|rd|th)?\s+\w+\.?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})\s+(?:to|until|till|and|[–-])\s+(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+\w+\.?,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})`,
  "i",
);
const COMMENCE = /\b(?:commenc\w*|start\w*|begin\w*|effective)\s+(?:from|on)\s+/i;

function period(
  operative: readonly string[],
  amountSentence: string | null,
  byYear: readonly { year: string }[],
) {
  const start: Sourced<string>[] = [];
  for (const sentence of operative) {
    const m = PERIOD.exec(sentence);
    const from = m?.[1] ? firstDate(m[1]) : null;
    const to = m?.[2] ? firstDate(m[2]) : null;
    if (from && to) return { start: sourced(from, sentence), end: sourced(to, sentence) };
    const commence = COMMENCE.exec(sentence);
    const date = commence ? dateMentions(sentence.slice(commence.index))[0] : undefined;
    if (date) start.push({ value: date.iso, sentence });
  }
  // An approval stated year by year runs from the first year's April to the last year's March.
  const first = byYear[0] ? financialYearIn(byYear[0].year) : null;
  const last = byYear.length > 1 ? financialYearIn(byYear[byYear.length - 1]?.year ?? "") : null;
  const year =
    first && last
      ? { ...first, end: last.end }
      : amountSentence
        ? financialYearIn(amountSentence)
        : null;
  if (start[0]) return { start: start[0], end: NOT_STATED };
  if (year && amountSentence)
    return { start: sourced(year.start, amountSentence), end: sourced(year.end, amountSentence) };
  return { start: NOT_STATED, end: NOT_STATED };
}

const SOURCE =
  /\b(?:from|funded by|met from|financed from|charged to)\s+(?:the\s+)?((?:[A-Z][\w&'’-]*\s+){0,6}(?:Reserve|Fund|Grant|Budget|Allocation|Programme)s?)\b/;

function fundingSource(operative: readonly string[]): Sourced<string> {
  for (const sentence of operative) {
    const m = SOURCE.exec(sentence);
    if (m?.[1]) return { value: m[1].trim(), sentence };
  }
  return NOT_STATED;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Reads one decision record. `sourceFile` is what the register's Source file column shows. */
export interface ReadRecordOptions {
  /** The council's call-in period in working days from publication (default 5). */
  callInWorkingDays?: number;
}

export function readDecisionRecord(
  text: string,
  sourceFile: string,
  options: ReadRecordOptions = {},
): DecisionRecord {
  const flat = collapseSpace(String(text ?? ""));
  const { head, parts } = labelledParts(flat);
  const resolved = resolutions(flat);
  const decisionPart = field(parts, "decision");
  const operativeText = decisionPart?.value ?? resolved?.join(" ") ?? "";
  const operative = sentences(operativeText);
  const amountParts: { text: string; operative: boolean; item?: boolean }[] = [
    { text: head, operative: false },
    ...parts.map((p) => ({ text: p.value, operative: p === decisionPart })),
  ];
  if (!decisionPart && resolved) {
    // Minutes: the resolutions decide; the discussion before them is context.
    const at = flat.lastIndexOf(resolved[0] ?? "");
    amountParts.splice(0, amountParts.length, {
      text: at > 0 ? flat.slice(0, at) : "",
      operative: false,
    });
    // Each lettered resolution is one item of the decision: lettered approvals add up.
    if (resolved.length > 1)
      for (const item of resolved) amountParts.push({ text: item, operative: true, item: true });
    else amountParts.push({ text: operativeText, operative: true });
  }
  const amounts = readAmounts(amountParts);
  // Page chrome before "Decision details" (the page <title>, breadcrumbs) is not the title.
  const title = head.replace(/^[\s\S]*?Decision details\b\s*/i, "").trim();
  const reference = REFERENCE.exec(title)?.[1] ?? null;
  const titleText = reference ? title.slice(reference.length).trim() : title;
  const referencePart = field(parts, "reference");
  const ownReference = referencePart
    ? (CODE.exec(referencePart.value)?.[0] ?? referencePart.value.split(" ")[0] ?? null)
    : reference;
  // "Reference: FIN-2024-003" then the title, on the next line or the same one: what follows
  // the code up to the next label is the title when nothing came before the label.
  const titleAfterReference =
    !titleText && referencePart && ownReference
      ? referencePart.value.slice(referencePart.value.indexOf(ownReference) + ownReference.length)
      : "";
  const recordTitle = titleText || titleAfterReference.replace(/^[\s:–—-]+/, "").trim();
  const firstResolution = resolved?.find((r) => !/\bbe noted\b/i.test(r));
  const statusPart = field(parts, "status");
  // Neither labelled like a decision page nor resolving anything (a report, a letter): the reader
  // guesses nothing from its narrative, and the CLI says it is not a decision record.
  const isRecord =
    resolved !== null ||
    /\bDecision details\b/i.test(head) ||
    parts.some((p) =>
      ["reference", "decisionMaker", "status", "dateOfDecision", "decision"].includes(p.part),
    );
  const status = statusPart
    ? { value: statusPart.value, sentence: labelText(statusPart) }
    : isRecord
      ? minutesStatus(flat, resolved)
      : NOT_STATED;
  const makerPart = field(parts, "decisionMaker");
  const related = new Map<string, string>();
  for (const sentence of sentences(flat))
    for (const m of sentence.matchAll(RELATED))
      if (m[1] && m[1] !== ownReference && !related.has(m[1])) related.set(m[1], sentence);
  const subjectToCallIn = yesNo(field(parts, "callIn"));
  const publicationDate = dateField(field(parts, "publicationDate"));
  const statedEffective = dateField(field(parts, "effectiveFrom"));
  const effectiveFrom =
    statedEffective.value !== null
      ? statedEffective
      : derivedEffectiveFrom(
          flat,
          subjectToCallIn.value,
          publicationDate.value,
          options.callInWorkingDays ?? DEFAULT_CALL_IN_WORKING_DAYS,
        );
  const span = period(operative, amounts.approved?.sentence ?? null, amounts.byYear);
  return {
    reference: ownReference
      ? sourced(ownReference, referencePart ? referencePart.source : head)
      : NOT_STATED,
    // Minutes have no title line: their first resolution that decides something names the decision.
    title:
      recordTitle && isRecord && !(resolved && !decisionPart && !makerPart)
        ? { value: recordTitle, sentence: titleText ? head : (referencePart?.source ?? head) }
        : firstResolution
          ? {
              value: capitalise(firstResolution.replace(/^That\s+/i, "")),
              sentence: firstResolution,
            }
          : NOT_STATED,
    decisionMaker: makerPart
      ? { value: makerPart.value, sentence: labelText(makerPart) }
      : resolved
        ? minutesMaker(flat)
        : NOT_STATED,
    status,
    statusKind: status.value === null ? "unknown" : statusKind(status.value),
    keyDecision: yesNo(field(parts, "key")),
    subjectToCallIn,
    dateOfDecision: field(parts, "dateOfDecision")
      ? dateField(field(parts, "dateOfDecision"))
      : resolved
        ? meetingDate(flat)
        : NOT_STATED,
    publicationDate,
    effectiveFrom,
    ...approvedAmount(amounts, status.value),
    fundingSource: fundingSource(operative),
    periodStart: span.start,
    periodEnd: span.end,
    relatedReferences: [...related].map(([value, sentence]) => ({ value, sentence })),
    sourceFile,
  };
}
