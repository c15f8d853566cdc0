import { readFileSync } from "node:fs";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import {
  claimedLastRow,
  lastRowNumber,
  sheetReadProgress,
} from "../../src/adapters/xlsx/package/read-progress";
import { zipParts } from "../../src/adapters/xlsx/package/zip";
import { analyseWorkbook } from "../../src/core/analyse";
import { progressMeter, type WorkProgress } from "../../src/core/progress";
import { runJob } from "../../src/taskpane/worker/jobs";
import type { PaneMessage, WorkerMessage } from "../../src/taskpane/worker/protocol";
import {
  JobCancelledError,
  WorkerRunner,
  type WorkerLike,
} from "../../src/taskpane/worker/worker-runner";
import { FIXTURES, sheet, workbook } from "../helpers/builders";
import { unzipSync } from "fflate";

const TODAY = 46348;

/** Every report's fraction only grows, and the last one is the whole. */
function expectMonotoneToEnd(reports: WorkProgress[]) {
  const fractions = reports.map((r) => r.done / (r.total ?? 1));
  expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  expect(fractions[fractions.length - 1]).toBe(1);
}

describe("progress reports", () => {
  it("are throttled by the work done: about a hundred for 100,000 rows, never one per row", () => {
    const reports: WorkProgress[] = [];
    const tick = progressMeter((p) => reports.push(p), {
      phase: "reading",
      unit: "rows",
      total: 100_000,
    });
    for (let row = 1; row <= 100_000; row++) tick(row);
    tick(100_000);
    expect(reports.length).toBeGreaterThanOrEqual(100);
    expect(reports.length).toBeLessThanOrEqual(101);
    expect(reports[0]?.done).toBe(1);
    expectMonotoneToEnd(reports);
  });

  it("cost nothing without a listener", () => {
    expect(progressMeter(undefined, { phase: "reading", unit: "rows", total: 10 })(5)).toBe(
      undefined,
    );
  });

  it("take a sheet's rows from its dimension, and fall back to the XML read without one", () => {
    expect(claimedLastRow('<worksheet><dimension ref="A1:J100004"/><sheetData>')).toBe(100004);
    expect(claimedLastRow('<x:worksheet><x:dimension ref="B7"/>')).toBe(7);
    expect(claimedLastRow("<worksheet><sheetData>")).toBeNull();
    // The last row tag says more exactly (ExcelJS's streaming writer writes no dimension).
    expect(
      lastRowNumber(
        '<sheetData><row r="4"><c><v>1</v></c></row><row r="100004" spans="1:3"><c r="A100004"><is><t>arrow</t></is></c></row></sheetData><mergeCells/>',
      ),
    ).toBe(100004);
    expect(lastRowNumber('<x:sheetData><x:row r="7"/></x:sheetData>')).toBe(7);
    expect(lastRowNumber("<sheetData><row><c/></row></sheetData>")).toBeNull();
    expect(lastRowNumber("<sheetData/>")).toBeNull();
    const reports: WorkProgress[] = [];
    const withDimension = sheetReadProgress(
      [
        { name: "A", xml: '<dimension ref="A1:C10"/>' },
        { name: "B", xml: '<dimension ref="A1:C30"/>' },
      ],
      (p) => reports.push(p),
    );
    withDimension?.(0)(10, 0);
    withDimension?.(1)(30, 0);
    expect(reports.map((r) => [r.subject, r.unit, r.done, r.total])).toEqual([
      ["A", "rows", 10, 40],
      ["B", "rows", 40, 40],
    ]);
    const byBytes: WorkProgress[] = [];
    const without = sheetReadProgress([{ name: "A", xml: "x".repeat(1000) }], (p) =>
      byBytes.push(p),
    );
    without?.(0)(1, 500);
    expect(byBytes[0]).toMatchObject({ unit: "bytes", done: 500, total: 1000 });
  });

  it("follow reading, checking and writing a real workbook, each from start to end", async () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}/bcp-risk-registers.xlsx`));
    const reports: WorkProgress[] = [];
    const document = await openWorkbook(bytes, "bcp.xlsx", undefined, undefined, (p) =>
      reports.push(p),
    );
    expect(reports[0]).toMatchObject({ phase: "opening", total: null });
    const reading = reports.filter((r) => r.phase === "reading");
    expect(reading.length).toBeGreaterThan(1);
    expect(new Set(reading.map((r) => r.unit))).toEqual(new Set(["rows"]));
    expect(new Set(reading.map((r) => r.subject))).toEqual(
      new Set(document.snapshot.sheets.map((s) => s.name)),
    );
    expectMonotoneToEnd(reading);

    const checking: WorkProgress[] = [];
    const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY }, (p) => checking.push(p));
    expect(new Set(checking.map((r) => r.phase))).toEqual(new Set(["checking"]));
    expect(checking.some((r) => r.subject === "risk registers, table 4 of 4")).toBe(true);
    expectMonotoneToEnd(checking);
    // Reporting changes nothing in the analysis.
    expect(analysis).toEqual(analyseWorkbook(document.snapshot, { asOf: TODAY }));

    const writing: WorkProgress[] = [];
    const saved = await document.save(analysis.plan, { valuesOnly: false }, undefined, (p) =>
      writing.push(p),
    );
    expect(writing[0]).toMatchObject({ phase: "writing", total: null });
    // Writing is measured in rows written of each sheet's rows to write, to the last of them.
    const rowsWritten = writing.filter((r) => r.phase === "writing" && r.unit === "rows");
    const written = new Set(
      analysis.plan.operations.flatMap((op) => (op.kind === "column" ? [op.sheet] : [])),
    );
    expect(new Set(rowsWritten.map((r) => r.subject))).toEqual(written);
    for (const name of written) expectMonotoneToEnd(rowsWritten.filter((r) => r.subject === name));
    const compressing = writing.filter((r) => r.phase === "compressing");
    expect(compressing.every((r) => r.unit === "bytes")).toBe(true);
    expectMonotoneToEnd(compressing);
    // Compressing in slices makes the same parts as before.
    const unslicedParts = unzipSync(
      (await document.save(analysis.plan, { valuesOnly: false })).bytes,
    );
    expect(unzipSync(saved.bytes)).toEqual(unslicedParts);
  });

  it("report a large part's compression as it goes, and the zip still holds the part", async () => {
    const big = new TextEncoder().encode("<row/>".repeat(1_000_000));
    const reports: WorkProgress[] = [];
    const zipped = await zipParts(new Map([["xl/big.xml", big]]), undefined, (p) =>
      reports.push(p),
    );
    expect(reports.length).toBeGreaterThanOrEqual(5);
    expectMonotoneToEnd(reports);
    const back = unzipSync(zipped)["xl/big.xml"];
    // Compared as bytes: a deep equality over six million elements takes minutes.
    expect(back && Buffer.from(back).equals(Buffer.from(big))).toBe(true);
  });
});

describe("the worker's jobs", () => {
  it("check and write a workbook, saying what was written and checking the result", async () => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES}/bcp-risk-registers.xlsx`));
    const phases = new Set<string>();
    const checked = await runJob(
      { kind: "check", bytes, name: "bcp.xlsx", options: { asOf: TODAY } },
      (p) => phases.add(p.phase),
    );
    expect(phases).toEqual(new Set(["opening", "reading", "checking"]));
    if (!("analysis" in checked)) throw new Error("a check returns an analysis");
    expect(checked.analysis.findings.some((f) => f.code === "score-mismatch")).toBe(true);
    const done = await runJob(
      {
        kind: "write",
        bytes,
        name: "bcp.xlsx",
        options: { asOf: TODAY },
        choice: { kind: "calculated-columns" },
        valuesOnly: false,
      },
      (p) => phases.add(p.phase),
    );
    expect(phases).toEqual(new Set(["opening", "reading", "checking", "writing", "compressing"]));
    if (!("written" in done)) throw new Error("a write returns what it wrote");
    expect(done.written.columns.length).toBeGreaterThan(0);
    expect(done.analysis.findings.some((f) => f.code === "score-mismatch")).toBe(false);
    const reread = await openWorkbook(done.bytes, "out.xlsx");
    expect(reread.snapshot).toEqual(done.snapshot);
  });
});

