/**
 * A faithful double of the part of Excel's JavaScript API that Council Sheets uses.
 *
 * Like the real thing: nothing reaches the workbook until context.sync(); reading a property that
 * was not loaded and synced throws; methods above the configured ExcelApi version throw; a request
 * or response over 5 MB fails with RequestPayloadSizeLimitExceeded (as Excel on the web does).
 * It counts syncs and measures the bytes of every request and response.
 */
import { DoubleContext } from "./excel-double/context";
import { sheetFromRows, type DoubleSheet, type Stats } from "./excel-double/model";
import type { WorkbookSnapshot } from "../../src/core/snapshot";

export {
  sheetFromRows,
  type DoubleCell,
  type DoubleSheet,
  type Stats,
  type Value,
} from "./excel-double/model";
export { DoubleRange } from "./excel-double/range";
export { DoubleWorksheet } from "./excel-double/worksheet";
export { DoubleContext };

export interface Double {
  runtime: {
    run<T>(
      options: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean },
      batch: (ctx: never) => Promise<T>,
    ): Promise<T>;
    supports(version: string): boolean;
  };
  stats: Stats;
  book: DoubleSheet[];
  runs: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean }[];
  lastContext: () => DoubleContext | null;
}

/** An Excel with these sheets, supporting ExcelApi up to 1.`version`. */
export function excelDouble(
  book: DoubleSheet[],
  options: { version?: number; failWith?: string } = {},
): Double {
  const stats: Stats = { syncs: 0, requests: [], responses: [] };
  const version = options.version ?? 20;
  const runs: Double["runs"] = [];
  let last: DoubleContext | null = null;
  return {
    stats,
    book,
    runs,
    lastContext: () => last,
    runtime: {
      async run(runOptions, batch) {
        runs.push(runOptions);
        last = new DoubleContext(book, version, stats, options.failWith ?? null);
        return batch(last as never);
      },
      supports: (v: string) => Number(v.split(".")[1]) <= version,
    },
  };
}

/** A snapshot's sheets as Excel would hold them, for reading back through the adapter. */
export function bookFromSnapshot(snapshot: WorkbookSnapshot): DoubleSheet[] {
  return snapshot.sheets.map((s) =>
    sheetFromRows(
      s.name,
      s.rows.map((row) =>
        row.map((c) =>
          c ? (c.formula ? { formula: c.formula, value: c.value ?? "" } : c.value) : null,
        ),
      ),
      s.hiddenRows,
    ),
  );
}
