import { linkSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sameFile } from "../../src/cli/files";

describe("sameFile (the CLI refuses to write over its input)", () => {
  let dir = "";
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "council-sheets-same-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("sees one file through a hard link, and none in a path that does not exist", () => {
    const file = path.join(dir, "in.xlsx");
    writeFileSync(file, "x");
    linkSync(file, path.join(dir, "link.xlsx"));
    expect(sameFile(file, path.join(dir, "link.xlsx"))).toBe(true);
    expect(sameFile(file, path.join(dir, "missing.xlsx"))).toBe(false);
    expect(sameFile(file, path.join(file, "under-a-file.xlsx"))).toBe(false);
  });
});
