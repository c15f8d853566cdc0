import { useCallback, useMemo, useState } from "react";
import { analyseWorkbook, type Analysis } from "../core/analyse";
import { describePlan } from "../core/apply-plan";
import type { Finding } from "../core/findings";
import type { WritePlan } from "../core/plan";
import { planPids } from "../core/pid/build";
import { optionsFrom, type Settings } from "../core/settings";
import { serialOfDay } from "../core/values";
import type { Host } from "./hosts/host";
import type { WorkbookSnapshot } from "../core/snapshot";

export type Busy = "checking" | "writing" | null;

export interface WriteChoice {
  valuesOnly: boolean;
  backup: boolean;
}

export interface WorkbookState {
  busy: Busy;
  analysis: Analysis | null;
  /** The workbook as last read, for views that need cell values (the heat map). */
  snapshot: WorkbookSnapshot | null;
  error: string | null;
  notice: string | null;
  download: { name: string; url: string } | null;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Everything the task pane does, as a hook over a host (Excel or a file). */
export function useWorkbook(host: Host) {
  const [settings, setSettings] = useState<Settings>(() => host.settings.load());
  const [state, setState] = useState<WorkbookState>({
    busy: null,
    analysis: null,
    snapshot: null,
    error: null,
    notice: null,
    download: null,
  });
  const options = useMemo(() => optionsFrom(settings, serialOfDay(new Date())), [settings]);

  const run = useCallback(async (busy: Busy, work: () => Promise<Partial<WorkbookState>>) => {
    setState((s) => ({ ...s, busy, error: null, notice: null }));
    try {
      const done = await work();
      setState((s) => ({ ...s, ...done, busy: null }));
    } catch (error) {
      setState((s) => ({ ...s, busy: null, error: message(error) }));
    }
  }, []);

  const check = useCallback(
    () =>
      run("checking", async () => {
        const snapshot = await host.read();
        return { snapshot, analysis: analyseWorkbook(snapshot, options) };
      }),
    [host, options, run],
  );

  const applyPlan = useCallback(
    (choose: (analysis: Analysis, snapshot: WorkbookSnapshot) => WritePlan, choice: WriteChoice) =>
      run("writing", async () => {
        // Always plan against the workbook as it is now, not as it was at the last Check.
        const snapshot = await host.read();
        const analysis = analyseWorkbook(snapshot, options);
        const plan = choose(analysis, snapshot);
        const { changed } = describePlan(snapshot, plan, { valuesOnly: choice.valuesOnly });
        const outcome = await host.apply({
          plan,
          valuesOnly: choice.valuesOnly,
          backup: choice.backup,
          changes: changed,
        });
        const updated = await host.read();
        const after = analyseWorkbook(updated, options);
        const download = outcome.download
          ? { name: outcome.download.name, url: URL.createObjectURL(outcome.download.blob) }
          : null;
        return { analysis: after, snapshot: updated, notice: outcome.summary, download };
      }),
    [host, options, run],
  );

  const write = useCallback((choice: WriteChoice) => applyPlan((a) => a.plan, choice), [applyPlan]);
  const addReconciliationSheet = useCallback(
    () =>
      applyPlan(
        (a) => ({
          operations: a.plan.operations.filter(
            (op) => op.kind === "add-sheet" && op.title === "Reconciliation",
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

  const dismiss = useCallback(() => setState((s) => ({ ...s, error: null, notice: null })), []);

  return {
    state,
    settings,
    check,
    write,
    addReconciliationSheet,
    generatePid,
    select,
    saveSettings,
    dismiss,
  };
}

export type WorkbookActions = ReturnType<typeof useWorkbook>;
