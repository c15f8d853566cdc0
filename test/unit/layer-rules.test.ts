import { lintRowsBeforeAll } from "../helpers/lint-as";

/*
 * The walls between layers (eslint.config.layers.mjs), each proven to fire however the module is
 * named: import, export … from, import("…"), a type's import("…"), import … = require(…).
 * Each row is a line of code, the file it is linted as, and any rule besides the wall that must
 * fire too (the generic ban on require-style imports).
 */
type Row = [code: string, file: string, alsoFires?: string[]];

const requireBan = ["@typescript-eslint/no-require-imports"];

const shellImports: Row[] = [
  ['import { x } from "../../taskpane/use-workbook";', "src/adapters/excel/example.ts"],
  ['import { x } from "../../cli/files";', "src/adapters/xlsx/example.ts"],
  ['import { x } from "../../../cli/report";', "src/adapters/xlsx/package/example.ts"],
  // The ribbon's Office commands are a shell too.
  ['import { x } from "../../commands/commands";', "src/adapters/excel/example.ts"],
  ['const x = () => import("../../cli/bin");', "src/adapters/xlsx/example.ts"],
  ['declare const x: import("../../taskpane/hosts/file-host").Host;', "src/adapters/excel/x.ts"],
  ['import x = require("../../cli/files");', "src/adapters/xlsx/example.ts", requireBan],
  // Modules directly in src/adapters and other file flavours are walled in too.
  ['import { x } from "../taskpane/use-workbook";', "src/adapters/example.ts"],
  ['import { x } from "../commands/commands";', "src/adapters/example.mts"],
  ['import { x } from "../../cli/files";', "src/adapters/xlsx/example.cts"],
  ['import { x } from "../../taskpane/App";', "src/adapters/excel/Example.tsx"],
];
const otherAdapterImports: Row[] = [
  ['import { x } from "../xlsx/read";', "src/adapters/excel/example.ts"],
  ['import { x } from "../excel/errors";', "src/adapters/xlsx/example.ts"],
  ['import { x } from "../../excel/batcher";', "src/adapters/xlsx/package/example.ts"],
  ['const x = () => import("../xlsx/read");', "src/adapters/excel/example.ts"],
  ['declare const x: import("../excel/errors").OfficeFault;', "src/adapters/xlsx/example.ts"],
  ['export { x } from "../excel/errors";', "src/adapters/xlsx/example.mts"],
  // A module shared by the hosts imports none of them, or it would join them.
  ['import { x } from "./excel/read";', "src/adapters/example.ts"],
  ['const x = () => import("./xlsx");', "src/adapters/example.ts"],
];
const deepCoreImports: Row[] = [
  ['import { x } from "../../core/a1";', "src/taskpane/components/Example.tsx"],
  ['import { x } from "../core/pid/build";', "src/taskpane/example.ts"],
  ['import type { x } from "../core/analyse";', "src/cli/example.ts"],
  ['import { x } from "../core/risk/check";', "src/commands/example.ts"],
  ['import { x } from "../../core/snapshot";', "src/adapters/excel/example.ts"],
  ['import { x } from "../../../core/plan";', "src/adapters/xlsx/package/example.ts"],
  ['import { x } from "../core/snapshot";', "src/adapters/example.ts"],
  ['const x = () => import("../core/pid/build");', "src/taskpane/example.ts"],
  ['declare const x: import("../core/risk/check").Finding;', "src/cli/example.ts"],
  ['import { x } from "../core/../core/risk/check";', "src/cli/example.mts"],
  ['import { x } from "../core/index/../risk";', "src/commands/example.cts"],
  // A worker bundled by webpack from a URL is an import too.
  [
    'export const w = new Worker(new URL("../core/risk/check.ts", import.meta.url));',
    "src/taskpane/example.ts",
  ],
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
  [
    'const x = undefined as unknown as import("../risk/model").RiskRow;',
    "src/core/budget/example.ts",
  ],
  ['const x = () => import("../funding/detect");', "src/core/reconcile/example.ts"],
  ['import { x } from "../risk/legend";', "src/core/budget/example.mts"],
  ['export * from "../budget/model";\nconst x = 1;', "src/core/capital/example.cts"],
];
// Modules directly in src/core that compose kinds (registry, analyse, settings …) would carry
// an edge between kinds past the rule, so a kind or the table layer cannot import them.
const throughAComposer: Row[] = [
  ['import { x } from "../registry";', "src/core/risk/example.ts"],
  ['import { x } from "../settings";', "src/core/budget/example.ts"],
  ['const x = () => import("../analyse");', "src/core/monthly/example.ts"],
  ['import type { x } from "../pid-sources-from-kinds";', "src/core/tables/example.ts"],
];
const sharedLayerImportsKind: Row[] = [
  ['import { x } from "../risk/check";', "src/core/tables/example.ts"],
  ['import type { x } from "../funding";', "src/core/tables/example.ts"],
  ['export { x } from "../monthly/months";', "src/core/tables/example.ts"],
  [
    'const x = undefined as unknown as import("../budget/model").BudgetLine;',
    "src/core/tables/example.ts",
  ],
  ['const x = () => import("../decisions/register");', "src/core/tables/example.mts"],
];
const insideCoreThroughFace: Row[] = [
  ['import { x } from "..";', "src/core/risk/example.ts"],
  ['import { x } from "../index";', "src/core/budget/example.ts"],
  ['import type { x } from "../../index";', "src/core/projects/deep/example.ts"],
  ['import { x } from "../";', "src/core/tables/example.ts"],
  ['import { x } from "./index";', "src/core/analyse-example.ts"],
  ['const x = undefined as unknown as import("..").Finding;', "src/core/decisions/example.ts"],
  ['const x = () => import("../index");', "src/core/monthly/example.ts"],
  ['import { x } from "../index.ts";', "src/core/pid/example.mts"],
];
const allowedImports: Row[] = [
  ['import { x } from "./errors";', "src/adapters/xlsx/example.ts"],
  ['import { x } from "../../core";', "src/adapters/excel/example.ts"],
  ['import { x } from "../core";', "src/cli/example.ts"],
  ['import { x } from "../../core/index";', "src/taskpane/components/Example.tsx"],
  ['import { x } from "../core";', "src/adapters/example.ts"],
  ['import { x } from "../shared-example";', "src/adapters/excel/example.ts"],
  ['const x = () => import("./write");', "src/adapters/xlsx/example.ts"],
  ['declare const x: import("../core").Finding;', "src/taskpane/example.ts"],
  ['import { x } from "../tables/keys";', "src/core/budget/example.ts"],
  ['import { x } from "../snapshot";', "src/core/monthly/example.ts"],
  ['import { x } from "./model";', "src/core/funding/example.ts"],
  ['import { x } from "./budget/model";', "src/core/analyse-example.ts"],
  ['import { x } from "./risk/check";', "src/core/pid-sources-from-kinds.ts"],
  ['import { x } from "../bands";', "src/core/risk/example.ts"],
  ['import type { x } from "../tables/source-money";', "src/core/reconcile/example.ts"],
  [
    'const x = undefined as unknown as import("../tables/keys").Key;',
    "src/core/decisions/example.ts",
  ],
  ['import { x } from "./sources";', "src/core/pid/example.ts"],
  ['import { x } from "../plan-helpers";', "src/core/capital/example.ts"],
  ['import { x } from "./registry";', "src/core/analyse-example.ts"],
  ['import { x } from "../snapshot";', "src/core/tables/example.ts"],
  ['import { x } from "./money";', "src/core/tables/example.ts"],
  ['export { x } from "./risk";', "src/core/index.ts"],
];

