import { reportRow } from "../a1";
import { finding, type Finding } from "../findings";
import { formatMoney } from "../tables/money";
import { dateToSerial, serialToUkDate } from "../values";
import type { CitingRow } from "./citing";
import { referenceKey, type DecisionRow, type DecisionsTable } from "./register";
import { fromPence, sumPounds, toPence as pence } from "../tables/money";
import { utcMsFromSerial } from "../serial-date";
import { DEFAULT_CALL_IN_WORKING_DAYS, effectiveAfterCallIn } from "./record-dates";

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

interface Entry {
  table: DecisionsTable;
  decision: DecisionRow;
}

/** The last day of a financial year "2024/25", as a serial. */
function yearEnd(year: string): number | null {
  const start = Number(year.slice(0, 4));
  return Number.isFinite(start) ? dateToSerial(start + 1, 3, 31) : null;
}

/** The first day of a financial year "2024/25", as a serial. */
function yearStart(year: string): number | null {
  const start = Number(year.slice(0, 4));
  return Number.isFinite(start) ? dateToSerial(start, 4, 1) : null;
}

/** The year a one-year decision is for, when its period lies within one April–March year. */
function singleYear(d: DecisionRow): string | null {
  if (d.periodStart === null || d.periodEnd === null) return null;
  const fy = (serial: number) => {
    const iso = new Date(utcMsFromSerial(serial));
    const y = iso.getUTCFullYear();
    return iso.getUTCMonth() >= 3 ? y : y - 1;
  };
  const a = fy(d.periodStart);
  return a === fy(d.periodEnd) ? `${a}/${String((a + 1) % 100).padStart(2, "0")}` : null;
}

interface Authority {
  /** Approved per year, where the decision states years (register year columns, or a one-year period). */
  yearly: Record<string, number>;
  approvedTotal: number | null;
}

const authorities = new WeakMap<DecisionRow, Authority>();

/**
 * What the rows holding one reference approved together: a variation held as a second row adds
 * to the original, in total and per year.
 */
function combinedAuthority(rows: readonly DecisionRow[]): Authority {
  if (rows.length === 1 && rows[0]) return authorityOf(rows[0]);
  const yearly: Record<string, number> = {};
  let approvedTotal: number | null = null;
  for (const d of rows) {
    const a = authorityOf(d);
    for (const [year, amount] of Object.entries(a.yearly))
      yearly[year] = sumPounds([yearly[year] ?? 0, amount]);
    if (a.approvedTotal !== null) approvedTotal = sumPounds([approvedTotal ?? 0, a.approvedTotal]);
  }
  return { yearly, approvedTotal };
}

/** Whether the register says what a decision approved (an amount column, or year columns). */
const registerStatesAmounts = (table: DecisionsTable) =>
  table.columns.amountApproved !== undefined || table.years.size > 0;

/** What a decision approved, in total and by year; worked out once per decision. */
function authorityOf(d: DecisionRow): Authority {
  let a = authorities.get(d);
  if (!a) {
    const yearly: Record<string, number> = { ...d.byYear };
    const one = singleYear(d);
    const stated = Object.values(d.byYear);
    if (stated.length === 0 && one && d.amountApproved !== null) yearly[one] = d.amountApproved;
    a = {
      yearly,
      approvedTotal: d.amountApproved ?? (stated.length > 0 ? sumPounds(stated) : null),
    };
    authorities.set(d, a);
  }
  return a;
}

/** A reference held on more than one row of a register: its amounts are added together. */
function heldTwice(entries: readonly Entry[]): Finding[] {
  const rowsOf = new Map<string, Entry[]>();
  for (const e of entries) {
    if (!e.decision.reference) continue;
    const k = `${e.table.sheet}|${e.table.headerRow}|${referenceKey(e.decision.reference)}`;
    rowsOf.set(k, [...(rowsOf.get(k) ?? []), e]);
  }
  return [...rowsOf.values()]
    .filter((held) => held.length > 1)
    .map((held) => {
      const last = held[held.length - 1] as Entry;
      const rows = held.map((h) => reportRow(h.decision.row));
      const listed = `${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;
      return finding(
        "duplicate-id",
        last.table.sheet,
        last.decision.row,
        last.table.columns.reference ?? 0,
        `Decision ${last.decision.reference} is held more than once in the register (rows ${listed}); its approved amounts are added together, as a variation adds to the original`,
        { decision: last.decision.reference },
      );
    });
}

function registerFindings(
  entries: readonly Entry[],
  allocated: Map<string, number>,
  options: Required<DecisionCheckOptions>,
): Finding[] {
  const out: Finding[] = [...heldTwice(entries)];
  for (const { table, decision: d } of entries) {
    const c = table.columns;
    const ref = d.reference || d.title;
    // What the decision approved: its amount, or the sum of its year columns when it has no total.
    const approved = authorityOf(d).approvedTotal ?? 0;
    const biggest = Math.max(approved, allocated.get(referenceKey(d.reference)) ?? 0);
    if (
      d.keyDecision === false &&
      c.keyDecision !== undefined &&
      biggest >= options.keyDecisionThreshold
    )
      out.push(
        finding(
          "key-decision-not-marked",
          table.sheet,
          d.row,
          c.keyDecision,
          `Decision ${ref} involves ${formatMoney(biggest)}, at or over the key-decision threshold of ${formatMoney(options.keyDecisionThreshold)}, but is not marked as a key decision`,
          { decision: ref, amount: biggest },
        ),
      );
    if (
      d.dateOfDecision !== null &&
      d.publicationDate !== null &&
      c.publicationDate !== undefined &&
      d.publicationDate - d.dateOfDecision > options.latePublicationDays
    ) {
      const days = d.publicationDate - d.dateOfDecision;
      out.push(
        finding(
          "late-publication",
          table.sheet,
          d.row,
          c.publicationDate,
          `Decision ${ref} was taken on ${serialToUkDate(d.dateOfDecision)} and published ${days} ${days === 1 ? "day" : "days"} later, on ${serialToUkDate(d.publicationDate)} (more than ${options.latePublicationDays} days)`,
          { decision: ref, expected: options.latePublicationDays, actual: days },
        ),
      );
    }
  }
  return out;
}

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
  const total = new Map<string, number>();
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
      if (["rejected", "deferred", "withdrawn"].includes(d.statusKind))
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
      if (/\bcalled[\s-]?in\b/i.test(d.status) && d.statusKind !== "approved")
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
      if (rowTotal === 0) continue;
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
        total.set(key, (total.get(key) ?? 0) + rowTotal);
        continue;
      }
      for (const m of row.money) {
        if (m.year === null || yearly[m.year] === undefined) continue;
        const k = `${key}|${m.year}`;
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
      const sum = (total.get(key) ?? 0) + rowTotal;
      total.set(key, sum);
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
  const allocated = new Map([...total].map(([k, v]) => [k, fromPence(v)]));
  return [...findings, ...registerFindings(entries, allocated, options)];
}
