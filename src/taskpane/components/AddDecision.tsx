import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Select,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import {
  DecisionImportError,
  type DecisionRecord,
  describePlan,
  formatMoney,
  htmlToText,
  looksLikeHtml,
  parseDate,
  parseMoney,
  planDecisionImport,
  readDecisionRecords,
  REGISTER_FIELDS,
  serialToIsoDate,
} from "../../core";
import type { ApplyOutcome, Host } from "../hosts/host";

const useStyles = makeStyles({
  panel: { display: "grid", rowGap: tokens.spacingVerticalS },
  source: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  // The outcome names the sheet and the decision's reference: it wraps at 320 px instead of
  // pushing the pane sideways (a single-line MessageBar does not wrap).
  bar: { minWidth: 0, maxWidth: "100%" },
  body: { overflowWrap: "anywhere", minWidth: 0, whiteSpace: "normal" },
});

type Editable = "reference" | "title" | "decisionMaker" | "status" | "fundingSource";
type DateField =
  "dateOfDecision" | "publicationDate" | "effectiveFrom" | "periodStart" | "periodEnd";

const TEXT_FIELDS: [Editable, string][] = [
  ["reference", "Decision reference"],
  ["title", "Title"],
  ["decisionMaker", "Decision maker"],
  ["status", "Status"],
  ["fundingSource", "Funding source"],
];
const DATE_FIELDS: [DateField, string][] = [
  ["dateOfDecision", "Date of decision"],
  ["publicationDate", "Publication date"],
  ["effectiveFrom", "Effective from"],
  ["periodStart", "Period start"],
  ["periodEnd", "Period end"],
];

const ukDate = (iso: string | null) => {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
};
const yesNo = (v: boolean | null) => (v === null ? "not stated" : v ? "Yes" : "No");

/** The record with the officer's corrections: an edited field's source becomes "entered by hand". */
function withEdits(record: DecisionRecord, edits: Record<string, string>): DecisionRecord {
  const next: DecisionRecord = { ...record };
  const byHand = (value: string) => ({ value, sentence: "Entered in the task pane" });
  for (const [field] of TEXT_FIELDS) {
    const edit = edits[field];
    if (edit !== undefined)
      next[field] = edit.trim() ? byHand(edit.trim()) : { value: null, sentence: null };
  }
  for (const [field] of DATE_FIELDS) {
    const edit = edits[field];
    if (edit === undefined) continue;
    const serial = parseDate(edit.trim());
    next[field] =
      serial === null ? { value: null, sentence: null } : byHand(serialToIsoDate(serial));
  }
  const amount = edits.amountApproved;
  if (amount !== undefined) {
    const parsed = parseMoney(amount);
    next.amountApproved =
      parsed.kind === "number"
        ? { value: parsed.value, sentence: "Entered in the task pane" }
        : { value: null, sentence: null };
  }
  return next;
}

/**
 * Why an edited date or amount cannot be added, by field: a value typed that does not read as a
 * date or a sum of money blocks the Add and says so at the field, rather than being dropped (an
 * emptied field is the officer clearing it, and is fine).
 */
function editProblems(edits: Record<string, string>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [field] of DATE_FIELDS) {
    const edit = edits[field]?.trim();
    if (edit && parseDate(edit) === null)
      problems[field] = `"${edit}" is not a date: type it as dd/mm/yyyy, or clear the field`;
  }
  const amount = edits.amountApproved?.trim();
  if (amount && parseMoney(amount).kind !== "number")
    problems.amountApproved = `"${amount}" is not an amount of money: type it as £97,710, or clear the field`;
  return problems;
}

const headingOf = (field: string) => REGISTER_FIELDS.find(([f]) => f === field)?.[1] ?? field;

/**
 * "Add decision": paste a decision record (the council's "Decision details" page or minutes),
 * review what was read — each field with the sentence it came from — correct what needs it, and
 * add the row to the workbook's decisions register (or start a Decisions sheet).
 */
