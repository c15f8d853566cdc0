import { readAmounts } from "./amounts";
import { DEFAULT_CALL_IN_WORKING_DAYS, derivedEffectiveFrom } from "./record-dates";
import { minutesHeading } from "./minutes-heading";
import { NOT_STATED, type DecisionRecord, type DecisionStatusKind, type Sourced } from "./record";
import { collapseSpace, sentences } from "./text";
import {
  CODE,
  dateField,
  field,
  impossibleDateIn,
  labelledParts,
  labelText,
  yesNo,
} from "./record-labels";
import { minutesMaker, minutesStatus, resolutions } from "./minutes";
import { fundingSource, period } from "./record-period-source";

/**
 * Reads a council decision record from its text: the "Decision details" page councils publish
 * (Decision Maker, Decision status, Is Key decision?, Date of decision…) or minutes with
 * "Resolved –" and lettered resolutions. Labels are found in whitespace-collapsed text, not by
 * line, so a record reads the same however it was wrapped. Total: never throws.
 */

const sourced = <T>(value: T | null, sentence: string | null): Sourced<T> =>
  value === null ? NOT_STATED : { value, sentence };

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
/**
 * A reference a title carries where the record labels none: "REF-9 Library hubs", "Library hubs
 * (KD-2024-09)", "Decision 2024/015: Library hubs". A one-hyphen code is a reference only with
 * a figure after the hyphen and not a disease's name ("COVID-19").
 */
const TITLE_REFERENCE =
  /(?<![\w/-])(?:(?!COVID|SARS|MERS)([A-Z]{2,6}-\d[A-Z0-9]*(?:-[A-Z0-9]+)*)|Decision\s+(?:No\.?\s?)?(\d{1,4}\/\d{1,4}))(?![\w/-])/;
const RELATED =
  /\bRef(?:erence)?\.?\s?(?:No\.?\s?)?:?\s?([A-Z][A-Z0-9]{0,9}(?:[./-][A-Z0-9]+){0,4}\d)\b/g;

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
  const minutes =
    !decisionPart && resolved ? minutesHeading(flat, flat.lastIndexOf(resolved[0] ?? "")) : null;
  // Page chrome before "Decision details" (the page <title>, breadcrumbs) is not the title.
  const title = head.replace(/^[\s\S]*?Decision details\b\s*/i, "").trim();
  const opening = REFERENCE.exec(title)?.[1] ?? null;
  // Minutes carry their reference in the item heading, not in the text before it.
  const named = opening || resolved ? null : TITLE_REFERENCE.exec(title);
  const titleReference = named?.[1] ?? named?.[2] ?? null;
  // A code opening the title is not part of it; one inside it ("Hubs (KD-2024-09)") stays.
  const openingCode = opening ?? (named?.index === 0 ? named[0] : null);
  const titleText = openingCode
    ? title
        .slice(openingCode.length)
        .replace(/^[\s:–—-]+/, "")
        .trim()
    : title;
  const referencePart = field(parts, "reference");
  const ownReference = referencePart
    ? (CODE.exec(referencePart.value)?.[0] ?? referencePart.value.split(" ")[0] ?? null)
    : (opening ?? minutes?.reference.value ?? titleReference);
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
  const recordName = ownReference ?? (recordTitle || sourceFile);
  const warnings = (["dateOfDecision", "publicationDate", "effectiveFrom"] as const).flatMap(
    (part) => {
      const labelled = field(parts, part);
      const impossible = impossibleDateIn(labelled);
      return labelled && impossible
        ? [`${recordName}: ${labelled.label} "${impossible}" is not a real date; it is left blank`]
        : [];
    },
  );
  const span = period(operative, amounts.approved?.sentence ?? null, amounts.byYear);
  return {
    reference: ownReference
      ? sourced(
          ownReference,
          referencePart
            ? referencePart.source
            : opening
              ? head
              : (minutes?.reference.sentence ?? head),
        )
      : NOT_STATED,
    // Minutes have no title line: the item's heading names the decision, else their first
    // resolution that decides something.
    title:
      recordTitle && isRecord && !(resolved && !decisionPart && !makerPart)
        ? { value: recordTitle, sentence: titleText ? head : (referencePart?.source ?? head) }
        : minutes?.title.value
          ? minutes.title
          : firstResolution
            ? {
                value: capitalise(firstResolution.replace(/^That\s+/i, "")),
                sentence: firstResolution,
              }
            : NOT_STATED,
    decisionMaker: makerPart
      ? { value: makerPart.value, sentence: labelText(makerPart) }
      : minutes?.decisionMaker.value
        ? minutes.decisionMaker
        : resolved
          ? minutesMaker(flat)
          : NOT_STATED,
    status,
    statusKind: status.value === null ? "unknown" : statusKind(status.value),
    keyDecision: field(parts, "key")
      ? yesNo(field(parts, "key"))
      : (minutes?.keyDecision ?? NOT_STATED),
    subjectToCallIn,
    dateOfDecision: field(parts, "dateOfDecision")
      ? dateField(field(parts, "dateOfDecision"))
      : (minutes?.dateOfDecision ?? NOT_STATED),
    publicationDate,
    effectiveFrom,
    ...approvedAmount(amounts, status.value),
    fundingSource: fundingSource(operative),
    periodStart: span.start,
    periodEnd: span.end,
    relatedReferences: [...related].map(([value, sentence]) => ({ value, sentence })),
    sourceFile,
    warnings,
  };
}
