import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { parseAddress } from "../../src/core/a1";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { zipEntries } from "../../src/adapters/xlsx/package/zip-read";
import { nativeZlib } from "../../src/cli/zlib";

export const BIN = path.join(__dirname, "../../dist/cli/bin.js");
/**
 * The peak resident memory every run must stay under, stated in docs/benchmarks.md: the CLI's
 * own footprint with ExcelJS loaded is about 150 MB, and the inputs here are small workbooks or
 * bombs refused before they inflate.
 */
export const PEAK_RSS_MB = 400;
const TIME_LIMIT_MS = 30_000;
const TIME = "/usr/bin/time";

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size in MB, from GNU time (-f %M, in KB). */
  peakMb: number;
}

/** Runs the built CLI in a child process under GNU time, within a time limit. */
export function runCli(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TIME, ["-f", "@@peak %M", process.execPath, BIN, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIME_LIMIT_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      // GNU time adds its own last line; a killed child makes it say so first.
      const match = /@@peak (\d+)\s*$/.exec(stderr);
      const peakMb = match ? Number(match[1]) / 1024 : NaN;
      const own = stderr.replace(/(Command (terminated|exited)[^\n]*\n)?@@peak \d+\s*$/, "");
      const status = /Command exited with non-zero status (\d+)/.exec(stderr);
      resolve({
        code: signal ? null : status ? Number(status[1]) : code,
        signal,
        stdout,
        stderr: own,
        peakMb,
      });
    });
  });
}

/** What the CLI must do with any input: problems found, as sentences (empty when it held). */
export function runProblems(run: Run): string[] {
  const problems: string[] = [];
  if (run.signal) problems.push(`killed by ${run.signal} (time limit ${TIME_LIMIT_MS} ms?)`);
  if (run.code === null || ![0, 1, 2].includes(run.code)) problems.push(`exit code ${run.code}`);
  if (run.code === 2) {
    const lines = run.stderr.split("\n").filter((l) => l !== "");
    if (lines.length !== 1) problems.push(`exit 2 with ${lines.length} stderr lines`);
    if (!/^council-sheets: /.test(run.stderr)) problems.push("stderr not in the CLI's form");
  }
  if (/\n\s+at .+:\d+:\d+\)?/.test(run.stderr + run.stdout)) problems.push("a stack trace");
  if (/unexpected fault/.test(run.stderr)) problems.push("an unexpected fault");
  // eslint-disable-next-line no-control-regex
  if (/\u001b/.test(run.stderr)) problems.push("an escape character on stderr");
  if (!(run.peakMb < PEAK_RSS_MB)) problems.push(`peak RSS ${run.peakMb.toFixed(0)} MB`);
  return problems;
}

function inWritten(
  written: readonly { sheet: string; range: string }[],
  sheet: string,
  row: number,
  column: number,
): boolean {
  return written.some((w) => {
    if (w.sheet !== sheet) return false;
    const [from = "", to = from] = w.range.split(":");
    const a = parseAddress(from);
    const b = parseAddress(to);
    return a.row <= row && row <= b.row && a.column <= column && column <= b.column;
  });
}

function cellProblems(
  before: WorkbookSnapshot,
  after: WorkbookSnapshot,
  written: readonly { sheet: string; range: string }[],
): string[] {
  const problems: string[] = [];
  for (const sheet of before.sheets) {
    const out = after.sheets.find((s) => s.name === sheet.name);
    if (!out) {
      problems.push(`sheet ${sheet.name} is missing from the output`);
      continue;
    }
    const rows = Math.max(sheet.rows.length, out.rows.length);
    for (let r = 0; r < rows; r++) {
      const a = sheet.rows[r] ?? [];
      const b = out.rows[r] ?? [];
      for (let c = 0; c < Math.max(a.length, b.length); c++) {
        if (inWritten(written, sheet.name, r, c)) continue;
        if (JSON.stringify(a[c] ?? null) !== JSON.stringify(b[c] ?? null))
          problems.push(`${sheet.name} row ${r + 1} column ${c + 1} changed`);
      }
    }
  }
  return problems.slice(0, 5);
}

/** Parts the direct writer rewrites; every other part must come out byte for byte. */
const REWRITTEN =
  /^(xl\/worksheets\/[^/]+\.xml|xl\/styles\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/calcChain\.xml)$/;

/**
 * When apply succeeded: the output is a valid zip (every part passes its CRC, read by fflate as
 * well as our reader), and what the plan did not write is as it was: parts byte for byte (for
 * the direct engine) and cells outside the written ranges.
 */
export async function applyProblems(
  input: Uint8Array,
  out: string,
  stdout: string,
): Promise<string[]> {
  if (!existsSync(out)) return ["apply succeeded but wrote no file"];
  const output = new Uint8Array(readFileSync(out));
  rmSync(out, { force: true });
  let doc: { engine?: string; written?: { sheet: string; range: string }[] };
  try {
    doc = JSON.parse(stdout) as typeof doc;
  } catch {
    return ["apply --json did not print one JSON document"];
  }
  if (doc.engine !== "direct" && doc.engine !== "exceljs")
    return [`engine is ${String(doc.engine)}`];
  const problems: string[] = [];
  let after: WorkbookSnapshot;
  try {
    zipEntries(output);
    const theirs = unzipSync(output);
    const ours = await XlsxPackage.open(output, { ...nativeZlib() });
    after = ours.snapshot;
    if (doc.engine === "direct") {
      const mine = unzipSync(input);
      for (const [name, data] of Object.entries(mine)) {
        if (REWRITTEN.test(name)) continue;
        const copy = theirs[name];
        if (!copy || Buffer.compare(Buffer.from(copy), Buffer.from(data)) !== 0)
          problems.push(`part ${name} changed`);
      }
    }
  } catch (error) {
    return [`the output is not a valid workbook: ${String(error)}`];
  }
  const before = (await XlsxPackage.open(input, { ...nativeZlib() })).snapshot;
  return [...problems, ...cellProblems(before, after, doc.written ?? [])];
}
