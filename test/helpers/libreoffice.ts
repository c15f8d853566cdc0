import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
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

export function findSoffice(): string | null {
  const found = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], {
    encoding: "utf8",
  });
  const bin = found.stdout.trim();
  if (bin) return bin;
  if (process.env.CI === "true") {
    throw new Error("LibreOffice (soffice) is required in CI: apt-get install -y libreoffice-calc");
  }
  return null;
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
