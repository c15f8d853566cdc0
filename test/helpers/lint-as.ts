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
