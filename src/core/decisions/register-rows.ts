import type { DecisionRecord } from "./record";
import { referenceKey, type DecisionsTable } from "./register";
import { isoToSerial } from "./register-values";

/*
 * Which register row a decision import's record goes to: the row already holding its decision,
 * the row an earlier record of the same import took, or none (a new row). What is written into
 * the row is register-values.ts.
 */

const sameTitle = (a: string, b: string) =>
  a.replace(/\s+/g, " ").trim().toLowerCase() === b.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * The register rows holding the record's decision: by reference; for a record without one
 * (minutes rarely carry one), the row with the same title and the same date of decision or source
 * file, even when the officer has since typed a reference into that row: re-importing the record
 * then updates it instead of adding a duplicate. Every such row, top to bottom.
 */
export function sameDecisions(table: DecisionsTable, record: DecisionRecord): number[] {
  const ref = record.reference.value;
  if (ref)
    return table.decisions
      .filter((d) => referenceKey(d.reference) === referenceKey(ref))
      .map((d) => d.row);
  return byTitle(table, record);
}

function byTitle(table: DecisionsTable, record: DecisionRecord): number[] {
  const title = record.title.value;
  if (!title) return [];
  const serial = record.dateOfDecision.value ? isoToSerial(record.dateOfDecision.value) : null;
  const source = record.sourceFile.trim().toLowerCase();
  const hit = table.decisions.find((d) => {
    if (!sameTitle(d.title, title)) return false;
    const rowSource = (d.sourceFile ?? "").trim().toLowerCase();
    const sameDate = serial !== null && d.dateOfDecision === serial;
    const sameSource = source !== "" && rowSource === source;
    const nothingToCompare = d.dateOfDecision === null && rowSource === "";
    return sameDate || sameSource || (nothingToCompare && serial === null);
  });
  return hit ? [hit.row] : [];
}

/** Records in one import naming the same decision share a row: by reference, else title and date or file. */
export function batchKey(record: DecisionRecord): string | null {
  if (record.reference.value) return `ref:${referenceKey(record.reference.value)}`;
  const title = record.title.value?.replace(/\s+/g, " ").trim().toLowerCase();
  return title
    ? `title:${title}|${record.dateOfDecision.value ?? record.sourceFile.trim().toLowerCase()}`
    : null;
}

/** A record naming no decision: no reference, title, decision maker, status or date of decision. */
export function statesNoDecision(record: DecisionRecord): boolean {
  return (
    record.reference.value === null &&
    record.title.value === null &&
    record.decisionMaker.value === null &&
    record.status.value === null &&
    record.dateOfDecision.value === null
  );
}
