import {
  type Change,
  describePlan,
  type WorkbookSnapshot,
  type WritePlan,
  type Written,
} from "../core";

/** What a write does, in the officer's terms: columns added or replaced, values that change. */
export interface WriteSummary {
  columns: (Written & { isNew: boolean })[];
  /** Cells that held a value and will show a different one (a typed value made a formula with the
   * same result is not a change the officer needs to read). */
  changes: Change[];
  /** Cells whose typed value becomes a formula showing the same value. */
  madeLive: number;
}

export function summarisePlan(
  snapshot: WorkbookSnapshot,
  plan: WritePlan,
  valuesOnly: boolean,
): WriteSummary {
  const { written, changed } = describePlan(snapshot, plan, { valuesOnly });
  const newColumns = new Set(
    plan.operations.flatMap((op) =>
      op.kind === "add-sheet" || (op.kind === "column" && op.header !== null)
        ? [`${op.sheet}|${op.title}`]
        : [],
    ),
  );
  return {
    columns: written.map((w) => ({ ...w, isNew: newColumns.has(`${w.sheet}|${w.column}`) })),
    changes: changed.filter((c) => c.valueChanged),
    madeLive: changed.filter((c) => !c.valueChanged).length,
  };
}