/** A Web Worker double: records what it is sent and answers when the test says. */
function fakeWorkers() {
  const started: (WorkerLike & { sent: PaneMessage[]; terminated: boolean })[] = [];
  const start = () => {
    const worker = {
      sent: [] as PaneMessage[],
      terminated: false,
      onmessage: null as WorkerLike["onmessage"],
      onerror: null as WorkerLike["onerror"],
      postMessage(message: PaneMessage) {
        this.sent.push(message);
      },
      terminate() {
        this.terminated = true;
      },
    };
    started.push(worker);
    return worker;
  };
  const answer = (i: number, message: WorkerMessage) =>
    started[i]?.onmessage?.({ data: message } as MessageEvent<WorkerMessage>);
  return { started, start, answer };
}

const SNAPSHOT = workbook(sheet("Risks", [["Risk", "Likelihood", "Impact"]]));

describe("the worker runner", () => {
  it("passes on progress, resolves with the result, and keeps its worker for the next job", async () => {
    const workers = fakeWorkers();
    const runner = new WorkerRunner(workers.start);
    const heard: WorkProgress[] = [];
    const bytes = new Uint8Array([1, 2, 3]);
    const job = runner.run({ kind: "read", bytes, name: "r.xlsx" }, (p) => heard.push(p));
    const sent = workers.started[0]?.sent[0];
    expect(sent?.request).toMatchObject({ kind: "read", name: "r.xlsx" });
    // The worker gets a copy: the pane's bytes stay whole for the next job.
    expect(sent?.request.bytes).toEqual(bytes);
    expect(sent?.request.bytes).not.toBe(bytes);
    const progress: WorkProgress = { phase: "reading", unit: "rows", done: 5, total: 10 };
    workers.answer(0, { id: sent?.id ?? 0, type: "progress", progress });
    workers.answer(0, { id: sent?.id ?? 0, type: "done", result: { snapshot: SNAPSHOT } });
    await expect(job).resolves.toEqual({ snapshot: SNAPSHOT });
    expect(heard).toEqual([progress]);
    expect(runner.busy).toBe(false);
    const second = runner.run({ kind: "read", bytes, name: "r.xlsx" });
    expect(workers.started).toHaveLength(1);
    workers.answer(0, {
      id: workers.started[0]?.sent[1]?.id ?? 0,
      type: "failed",
      message: "r.xlsx is damaged",
    });
    await expect(second).rejects.toThrow("r.xlsx is damaged");
  });

  it("cancels by terminating the worker; what it sends after is ignored; the next job starts a new one", async () => {
    const workers = fakeWorkers();
    const runner = new WorkerRunner(workers.start);
    const heard: WorkProgress[] = [];
    const job = runner.run({ kind: "read", bytes: new Uint8Array(1), name: "r.xlsx" }, (p) =>
      heard.push(p),
    );
    expect(runner.cancel()).toBe(true);
    await expect(job).rejects.toBeInstanceOf(JobCancelledError);
    expect(workers.started[0]?.terminated).toBe(true);
    expect(runner.busy).toBe(false);
    workers.answer(0, {
      id: 1,
      type: "progress",
      progress: { phase: "reading", unit: "rows", done: 1, total: 2 },
    });
    expect(heard).toEqual([]);
    expect(runner.cancel()).toBe(false);
    const next = runner.run({ kind: "read", bytes: new Uint8Array(1), name: "r.xlsx" });
    expect(workers.started).toHaveLength(2);
    workers.answer(1, {
      id: workers.started[1]?.sent[0]?.id ?? 0,
      type: "done",
      result: { snapshot: SNAPSHOT },
    });
    await expect(next).resolves.toEqual({ snapshot: SNAPSHOT });
  });

  it("says so when the worker itself fails, and starts afresh", async () => {
    const workers = fakeWorkers();
    const runner = new WorkerRunner(workers.start);
    const job = runner.run({ kind: "read", bytes: new Uint8Array(1), name: "r.xlsx" });
    workers.started[0]?.onerror?.({ message: "out of memory" } as ErrorEvent);
    await expect(job).rejects.toThrow("The workbook could not be processed: out of memory");
    expect(workers.started[0]?.terminated).toBe(true);
    void runner.run({ kind: "read", bytes: new Uint8Array(1), name: "r.xlsx" });
    expect(workers.started).toHaveLength(2);
  });

  it("does not let a cancelled worker's late error stop the job that replaced it", async () => {
    const workers = fakeWorkers();
    const runner = new WorkerRunner(workers.start);
    const first = runner.run({ kind: "read", bytes: new Uint8Array(1), name: "a.xlsx" });
    const old = { onerror: workers.started[0]?.onerror };
    runner.cancel();
    await expect(first).rejects.toBeInstanceOf(JobCancelledError);
    const second = runner.run({ kind: "read", bytes: new Uint8Array(1), name: "b.xlsx" });
    // The terminated worker's script load is aborted and reported after the new job started.
    old.onerror?.({ message: "importScripts failed" } as ErrorEvent);
    expect(workers.started[1]?.terminated).toBe(false);
    workers.answer(1, {
      id: workers.started[1]?.sent[0]?.id ?? 0,
      type: "done",
      result: { snapshot: SNAPSHOT },
    });
    await expect(second).resolves.toEqual({ snapshot: SNAPSHOT });
  });
});
