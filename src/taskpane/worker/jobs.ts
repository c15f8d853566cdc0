import { openWorkbook } from "../../adapters/xlsx/document";
import {
  analyseWorkbook,
  type Analysis,
  type ProgressListener,
  type WorkbookSnapshot,
} from "../../core";
import { planFor } from "../plan-choice";
import { summarisePlan } from "../write-summary";
import type {
  CheckRequest,
  Previews,
  CheckResult,
  JobRequest,
  JobResult,
  WriteRequest,
  WriteResult,
} from "./protocol";

/** The workbook a request carries, opened with the pane's progress bar listening. */
function openFile(file: { bytes: Uint8Array; name: string }, onProgress?: ProgressListener) {
  return openWorkbook(file.bytes, file.name, undefined, undefined, onProgress);
}

/**
 * The standalone pane's long work, run in its Web Worker (workbook.worker.ts) so that the page
 * stays responsive. Plain async functions over bytes, so they are tested without a worker.
 */
export async function checkJob(
  request: Omit<CheckRequest, "kind">,
  onProgress?: ProgressListener,
): Promise<CheckResult> {
  const document = await openFile(request, onProgress);
  const analysis = analyseWorkbook(document.snapshot, request.options, onProgress);
  return {
    snapshot: document.snapshot,
    analysis,
    previews: previewsOf(document.snapshot, analysis),
  };
}

function previewsOf(snapshot: WorkbookSnapshot, analysis: Analysis): Previews {
  return {
    formulas: summarisePlan(snapshot, analysis.plan, false),
    values: summarisePlan(snapshot, analysis.plan, true),
  };
}

/** The plan without its cells, as it goes to the page (see CheckResult). */
export function withoutCells(analysis: Analysis): Analysis {
  return {
    ...analysis,
    plan: {
      operations: analysis.plan.operations.map((op) =>
        op.kind === "column" ? { ...op, cells: [] } : op,
      ),
    },
  };
}

/**
 * Plans against the workbook as it is now, writes, and checks the result, as the CLI's apply
 * does: the officer sees what is left to fix in the file they will download.
 */
export async function writeJob(
  request: Omit<WriteRequest, "kind">,
  onProgress?: ProgressListener,
): Promise<WriteResult> {
  const { bytes, name, options, choice, valuesOnly } = request;
  const document = await openFile({ bytes, name }, onProgress);
  const before = document.snapshot;
  const analysis = analyseWorkbook(before, options, onProgress);
  const plan = planFor(choice, analysis, before, options.asOf);
  const written = summarisePlan(before, plan, valuesOnly);
  const { bytes: saved } = await document.save(plan, { valuesOnly }, undefined, onProgress);
  const after = await checkJob({ bytes: saved, name, options }, onProgress);
  // after.previews say what a second Write would do: the file written is the open one now.
  return { ...after, bytes: saved, written };
}

/** Runs one request of the protocol (the worker's whole job). */
export async function runJob(
  request: JobRequest,
  onProgress?: ProgressListener,
): Promise<JobResult> {
  switch (request.kind) {
    case "check":
      return checkJob(request, onProgress);
    case "write":
      return writeJob(request, onProgress);
    case "read": {
      const document = await openFile(request, onProgress);
      return { snapshot: document.snapshot };
    }
    case "save": {
      const document = await openFile(request, onProgress);
      const options = { valuesOnly: request.valuesOnly };
      return { bytes: (await document.save(request.plan, options, undefined, onProgress)).bytes };
    }
  }
}
