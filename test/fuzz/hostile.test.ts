import fc from "fast-check";
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tempDir } from "../helpers/xlsx";
import { hostileCase, type HostileCase } from "./generators";
import { applyProblems, BIN, runCli, runProblems } from "./property";

/**
 * The bad-input campaign as a test: generated hostile files (bombs, zip damage, bit flips,
 * truncations, XML damage, other containers) against the real CLI in a child process. `npm test`
 * runs a small fixed sample; `npm run fuzz` sets FUZZ_RUNS (and FUZZ_SEED) for a long run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 24);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const PARALLEL = 2;
/** FUZZ_LOG=<file>: one line per case (label, exit codes, peak memory, time) for a long run. */
const LOG = process.env.FUZZ_LOG;

async function problemsOf(c: HostileCase, dir: string, index: number): Promise<string[]> {
  const input = path.join(dir, `case-${index}${c.extension}`);
  writeFileSync(input, c.bytes);
  const out = path.join(dir, `case-${index}-out${c.extension}`);
  const started = Date.now();
  const applied = await runCli(["apply", input, "--out", out, "--json", "--as-of", "2026-11-22"]);
  if (LOG)
    appendFileSync(
      LOG,
      `${index}\t${c.label}\texit ${applied.code}\t${applied.peakMb.toFixed(0)} MB\t${Date.now() - started} ms\t${applied.stderr.trim()}\n`,
    );
  const problems = runProblems(applied).map((p) => `apply: ${p}`);
  if (problems.length === 0 && (applied.code === 0 || applied.code === 1))
    problems.push(...(await applyProblems(c.bytes, out, applied.stdout)).map((p) => `apply: ${p}`));
  // Every third case is also checked as text: the report, not the JSON, is what a terminal shows.
  if (index % 3 === 0) {
    const checked = await runCli(["check", input]);
    problems.push(...runProblems(checked).map((p) => `check: ${p}`));
    // eslint-disable-next-line no-control-regex
    if (/\u001b/.test(checked.stdout)) problems.push("check: an escape character in the report");
  }
  return problems;
}

describe("hostile and damaged files against the CLI", () => {
  beforeAll(() => {
    if (!existsSync(BIN))
      throw new Error("dist/cli/bin.js is missing: run `npm run build:cli` (npm test does)");
  });

  it(`holds its promises on ${RUNS} generated files (seed ${SEED})`, async () => {
    const cases = fc.sample(hostileCase, { numRuns: RUNS, seed: SEED });
    const dir = tempDir("cs-fuzz-");
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < cases.length; i = next++) {
        const c = cases[i];
        if (!c) continue;
        const problems = await problemsOf(c, dir, i);
        if (problems.length > 0) {
          // Kept for reproduction: the file that broke a promise, under the temporary folder.
          const kept = path.join(dir, "failures");
          mkdirSync(kept, { recursive: true });
          writeFileSync(path.join(kept, `case-${i}${c.extension}`), c.bytes);
          failures.push(`case ${i}, ${c.label}: ${problems.join("; ")}`);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    expect(failures).toEqual([]);
  });
});
