import { CouncilSheetsError } from "../core";

/**
 * The task pane's own faults in what was asked of it, shown to the officer as they are (one line
 * each); `code` is stable. Cancelling is JobCancelledError (worker/worker-runner.ts).
 */
export class PaneError extends CouncilSheetsError<"no-workbook-open" | "sample-unavailable"> {}
