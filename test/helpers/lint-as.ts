import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.join(__dirname, "../..");

/** Code to lint as if it were `file` (a path from the repository's root). */
export interface LintCase {
  code: string;
  file: string;
}

/**
 * The rules that fire on each case, linted with the project's own config as `npm run lint`
 * does. One eslint process for all of them: a process per case costs seconds each.
 */
export function rulesFiredAs(cases: readonly LintCase[]): string[][] {
  const script = `
    const { ESLint } = require(${JSON.stringify(path.join(root, "node_modules/eslint"))});
    const cases = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(root)} });
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code, { filePath: c.file });
        out.push(r.messages.map((m) => m.ruleId));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const run = spawnSync(process.execPath, ["-e", script], {
    cwd: root,
    input: JSON.stringify(cases),
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

/** A test's case: a line of code using `x`, the file it is linted as, and anything else. */
type Row = readonly [code: string, file: string, ...rest: unknown[]];

/**
 * Lints every row before the tests of the file run (its code followed by a line exporting `x`,
 * so nothing is unused); gives, for a row, the rules that fired on it, sorted.
 */
export function lintRowsBeforeAll<R extends Row>(rows: readonly R[]): (row: R) => string[] {
  let fired: string[][] = [];
  beforeAll(() => {
    const cases = rows.map(([code, file]) => ({ code: `${code}\nexport const y = x;\n`, file }));
    fired = rulesFiredAs(cases);
  });
  return (row) => {
    const ids = fired[rows.indexOf(row)];
    if (ids === undefined) throw new Error(`not linted: ${row[0]} in ${row[1]}`);
    return [...ids].sort();
  };
}

/** A message of the project's lint on a file of the tree: its rule (null for ESLint's own). */
export interface TreeMessage {
  file: string;
  ruleId: string | null;
}

/**
 * Lints the tree's files under `patterns` (paths from the repository's root) with the project's
 * own config, as `npm run lint` does: how many files it linted, and every message.
 */
export function lintTree(patterns: readonly string[]): { files: number; messages: TreeMessage[] } {
  const script = `
    const { ESLint } = require(${JSON.stringify(path.join(root, "node_modules/eslint"))});
    const path = require("node:path");
    (async () => {
      const eslint = new ESLint({ cwd: ${JSON.stringify(root)} });
      const results = await eslint.lintFiles(${JSON.stringify(patterns)});
      const out = results.flatMap((r) =>
        r.messages.map((m) => ({ file: path.relative(${JSON.stringify(root)}, r.filePath), ruleId: m.ruleId })),
      );
      process.stdout.write(JSON.stringify({ files: results.length, messages: out }));
    })();`;
  const run = spawnSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { files: number; messages: TreeMessage[] };
}
