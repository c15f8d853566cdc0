import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * The system tools some tests need, probed one way. Locally a missing tool skips the tests that
 * need it with a warning; with CI=true it fails them. The warning is printed once per run by
 * test/global-setup.ts too, because Jest drops the console output of a file whose tests are all
 * skipped.
 */

/** openpyxl and LibreOffice's uno are installed for the system Python only (Debian packages). */
export const PYTHON = "/usr/bin/python3";

export interface Tool {
  /** What the tool is called in the warning. */
  name: string;
  /** The apt-get command that installs it. */
  install: string;
  /** The helper call in a test file that marks the file as needing the tool. */
  marker: string;
  /** Whether the tool is there; a probe that cannot run (spawn error, signal) says no. */
  present: () => boolean;
}

/** The first of `commands` on the PATH, or null. */
export function commandPath(...commands: string[]): string | null {
  const probe = spawnSync("sh", ["-c", commands.map((c) => `command -v ${c}`).join(" || ")], {
    encoding: "utf8",
    // The environment as this process sees it now (Jest sandboxes process.env).
    env: process.env,
  });
  if (probe.error || probe.status !== 0) return null;
  return (probe.stdout ?? "").trim() || null;
}

function pythonImports(module: string): boolean {
  const probe = spawnSync(PYTHON, ["-c", `import ${module}`], { encoding: "utf8" });
  return !probe.error && probe.status === 0;
}

export const CHROMIUM_PATH = "/usr/bin/chromium";

export const TOOLS = {
  chromium: {
    name: "Chromium",
    install: "apt-get install -y chromium",
    marker: "findChromium(",
    present: () => existsSync(CHROMIUM_PATH),
  },
  libreoffice: {
    name: "LibreOffice (soffice)",
    install: "apt-get install -y libreoffice-calc",
    marker: "findSoffice(",
    present: () => commandPath("soffice", "libreoffice") !== null,
  },
  poppler: {
    name: "poppler-utils (pdftotext, pdftoppm, pdfinfo)",
    install: "apt-get install -y poppler-utils",
    marker: "havePoppler(",
    present: () => ["pdftotext", "pdftoppm", "pdfinfo"].every((t) => commandPath(t) !== null),
  },
  openpyxl: {
    name: `openpyxl for ${PYTHON}`,
    install: "apt-get install -y python3-openpyxl",
    marker: "hasOpenpyxl(",
    present: () => pythonImports("openpyxl"),
  },
  uno: {
    name: `LibreOffice's Python bridge (import uno) for ${PYTHON}`,
    install: "apt-get install -y python3-uno",
    marker: "findSofficeWithUno(",
    present: () => pythonImports("uno"),
  },
} satisfies Record<string, Tool>;

/**
 * Whether `tool` is there: true; missing in CI: throws; missing locally: warns (naming what is
 * `skipped`) and returns false.
 */
export function requireTool(tool: Tool, skipped: string): boolean {
  if (tool.present()) return true;
  if (process.env.CI === "true") throw new Error(`${tool.name} is required in CI: ${tool.install}`);
  console.warn(`${tool.name} not found: ${skipped} skipped; ${tool.install}`);
  return false;
}
