import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import { commandPath, requireTool, TOOLS } from "./tools";
import path from "node:path";

/**
 * LibreOffice as an independent formula engine. Without a forced recalculation it would show
 * the cached values we wrote, proving nothing, so the profile sets OOXMLRecalcMode to "always".
 */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** soffice's path, or null locally when LibreOffice is missing; in CI its absence fails the run. */
export function findSoffice(): string | null {
  return requireTool(TOOLS.libreoffice, "LibreOffice tests")
    ? commandPath("soffice", "libreoffice")
    : null;
}

/** soffice, when Python's uno bridge is there too (tests that drive Calc from a script). */
export function findSofficeWithUno(): string | null {
  const soffice = findSoffice();
  return soffice && requireTool(TOOLS.uno, "LibreOffice script tests") ? soffice : null;
}

/** A fresh LibreOffice profile that recalculates every formula on load. */
export function recalcProfile(): string {
  const profile = mkdtempSync(path.join(os.tmpdir(), "cs-lo-profile-"));
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  return profile;
}

/** soffice arguments that open each file with `profile`, recalculate and save it into `outDir`. */
export function convertArgs(profile: string, outDir: string, files: readonly string[]): string[] {
  return [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--convert-to",
    "xlsx",
    "--outdir",
    outDir,
    ...files,
  ];
}

/** Recalculates each .xlsx in LibreOffice and returns the paths of the recalculated copies. */
export function recalculate(soffice: string, files: string[]): string[] {
  const profile = recalcProfile();
  const outDir = mkdtempSync(path.join(os.tmpdir(), "cs-lo-out-"));
  execFileSync(soffice, convertArgs(profile, outDir, files), { stdio: "pipe", timeout: 180_000 });
  return files.map((f) => path.join(outDir, path.basename(f)));
}
