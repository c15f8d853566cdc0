import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";
import { FIXTURES } from "../helpers/builders";
import { tempDir } from "../helpers/xlsx";

const REGISTERS = `${FIXTURES}/bcp-risk-registers.xlsx`;
const BIN = path.join(__dirname, "../../dist/cli/bin.js");

describe("council-sheets check", () => {
  it("prints the tables and the one error, and exits 1", async () => {
    const { code, out, err } = await cli("check", REGISTERS);
    expect(code).toBe(1);
    expect(err).toBe("");
    expect(out).toContain("Tables (4)");
    expect(out).toMatch(/How We Work\s+risk-register\s+A5:D9/);
    expect(out).toMatch(
      /error\s+How We Work!D9\s+score-mismatch\s+Score is 4 but likelihood 2 × impact 3 = 6/,
    );
  });

  it("prints exactly one JSON document in the contract's shape", async () => {
    const { code, out } = await cli("check", REGISTERS, "--json");
    expect(code).toBe(1);
    const doc = JSON.parse(out);
    expect(doc.file).toBe(REGISTERS);
    expect(doc.tables[3]).toMatchObject({
      sheet: "How We Work",
      kind: "risk-register",
      range: "A5:D9",
      headerRow: 5,
      columns: { likelihood: "B", impact: "C", score: "D" },
    });
    expect(doc.findings).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "score-mismatch",
        sheet: "How We Work",
        cell: "D9",
        expected: 6,
        actual: 4,
      }),
    ]);
  });

  it("exits 0 when nothing is wrong", async () => {
    const dir = tempDir();
    const out = path.join(dir, "fixed.xlsx");
    expect((await cli("apply", REGISTERS, "--out", out)).code).toBe(0);
    expect((await cli("check", out)).code).toBe(0);
  });
});

describe("council-sheets apply", () => {
  it("writes a new workbook, reports written ranges and changed cells, and leaves the input alone", async () => {
    const dir = tempDir();
    const input = path.join(dir, "register.xlsx");
    copyFileSync(REGISTERS, input);
    const original = readFileSync(input);
    const out = path.join(dir, "register-updated.xlsx");
    const { code, out: stdout } = await cli("apply", input, "--out", out, "--json");
    expect(code).toBe(0);
    expect(readFileSync(input).equals(original)).toBe(true);
    const doc = JSON.parse(stdout);
    expect(doc.out).toBe(out);
    expect(doc.findings).toEqual([]);
    expect(doc.written).toContainEqual({
      sheet: "How We Work",
      range: "E5:E9",
      column: "Priority",
    });
    expect(doc.written).toContainEqual({ sheet: "How We Work", range: "D6:D9", column: "Score" });
    expect(doc.changed).toContainEqual({
      sheet: "How We Work",
      cell: "D9",
      before: 4,
      after: '=IF(COUNT(B9,C9)=2,B9*C9,"")',
      afterValue: 6,
      valueChanged: true,
    });
    expect(doc.changed.filter((c: { valueChanged: boolean }) => c.valueChanged)).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const d9 = wb.getWorksheet("How We Work")?.getCell("D9");
    expect(d9?.formula).toBe('IF(COUNT(B9,C9)=2,B9*C9,"")');
    expect(d9?.result).toBe(6);
  });

  it("--values-only writes values and no formulas", async () => {
    const out = path.join(tempDir(), "values.xlsx");
    expect((await cli("apply", REGISTERS, "--out", out, "--values-only")).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("How We Work");
    expect(ws?.getCell("D9").value).toBe(6);
    expect(ws?.getCell("E8").value).toBe("High");
    let formulas = 0;
    wb.eachSheet((s) =>
      s.eachRow((r) =>
        r.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas++)),
      ),
    );
    expect(formulas).toBe(0);
  });

  it("refuses to write over its input", async () => {
    const dir = tempDir();
    const input = path.join(dir, "register.xlsx");
    copyFileSync(REGISTERS, input);
    const original = readFileSync(input);
    const { code, err } = await cli("apply", input, "--out", path.join(dir, ".", "register.xlsx"));
    expect(code).toBe(2);
    expect(err).toMatch(/^council-sheets: --out .* is the input file/);
    expect(readFileSync(input).equals(original)).toBe(true);
  });
});

