import { lintRowsBeforeAll, lintTree } from "../helpers/lint-as";

/*
 * The ways around the layer walls are closed (eslint.config.layers-bypasses.mjs, wired in
 * eslint.config.mjs): each row is a line of code, the file it is linted as, and every rule that
 * must fire on it. Then the tree itself passes each of these rules.
 */
type Row = [code: string, file: string, fires: (string | null)[]];

const ambient = "layers/no-ambient-declarations";
const fromText = "layers/no-code-from-text";
const inline = "layers/no-inline-config";
const folder = "layers/in-a-layer-folder";
const hostGlobal = "no-restricted-globals";
const hostFree = "layers/host-free-core";
const tripleSlash = "@typescript-eslint/triple-slash-reference";
/** ESLint's own notice (no rule id) that noInlineConfig makes the comment do nothing. */
const ignoredByEslint = null;

const ambientHosts: Row[] = [
  [
    "declare const Office: { context: unknown };\nconst x = Office.context;",
    "src/core/a.ts",
    [ambient],
  ],
  ["declare let Excel: unknown;\nconst x = Excel;", "src/core/risk/a.ts", [ambient]],
  [
    "declare function require(id: string): unknown;\nconst x = require;",
    "src/core/a.ts",
    [ambient],
  ],
  ["declare class Workbook {}\nconst x = Workbook;", "src/core/a.ts", [ambient]],
  // A global augmentation, even of types only, and a module or namespace of a host's.
  [
    "declare global { const Excel: unknown }\nconst x = Excel;",
    "src/core/a.ts",
    [ambient, hostGlobal],
  ],
  ["declare global { interface Window { cs: 1 } }\nconst x = 1;", "src/core/a.ts", [ambient]],
  ['declare module "exceljs" { const y: 1 }\nconst x = 1;', "src/core/a.ts", [ambient]],
  [
    "declare namespace Excel { const y: 1 }\nconst x = Excel.y;",
    "src/core/a.ts",
    [ambient, "@typescript-eslint/no-namespace"],
  ],
  // In a declaration file everything is ambient, with or without `declare`.
  ["export const Office: { context: unknown };\nconst x = 1;", "src/core/host.d.ts", [ambient]],
  // A triple-slash reference pulls a host's types in without an import.
  ['/// <reference types="office-js" />\nconst x = 1;', "src/core/a.ts", [tripleSlash]],
  ['/// <reference lib="dom" />\nconst x = 1;', "src/core/a.ts", [tripleSlash]],
];
const codeFromText: Row[] = [
  ['const x = eval("globalThis");', "src/core/a.ts", [fromText]],
  ['const x = (0, eval)("this");', "src/core/a.ts", [fromText]],
  ['const x = Function("return this")();', "src/core/a.ts", [fromText]],
  ['const x = new Function("return this")();', "src/core/budget/a.ts", [fromText]],
  ["const F = Function;\nconst x = F;", "src/core/a.ts", [fromText]],
  [
    'const x = Function.prototype.call.call(Function, null, "return this");',
    "src/core/a.ts",
    [fromText, fromText],
  ],
  ['const x = (() => 0).constructor("return this")();', "src/core/a.ts", [fromText]],
  ['const x = [].map["constructor"]("return this")();', "src/core/a.ts", [fromText]],
];
const globalObject: Row[] = [
  ['const x = globalThis["Off" + "ice"];', "src/core/a.ts", [hostGlobal]],
  ['const x = globalThis?.["Excel"];', "src/core/a.ts", [hostGlobal]],
  ['const g = globalThis;\nconst x = g["Excel"];', "src/core/a.ts", [hostGlobal]],
  ['const x = Reflect.get(globalThis, "Office");', "src/core/a.ts", [hostGlobal]],
  [
    'const x = (self as unknown as Record<string, unknown>)["Office"];',
    "src/core/a.ts",
    [hostGlobal],
  ],
];
const inlineConfig: Row[] = [
  // The comment does nothing, so the rule it names still fires.
  [
    "// eslint-disable-next-line no-restricted-globals\nconst x = window;",
    "src/core/a.ts",
    [inline, ignoredByEslint, hostGlobal],
  ],
  [
    "/* eslint-disable */\nconst x = document;",
    "src/core/monthly/a.ts",
    [inline, ignoredByEslint, hostGlobal],
  ],
  [
    "const x = Office; // eslint-disable-line no-restricted-globals",
    "src/core/a.ts",
    [inline, ignoredByEslint, hostGlobal],
  ],
  [
    '/* eslint layers/host-free-core: "off" */\nimport x from "exceljs";',
    "src/core/a.ts",
    [inline, ignoredByEslint, hostFree],
  ],
  [
    "/* global Office */\nconst x = Office;",
    "src/core/a.ts",
    [inline, ignoredByEslint, hostGlobal],
  ],
];
const outsideLayerFolders: Row[] = [
  ['import { x } from "./core/risk/check";', "src/helper.ts", [folder]],
  ['import x from "exceljs";', "src/lib/workbook.ts", [folder]],
  ["const x = 1;", "src/utils/deep/a.tsx", [folder]],
  ["const x = 1;", "src/index.mjs", [folder]],
];
const allowed: Row[] = [
  // Comments that merely mention ESLint, and class fields narrowed with `declare`.
  ["// eslint is run by npm run lint\nconst x = 1;", "src/core/a.ts", []],
  ["/** The global object is never read here. */\nconst x = 1;", "src/core/a.ts", []],
  ["class A { declare y: number; }\nconst x = A;", "src/core/a.ts", []],
  ["class A {\n  constructor(readonly y: number) {}\n}\nconst x = A;", "src/core/a.ts", []],
  // Outside the core, the pane and adapters keep their own rules.
  ["// eslint-disable-next-line prefer-const\nlet x = 1;", "src/taskpane/a.ts", []],
  ["declare const Office: unknown;\nconst x = Office;", "src/adapters/excel/a.ts", []],
  // Every layer folder is a place for modules.
  ["const x = 1;", "src/core/a.ts", []],
  ["const x = 1;", "src/adapters/a.ts", []],
  ["const x = 1;", "src/commands/a.ts", []],
  ["const x = 1;", "src/cli/a.ts", []],
  ["const x = 1;", "src/taskpane/components/A.tsx", []],
];

const groups = [
  ["ambient host declarations", ambientHosts],
  ["code compiled from text", codeFromText],
  ["the global object looked up by name", globalObject],
  ["inline lint configuration in the core", inlineConfig],
  ["modules outside the layer folders", outsideLayerFolders],
] as const;

const all = [...groups.flatMap(([, rows]) => rows), ...allowed];
const ruleIds = lintRowsBeforeAll(all);
const sorted = (ids: readonly (string | null)[]) => [...ids].sort();

describe("the ways around the layer walls are closed (lint rules)", () => {
  describe.each(groups)("%s", (_group, rows) => {
    it.each(rows.map((r) => [r[0], r[1], r] as const))("rejects %s in %s", (_code, _file, row) =>
      expect(sorted(ruleIds(row))).toEqual(sorted(row[2])),
    );
  });

  it.each(allowed.map((r) => [r[0], r[1], r] as const))("allows %s in %s", (_code, _file, row) =>
    expect(ruleIds(row)).toEqual([]),
  );

  it("the tree passes every one of these rules", () => {
    const ours = new Set([ambient, fromText, inline, folder, tripleSlash, hostGlobal, null]);
    const { files, messages } = lintTree(["src"]);
    expect(files).toBeGreaterThan(100);
    expect(messages.filter((m) => ours.has(m.ruleId))).toEqual([]);
  });
});
