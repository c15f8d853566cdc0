import { useCallback, useMemo, useRef, useState } from "react";
import {
  analyseWorkbook,
  type Analysis,
  describePlan,
  type Finding,
  optionsFrom,
  planHeatMapSheet,
  planPids,
  serialOfDay,
  type Settings,
  type WorkbookSnapshot,
  type WritePlan,
} from "../core";
import type { ApplyOutcome, Host } from "./hosts/host";
import { summarisePlan, type WriteSummary } from "./components/WritePreview";

export type Busy = "checking" | "writing" | null;

export interface WriteChoice {
  valuesOnly: boolean;
  backup: boolean;
}

export interface WorkbookState {
  busy: Busy;
  /** What the busy work is doing now ("Reading the workbook"), for the progress label. */
  phase: string | null;
  analysis: Analysis | null;
  /** The workbook as last read, for views that need cell values (the heat map). */
  snapshot: WorkbookSnapshot | null;
  error: string | null;
  notice: string | null;
  download: { name: string; url: string } | null;
  /** What the last write did, listed under its notice. */
  written: WriteSummary | null;
}

const EMPTY: WorkbookState = {
  busy: null,
  phase: null,
  analysis: null,
  snapshot: null,
  error: null,
  notice: null,
  download: null,
  written: null,
};

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Everything the task pane does, as a hook over a host (Excel or a file). */
export function useWorkbook(host: Host) {
  const [settings, setSettings] = useState<Settings>(() => host.settings.load());
  const [state, setState] = useState<WorkbookState>(EMPTY);
  // Review dates are judged against this day; the officer may set another ("as at 31 March").
  const [asOf, setAsOf] = useState<number>(() => serialOfDay(new Date()));
  const options = useMemo(() => optionsFrom(settings, asOf), [settings, asOf]);
  // The blob URL of the last download, revoked when a newer one (or a new file) replaces it.
  const downloadUrl = useRef<string | null>(null);
  const setDownload = (url: string | null) => {
    if (downloadUrl.current) URL.revokeObjectURL(downloadUrl.current);
    downloadUrl.current = url;
  };

  const phase = useCallback((text: string) => setState((s) => ({ ...s, phase: text })), []);

  const run = useCallback(
    async (busy: Busy, work: () => Promise<Partial<WorkbookState>>, onError = {}) => {
      setState((s) => ({ ...s, busy, phase: null, error: null, notice: null }));
      try {
        const done = await work();
        setState((s) => ({ ...s, ...done, busy: null, phase: null }));
      } catch (error) {
        setState((s) => ({ ...s, ...onError, busy: null, phase: null, error: message(error) }));
      }
    },
    [],
  );

  const check = useCallback(
    () =>
      run(
        "checking",
        async () => {
          phase("Reading the workbook");
          const snapshot = await host.read();
          phase("Checking the tables");
          return { snapshot, analysis: analyseWorkbook(snapshot, options), written: null };
        },
        // A workbook that cannot be read leaves nothing of the previous one on screen.
        { analysis: null, snapshot: null, written: null },
      ),
    [host, options, run, phase],
  );

  /**
   * A view wrote to the workbook itself (Add decision): check the result, and say what was
   * written with the outcome's download (standalone), as a Write does; otherwise the updated
   * workbook could not be saved from the browser.
   */
  const written = useCallback(
    (notice: string, outcome: ApplyOutcome) =>
      run("checking", async () => {
        phase("Checking the result");
        const snapshot = await host.read();
        const url = outcome.download ? URL.createObjectURL(outcome.download.blob) : null;
        setDownload(url);
        return {
          snapshot,
          analysis: analyseWorkbook(snapshot, options),
          notice: `${notice} ${outcome.summary}`,
          download: outcome.download && url ? { name: outcome.download.name, url } : null,
          written: null,
        };
      }),
    [host, options, run, phase],
  );

  /** Clears everything shown about the previous workbook (a new file is being opened). */
  const reset = useCallback(() => {
    setDownload(null);
    setState(EMPTY);
  }, []);

  const applyPlan = useCallback(
    (choose: (analysis: Analysis, snapshot: WorkbookSnapshot) => WritePlan, choice: WriteChoice) =>
      run("writing", async () => {
        // Always plan against the workbook as it is now, not as it was at the last Check.
        phase("Reading the workbook");
        const snapshot = await host.read();
        const analysis = analyseWorkbook(snapshot, options);
        const plan = choose(analysis, snapshot);
        const { changed } = describePlan(snapshot, plan, { valuesOnly: choice.valuesOnly });
        phase("Writing");
        const outcome = await host.apply({
          plan,
          valuesOnly: choice.valuesOnly,
          backup: choice.backup,
          changes: changed,
        });
        phase("Checking the result");
        const updated = await host.read();
        const after = analyseWorkbook(updated, options);
        const url = outcome.download ? URL.createObjectURL(outcome.download.blob) : null;
        setDownload(url);
        const download = outcome.download && url ? { name: outcome.download.name, url } : null;
        return {
          analysis: after,
          snapshot: updated,
          notice: outcome.summary,
          download,
          written: summarisePlan(snapshot, plan, choice.valuesOnly),
        };
      }),
    [host, options, run, phase],
  );

  const write = useCallback((choice: WriteChoice) => applyPlan((a) => a.plan, choice), [applyPlan]);
  const addReconciliationSheet = useCallback(
    () =>
      applyPlan(
        (a) => ({
          operations: a.plan.operations.filter(
            (op) => op.kind === "add-sheet" && op.role === "reconciliation",
          ),
        }),
        { valuesOnly: false, backup: false },
      ),
    [applyPlan],
  );

  const generatePid = useCallback(
    (project: string) =>
      applyPlan(
        (a, snapshot) => ({
          operations: planPids(a, snapshot, [project], options.asOf).operations,
        }),
        { valuesOnly: false, backup: false },
      ),
    [applyPlan, options.asOf],
  );

  /** A printable heat-map sheet of one register (or its earlier one refreshed). */
  const addHeatMapSheet = useCallback(
    (registerSheet: string) =>
      applyPlan(
        (a, snapshot) => {
          // Found by its sheet in the workbook as it is now (the list may have changed since).
          const context = a.riskContexts.find((c) => c.table.sheet === registerSheet);
          return { operations: context ? [planHeatMapSheet(snapshot, context)] : [] };
        },
        { valuesOnly: false, backup: false },
      ),
    [applyPlan],
  );

  /** What Write would do to the workbook as last checked. */
  const preview = useCallback(
    (valuesOnly: boolean): WriteSummary | null =>
      state.analysis && state.snapshot
        ? summarisePlan(state.snapshot, state.analysis.plan, valuesOnly)
        : null,
    [state.analysis, state.snapshot],
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
  const fail = useCallback(
    (error: unknown) => setState((s) => ({ ...s, busy: null, error: message(error) })),
    [],
  );

  return {
    state,
    settings,
    asOf,
    setAsOf,
    check,
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
  };
}

export type WorkbookActions = ReturnType<typeof useWorkbook>;