const walls = [
  ["adapters never import a shell", shellImports, "layers/adapter-boundaries"],
  ["the adapters' hosts never import each other", otherAdapterImports, "layers/adapter-boundaries"],
  [
    "shells and adapters reach the core only through its face",
    deepCoreImports,
    "layers/through-the-core-face",
  ],
  ["kind folders of the core do not import each other", crossKindImports, "layers/kind-folders"],
  ["nor through a module that composes kinds", throughAComposer, "layers/kind-folders"],
  ["the shared table layer never imports a kind", sharedLayerImportsKind, "layers/kind-folders"],
  ["nothing inside the core imports the core's face", insideCoreThroughFace, "layers/kind-folders"],
] as const;

const all = [...walls.flatMap(([, rows]) => rows), ...allowedImports];
const ruleIds = lintRowsBeforeAll(all);

describe("layer rules (eslint.config.layers.mjs)", () => {
  describe.each(walls)("%s", (_wall, rows, rule) => {
    it.each(rows.map((r) => [r[0], r[1], r] as const))("rejects %s in %s", (_code, _file, row) =>
      expect(ruleIds(row)).toEqual([rule, ...(row[2] ?? [])].sort()),
    );
  });

  it.each(allowedImports.map((r) => [r[0], r[1], r] as const))(
    "allows %s in %s",
    (_code, _file, row) => expect(ruleIds(row)).toEqual([]),
  );
});