describe("bad input and usage", () => {
  const dir = tempDir();
  const text = path.join(dir, "notes.xlsx");
  writeFileSync(text, "Budget notes, not a workbook\n");
  const truncated = path.join(dir, "truncated.xlsx");
  const bytes = readFileSync(REGISTERS);
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  // Encrypted by Excel's Agile encryption (test/fixtures/README.md says how it was made).
  const encrypted = path.join(__dirname, "../fixtures/locked-password-council.xlsx");
  const legacy = path.join(dir, "old.xls");
  writeFileSync(legacy, Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]));
  const empty = path.join(dir, "empty.xlsx");
  writeFileSync(empty, "");

  it.each([
    [["check", path.join(dir, "missing.xlsx")], /does not exist/],
    [["check", dir], /is a folder, not a workbook/],
    [["check", text], /notes\.xlsx is not an Excel workbook/],
    [["check", empty], /empty\.xlsx is empty/],
    [
      ["check", truncated],
      /truncated\.xlsx could not be read: the workbook is damaged or incomplete/,
    ],
    [["check", encrypted], /locked-password-council\.xlsx is password-protected/],
    [["check", legacy], /old\.xls is an old-format \.xls workbook/],
    [["apply", REGISTERS], /required option '--out <file>'/],
    [["check", REGISTERS, "--as-of", "someday"], /--as-of wants a date/],
    [["audit", REGISTERS], /unknown command 'audit'/],
    [["check"], /missing required argument 'file'/],
  ])("%j exits 2 with one clear line", async (args, message) => {
    const { code, out, err } = await cli(...args);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
  });
});

describe("the installed binary", () => {
  beforeAll(() => {
    if (!existsSync(BIN))
      throw new Error("dist/cli/bin.js is missing: run `npm run build:cli` (npm test does)");
  });

  const exec = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });

  it("keeps stdout to one JSON document and sets the exit code", () => {
    const result = exec("check", REGISTERS, "--json", "--as-of", "2026-11-22");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).findings).toHaveLength(1);
  });

  it("checks and writes calculated columns without loading ExcelJS (slow to load, not needed)", () => {
    const dir = tempDir();
    // Preloaded into the CLI's process: says at exit whether any ExcelJS module was loaded.
    const probe = path.join(dir, "probe.js");
    writeFileSync(
      probe,
      `process.on("exit", () => process.stderr.write(Object.keys(require.cache).some((k) => k.includes("exceljs")) ? "exceljs loaded" : "exceljs not loaded"));`,
    );
    const out = path.join(dir, "applied.xlsx");
    const withProbe = (...args: string[]) =>
      spawnSync(process.execPath, ["--require", probe, BIN, ...args], { encoding: "utf8" });
    expect(withProbe("check", REGISTERS, "--json").stderr).toBe("exceljs not loaded");
    const applied = withProbe("apply", REGISTERS, "--out", out, "--json");
    expect([applied.status, applied.stderr]).toEqual([0, "exceljs not loaded"]);
    expect(existsSync(out)).toBe(true);
    // A PID adds sheets as new parts of the package: ExcelJS is not needed for that either.
    const pid = withProbe(
      "pid",
      `${FIXTURES}/bcp-pid-inputs.xlsx`,
      "--all",
      "--out",
      path.join(dir, "pid.xlsx"),
    );
    expect([pid.status, pid.stderr]).toEqual([1, "exceljs not loaded"]);
  });

  it("reports unreadable input on one stderr line, without a stack trace", () => {
    const result = exec("check", "no-such-file.xlsx", "--json");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("council-sheets: no-such-file.xlsx does not exist\n");
  });

  it("runs through npx from the repository", () => {
    const result = spawnSync("npx", ["--no-install", "council-sheets", "--help"], {
      encoding: "utf8",
      cwd: path.join(__dirname, "../.."),
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Usage: council-sheets");
  });
});

describe("council-sheets pid", () => {
  const PID_INPUTS = `${FIXTURES}/bcp-pid-inputs.xlsx`;

  it("writes a PID sheet per project with --all and reports them in JSON", async () => {
    const out = path.join(tempDir(), "pids.xlsx");
    const { code, out: stdout } = await cli("pid", PID_INPUTS, "--all", "--out", out, "--json");
    // The input's own typed score error (Programme risks!F18) is still reported.
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.sheets.map((s: { sheet: string }) => s.sheet)).toEqual([
      "PID - Short Term Support",
      "PID - Support at Home",
      "PID - Self-Directed Support",
      "PID - How We Work",
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toContain("PID - How We Work");
  });

  it("writes one project with --project", async () => {
    const out = path.join(tempDir(), "one.xlsx");
    const { out: stdout } = await cli(
      "pid",
      PID_INPUTS,
      "--project",
      "self-directed support",
      "--out",
      out,
    );
    expect(stdout).toContain("PID - Self-Directed Support: SRO Siobain Hann");
  });

  it.each([
    [["pid", PID_INPUTS, "--out", "x.xlsx"], /pid needs --project <name> \(repeatable\) or --all/],
    [["pid", PID_INPUTS, "--all", "--project", "How We Work", "--out", "x.xlsx"], /not both/],
    [
      ["pid", PID_INPUTS, "--project", "Nope", "--out", "x.xlsx"],
      /No project named "Nope"; the projects are: Short Term Support/,
    ],
    [["pid", REGISTERS, "--all", "--out", "x.xlsx"], /No projects table found/],
    [["pid", PID_INPUTS, "--all", "--out", PID_INPUTS], /is the input file/],
  ])("%j exits 2 with one clear line", async (args, message) => {
    const { code, err } = await cli(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
  });
});
