import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

/**
 * The CLI installs with `dependencies` only: every package its compiled files (dist/, made by
 * `npm run build:cli`) require is a runtime dependency, and what only the web build bundles
 * (React, Fluent UI) is a devDependency, so installing the CLI does not fetch them.
 */
const root = path.join(__dirname, "../..");
const dist = path.join(root, "dist");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/**
 * The compiled files the CLI runs: dist/cli/bin.js and every file it reaches through relative
 * requires. Other builds may sit in dist/ too (the bench compiles into dist/bench-build); they are
 * not part of the CLI and their imports (HyperFormula, the Excel double) are not its dependencies.
 */
function cliFiles(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(/\b(?:require|import)\("(\.[^"]*)"\)/g)) {
      const spec = path.resolve(path.dirname(file), m[1] ?? "");
      const resolved = [spec, `${spec}.js`, path.join(spec, "index.js")].find(
        (candidate) => existsSync(candidate) && candidate.endsWith(".js"),
      );
      if (!resolved) throw new Error(`${file} requires ${m[1]}, which is not in dist/`);
      queue.push(resolved);
    }
  }
  return [...seen];
}

/** "@scope/name/sub" → "@scope/name"; "name/sub" → "name". */
const packageOf = (spec: string) =>
  spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec);

describe("the CLI's runtime dependencies", () => {
  beforeAll(() => {
    if (!existsSync(path.join(dist, "cli/bin.js")))
      throw new Error("dist/cli/bin.js is missing: run `npm run build:cli` (npm test does)");
  });

  it("requires only packages listed in dependencies (and Node's own modules)", () => {
    const required = new Set<string>();
    for (const file of cliFiles(path.join(dist, "cli/bin.js"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\b(?:require|import)\("([^"./][^"]*)"\)/g))
        if (m[1]) required.add(packageOf(m[1]));
    }
    const builtins = new Set(builtinModules);
    const packages = [...required].filter((p) => !p.startsWith("node:") && !builtins.has(p));
    expect(packages.sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it("keeps what only the web build bundles out of dependencies", () => {
    for (const web of ["react", "react-dom", "@fluentui/react-components"]) {
      expect(pkg.dependencies).not.toHaveProperty(web);
      expect(pkg.devDependencies).toHaveProperty(web);
    }
  });
});
