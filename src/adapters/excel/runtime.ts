/**
 * The seam between the adapter and Office.js: production passes the real `Excel.run` and
 * requirement-set check; tests pass a faithful double.
 */
export interface ExcelRuntime {
  run<T>(
    options: Excel.RunOptions,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
  /** Whether ExcelApi `version` (e.g. "1.9") is available in this Excel. */
  supports(version: string): boolean;
}

export function officeRuntime(): ExcelRuntime {
  return {
    run: (options, batch) => Excel.run(options, batch),
    supports: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  };
}

/** Options for every batch: wait while the user edits a cell; one undo step where Excel allows. */
export function runOptions(runtime: ExcelRuntime): Excel.RunOptions {
  return { delayForCellEdit: true, ...(runtime.supports("1.20") ? { mergeUndoGroup: true } : {}) };
}
