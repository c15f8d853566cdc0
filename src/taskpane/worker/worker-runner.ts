import { CouncilSheetsError, type ProgressListener } from "../../core";
import type {
  JobRequest,
  JobResult,
  JobResults,
  PaneMessage,
  SheetRows,
  WorkerMessage,
} from "./protocol";

/** The result with the snapshot rows that were sent ahead of it put back in place. */
function withRows(result: JobResult, rows: Map<number, SheetRows[]>): JobResult {
  if (!("snapshot" in result) || rows.size === 0) return result;
  const sheets = result.snapshot.sheets.map((sheet, i) => {
    const parts = rows.get(i);
    return parts ? { ...sheet, rows: parts.flat() } : sheet;
  });
  return { ...result, snapshot: { sheets } };
}

/** The work was stopped by the officer (Cancel): not a fault, and nothing of it is kept. */
export class JobCancelledError extends CouncilSheetsError<"cancelled"> {
  constructor() {
    super("cancelled", "Cancelled: nothing was written.");
  }
}

/** What the runner needs of a Web Worker (a double stands in for it in unit tests). */
export interface WorkerLike {
  postMessage(message: PaneMessage, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

interface Pending {
  id: number;
  /** Snapshot rows sent ahead of the result, per sheet. */
  rows: Map<number, SheetRows[]>;
  resolve: (result: never) => void;
  reject: (error: Error) => void;
  onProgress: ProgressListener | undefined;
}

/**
 * Runs the standalone pane's jobs in a Web Worker, one at a time. The worker is started on the
 * first job and kept for the next; Cancel terminates it (the only way to stop a synchronous
 * analysis mid-way), and the next job starts a fresh one.
 */
export class WorkerRunner {
  private worker: WorkerLike | null = null;
  private pending: Pending | null = null;
  private lastId = 0;

  constructor(private readonly startWorker: () => WorkerLike) {}

  get busy(): boolean {
    return this.pending !== null;
  }

  run<K extends JobRequest["kind"]>(
    request: Extract<JobRequest, { kind: K }>,
    onProgress?: ProgressListener,
  ): Promise<JobResults[K]> {
    if (this.pending) return Promise.reject(new Error("Council Sheets is still busy."));
    const worker = (this.worker ??= this.connect());
    const id = ++this.lastId;
    // The pane keeps its copy of the file (a second Check, a Write); the worker gets its own,
    // moved rather than copied again on the way.
    const bytes = request.bytes.slice();
    return new Promise<JobResults[K]>((resolve, reject) => {
      this.pending = {
        id,
        rows: new Map(),
        resolve: resolve as (r: never) => void,
        reject,
        onProgress,
      };
      worker.postMessage({ id, request: { ...request, bytes } }, [bytes.buffer]);
    });
  }

  /** Stops the job under way; true when there was one. Its promise rejects with JobCancelledError. */
  cancel(): boolean {
    const pending = this.pending;
    if (!pending) return false;
    this.stop();
    pending.reject(new JobCancelledError());
    return true;
  }

  private stop(): void {
    // A terminated worker can still fire an error (a script it was loading is aborted): it
    // must not reach the job of the worker that replaces it.
    if (this.worker) {
      this.worker.onmessage = null;
      this.worker.onerror = null;
    }
    this.worker?.terminate();
    this.worker = null;
    this.pending = null;
  }

  private connect(): WorkerLike {
    const worker = this.startWorker();
    worker.onmessage = ({ data }) => {
      if (this.worker !== worker) return;
      const pending = this.pending;
      // A message from a job already cancelled or finished is not news.
      if (!pending || data.id !== pending.id) return;
      if (data.type === "progress") {
        pending.onProgress?.(data.progress);
        return;
      }
      if (data.type === "rows") {
        const parts = pending.rows.get(data.sheet) ?? [];
        parts.push(data.rows);
        pending.rows.set(data.sheet, parts);
        return;
      }
      this.pending = null;
      if (data.type === "done") pending.resolve(withRows(data.result, pending.rows) as never);
      else pending.reject(new Error(data.message));
    };
    worker.onerror = (event) => {
      if (this.worker !== worker) return;
      // The worker itself failed (its script did not load, it ran out of memory): start afresh.
      const pending = this.pending;
      this.stop();
      pending?.reject(
        new Error(`The workbook could not be processed: ${event.message || "the worker stopped"}`),
      );
    };
    return worker;
  }
}
