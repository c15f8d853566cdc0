import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";

import { layersPlugin } from "./eslint.config.layers.mjs";

/** Every source file, whatever its flavour: a wall that skips .tsx or .mts is a door. */
const code = "{ts,tsx,mts,cts,js,jsx,mjs,cjs}";

/*
 * Globals that tie the core to a host: the DOM (and the global object, through which any of
 * these can be reached by name), Office.js's namespaces, and Node's. A module is reached only
 * by import, which layers/host-free-core checks.
 */
const hostGlobals = [
  ...["window", "self", "globalThis", "global", "document", "navigator", "location"],
  ...["localStorage", "sessionStorage", "indexedDB", "fetch", "XMLHttpRequest"],
  ...["Office", "Excel", "OfficeExtension", "OfficeRuntime", "CustomFunctions"],
  ...["Word", "PowerPoint", "OneNote", "Visio"],
  ...["process", "Buffer", "require", "module", "exports", "__dirname", "__filename"],
  ...["setImmediate", "clearImmediate"],
].map((name) => ({ name, message: "src/core must stay host-free." }));

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
    files: [`src/core/**/*.${code}`],
    languageOptions: { globals: {} },
    // No comment inside the core switches a wall off (layers/no-inline-config says so where one
    // is written); with this, such a comment has no effect either.
    linterOptions: { noInlineConfig: true },
    plugins: { layers: layersPlugin },
    rules: {
      "layers/host-free-core": "error",
      "layers/kind-folders": "error",
      "no-restricted-globals": ["error", ...hostGlobals],
      // Ways around the walls: ambient host globals, code compiled from text, inline config.
      "layers/no-ambient-declarations": "error",
      "layers/no-code-from-text": "error",
      "layers/no-inline-config": "error",
      // A triple-slash reference pulls in a host's types (office-js, node, the DOM lib).
      "@typescript-eslint/triple-slash-reference": [
        "error",
        { lib: "never", path: "never", types: "never" },
      ],
    },
  },
  {
    files: [`src/**/*.${code}`],
    plugins: { layers: layersPlugin },
    rules: { "layers/in-a-layer-folder": "error" },
  },
  {
    files: [`src/{taskpane,cli,commands,adapters}/**/*.${code}`],
    plugins: { layers: layersPlugin },
    rules: { "layers/through-the-core-face": "error" },
  },
  {
    files: [`src/adapters/**/*.${code}`],
    plugins: { layers: layersPlugin },
    rules: { "layers/adapter-boundaries": "error" },
  },
  prettier,
);
