import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli } from "../helpers/cli";
import { FIXTURES } from "../helpers/builders";

const BIN = path.join(__dirname, "../../dist/cli/bin.js");

/**
 * `check` on a workbook we may not read. Root reads any file whatever its mode, so as root the
 * CLI is run as the unprivileged user `nobody` (needs `npm run build:cli` and runuser).
 */
async function checkUnreadable(file: string): Promise<{ code: number; out: string; err: string }> {
  if (process.getuid?.() !== 0) return cli("check", file);
  const run = spawnSync("runuser", ["-u", "nobody", "--", process.execPath, BIN, "check", file], {
    encoding: "utf8",
  });
  if (run.error) throw run.error;
  return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
}

describe("a workbook the user may not read", () => {
  let dir = "";
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is refused as permission denied, not as not-a-workbook: one line, exit 2", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "council-sheets-perm-"));
    chmodSync(dir, 0o755);
    const file = path.join(dir, "locked.xlsx");
    copyFileSync(path.join(FIXTURES, "emiep-funding-2008.xlsx"), file);
    chmodSync(file, 0o000);
    const { code, out, err } = await checkUnreadable(file);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe(
      `council-sheets: ${file} cannot be opened: permission denied (you need read access to it)\n`,
    );
  });
});
