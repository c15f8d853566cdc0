import { existsSync, readdirSync, readFileSync } from "node:fs";
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

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? jsFiles(path.join(dir, e.name))
      : e.name.endsWith(".js")
        ? [path.join(dir, e.name)]
        : [],
  );
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
    for (const file of jsFiles(dist)) {
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
