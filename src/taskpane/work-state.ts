import { type Analysis, type WorkbookSnapshot, type WorkPhase, type WorkProgress } from "../core";
import type { Previews } from "./worker/protocol";
import type { WriteSummary } from "./write-summary";
import { countText as count } from "./counts";

/**
 * The pane's state around long work, as plain transitions (the hook in use-workbook.ts applies
 * them): what is running, how far it has got, and what is left on screen when it ends, fails or
 * is cancelled.
 */
export type Busy = "checking" | "writing" | null;

export interface WorkbookState {
  busy: Busy;
  /** How far the busy work has got (the progress bar and its label); null before the first report. */
  progress: WorkProgress | null;
  analysis: Analysis | null;
  /** The workbook as last read, for views that need cell values (the heat map). */
  snapshot: WorkbookSnapshot | null;
  error: string | null;
  notice: string | null;
  /** Said after Cancel: what was stopped and what that leaves. */
  cancelled: string | null;
  download: { name: string; url: string } | null;
  /** What the last write did, listed under its notice. */
  written: WriteSummary | null;
  /** What Write would do, when the host worked it out with the analysis (standalone). */
  previews: Previews | null;
}

export const EMPTY: WorkbookState = {
  busy: null,
  progress: null,
  analysis: null,
  snapshot: null,
  error: null,
  notice: null,
  cancelled: null,
  download: null,
  written: null,
  previews: null,
};

/** Work starts: the last outcome's messages go. */
export function started(state: WorkbookState, busy: Exclude<Busy, null>): WorkbookState {
  return { ...state, busy, progress: null, error: null, notice: null, cancelled: null };
}

/** A report from the work; one arriving after the work ended is not news. */
export function progressed(state: WorkbookState, progress: WorkProgress): WorkbookState {
  return state.busy ? { ...state, progress } : state;
}

export function finished(state: WorkbookState, done: Partial<WorkbookState>): WorkbookState {
  return { ...state, ...done, busy: null, progress: null };
}

export function failed(
  state: WorkbookState,
  message: string,
  clear: Partial<WorkbookState> = {},
): WorkbookState {
  return { ...state, ...clear, busy: null, progress: null, error: message };
}

/**
 * Cancel: a stopped Check leaves no results (they would be the half-read workbook's, or an
 * earlier one's under a new date); a stopped Write leaves the workbook and its results as they
 * were, and nothing offered for download.
 */
export function cancelled(state: WorkbookState): WorkbookState {
  const base = { ...state, busy: null, progress: null, download: null, written: null };
  if (state.busy === "writing")
    return {
      ...base,
      cancelled:
        "Write cancelled: nothing was written and there is no file to download. Your workbook is as it was.",
    };
  return {
    ...base,
    analysis: null,
    snapshot: null,
    previews: null,
    cancelled: "Check cancelled: no results are shown. Choose Check to start again.",
  };
}

/** The progress bar: a fraction where the work is measured, none (activity only) where not. */
export function progressValue(progress: WorkProgress | null): number | undefined {
  if (!progress || progress.total === null || progress.total <= 0) return undefined;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}

const PHASE_WORDS: Record<WorkPhase, string> = {
  opening: "Opening the file",
  reading: "Reading",
  checking: "Checking",
  writing: "Writing",
  compressing: "Saving the workbook",
};

/**
 * The words beside the bar: "Reading Risks: 48,000 of 100,000 rows", "Saving the workbook:
 * 12.5 of 30.1 MB", "Checking risk registers (1 of 1): 60%", "Reading Risks (round trip 2 of 5)".
 */
export function progressLabel(progress: WorkProgress | null, busy: Busy): string {
  if (!progress) return busy === "writing" ? "Writing" : "Starting";
  const { phase, subject, done, total, unit } = progress;
  const head = subject ? `${PHASE_WORDS[phase]} ${subject}` : PHASE_WORDS[phase];
  if (unit === "round trips")
    return total === null
      ? done > 0
        ? `${head} (round trip ${done})`
        : head
      : `${head} (round trip ${done + 1} of ${total})`;
  if (total === null) return head;
  if (unit === "bytes") {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return `${head}: ${mb(done)} of ${mb(total)} MB`;
  }
  if (unit === "steps") return `${head}: ${Math.round((100 * done) / Math.max(1, total))}%`;
  return `${head}: ${count(done)} of ${count(total)} ${unit}`;
}
