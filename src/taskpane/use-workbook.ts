import { startTransition, useCallback, useMemo, useRef, useState } from "react";
import { type Finding, optionsFrom, serialOfDay, type Settings, type WorkProgress } from "../core";
import type { ApplyOutcome, Checked, Host } from "./hosts/host";
import { inlineJobs } from "./hosts/inline-jobs";
import type { PlanChoice } from "./plan-choice";
import { JobCancelledError } from "./worker/worker-runner";
import {
  cancelled,
  EMPTY,
  failed,
  finished,
  progressed,
  started,
  type Busy,
  type WorkbookState,
} from "./work-state";
import { summarisePlan, upToDateNotice, wroteNothing, type WriteSummary } from "./write-summary";

export type { Busy, WorkbookState } from "./work-state";

export interface WriteChoice {
  valuesOnly: boolean;
  backup: boolean;
}

/** A checked workbook as the pane shows it (no write listed: this is a fresh look). */
function shown(checked: Checked): Partial<WorkbookState> {
  const { snapshot, analysis, previews } = checked;
  return { snapshot, analysis, previews: previews ?? null, written: null };
}

/** How a piece of work ended ("replaced": newer work, or a new file, overtook it). */
export type Outcome = "done" | "failed" | "cancelled" | "replaced";

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Everything the task pane does, as a hook over a host (Excel or a file). */
export function useWorkbook(host: Host) {
  const [settings, setSettings] = useState<Settings>(() => host.settings.load());
  // Saved settings that could not be read are told once, as the first notice.
  const [state, setState] = useState<WorkbookState>(() => {
    const problem = host.settings.takeProblem?.();
    return problem ? { ...EMPTY, notice: problem } : EMPTY;
  });
  // Review dates are judged against this day; the officer may set another ("as at 31 March").
  const [asOf, setAsOfDay] = useState<number>(() => serialOfDay(new Date()));
  // Once the officer sets the date, messages say "as at 31/03/2026" instead of "today is".
  const [asOfChosen, setAsOfChosen] = useState(false);
  const setAsOf = useCallback((serial: number) => {
    setAsOfChosen(true);
    setAsOfDay(serial);
  }, []);
  const options = useMemo(
    () => ({ ...optionsFrom(settings, asOf), ...(asOfChosen ? { asOfChosen } : {}) }),
    [settings, asOf, asOfChosen],
  );
  // The blob URL of the last download, revoked when a newer one (or a new file) replaces it.
  const downloadUrl = useRef<string | null>(null);
  const setDownload = (url: string | null) => {
    if (downloadUrl.current) URL.revokeObjectURL(downloadUrl.current);
    downloadUrl.current = url;
  };

  const jobs = useMemo(() => host.jobs ?? inlineJobs(host), [host]);
  // Each piece of work, and each new file, is a generation: whatever an older one reports or
  // returns afterwards (a job cancelled because another file was opened) is dropped.
  const generation = useRef(0);

  const run = useCallback(
    async (
      busy: Exclude<Busy, null>,
      work: (onProgress: (p: WorkProgress) => void) => Promise<Partial<WorkbookState>>,
      onError: Partial<WorkbookState> = {},
    ): Promise<Outcome> => {
      const mine = ++generation.current;
      const current = () => generation.current === mine;
      setState((s) => started(s, busy));
      try {
        const done = await work((p) => current() && setState((s) => progressed(s, p)));
        if (!current()) return "replaced";
        // Drawn as a transition: React renders the results in slices and takes a click between
        // them, rather than holding the page while a large workbook's results are drawn.
        startTransition(() => setState((s) => finished(s, done)));
        return "done";
      } catch (error) {
        if (!current()) return "replaced";
        if (error instanceof JobCancelledError) {
          setDownload(null);
          setState(cancelled);
          return "cancelled";
        }
        setState((s) => failed(s, message(error), onError));
        return "failed";
      }
    },
    [],
  );

  const check = useCallback(
    () =>
      run(
        "checking",
        async (onProgress) => shown(await jobs.check(options, onProgress)),
        // A workbook that cannot be read leaves nothing of the previous one on screen.
        { analysis: null, snapshot: null, written: null, previews: null },
      ),
    [jobs, options, run],
  );

  /** Stops the work under way, where the host can (standalone); the pane then says so. */
  const cancel = useCallback(() => jobs.cancel(), [jobs]);

  /**
   * A view wrote to the workbook itself (Add decision): check the result, and say what was
   * written with the outcome's download (standalone), as a Write does; otherwise the updated
   * workbook could not be saved from the browser.
   */
  const written = useCallback(
    (notice: string, outcome: ApplyOutcome) =>
      run("checking", async (onProgress) => {
        const checked = shown(await jobs.check(options, onProgress));
        const url = outcome.download ? URL.createObjectURL(outcome.download.blob) : null;
        setDownload(url);
        return {
          ...checked,
          notice: `${notice} ${outcome.summary}`,
          download: outcome.download && url ? { name: outcome.download.name, url } : null,
          written: null,
        };
      }),
    [jobs, options, run],
  );

  /** Clears everything shown about the previous workbook (a new file is being opened). */
  const reset = useCallback(() => {
    generation.current++;
    setDownload(null);
    setState(EMPTY);
  }, []);

  const applyPlan = useCallback(
    (choice: PlanChoice, how: WriteChoice) =>
      run("writing", async (onProgress) => {
        const done = await jobs.write({ choice, ...how, options }, onProgress);
        const { outcome } = done;
        const url = outcome.download ? URL.createObjectURL(outcome.download.blob) : null;
        setDownload(url);
        const download = outcome.download && url ? { name: outcome.download.name, url } : null;
        // Nothing to do (the sheet already says it): say so, rather than "Wrote 0 columns".
        const nothing = wroteNothing(done.written);
        return {
          ...shown(done.checked),
          notice: nothing ? upToDateNotice(choice) : outcome.summary,
          download,
          written: nothing ? null : done.written,
        };
      }),
    [jobs, options, run],
  );

  const write = useCallback(
    (choice: WriteChoice) => applyPlan({ kind: "calculated-columns" }, choice),
    [applyPlan],
  );
  const addReconciliationSheet = useCallback(
    () => applyPlan({ kind: "reconciliation-sheet" }, { valuesOnly: false, backup: false }),
    [applyPlan],
  );

  const generatePid = useCallback(
    (project: string) => applyPlan({ kind: "pid", project }, { valuesOnly: false, backup: false }),
    [applyPlan],
  );

  /** A printable heat-map sheet of one register (or its earlier one refreshed). */
  const addHeatMapSheet = useCallback(
    (registerSheet: string) =>
      applyPlan({ kind: "heat-map-sheet", registerSheet }, { valuesOnly: false, backup: false }),
    [applyPlan],
  );

  /** What Write would do to the workbook as last checked. */
  const preview = useCallback(
    (valuesOnly: boolean): WriteSummary | null =>
      state.analysis && state.snapshot
        ? (state.previews?.[valuesOnly ? "values" : "formulas"] ??
          summarisePlan(state.snapshot, state.analysis.plan, valuesOnly))
        : null,
    [state.analysis, state.snapshot, state.previews],
  );

  const select = useCallback(
    async (finding: Finding) => {
      try {
        await host.select(finding.sheet, finding.cell);
      } catch (error) {
        setState((s) => ({ ...s, error: message(error) }));
      }
    },
    [host],
  );

  const saveSettings = useCallback(
    async (next: Settings) => {
      setSettings(next);
      try {
        await host.settings.save(next);
        setState((s) => ({ ...s, notice: "Settings saved. Run Check to see them applied." }));
      } catch (error) {
        setState((s) => ({ ...s, error: message(error) }));
      }
    },
    [host],
  );

  const dismissError = useCallback(() => setState((s) => ({ ...s, error: null })), []);
  const dismissNotice = useCallback(
    () => setState((s) => ({ ...s, notice: null, written: null })),
    [],
  );
  const dismissCancelled = useCallback(() => setState((s) => ({ ...s, cancelled: null })), []);
  const fail = useCallback(
    (error: unknown) => setState((s) => ({ ...s, busy: null, error: message(error) })),
    [],
  );

  return {
    state,
    settings,
    asOf,
    asOfChosen,
    setAsOf,
    check,
    cancel,
    cancellable: jobs.cancellable,
    written,
    reset,
    fail,
    write,
    preview,
    addReconciliationSheet,
    generatePid,
    addHeatMapSheet,
    select,
    saveSettings,
    dismissError,
    dismissNotice,
    dismissCancelled,
  };
}

export type WorkbookActions = ReturnType<typeof useWorkbook>;
