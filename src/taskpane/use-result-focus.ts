import { useCallback, useEffect, useRef } from "react";
import type { WorkbookState } from "./use-workbook";

/** What the pane's own Check or Write ended with, where keyboard focus goes once it ends. */
export const RESULT_IDS = {
  /** The summary line under the actions ("1 table · 1 error · …"). */
  summary: "pane-result-summary",
  error: "pane-result-error",
  notice: "pane-result-notice",
  cancelled: "pane-result-cancelled",
} as const;

type Work = "check" | "write";

/** The element that says how the work ended: the error, the stop, the write's message, or the summary. */
function resultOf(state: WorkbookState, work: Work): HTMLElement | null {
  const id = state.error
    ? RESULT_IDS.error
    : state.cancelled
      ? RESULT_IDS.cancelled
      : work === "write" && state.notice
        ? RESULT_IDS.notice
        : RESULT_IDS.summary;
  return document.getElementById(id);
}

/**
 * The button that starts a Check or a Write is disabled (or removed, with the preview) while the
 * work runs, so the browser drops focus to the page's body and a keyboard or screen-reader user
 * starts again from the top. Once the work ends, focus goes to its result instead, unless the
 * user has since moved it somewhere else themselves.
 */
export function useResultFocus(state: WorkbookState): (work: Work) => void {
  const pending = useRef<{ work: Work; from: Element | null } | null>(null);
  useEffect(() => {
    const started = pending.current;
    if (state.busy !== null || !started) return;
    pending.current = null;
    const now = document.activeElement;
    const lost = now === null || now === document.body || now === started.from;
    if (lost) resultOf(state, started.work)?.focus();
  }, [state]);
  return useCallback((work: Work) => {
    pending.current = { work, from: document.activeElement };
  }, []);
}
