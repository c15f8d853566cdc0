/**
 * How far a long piece of work has got, for the task pane's progress bar ("Reading 48,000 of
 * 100,000 rows"). The readers, the analysis and the writers report through a callback they are
 * given; nothing here knows where the report goes (a Web Worker posts it to the pane).
 *
 * The core never reads the clock, so reports are throttled by the amount of work done (about one
 * per hundredth of the total), never per row: a 100,000-row register sends about a hundred.
 */
export type WorkPhase = "opening" | "reading" | "checking" | "writing" | "compressing";

export type WorkUnit = "rows" | "bytes" | "steps" | "round trips";

export interface WorkProgress {
  phase: WorkPhase;
  /** What is being worked on now: a sheet's name, "risk registers". */
  subject?: string;
  done: number;
  /** Null when the work cannot be measured: the bar then shows activity, not a fraction. */
  total: number | null;
  unit: WorkUnit;
}

export type ProgressListener = (progress: WorkProgress) => void;

/** Reports per run of work: about this many reports from start to end. */
export const REPORTS_PER_RUN = 100;

/**
 * A counter over `total` units of work that passes on a report when the work has moved on by
 * at least a hundredth of the total since the last one, and always at the end. `tick(done)`
 * takes the units done so far (not an increment), so a producer can call it as often as it
 * likes at the cost of one comparison.
 */
export function progressMeter(
  listener: ProgressListener | undefined,
  what: Omit<WorkProgress, "done" | "total"> & { total: number },
  reports = REPORTS_PER_RUN,
): (done: number) => void {
  if (!listener) return () => undefined;
  const step = Math.max(1, Math.ceil(what.total / reports));
  let next = 0;
  let ended = false;
  return (done) => {
    if (ended || (done < next && done < what.total)) return;
    ended = done >= what.total;
    next = done + step;
    listener({ ...what, done: Math.min(done, what.total) });
  };
}
