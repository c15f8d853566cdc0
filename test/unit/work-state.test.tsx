/** @jest-environment jsdom */
import { act, configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { analyseWorkbook } from "../../src/core/analyse";
import type { WorkProgress } from "../../src/core/progress";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { serialOfDay } from "../../src/core/values";
import { App } from "../../src/taskpane/components/App";
import { fileHost } from "../../src/taskpane/hosts/file-host";
import type { PaneMessage, WorkerMessage } from "../../src/taskpane/worker/protocol";
import type { WorkerLike } from "../../src/taskpane/worker/worker-runner";
import {
  cancelled,
  EMPTY,
  finished,
  progressed,
  progressLabel,
  progressValue,
  started,
} from "../../src/taskpane/work-state";
import { sheet, workbook } from "../helpers/builders";

configure({ asyncUtilTimeout: 10_000 });

const REGISTER = workbook(
  sheet("Risks", [
    ["Title", "Likelihood", "Impact", "Score"],
    ["Capacity", 2, 2, 4],
    ["Benefits", 2, 3, 5],
  ]),
);
const ANALYSIS = analyseWorkbook(REGISTER, { asOf: serialOfDay(new Date()) });
const READING: WorkProgress = {
  phase: "reading",
  subject: "Risks",
  unit: "rows",
  done: 48_000,
  total: 100_000,
};

describe("the work state", () => {
  it("words progress as the officer reads it, with a fraction where the work is measured", () => {
    expect(progressLabel(READING, "checking")).toBe("Reading Risks: 48,000 of 100,000 rows");
    expect(progressValue(READING)).toBe(0.48);
    const saving: WorkProgress = {
      phase: "compressing",
      unit: "bytes",
      done: 3 * 1024 * 1024,
      total: 12 * 1024 * 1024,
    };
    expect(progressLabel(saving, "writing")).toBe("Saving the workbook: 3.0 of 12.0 MB");
    const checking: WorkProgress = {
      phase: "checking",
      subject: "risk registers, table 1 of 2",
      unit: "steps",
      done: 40,
      total: 500,
    };
    expect(progressLabel(checking, "checking")).toBe("Checking risk registers, table 1 of 2: 8%");
    const excel: WorkProgress = {
      phase: "reading",
      subject: "Risks",
      unit: "round trips",
      done: 1,
      total: 3,
    };
    expect(progressLabel(excel, "checking")).toBe("Reading Risks (round trip 2 of 3)");
    const opening: WorkProgress = { phase: "opening", unit: "steps", done: 0, total: null };
    expect(progressLabel(opening, "checking")).toBe("Opening the file");
    expect(progressValue(opening)).toBeUndefined();
    expect(progressLabel(null, "writing")).toBe("Writing");
  });

  it("drops a report that arrives after the work ended", () => {
    const done = finished(progressed(started(EMPTY, "checking"), READING), {});
    expect(done.progress).toBeNull();
    expect(progressed(done, READING)).toBe(done);
  });

  it("leaves no results after a cancelled Check, and nothing to download after a cancelled Write", () => {
    const shown = {
      ...EMPTY,
      analysis: ANALYSIS,
      snapshot: REGISTER,
      download: { name: "r (Council Sheets).xlsx", url: "blob:1" },
    };
    const check = cancelled(progressed(started(shown, "checking"), READING));
    expect(check).toMatchObject({ busy: null, progress: null, analysis: null, download: null });
    expect(check.cancelled).toMatch(/^Check cancelled/);
    const write = cancelled(started(shown, "writing"));
    // The workbook is as it was, so its results still hold; no file is offered.
    expect(write).toMatchObject({ busy: null, analysis: ANALYSIS, download: null, written: null });
    expect(write.cancelled).toMatch(/^Write cancelled: nothing was written/);
  });
});

/** Web Workers the test answers for: a stand-in for the real one, behind the real runner. */
function fakeWorkers() {
  const started: { sent: PaneMessage[]; terminated: boolean; worker: WorkerLike }[] = [];
  const start = (): WorkerLike => {
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (message) => void entry.sent.push(message),
      terminate: () => void (entry.terminated = true),
    };
    const entry = { sent: [] as PaneMessage[], terminated: false, worker };
    started.push(entry);
    return worker;
  };
  type Unnumbered<M> = M extends unknown ? Omit<M, "id"> : never;
  /** The newest worker answers its newest request. */
  const answer = (message: Unnumbered<WorkerMessage>) => {
    const last = started[started.length - 1];
    const id = last?.sent[last.sent.length - 1]?.id ?? 0;
    act(() => {
      last?.worker.onmessage?.({ data: { ...message, id } } as MessageEvent<WorkerMessage>);
    });
  };
  return { started, start, answer };
}

