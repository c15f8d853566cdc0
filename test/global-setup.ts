import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { TOOLS } from "./helpers/tools";

/** Every test file under `dir`. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : testFiles(file);
    return /\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/**
 * One line per missing tool, printed before the run: Jest drops the console output of a test file
 * whose tests are all skipped, so the warnings the helpers print there are never seen. In CI the
 * helpers fail those files instead; this only tells.
 */
export default function warnOfMissingTools(): void {
  const missing = Object.values(TOOLS).filter((tool) => !tool.present());
  if (missing.length === 0) return;
  const sources = testFiles(__dirname).map((file) => readFileSync(file, "utf8"));
  for (const tool of missing) {
    const count = sources.filter((source) => source.includes(tool.marker)).length;
    const files = `${count} test file${count === 1 ? "" : "s"}`;
    const outcome = process.env.CI === "true" ? "FAIL (CI=true)" : "skip";
    process.stderr.write(
      `\n${tool.name} not found: ${files} ${outcome} the tests that need it; ${tool.install}\n`,
    );
  }
}
