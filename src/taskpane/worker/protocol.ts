import {
  type AnalyseOptions,
  type Analysis,
  type SheetSnapshot,
  type WorkbookSnapshot,
  type WorkProgress,
  type WritePlan,
} from "../../core";

export type SheetRows = SheetSnapshot["rows"];
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
  /**
   * The analysis; from the worker its plan's column writes come without their cells (a
   * 100,000-row register's plan is over 40 MB, seconds of the page's time to receive), and
   * `previews` says what Write would do instead.
   */
  analysis: Analysis;
  previews?: Previews;
}

/** What Write would do, as formulas and as values (the pane's preview). */
export interface Previews {
  formulas: WriteSummary;
  values: WriteSummary;
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
  /**
   * Rows of a result's snapshot, sent ahead of it a few thousand at a time: the page takes each
   * message in well under 200 ms and stays responsive between them, where one message holding
   * a whole large workbook would hold it for seconds.
   */
  | { id: number; type: "rows"; sheet: number; from: number; rows: SheetRows }
  | { id: number; type: "done"; result: JobResult }
  | { id: number; type: "failed"; message: string };

export type PaneMessage = { id: number; request: JobRequest };
