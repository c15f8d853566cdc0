import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.join(__dirname, "../..");

interface Case {
  code: string;
  file: string;
}

/**
 * Lints every case as if its code were that file, with the project's own config, as `npm run
 * lint` does. One eslint process for all of them: a process per case costs seconds each.
 */
function lintAll(cases: readonly Case[]): string[][] {
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

type Row = [code: string, file: string];

const shellImports: Row[] = [
  ['import { x } from "../../taskpane/use-workbook";', "src/adapters/excel/example.ts"],
  ['import { x } from "../../cli/files";', "src/adapters/xlsx/example.ts"],
  ['import { x } from "../../../cli/report";', "src/adapters/xlsx/package/example.ts"],
];
const otherAdapterImports: Row[] = [
  ['import { x } from "../xlsx/read";', "src/adapters/excel/example.ts"],
  ['import { x } from "../excel/errors";', "src/adapters/xlsx/example.ts"],
  ['import { x } from "../../excel/batcher";', "src/adapters/xlsx/package/example.ts"],
];
const deepCoreImports: Row[] = [
  ['import { x } from "../../core/a1";', "src/taskpane/components/Example.tsx"],
  ['import { x } from "../core/pid/build";', "src/taskpane/example.ts"],
  ['import type { x } from "../core/analyse";', "src/cli/example.ts"],
  ['import { x } from "../core/risk/check";', "src/commands/example.ts"],
  ['import { x } from "../../core/snapshot";', "src/adapters/excel/example.ts"],
  ['import { x } from "../../../core/plan";', "src/adapters/xlsx/package/example.ts"],
];
const crossKindImports: Row[] = [
  ['import { x } from "../risk/legend";', "src/core/budget/example.ts"],
  ['import { x } from "../funding";', "src/core/decisions/example.ts"],
  ['export { x } from "../budget/model";', "src/core/funding/example.ts"],
  // Folders that do not exist yet are kinds too: the rule is not a list to keep up to date.
  ['import { x } from "../budget/model";', "src/core/monthly/example.ts"],
  ['import { x } from "../monthly/profile";', "src/core/capital/example.ts"],
  ['import { x } from "../../funding/detect";', "src/core/projects/deep/example.ts"],
  ['import { x } from "../funding/detect";', "src/core/pid/example.ts"],
  // The PID and reconciliation read other kinds through typed models, not by importing them.
  ['import { x } from "../risk/check";', "src/core/pid/example.ts"],
  ['import type { x } from "../decisions/register";', "src/core/pid/example.ts"],
  ['import { x } from "../funding/detect";', "src/core/reconcile/example.ts"],
];
const sharedLayerImportsKind: Row[] = [
  ['import { x } from "../risk/check";', "src/core/tables/example.ts"],
  ['import type { x } from "../funding";', "src/core/tables/example.ts"],
  ['export { x } from "../monthly/months";', "src/core/tables/example.ts"],
];
const insideCoreThroughFace: Row[] = [
  ['import { x } from "..";', "src/core/risk/example.ts"],
  ['import { x } from "../index";', "src/core/budget/example.ts"],
  ['import type { x } from "../../index";', "src/core/projects/deep/example.ts"],
  ['import { x } from "../";', "src/core/tables/example.ts"],
  ['import { x } from "./index";', "src/core/analyse-example.ts"],
];
const allowedImports: Row[] = [
  ['import { x } from "./errors";', "src/adapters/xlsx/example.ts"],
  ['import { x } from "../../core";', "src/adapters/excel/example.ts"],
  ['import { x } from "../core";', "src/cli/example.ts"],
  ['import { x } from "../../core/index";', "src/taskpane/components/Example.tsx"],
  ['import { x } from "../tables/keys";', "src/core/budget/example.ts"],
  ['import { x } from "../snapshot";', "src/core/monthly/example.ts"],
  ['import { x } from "./model";', "src/core/funding/example.ts"],
  ['import { x } from "./budget/model";', "src/core/analyse-example.ts"],
  ['import { x } from "./risk/check";', "src/core/pid-sources-from-kinds.ts"],
  ['import { x } from "../bands";', "src/core/risk/example.ts"],
  ['import type { x } from "../tables/source-money";', "src/core/reconcile/example.ts"],
  ['import { x } from "./sources";', "src/core/pid/example.ts"],
  ['import { x } from "../snapshot";', "src/core/tables/example.ts"],
  ['import { x } from "./money";', "src/core/tables/example.ts"],
  ['export { x } from "./risk";', "src/core/index.ts"],
];

const all = [
  ...shellImports,
  ...otherAdapterImports,
  ...deepCoreImports,
  ...crossKindImports,
  ...sharedLayerImportsKind,
  ...insideCoreThroughFace,
  ...allowedImports,
];
let found: string[][] = [];

beforeAll(() => {
  found = lintAll(all.map(([code, file]) => ({ code: `${code}\nexport const y = x;\n`, file })));
});

/** The rules that fired on one case. */
function ruleIds(row: Row): string[] {
  const at = all.indexOf(row);
  const ids = found[at];
  if (ids === undefined) throw new Error(`not linted: ${row.join(" in ")}`);
  return ids;
}

describe("layer rules (eslint.config.mjs)", () => {
  it.each(shellImports.map((r) => [r[0], r[1], r] as const))(
    "adapters never import a shell: rejects %s in %s",
    (_code, _file, row) => expect(ruleIds(row)).toEqual(["no-restricted-imports"]),
  );

  it.each(otherAdapterImports.map((r) => [r[0], r[1], r] as const))(
    "adapters/excel and adapters/xlsx never import each other: rejects %s in %s",
    (_code, _file, row) => expect(ruleIds(row)).toEqual(["no-restricted-imports"]),
  );

  it.each(deepCoreImports.map((r) => [r[0], r[1], r] as const))(
    "shells and adapters reach the core only through its face: rejects %s in %s",
    (_code, _file, row) => expect(ruleIds(row)).toEqual(["no-restricted-imports"]),
  );

  it.each(crossKindImports.map((r) => [r[0], r[1], r] as const))(
    "kind folders of the core do not import each other: rejects %s in %s",
    (_code, _file, row) => expect(ruleIds(row)).toEqual(["layers/kind-folders"]),
  );

  it.each(sharedLayerImportsKind.map((r) => [r[0], r[1], r] as const))(
    "the shared table layer never imports a kind: rejects %s in %s",
    (_code, _file, row) => expect(ruleIds(row)).toEqual(["layers/kind-folders"]),
  );

  it.each(insideCoreThroughFace.map((r) => [r[0], r[1], r] as const))(
    "nothing inside the core imports the core's face: rejects %s in %s",
    (_code, _file, row) => expect(ruleIds(row)).toEqual(["layers/kind-folders"]),
  );

  it.each(allowedImports.map((r) => [r[0], r[1], r] as const))(
    "allows %s in %s",
    (_code, _file, row) => expect(ruleIds(row)).toEqual([]),
  );
});
