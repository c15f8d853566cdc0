import { finding, type Finding } from "../findings";
import { formatMoney } from "../tables/money";
import { serialToUkDate } from "../values";
import type { CitingRow } from "./citing";
import { referenceKey, type DecisionsTable } from "./register";
import { fromPence, toPence as pence } from "../tables/money";
import { DEFAULT_CALL_IN_WORKING_DAYS, effectiveAfterCallIn } from "./record-dates";
import { combinedAuthority, registerStatesAmounts, yearEnd, yearStart } from "./authority";
import { registerFindings, type Entry } from "./register-findings";

/**
 * Money against its authority: every allocation citing a decision must rest on a decision the
 * register holds, that was approved, for no more than it approved, and not before it took effect.
 * Register rows are also checked on their own: an amount at or over the key-decision threshold on
 * a decision not marked key, a record published long after the decision.
 */
export interface DecisionCheckOptions {
  /** The council's key-decision threshold in £ (the constitution sets it); default £500,000. */
  keyDecisionThreshold?: number;
  /** Days between decision and publication beyond which the record is late; default 28. */
  latePublicationDays?: number;
  /** The call-in period in working days from publication; default 5. */
  callInWorkingDays?: number;
}

export const DEFAULT_KEY_DECISION_THRESHOLD = 500_000;
export const DEFAULT_LATE_PUBLICATION_DAYS = 28;

const looksLikeReference = (text: string) =>
  /\d/.test(text) || /^[A-Z]{2,}(?:[-./][A-Z0-9]{2,})+$/.test(text.trim());

