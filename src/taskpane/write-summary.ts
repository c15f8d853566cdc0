import {
  describePlan,
  type ShownChange,
  type WorkbookSnapshot,
  type WritePlan,
  type Written,
} from "../core";
import type { PlanChoice } from "./plan-choice";

/** What a write does, in the officer's terms: columns added or replaced, values that change. */
export interface WriteSummary {
  columns: (Written & { isNew: boolean })[];
  /** Sheets of its own the write adds (a heat map, a reconciliation, a PID), or refreshes. */
  sheets: { sheet: string; range: string; replaced: boolean }[];
  /**
   * The first cells that held a value and will show a different one (a typed value made a
   * formula with the same result is not a change the officer needs to read): a few, not all,
   * so that a 100,000-row register's summary stays small on its way from the Web Worker.
   */
  changes: ChangeRow[];
  /** How many cells change value in all (`changes` lists the first of them). */
  changeCount: number;
  /**
   * Every changed cell, for "Show all": [sheet, cell, before, after] tuples as one JSON text,
   * the values as the cells show them.
   * A string crosses from the Web Worker in one copy (100,000 changes in milliseconds), where as
   * many objects would hold the page for the time it takes to make each again; the pane parses
   * it only when asked (changeRows).
   */
  allChanges: string;
  /** Cells whose typed value becomes a formula showing the same value. */
  madeLive: number;
}

/** How many changed cells a summary lists (the pane shows a dozen and counts the rest). */
export const LISTED_CHANGES = 12;

export function summarisePlan(
  snapshot: WorkbookSnapshot,
  plan: WritePlan,
  valuesOnly: boolean,
): WriteSummary {
  const { written, changed } = describePlan(snapshot, plan, { valuesOnly });
  const added = new Map(
    plan.operations.flatMap((op) =>
      op.kind === "add-sheet" ? [[op.sheet, op.replaces !== undefined] as const] : [],
    ),
  );
  const newColumns = new Set(
    plan.operations.flatMap((op) =>
      op.kind === "column" && op.header !== null ? [`${op.sheet}|${op.title}`] : [],
    ),
  );
  const changes = changed.filter((c) => c.valueChanged);
  const row = (c: ShownChange): ChangeTuple => [c.sheet, c.cell, c.shown.before, c.shown.after];
  return {
    columns: written
      .filter((w) => !added.has(w.sheet))
      .map((w) => ({ ...w, isNew: newColumns.has(`${w.sheet}|${w.column}`) })),
    sheets: written
      .filter((w) => added.has(w.sheet))
      .map((w) => ({ sheet: w.sheet, range: w.range, replaced: added.get(w.sheet) === true })),
    changes: changes.slice(0, LISTED_CHANGES).map((c) => rowOf(row(c))),
    changeCount: changes.length,
    allChanges: JSON.stringify(changes.map(row)),
    madeLive: changed.length - changes.length,
  };
}

/** One changed cell as the pane lists it: its values as the cell shows them ("" is blank). */
export interface ChangeRow {
  sheet: string;
  cell: string;
  before: string;
  after: string;
}

type ChangeTuple = [sheet: string, cell: string, before: string, after: string];

const rowOf = ([sheet, cell, before, after]: ChangeTuple): ChangeRow => ({
  sheet,
  cell,
  before,
  after,
});

/** The summary's every changed cell (see WriteSummary.allChanges). */
export function changeRows(summary: WriteSummary): ChangeRow[] {
  return (JSON.parse(summary.allChanges) as ChangeTuple[]).map(rowOf);
}

/** True when a write changed nothing: no column, no sheet, no cell. */
export function wroteNothing(summary: WriteSummary): boolean {
  return (
    summary.columns.length === 0 &&
    summary.sheets.length === 0 &&
    summary.changeCount === 0 &&
    summary.madeLive === 0
  );
}

/**
 * What the pane says when a write had nothing to do: the sheet asked for already says what a new
 * one would (a second "Add Reconciliation sheet"), never "Wrote 0 columns".
 */
export function upToDateNotice(choice: PlanChoice): string {
  switch (choice.kind) {
    case "reconciliation-sheet":
      return "The Reconciliation sheet is already up to date: nothing was written.";
    case "calculated-columns":
      return "The calculated columns are already up to date: nothing was written.";
    default:
      return "The workbook is already up to date: nothing was written.";
  }
}
