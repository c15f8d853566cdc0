import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What the production bundle is made from: a change to any of these needs a new build. */
const INPUTS = [
  "src",
  "assets",
  "webpack.config.js",
  "tsconfig.json",
  "package-lock.json",
  "manifest.xml",
];

function filesUnder(file: string): string[] {
  if (!existsSync(file)) return [];
  if (!statSync(file).isDirectory()) return [file];
  return readdirSync(file)
    .sort()
    .flatMap((name) => filesUnder(path.join(file, name)));
}

/** A hash of every input's path and content (mtimes change on checkout; contents are what count). */
function fingerprint(root: string): string {
  const hash = createHash("sha256");
  hash.update(String(process.env.ADDIN_PUBLIC_URL ?? ""));
  for (const file of INPUTS.flatMap((input) => filesUnder(path.join(root, input)))) {
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

/**
 * Builds the task pane (webpack, production) into dist/web, once: the e2e files share the build,
 * and a second file in the same run (or a rerun with no source change) reuses it. The stamp sits
 * beside dist/web, not in it, so webpack's own clean-up cannot leave a stale stamp behind.
 */
export function buildPane(root: string): string {
  const web = path.join(root, "dist/web");
  const stamp = path.join(root, "dist/.e2e-build-stamp");
  const page = path.join(web, "taskpane.html");
  // The stamp names the inputs and the page it was written for: a build made outside the tests
  // since (npm run build, with other settings) is not taken for ours.
  const stampFor = (inputs: string) => `${inputs} ${statSync(page).mtimeMs}`;
  const inputs = fingerprint(root);
  if (existsSync(stamp) && existsSync(page) && readFileSync(stamp, "utf8") === stampFor(inputs))
    return web;
  const build = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"],
    { cwd: root, encoding: "utf8", timeout: 600_000 },
  );
  if (build.status !== 0)
    throw new Error(`webpack build failed:\n${build.stdout}\n${build.stderr}`);
  writeFileSync(stamp, stampFor(inputs));
  return web;
}
