import { openWorkbook } from "../../adapters/xlsx/document";
import { analyseWorkbook } from "../../core/analyse";
import type { ProgressListener } from "../../core/progress";
import { planFor } from "../plan-choice";
import { summarisePlan } from "../write-summary";
import type {
  CheckRequest,
  CheckResult,
  JobRequest,
  JobResult,
  WriteRequest,
  WriteResult,
} from "./protocol";

/**
 * The standalone pane's long work, run in its Web Worker (workbook.worker.ts) so that the page
 * stays responsive. Plain async functions over bytes, so they are tested without a worker.
 */
export async function checkJob(
  request: Omit<CheckRequest, "kind">,
  onProgress?: ProgressListener,
): Promise<CheckResult> {
  const document = await openWorkbook(
    request.bytes,
    request.name,
    undefined,
    undefined,
    onProgress,
  );
  const analysis = analyseWorkbook(document.snapshot, request.options, onProgress);
  return { snapshot: document.snapshot, analysis };
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
  const document = await openWorkbook(bytes, name, undefined, undefined, onProgress);
  const before = document.snapshot;
  const analysis = analyseWorkbook(before, options, onProgress);
  const plan = planFor(choice, analysis, before, options.asOf);
  const written = summarisePlan(before, plan, valuesOnly);
  const { bytes: saved } = await document.save(plan, { valuesOnly }, undefined, onProgress);
  const after = await checkJob({ bytes: saved, name, options }, onProgress);
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
      const document = await openWorkbook(
        request.bytes,
        request.name,
        undefined,
        undefined,
        onProgress,
      );
      return { snapshot: document.snapshot };
    }
    case "save": {
      const document = await openWorkbook(
        request.bytes,
        request.name,
        undefined,
        undefined,
        onProgress,
      );
      const options = { valuesOnly: request.valuesOnly };
      return { bytes: (await document.save(request.plan, options, undefined, onProgress)).bytes };
    }
  }
}
