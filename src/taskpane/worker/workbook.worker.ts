/**
 * The standalone pane's Web Worker: reading, checking and writing a workbook happen here, off
 * the page's thread, so the pane stays responsive and can draw its progress bar. The page
 * cancels by terminating the worker (worker-runner.ts), so no job here needs to stop itself.
 */
import { runJob, withoutCells } from "./jobs";
import type { JobResult, PaneMessage, WorkerMessage } from "./protocol";

/**
 * Rows per message. The page pays for a message when it reads it (every cell object is made
 * again on its side): 2,000 rows of a 100,000-row register cost it 50–290 ms each on a loaded
 * machine, long enough to delay a click; a few hundred cost a few milliseconds, and the page
 * takes its input between them.
 */
const ROWS_PER_MESSAGE = 250;

/** The parts of a dedicated worker's global scope used here (tsconfig's lib is the DOM's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<PaneMessage>) => void) | null;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

/**
 * Sends the result's snapshot rows ahead in small messages and returns the result without them
 * (and without the plan's cells): the page puts the rows back (worker-runner.ts).
 */
function lighten(id: number, result: JobResult): JobResult {
  if (!("snapshot" in result)) return result;
  const sheets = result.snapshot.sheets.map((sheet, i) => {
    for (let from = 0; from < sheet.rows.length; from += ROWS_PER_MESSAGE)
      scope.postMessage({
        id,
        type: "rows",
        sheet: i,
        from,
        rows: sheet.rows.slice(from, from + ROWS_PER_MESSAGE),
      });
    return { ...sheet, rows: [] };
  });
  const light = { ...result, snapshot: { sheets } };
  return "analysis" in light ? { ...light, analysis: withoutCells(light.analysis) } : light;
}

scope.onmessage = (event) => {
  const { id, request } = event.data;
  runJob(request, (progress) => scope.postMessage({ id, type: "progress", progress }))
    .then((result) => {
      const light = lighten(id, result);
      // The written workbook's bytes go to the page without a copy.
      const transfer = "bytes" in light ? [light.bytes.buffer as ArrayBuffer] : [];
      scope.postMessage({ id, type: "done", result: light }, transfer);
    })
    .catch((error: unknown) =>
      scope.postMessage({
        id,
        type: "failed",
        message: error instanceof Error ? error.message : String(error),
      }),
    );
};
