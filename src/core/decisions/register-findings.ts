import { reportRow } from "../a1";
import { finding, type Finding } from "../findings";
import { formatMoney } from "../tables/money";
import { serialToUkDate } from "../values";
import { authorityOf } from "./authority";
import { referenceKey, type DecisionRow, type DecisionsTable } from "./register";
import type { DecisionCheckOptions } from "./checks";

/**
 * The register's rows checked on their own, whatever cites them: a reference held twice, an
 * amount at or over the key-decision threshold on a decision not marked key, a record published
 * long after the decision.
 */

export interface Entry {
  table: DecisionsTable;
  decision: DecisionRow;
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

export function registerFindings(
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
