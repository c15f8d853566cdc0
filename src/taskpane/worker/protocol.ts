import type { AnalyseOptions, Analysis } from "../../core/analyse";
import type { WorkProgress } from "../../core/progress";
import type { WritePlan } from "../../core/plan";
import type { WorkbookSnapshot } from "../../core/snapshot";
import type { PlanChoice } from "../plan-choice";
import type { WriteSummary } from "../write-summary";

/**
 * The messages between the standalone pane and its Web Worker. Everything in them is plain data
 * (structured-cloned); the workbook's bytes are transferred, not copied, where they are not
 * needed again on the sending side.
 */
export interface CheckRequest {
  kind: "check";
  bytes: Uint8Array;
  name: string;
  options: AnalyseOptions;
}

export interface WriteRequest {
  kind: "write";
  bytes: Uint8Array;
  name: string;
  options: AnalyseOptions;
  choice: PlanChoice;
  valuesOnly: boolean;
}

/** Reading alone (a view plans its own write from the snapshot: Add decision). */
export interface ReadRequest {
  kind: "read";
  bytes: Uint8Array;
  name: string;
}

/** Writing a plan a view made, without checking the result (the view asks for that). */
export interface SaveRequest {
  kind: "save";
  bytes: Uint8Array;
  name: string;
  plan: WritePlan;
  valuesOnly: boolean;
}

export type JobRequest = CheckRequest | WriteRequest | ReadRequest | SaveRequest;

export interface CheckResult {
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
}

export interface WriteResult extends CheckResult {
  /** The workbook with the plan applied. */
  bytes: Uint8Array;
  /** What the write changed, worked out from the workbook before it. */
  written: WriteSummary;
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
}

export interface SaveResult {
  bytes: Uint8Array;
}

/** What each request is answered with. */
export interface JobResults {
  check: CheckResult;
  write: WriteResult;
  read: ReadResult;
  save: SaveResult;
}

export type JobResult = JobResults[JobRequest["kind"]];

export type WorkerMessage =
  | { id: number; type: "progress"; progress: WorkProgress }
  | { id: number; type: "done"; result: JobResult }
  | { id: number; type: "failed"; message: string };

export type PaneMessage = { id: number; request: JobRequest };
