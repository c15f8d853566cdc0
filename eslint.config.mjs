import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";

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
  prettier,
);
