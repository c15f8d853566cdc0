import { spawnSync } from "node:child_process";

/** openpyxl and LibreOffice's uno are installed for the system Python only (Debian packages). */
export const PYTHON = "/usr/bin/python3";

/**
 * openpyxl for the system Python: required in CI (fails loudly), skipped with a warning elsewhere.
 * `skipped` names what is skipped without it, for the warning.
 */
export function hasOpenpyxl(skipped: string): boolean {
  const probe = spawnSync(PYTHON, ["-c", "import openpyxl"], { encoding: "utf8" });
  if (probe.status === 0) return true;
  if (process.env.CI === "true")
    throw new Error("python3-openpyxl is required in CI: apt-get install -y python3-openpyxl");
  console.warn(`openpyxl not found for ${PYTHON}: ${skipped} skipped`);
  return false;
}
