/**
 * The standalone pane's Web Worker: reading, checking and writing a workbook happen here, off
 * the page's thread, so the pane stays responsive and can draw its progress bar. The page
 * cancels by terminating the worker (worker-runner.ts), so no job here needs to stop itself.
 */
import { runJob } from "./jobs";
import type { PaneMessage, WorkerMessage } from "./protocol";

/** The parts of a dedicated worker's global scope used here (tsconfig's lib is the DOM's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<PaneMessage>) => void) | null;
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, request } = event.data;
  runJob(request, (progress) => scope.postMessage({ id, type: "progress", progress }))
    .then((result) => {
      // The written workbook's bytes go to the page without a copy.
      const transfer = "bytes" in result ? [result.bytes.buffer as ArrayBuffer] : [];
      scope.postMessage({ id, type: "done", result }, transfer);
    })
    .catch((error: unknown) =>
      scope.postMessage({
        id,
        type: "failed",
        message: error instanceof Error ? error.message : String(error),
      }),
    );
};