export function AddDecision({
  host,
  onAdded,
}: {
  host: Host;
  /** Called after the write with what was added and the host's outcome (a download, standalone). */
  onAdded?: (summary: string, outcome: ApplyOutcome) => void;
}) {
  const styles = useStyles();
  const [text, setText] = useState("");
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  /** Fields the register has no column for, shown before anything is written. */
  const [unkept, setUnkept] = useState<string[] | null>(null);
  // Minutes of several items hold one decision per resolving item: the officer picks one to
  // review, or adds them all as read.
  const items = useMemo(
    () =>
      text.trim()
        ? readDecisionRecords(
            looksLikeHtml(text) ? htmlToText(text) : text,
            "Pasted in the task pane",
          )
        : [],
    [text],
  );
  const [picked, setPicked] = useState(0);
  const read = items[Math.min(picked, items.length - 1)] ?? null;
  const record = read ? withEdits(read, edits) : null;
  const problems = editProblems(edits);
  const blocked = Object.keys(problems).length > 0;
  const edit = (field: string, value: string) => {
    setEdits((e) => ({ ...e, [field]: value }));
    setUnkept(null);
  };

  /** `keepingWhatFits`: the officer has seen which fields the register cannot keep, and adds anyway. */
  async function add(keepingWhatFits = false, all = false) {
    if (!record || blocked) return;
    setBusy(true);
    setOutcome(null);
    try {
      const snapshot = await host.read();
      const plan = planDecisionImport(snapshot, all ? items : [record]);
      const notKept = plan.rows[0]?.notWritten ?? [];
      if (notKept.length > 0 && !keepingWhatFits) {
        setUnkept(notKept.map(headingOf));
        return;
      }
      setUnkept(null);
      const writePlan = { operations: plan.operations };
      const { changed } = describePlan(snapshot, writePlan, { valuesOnly: false });
      const applied = await host.apply({
        plan: writePlan,
        valuesOnly: false,
        backup: false,
        changes: changed,
      });
      const row = plan.rows[0];
      const where = `${row?.reference ?? "the decision"} on "${plan.sheet}", row ${row?.row ?? "?"}`;
      const summary = all
        ? `Added or updated ${plan.rows.length} decisions on "${plan.sheet}": ${plan.rows.map((r) => `${r.reference ?? r.title ?? "?"} (${r.action}, row ${r.row})`).join(", ")}.`
        : row?.action === "unchanged"
          ? `Unchanged: ${where} already holds this decision as the record states it.`
          : `${row?.action === "updated" ? "Updated" : "Added"} ${where}${plan.created ? " (a new decisions register)" : ""}.`;
      setOutcome({ ok: true, message: summary });
      onAdded?.(summary, applied);
    } catch (error) {
      const message =
        // DecisionImportError (no room below the register) and host faults both carry a message.
        error instanceof DecisionImportError || error instanceof Error
          ? error.message
          : String(error);
      setOutcome({ ok: false, message });
    } finally {
      setBusy(false);
    }
  }

  const source = (sentence: string | null) =>
    sentence ? <Caption1 className={styles.source}>From: “{sentence}”</Caption1> : null;

  return (
    <div className={styles.panel}>
      <Field label="Decision record" hint="Paste the decision's page or the minutes' resolutions.">
        <Textarea
          resize="vertical"
          rows={6}
          value={text}
          onChange={(_, d) => {
            setText(d.value);
            setPicked(0);
            setEdits({});
            setOutcome(null);
            setUnkept(null);
          }}
        />
      </Field>
      {items.length > 1 && (
        <Field label={`Decisions in these minutes (${items.length})`}>
          <Select
            value={String(Math.min(picked, items.length - 1))}
            onChange={(_, d) => {
              setPicked(Number(d.value));
              setEdits({});
              setOutcome(null);
              setUnkept(null);
            }}
          >
            {items.map((item, i) => (
              <option key={i} value={i}>
                {[item.reference.value, item.title.value, item.status.value]
                  .filter(Boolean)
                  .join(" · ")}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {record && (
        <>
          {TEXT_FIELDS.map(([field, label]) => (
            <Field key={field} label={label} hint={source(record[field].sentence)}>
              <Input
                value={edits[field] ?? record[field].value ?? ""}
                placeholder="not stated"
                onChange={(_, d) => edit(field, d.value)}
              />
            </Field>
          ))}
          <Text>
            Key decision: {yesNo(record.keyDecision.value)} · Subject to call-in:{" "}
            {yesNo(record.subjectToCallIn.value)}
          </Text>
          {DATE_FIELDS.map(([field, label]) => (
            <Field
              key={field}
              label={label}
              hint={source(record[field].sentence)}
              validationState={problems[field] ? "error" : "none"}
              validationMessage={problems[field]}
            >
              <Input
                value={edits[field] ?? ukDate(record[field].value)}
                placeholder="dd/mm/yyyy"
                onChange={(_, d) => edit(field, d.value)}
              />
            </Field>
          ))}
          <Field
            label="Amount approved"
            validationState={problems.amountApproved ? "error" : "none"}
            validationMessage={problems.amountApproved}
            hint={
              record.amountApproved.value === null
                ? record.amountStatement
                : source(record.amountApproved.sentence)
            }
          >
            <Input
              value={
                edits.amountApproved ??
                (record.amountApproved.value === null
                  ? ""
                  : formatMoney(record.amountApproved.value))
              }
              placeholder="no amount approved"
              onChange={(_, d) => edit("amountApproved", d.value)}
            />
          </Field>
          {record.otherAmounts.length > 0 && (
            <Text>
              Other amounts (not approvals):{" "}
              {record.otherAmounts.map((a) => `${a.text} (${a.role})`).join(", ")}
            </Text>
          )}
          {record.relatedReferences.length > 0 && (
            <Text>
              Related decisions: {record.relatedReferences.map((r) => r.value).join(", ")}
            </Text>
          )}
          <Button appearance="primary" disabled={busy || blocked} onClick={() => void add()}>
            Add to decisions register
          </Button>
          {items.length > 1 && (
            <Button disabled={busy} onClick={() => void add(true, true)}>
              Add all {items.length} decisions as read
            </Button>
          )}
          {blocked && <Text>Correct or clear the fields marked above to add the decision.</Text>}
          {unkept && (
            <MessageBar intent="warning" layout="multiline" className={styles.bar}>
              <MessageBarBody className={styles.body}>
                The decisions register has no column for {unkept.join(", ")}:{" "}
                {unkept.length === 1 ? "it" : "they"} will not be kept. Add a column with that
                heading to the register to keep {unkept.length === 1 ? "it" : "them"}, or add the
                decision without {unkept.length === 1 ? "it" : "them"}.
                <div>
                  <Button disabled={busy} onClick={() => void add(true)}>
                    Add without {unkept.length === 1 ? "it" : "them"}
                  </Button>
                </div>
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      {outcome && (
        <MessageBar
          intent={outcome.ok ? "success" : "error"}
          layout="multiline"
          className={styles.bar}
        >
          <MessageBarBody className={styles.body}>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
