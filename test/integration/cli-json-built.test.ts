import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ApplyJsonSchema, CheckJsonSchema } from "../../src/cli/json-schemas";
import { CORPUS } from "../helpers/corpus";
import { ALL_WORKBOOKS } from "../helpers/workbooks";
import { tempDir } from "../helpers/xlsx";

/**
 * The built binary's `--json` documents parse with the schemas, whose objects are strict: a field
 * the CLI prints that no schema describes fails here, named by its path, as does a field missing
 * or of another type. Runs dist/ (as a user runs it), not the source in this process.
 */

const BIN = path.join(__dirname, "../../dist/cli/bin.js");

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args, "--as-of", "2026-11-22"], {
    encoding: "utf8",
  });
}

/** The parse's misfits, one line each ("tables.2: Unrecognized key: \"months\""), or none. */
function misfits(
  schema: typeof CheckJsonSchema | typeof ApplyJsonSchema,
  stdout: string,
): string[] {
  const result = schema.safeParse(JSON.parse(stdout));
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

beforeAll(() => {
  if (!existsSync(BIN))
    throw new Error("dist/cli/bin.js is missing: run `npm run build:cli` (npm test does)");
});

describe("the built CLI's --json parses with the strict schemas", () => {
  it("found the workbooks to run on", () => {
    expect(ALL_WORKBOOKS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(ALL_WORKBOOKS.map((f) => [path.basename(f), f]))("check --json %s", (_name, file) => {
    const { stdout, stderr } = run("check", file, "--json");
    expect(stderr).toBe("");
    expect(misfits(CheckJsonSchema, stdout)).toEqual([]);
  });

  it("names a printed field that no schema describes, at every depth", () => {
    const file = path.join(CORPUS, "10-redmarsh-capital-programme-2025-29.xlsx");
    const doc = JSON.parse(run("check", file, "--json").stdout);
    doc.extra = 1;
    doc.tables[0].extra = 1;
    doc.findings.push({ ...doc.findings[0], extra: 1 });
    const last = doc.findings.length - 1;
    expect(misfits(CheckJsonSchema, JSON.stringify(doc)).sort()).toEqual([
      ': Unrecognized key: "extra"',
      `findings.${last}: Unrecognized key: "extra"`,
      'tables.0: Unrecognized key: "extra"',
    ]);
  });

  // A few corpus files, one per family of kinds: apply rewrites the file, so all would be slow.
  const APPLIED = [
    "01-northbrook-corporate-risk-register.xlsx",
    "06-kingsreach-revenue-monitoring-q2.xlsx",
    "08-brackenfield-highways-monthly-profile.xlsx",
    "10-redmarsh-capital-programme-2025-29.xlsx",
  ];
  const dir = tempDir("cs-json-built-");

  it.each(APPLIED)("apply --json %s", (name) => {
    const out = path.join(dir, name);
    const { stdout, stderr } = run("apply", path.join(CORPUS, name), "--out", out, "--json");
    expect(stderr).toBe("");
    expect(misfits(ApplyJsonSchema, stdout)).toEqual([]);
  });
});
