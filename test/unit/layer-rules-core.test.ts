import { lintRowsBeforeAll } from "../helpers/lint-as";

/*
 * The core stays host-free (eslint.config.layers.mjs, layers/host-free-core, and the core's
 * no-restricted-globals in eslint.config.mjs): however a host module is named, in whatever kind
 * of file. Each row is a line of code, the file it is linted as, and the rules that must fire.
 */
type Row = [code: string, file: string, fires: string[]];

const hostFree = ["layers/host-free-core"];
const hostGlobal = ["no-restricted-globals"];
const requireBan = "@typescript-eslint/no-require-imports";

const hostPackages: Row[] = [
  ['import x from "exceljs";', "src/core/example.ts", hostFree],
  ['import { useState as x } from "react";', "src/core/example.ts", hostFree],
  ['import { Button as x } from "@fluentui/react-components";', "src/core/example.ts", hostFree],
  // Subpaths and siblings of the hosts.
  ['import { jsx as x } from "react/jsx-runtime";', "src/core/risk/example.ts", hostFree],
  ['import { createRoot as x } from "react-dom/client";', "src/core/example.ts", hostFree],
  ['import { x } from "@fluentui/react-components/unstable";', "src/core/example.ts", hostFree],
  ['import { x } from "@fluentui/react-icons";', "src/core/example.ts", hostFree],
  ['import x from "exceljs/dist/es5";', "src/core/example.ts", hostFree],
  ['import "office-js";\nconst x = 1;', "src/core/example.ts", hostFree],
  // Any package not named pure in eslint.config.layers.mjs, not only the hosts we know.
  ['import { unzipSync as x } from "fflate";', "src/core/budget/example.ts", hostFree],
];
const nodeBuiltins: Row[] = [
  ['import { readFileSync as x } from "node:fs";', "src/core/example.ts", hostFree],
  ['import x from "path";', "src/core/example.ts", hostFree],
  ['import { readFile as x } from "fs/promises";', "src/core/example.ts", hostFree],
  // The whole list of Node's built-ins, not a hand-picked few.
  ['import { Worker as x } from "worker_threads";', "src/core/example.ts", hostFree],
  ['import { createHash as x } from "node:crypto";', "src/core/example.ts", hostFree],
  ['import { performance as x } from "perf_hooks";', "src/core/example.ts", hostFree],
  ['import { test as x } from "node:test";', "src/core/example.ts", hostFree],
];
const otherWaysToImport: Row[] = [
  ['const x = () => import("exceljs");', "src/core/example.ts", hostFree],
  ["const x = () => import(`react-dom/client`);", "src/core/example.ts", hostFree],
  [
    'const x = undefined as unknown as import("exceljs").Workbook;',
    "src/core/example.ts",
    hostFree,
  ],
  ['export type { Workbook as x } from "exceljs";', "src/core/example.ts", hostFree],
  ['import x = require("fs");', "src/core/example.ts", [...hostFree, requireBan]],
  [
    'const x = require("node:fs");',
    "src/core/example.ts",
    [...hostFree, ...hostGlobal, requireBan],
  ],
  ['const m = "fs";\nconst x = () => import(m);', "src/core/example.ts", hostFree],
];
const outsideTheCore: Row[] = [
  ['import { x } from "../adapters/xlsx/read";', "src/core/example.ts", hostFree],
  ['import { x } from "../../taskpane/App";', "src/core/risk/example.ts", hostFree],
  ['const x = () => import("../../commands/commands");', "src/core/pid/example.ts", hostFree],
  [
    'const x = undefined as unknown as import("../cli/report").Report;',
    "src/core/example.ts",
    hostFree,
  ],
];
const everyKindOfFile: Row[] = [
  ['import x from "exceljs";', "src/core/example.mts", hostFree],
  ['import x from "node:fs";', "src/core/risk/example.cts", hostFree],
  ['import x from "react";', "src/core/example.js", hostFree],
  ['const x = require("fs");', "src/core/example.cjs", [...hostFree, ...hostGlobal]],
  ["const x = Office.context;", "src/core/example.mts", hostGlobal],
  // The core holds no components at all.
  ["const x = 1;", "src/core/risk/Example.tsx", hostFree],
  ["const x = 1;", "src/core/Example.jsx", hostFree],
];
const hostGlobals: Row[] = [
  ["const x = window.location;", "src/core/example.ts", hostGlobal],
  ["const x = Excel;", "src/core/example.ts", hostGlobal],
  ["const x = Office.onReady;", "src/core/example.ts", hostGlobal],
  ["const x = OfficeExtension.Error;", "src/core/example.ts", hostGlobal],
  ["const x = document.title;", "src/core/example.ts", hostGlobal],
  ["const x = process.env;", "src/core/example.ts", hostGlobal],
  ['const x = Buffer.from("");', "src/core/example.ts", hostGlobal],
  ['const x = fetch("/");', "src/core/example.ts", hostGlobal],
  // The global object would reach any of them by name.
  ["const x = globalThis.Office;", "src/core/example.ts", hostGlobal],
  ["const x = self;", "src/core/example.ts", hostGlobal],
];
const hostTypes: Row[] = [
  ["const x = undefined as unknown as Excel.Range;", "src/core/example.ts", hostFree],
  ["const x = undefined as unknown as Office.Context;", "src/core/risk/example.ts", hostFree],
  ["const x = undefined as unknown as React.ReactNode;", "src/core/example.ts", hostFree],
  ["const x = undefined as unknown as NodeJS.Timeout;", "src/core/example.ts", hostFree],
];
const allowed: Row[] = [
  ['import { z as x } from "zod";', "src/core/example.ts", []],
  ['import { tokenize as x } from "@borgar/fx";', "src/core/example.ts", []],
  ['import { x } from "../snapshot";', "src/core/risk/example.ts", []],
  ["const x = new Intl.NumberFormat();", "src/core/example.ts", []],
  ["type Excel = { a: 1 };\nconst x = undefined as unknown as Excel;", "src/core/example.ts", []],
  // The same imports outside the core.
  ['import x from "exceljs";', "src/adapters/xlsx/example.ts", []],
  ['const x = () => import("exceljs");', "src/taskpane/example.ts", []],
  ['import { readFileSync as x } from "node:fs";', "src/cli/example.ts", []],
];

const groups = [
  ["host packages, under any subpath", hostPackages],
  ["Node built-ins, bare and node:", nodeBuiltins],
  ["dynamic, type and require imports", otherWaysToImport],
  ["modules outside the core", outsideTheCore],
  ["every kind of source file", everyKindOfFile],
  ["host globals", hostGlobals],
  ["host types named without an import", hostTypes],
] as const;

const all = [...groups.flatMap(([, rows]) => rows), ...allowed];
const ruleIds = lintRowsBeforeAll(all);

describe("the core stays host-free (lint rules)", () => {
  describe.each(groups)("%s", (_group, rows) => {
    it.each(rows.map((r) => [r[0], r[1], r] as const))("rejects %s in %s", (_code, _file, row) =>
      expect(ruleIds(row)).toEqual([...row[2]].sort()),
    );
  });

  it.each(allowed.map((r) => [r[0], r[1], r] as const))("allows %s in %s", (_code, _file, row) =>
    expect(ruleIds(row)).toEqual([]),
  );
});
