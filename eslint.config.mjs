import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import { statSync } from "node:fs";
import path from "node:path";

// The core is pure: snapshot in, plain data out. These imports would tie it to one host.
const hostModules = [
  "office-js",
  "react",
  "react-dom",
  "exceljs",
  "fs",
  "path",
  "os",
  "child_process",
  "zlib",
  "stream",
  "buffer",
  "util",
];

const coreDir = path.join(import.meta.dirname, "src/core");

/** Folders of src/core that every kind may use: the shared table layer. */
const sharedCoreFolders = new Set(["tables"]);

/*
 * No kind imports another, with no exceptions. The two operations that read other kinds' models
 * by design get them as plain typed models that a core-level module hands over:
 * - a PID shows a project's risks, budget lines and decision: pid/sources.ts declares what it
 *   reads, src/core/pid-sources-from-kinds.ts fills it from the risk, budget and decisions kinds;
 * - reconciliation sets funding sources against allocations: tables/source-money.ts declares
 *   the model, the funding kind fills it, src/core/analyse.ts hands it over.
 * Modules directly in src/core (analyse, registry, pids…) may import any kind: they compose them.
 */

function isDirectory(file) {
  try {
    return statSync(file).isDirectory();
  } catch (error) {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return false;
    throw error;
  }
}

/** The folder of src/core that `file` is in (or is, for a folder's index), or null. */
function coreFolderOf(file) {
  const parts = path.relative(coreDir, file).split(path.sep);
  if (parts[0] === ".." || path.isAbsolute(parts[0] ?? "")) return null;
  if (parts.length >= 2) return parts[0];
  const only = parts[0]?.replace(/\.tsx?$/, "");
  return only && isDirectory(path.join(coreDir, only)) ? only : null;
}

/** Whether `target` (an import resolved to a path, without extension) is the core's face. */
function isCoreFace(target) {
  const rest = path.relative(coreDir, target).replace(/\.[cm]?[jt]sx?$/, "");
  return rest === "" || rest === "index";
}

/**
 * Every folder of src/core except tables/ is a kind (risk, budget, funding, decisions, pid,
 * reconcile, and any added later: monthly, capital, projects…). A kind never imports another
 * kind: what two kinds share belongs in src/core/tables/ or a module directly in src/core.
 * The shared table layer never imports a kind (it is beneath them all), and nothing inside the
 * core imports the core's face (src/core/index.ts is for shells and adapters; inside, it would
 * make every module depend on every other, in a cycle). A glob of folder names would need
 * editing for each new kind; resolving the import against the folder tree does not.
 */
const kindFoldersRule = {
  meta: {
    type: "problem",
    messages: {
      crossKind:
        "src/core/{{from}} must not import src/core/{{to}}: kinds are independent; move what they share to src/core/tables/ or a typed model in src/core.",
      sharedImportsKind:
        "src/core/{{from}} is the shared layer beneath the kinds and must not import the kind src/core/{{to}}.",
      face: "Inside src/core, import the module itself, not the core's face (src/core/index.ts): the face is for shells and adapters.",
    },
    schema: [],
  },
  create(context) {
    if (isCoreFace(context.filename.replace(/\.[cm]?[jt]sx?$/, ""))) return {};
    if (path.relative(coreDir, context.filename).startsWith("..")) return {};
    const from = coreFolderOf(context.filename);
    function check(source) {
      if (!source || typeof source.value !== "string" || !source.value.startsWith(".")) return;
      const target = path.resolve(path.dirname(context.filename), source.value);
      if (isCoreFace(target)) {
        context.report({ node: source, messageId: "face" });
        return;
      }
      if (from === null) return;
      const to = coreFolderOf(target);
      if (to === null || to === from || sharedCoreFolders.has(to)) return;
      const messageId = sharedCoreFolders.has(from) ? "sharedImportsKind" : "crossKind";
      context.report({ node: source, messageId, data: { from, to } });
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

const layersPlugin = { rules: { "kind-folders": kindFoldersRule } };

/** Shells and adapters reach the core through src/core/index.ts only. */
const throughTheCoreFace = {
  group: ["**/core/**", "!**/core/index"],
  message: "Import the core through its face, src/core (index.ts), not a module inside it.",
};
const notTheShells = {
  group: ["**/taskpane", "**/taskpane/**", "**/cli", "**/cli/**"],
  message: "Adapters never import a shell (task pane or CLI); shells import adapters.",
};
/** The restriction for one adapter: the other adapter is off limits. */
function adapterImports(other) {
  return [
    "error",
    {
      patterns: [
        throughTheCoreFace,
        notTheShells,
        {
          group: [`**/${other}`, `**/${other}/**`],
          message:
            "adapters/excel and adapters/xlsx are independent hosts; share through src/core.",
        },
      ],
    },
  ];
}

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The Excel double's nested accessor objects (format.font.bold …) must reach their proxy.
    files: ["test/shims/**/*.ts"],
    rules: { "@typescript-eslint/no-this-alias": "off" },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts", "src/adapters/excel/**/*.ts"],
    languageOptions: { globals: { ...globals.browser, Office: "readonly", Excel: "readonly" } },
  },
  {
    files: ["src/core/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: hostModules.map((name) => ({ name, message: "src/core must stay host-free." })),
          patterns: [
            { group: ["node:*"], message: "src/core must not import Node built-ins." },
            {
              group: ["@fluentui/*", "react-dom/*", "exceljs/*"],
              message: "src/core must stay host-free.",
            },
            {
              group: ["**/adapters/**", "**/taskpane/**", "**/cli/**"],
              message: "core depends on nothing outside core.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "Office",
        "Excel",
        "process",
        "Buffer",
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    plugins: { layers: layersPlugin },
    rules: { "layers/kind-folders": "error" },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/cli/**/*.ts", "src/commands/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [throughTheCoreFace] }] },
  },
  {
    files: ["src/adapters/excel/**/*.ts"],
    rules: { "no-restricted-imports": adapterImports("xlsx") },
  },
  {
    files: ["src/adapters/xlsx/**/*.ts"],
    rules: { "no-restricted-imports": adapterImports("excel") },
  },
  prettier,
);
