import {
  type Analysis,
  planHeatMapSheet,
  planPids,
  type WorkbookSnapshot,
  type WritePlan,
} from "../core";

/**
 * What the officer asked to write, as data: the plan itself is made from the workbook as it is
 * when the write starts (never as it was at the last Check), and in standalone mode that happens
 * in the Web Worker, which can be sent data but not a function.
 */
export type PlanChoice =
  | { kind: "calculated-columns" }
  | { kind: "reconciliation-sheet" }
  | { kind: "pid"; project: string }
  /** A printable heat-map sheet of the register on this sheet (or its earlier one refreshed). */
  | { kind: "heat-map-sheet"; registerSheet: string }
  /** A plan made by a view from the workbook it read (Add decision). */
  | { kind: "plan"; plan: WritePlan };

export function planFor(
  choice: PlanChoice,
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  asOf: number,
): WritePlan {
  switch (choice.kind) {
    case "calculated-columns":
      return analysis.plan;
    case "reconciliation-sheet":
      return {
        operations: analysis.plan.operations.filter(
          (op) => op.kind === "add-sheet" && op.role === "reconciliation",
        ),
      };
    case "pid":
      return { operations: planPids(analysis, snapshot, [choice.project], asOf).operations };
    case "heat-map-sheet": {
      // Found by its sheet in the workbook as it is now (the list may have changed since).
      const context = analysis.riskContexts.find((c) => c.table.sheet === choice.registerSheet);
      return { operations: context ? [planHeatMapSheet(snapshot, context)] : [] };
    }
    case "plan":
      return choice.plan;
  }
}
