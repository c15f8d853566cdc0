import { type ProgressListener } from "../../core";
import type { JobRequest, JobResults } from "../worker/protocol";
import { WorkerRunner, type WorkerLike } from "../worker/worker-runner";
import type { Host, SettingsStore, WorkbookJobs } from "./host";
import { PaneError } from "../errors";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * "register.xlsx" → "register (Council Sheets).xlsx". Writing the output again (the written file
 * becomes the open one) keeps that name instead of growing "(Council Sheets) (Council Sheets)".
 */
export function outputName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "").replace(/(\s*\(Council Sheets\))+$/i, "");
  return `${base} (Council Sheets).xlsx`;
}

export interface FileHost extends Host {
  open(bytes: Uint8Array, name: string): void;
}

type Run = <K extends JobRequest["kind"]>(
  request: Extract<JobRequest, { kind: K }>,
  onProgress?: ProgressListener,
) => Promise<JobResults[K]>;

/**
 * The jobs on this thread, for a browser without Web Workers (and jsdom): the file reader and
 * writer are loaded only in standalone mode (a separate chunk) so the Excel task pane stays small.
 */
const onThisThread: Run = async (request, onProgress) => {
  const { runJob } = await import(/* webpackChunkName: "xlsx" */ "../worker/jobs");
  return runJob(request, onProgress) as never;
};

/**
 * Standalone mode: a workbook file opened in the browser, read and written the same way as the
 * CLI does, so everything in the file outside the calculated columns is kept. With
 * `startWorker`, the reading, checking and writing run in a Web Worker and can be cancelled.
 */
export function fileHost(settings: SettingsStore, startWorker?: () => WorkerLike): FileHost {
  let current: { bytes: Uint8Array; name: string } | null = null;
  const runner = startWorker ? new WorkerRunner(startWorker) : null;
  const run: Run = runner ? (request, onProgress) => runner.run(request, onProgress) : onThisThread;
  const need = () => {
    if (!current)
      throw new PaneError(
        "no-workbook-open",
        "Open a workbook first: choose an .xlsx file or drop one here.",
      );
    return current;
  };
  /** The written workbook becomes the open one, so a second Check shows what is left to fix. */
  const keep = (saved: Uint8Array, name: string) => {
    const outName = outputName(name);
    current = { bytes: saved, name: outName };
    return {
      summary: `Written to ${outName}. Your original file is unchanged.`,
      download: {
        name: outName,
        blob: new Blob([saved as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }),
      },
    };
  };
  const jobs: WorkbookJobs = {
    cancellable: runner !== null,
    cancel: () => runner?.cancel() ?? false,
    async check(options, onProgress) {
      return run({ kind: "check", ...need(), options }, onProgress);
    },
    async write({ choice, valuesOnly, options }, onProgress) {
      const { bytes, name } = need();
      const result = await run(
        { kind: "write", bytes, name, options, choice, valuesOnly },
        onProgress,
      );
      return {
        checked: {
          snapshot: result.snapshot,
          analysis: result.analysis,
          previews: result.previews,
        },
        written: result.written,
        outcome: keep(result.bytes, name),
      };
    },
  };
  return {
    kind: "file",
    fileName: () => current?.name ?? null,
    open(bytes, name) {
      // A job still running was for the file being replaced.
      runner?.cancel();
      current = { bytes, name };
    },
    async read(onProgress) {
      return (await run({ kind: "read", ...need() }, onProgress)).snapshot;
    },
    async apply({ plan, valuesOnly }, onProgress) {
      const { bytes, name } = need();
      const saved = await run({ kind: "save", bytes, name, plan, valuesOnly }, onProgress);
      return keep(saved.bytes, name);
    },
    select: async () => undefined,
    settings,
    jobs,
  };
}