/** The findings of money citing decisions, and of the register's own rows. */
export function checkDecisions(
  registers: readonly DecisionsTable[],
  rows: readonly CitingRow[],
  settings: DecisionCheckOptions = {},
): Finding[] {
  const options = {
    keyDecisionThreshold: settings.keyDecisionThreshold ?? DEFAULT_KEY_DECISION_THRESHOLD,
    latePublicationDays: settings.latePublicationDays ?? DEFAULT_LATE_PUBLICATION_DAYS,
    callInWorkingDays: settings.callInWorkingDays ?? DEFAULT_CALL_IN_WORKING_DAYS,
  };
  const entries = registers.flatMap((table) =>
    table.decisions.map((decision) => ({ table, decision })),
  );
  // Every row holding a reference: the last one gives status and dates, all of them the amounts.
  const byKey = new Map<string, Entry[]>();
  for (const e of entries)
    if (e.decision.reference) {
      const key = referenceKey(e.decision.reference);
      byKey.set(key, [...(byKey.get(key) ?? []), e]);
    }
  const findings: Finding[] = [];
  // Allocated money is added up per table: a projects table's budget and a grant allocation
  // citing the same decision describe the same money twice, not twice the money. Each table's
  // total is checked against the approval (so the largest one decides), never their sum.
  const total = new Map<string, number>();
  const tableKey = (key: string, row: CitingRow) => `${key}\u0000${row.table}`;
  const perYear = new Map<string, number>();
  const overTotal = new Set<string>();
  const overYear = new Set<string>();
  /** Decisions already reported over in a year: not reported again for their total. */
  const overInAYear = new Set<string>();
  for (const row of rows) {
    const [r, c] = row.at;
    const rowTotal = row.money.reduce((s, m) => s + pence(m.amount), 0);
    for (const cited of row.references) {
      const key = referenceKey(cited);
      const held = byKey.get(key);
      const entry = held?.[held.length - 1];
      if (!held || !entry) {
        // "Delegated", "Officer decision", "Urgent": how a decision was taken, not which. A
        // reference carries figures or is a code ("BNES-CWH-OBC").
        if (!looksLikeReference(cited)) continue;
        findings.push(
          finding(
            "decision-not-found",
            row.sheet,
            r,
            c,
            `Decision ${cited} is not in the decisions register`,
            {
              decision: cited,
            },
          ),
        );
        continue;
      }
      const d = entry.decision;
      // A list keeping no money still rests on its decisions; a money row with nothing in it does not.
      if (rowTotal === 0 && !row.moneyless) continue;
      const stopped = ["rejected", "deferred", "withdrawn"].includes(d.statusKind);
      if (stopped)
        findings.push(
          finding(
            "decision-not-approved",
            row.sheet,
            r,
            c,
            `${row.moneyless ? "This line" : formatMoney(fromPence(rowTotal))} rests on decision ${cited}, whose status is "${d.status}"`,
            { decision: cited, actual: d.status },
          ),
        );
      // Called in: the decision is not in force until the call-in is resolved.
      const calledIn = /\bcalled[\s-]?in\b/i.test(d.status) && d.statusKind !== "approved";
      if (calledIn && !stopped)
        findings.push(
          finding(
            "decision-not-approved",
            row.sheet,
            r,
            c,
            `${row.moneyless ? "This line" : formatMoney(fromPence(rowTotal))} rests on decision ${cited}, which has been called in and is not in force until the call-in is resolved`,
            { decision: cited, actual: d.status },
          ),
        );
      // Not approved is the finding: the money has no authority at all, so it is not also over
      // what the decision approved (a deferred decision approves no amount).
      if (rowTotal === 0 || stopped || calledIn) continue;
      const { yearly, approvedTotal } = combinedAuthority(held.map((h) => h.decision));
      const approvesNothing =
        (approvedTotal ?? 0) === 0 &&
        Object.values(yearly).every((v) => v === 0) &&
        held.every((h) => registerStatesAmounts(h.table));
      if (approvesNothing) {
        if (!overTotal.has(key)) {
          overTotal.add(key);
          const first = row.money.find((m) => m.amount !== 0) ?? row.money[0];
          findings.push(
            finding(
              "over-approval",
              row.sheet,
              r,
              first?.column ?? c,
              `${formatMoney(fromPence(rowTotal))} allocated on decision ${cited}, but decision ${cited} approved no amount`,
              { decision: cited, approved: 0, allocated: fromPence(rowTotal) },
            ),
          );
        }
        total.set(tableKey(key, row), (total.get(tableKey(key, row)) ?? 0) + rowTotal);
        continue;
      }
      for (const m of row.money) {
        if (m.year === null || yearly[m.year] === undefined) continue;
        const k = `${tableKey(key, row)}|${m.year}`;
        const sum = (perYear.get(k) ?? 0) + pence(m.amount);
        perYear.set(k, sum);
        const approved = yearly[m.year] ?? 0;
        if (sum > pence(approved) && !overYear.has(k)) {
          overYear.add(k);
          overInAYear.add(key);
          findings.push(
            finding(
              "over-approval",
              row.sheet,
              r,
              m.column,
              `${formatMoney(fromPence(sum))} allocated in ${m.year} on decision ${cited}, which approved ${formatMoney(approved)} for that year`,
              { decision: cited, year: m.year, approved, allocated: fromPence(sum) },
            ),
          );
        }
      }
      const sum = (total.get(tableKey(key, row)) ?? 0) + rowTotal;
      total.set(tableKey(key, row), sum);
      if (
        approvedTotal !== null &&
        sum > pence(approvedTotal) &&
        !overTotal.has(key) &&
        !overInAYear.has(key)
      ) {
        overTotal.add(key);
        const first = row.money[0];
        findings.push(
          finding(
            "over-approval",
            row.sheet,
            r,
            first?.column ?? c,
            `${formatMoney(fromPence(sum))} allocated in total on decision ${cited}, which approved ${formatMoney(approvedTotal)}`,
            { decision: cited, approved: approvedTotal, allocated: fromPence(sum) },
          ),
        );
      }
      // Money in a year that starts after the decision's period ended has no authority: the
      // decision approved nothing for that year.
      const lateYear =
        d.periodEnd === null
          ? undefined
          : row.money.find(
              (m) =>
                m.year !== null &&
                m.amount !== 0 &&
                (yearStart(m.year) ?? -Infinity) > (d.periodEnd ?? Infinity),
            );
      if (lateYear?.year && d.periodEnd !== null)
        findings.push(
          finding(
            "over-approval",
            row.sheet,
            r,
            lateYear.column,
            `${formatMoney(lateYear.amount)} allocated in ${lateYear.year}, after decision ${cited}'s period ended on ${serialToUkDate(d.periodEnd)}; it approved nothing for that year`,
            { decision: cited, year: lateYear.year, approved: 0, allocated: lateYear.amount },
          ),
        );
      // Subject to call-in without an effective date: it takes effect when call-in ends.
      const afterCallIn =
        d.effectiveFrom === null && d.subjectToCallIn === true && d.publicationDate !== null
          ? effectiveAfterCallIn(d.publicationDate, options.callInWorkingDays)
          : null;
      const effective = d.effectiveFrom ?? afterCallIn ?? d.dateOfDecision;
      if (effective === null) continue;
      const when =
        d.effectiveFrom !== null
          ? "took effect"
          : afterCallIn !== null
            ? `took effect after its call-in period (${options.callInWorkingDays} working days from publication)`
            : d.subjectToCallIn
              ? "was decided (call-in period not stated)"
              : "was decided";
      if (row.start && row.start.serial < effective) {
        findings.push(
          finding(
            "before-effective",
            row.sheet,
            r,
            row.start.column,
            `Funding starts ${serialToUkDate(row.start.serial)}, before decision ${cited} ${when} on ${serialToUkDate(effective)}`,
            { decision: cited },
          ),
        );
        continue;
      }
      if (row.start) continue;
      // Money in a year that ended before the decision took effect was spent without its authority.
      const early = row.money.find(
        (m) => m.year !== null && (yearEnd(m.year) ?? Infinity) < effective,
      );
      if (early?.year)
        findings.push(
          finding(
            "before-effective",
            row.sheet,
            r,
            early.column,
            `${formatMoney(early.amount)} allocated in ${early.year}, a year that ended before decision ${cited} ${when} on ${serialToUkDate(effective)}`,
            { decision: cited, year: early.year },
          ),
        );
    }
  }
  // What a decision has allocated on it: its largest table's total.
  const allocated = new Map<string, number>();
  for (const [k, v] of total) {
    const key = k.slice(0, k.indexOf("\u0000"));
    allocated.set(key, Math.max(allocated.get(key) ?? 0, fromPence(v)));
  }
  return [...findings, ...registerFindings(entries, allocated, options)];
}
