#!/usr/bin/env node
/*
 * `npm run bench`: compile the bench (tsconfig.bench.json → dist/bench-build), run it, and remove
 * the build afterwards, whether the run passed or not. A bench build left in dist/ would sit
 * beside the CLI's compiled files and look like part of what the CLI ships.
 */
const { spawnSync } = require("node:child_process");
const { rmSync } = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const build = path.join(root, "dist/bench-build");
/** A package's JavaScript entry, run with this Node (no shell, so the same on Windows). */
const script = (file) => require.resolve(file, { paths: [root] });

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

let status;
try {
  status = run(process.execPath, [script("typescript/bin/tsc"), "-p", "tsconfig.bench.json"]);
  if (status === 0)
    status = run(process.execPath, [
      "--max-old-space-size=8192",
      "--expose-gc",
      path.join(build, "bench/run.js"),
    ]);
  if (status === 0)
    status = run(process.execPath, [
      script("prettier/bin/prettier.cjs"),
      "--log-level",
      "warn",
      "--write",
      "docs/benchmarks.md",
    ]);
} finally {
  rmSync(build, { recursive: true, force: true });
}
process.exit(status);
