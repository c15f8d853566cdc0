import { analyseWorkbook, describePlan } from "../../core";
import { planFor } from "../plan-choice";
import { summarisePlan } from "../write-summary";
import type { Host, WorkbookJobs } from "./host";

/**
 * The long work done on the page, over the host's read and apply: Excel's case, where every
 * round trip goes through Office.js on this thread (and most of the time is Excel's, not ours).
 * A write in Excel cannot be stopped half way without leaving half of it written, so there is
 * no Cancel here.
 */
export function inlineJobs(host: Host): WorkbookJobs {
  return {
    cancellable: false,
    cancel: () => false,
    async check(options, onProgress) {
      const snapshot = await host.read(onProgress);
      return { snapshot, analysis: analyseWorkbook(snapshot, options, onProgress) };
    },
    async write({ choice, valuesOnly, backup, options }, onProgress) {
      // Always plan against the workbook as it is now, not as it was at the last Check.
      const snapshot = await host.read(onProgress);
      const analysis = analyseWorkbook(snapshot, options, onProgress);
      const plan = planFor(choice, analysis, snapshot, options.asOf);
      const { changed } = describePlan(snapshot, plan, { valuesOnly });
      const outcome = await host.apply({ plan, valuesOnly, backup, changes: changed }, onProgress);
      const updated = await host.read(onProgress);
      return {
        checked: { snapshot: updated, analysis: analyseWorkbook(updated, options, onProgress) },
        written: summarisePlan(snapshot, plan, valuesOnly),
        outcome,
      };
    },
  };
}