function chooseFile(name: string) {
  const file = Object.assign(new File(["x"], name), {
    arrayBuffer: async () => new ArrayBuffer(1),
  });
  fireEvent.change(screen.getByLabelText("Workbook file"), { target: { files: [file] } });
}

describe("the standalone pane with its worker", () => {
  it("shows the phase and a filling bar, and Cancel stops the worker and says so", async () => {
    const workers = fakeWorkers();
    const settings = { load: () => DEFAULT_SETTINGS, save: async () => undefined };
    render(<App host={fileHost(settings, workers.start)} theme={webLightTheme} />);
    chooseFile("register.xlsx");
    await waitFor(() => expect(workers.started[0]?.sent).toHaveLength(1));
    expect(workers.started[0]?.sent[0]?.request.kind).toBe("check");
    workers.answer({ type: "progress", progress: READING });
    await screen.findByText("Reading Risks: 48,000 of 100,000 rows…");
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.48");
    expect(screen.getByRole("button", { name: "Check" })).toHaveProperty("disabled", true);

    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await screen.findByText("Check cancelled: no results are shown. Choose Check to start again.");
    expect(workers.started[0]?.terminated).toBe(true);
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
    const write = screen.getByRole("button", { name: "Write calculated columns…" });
    expect(write.getAttribute("aria-disabled")).toBe("true");
    // Why it cannot be used is said beside it and is its description.
    expect(document.getElementById(write.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Write needs a check first: choose Check.",
    );

    // Check again: a fresh worker does the work, and its results are shown.
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    await waitFor(() => expect(workers.started).toHaveLength(2));
    expect(screen.queryByText(/^Check cancelled/)).toBeNull();
    workers.answer({ type: "done", result: { snapshot: REGISTER, analysis: ANALYSIS } });
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toMatch(/^1 table · 1 error/),
    );
    const ready = screen.getByRole("button", { name: "Write calculated columns…" });
    expect(ready.hasAttribute("aria-disabled") || ready.hasAttribute("disabled")).toBe(false);
    expect(ready.hasAttribute("aria-describedby")).toBe(false);
  });

  it("drops what a job for the previous file reports once another file is opened", async () => {
    const workers = fakeWorkers();
    const settings = { load: () => DEFAULT_SETTINGS, save: async () => undefined };
    render(<App host={fileHost(settings, workers.start)} theme={webLightTheme} />);
    chooseFile("first.xlsx");
    await waitFor(() => expect(workers.started[0]?.sent).toHaveLength(1));
    chooseFile("second.xlsx");
    // Opening the second file stopped the first one's worker without calling it cancelled.
    await waitFor(() => expect(workers.started).toHaveLength(2));
    expect(workers.started[0]?.terminated).toBe(true);
    expect(screen.queryByText(/cancelled/)).toBeNull();
    expect(workers.started[1]?.sent[0]?.request.name).toBe("second.xlsx");
    workers.answer({ type: "done", result: { snapshot: REGISTER, analysis: ANALYSIS } });
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^1 table/));
  });
});
