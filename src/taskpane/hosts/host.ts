import type {
  AnalyseOptions,
  Analysis,
  Change,
  ProgressListener,
  Settings,
  WorkbookSnapshot,
  WritePlan,
} from "../../core";
import type { PlanChoice } from "../plan-choice";
import type { Previews } from "../worker/protocol";
import type { WriteSummary } from "../write-summary";

export interface ApplyRequest {
  plan: WritePlan;
  valuesOnly: boolean;
  backup: boolean;
  changes: Change[];
}

export interface ApplyOutcome {
  /** One line for the officer: what was written where. */
  summary: string;
  /** Standalone mode: the updated workbook to save. */
  download?: { name: string; blob: Blob };
}

export interface SettingsStore {
  load(): Settings;
  /**
   * Once, after load: why the saved settings were not used (they could not be read, so the
   * defaults are), to tell the user; undefined when there is nothing to tell.
   */
  takeProblem?(): string | undefined;
  save(settings: Settings): Promise<void>;
}

/** A workbook read and checked. */
export interface Checked {
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
  /** What Write would do, worked out with the analysis (standalone: in the worker). */
  previews?: Previews;
}

export interface WriteJob {
  choice: PlanChoice;
  valuesOnly: boolean;
  backup: boolean;
  options: AnalyseOptions;
}

/** What a write did: the workbook checked afterwards, what changed, and the host's outcome. */
export interface Written {
  checked: Checked;
  written: WriteSummary;
  outcome: ApplyOutcome;
}

/**
 * The pane's long work: read and check; plan, write and check the result. Standalone runs it in
 * a Web Worker (file-host.ts); Excel runs it on the page, where Office.js lives (inline-jobs.ts).
 */
export interface WorkbookJobs {
  check(options: AnalyseOptions, onProgress?: ProgressListener): Promise<Checked>;
  write(job: WriteJob, onProgress?: ProgressListener): Promise<Written>;
  /** Stops the work under way (true when there was some to stop). */
  cancel(): boolean;
  /** Whether the work can be stopped part way without leaving anything half-written. */
  readonly cancellable: boolean;
}

/** Where the workbook lives: Excel itself, or a file opened in the browser. */
export interface Host {
  kind: "excel" | "file";
  /** The open file's name (standalone); null inside Excel. */
  fileName(): string | null;
  read(onProgress?: ProgressListener): Promise<WorkbookSnapshot>;
  apply(request: ApplyRequest, onProgress?: ProgressListener): Promise<ApplyOutcome>;
  select(sheet: string, cell: string): Promise<void>;
  settings: SettingsStore;
  /** The host's own way of doing the long work; without one, inline-jobs.ts does it here. */
  jobs?: WorkbookJobs;
}
