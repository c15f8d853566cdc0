import { spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { cli } from "../helpers/cli";
import { FIXTURES } from "../helpers/builders";
import { tempDir } from "../helpers/xlsx";
import { craftZip, partsOf, text, type CraftEntry } from "../fuzz/craft";

/**
 * Second round of hostile inputs for the CLI: --out given as a symbolic link, cell text longer
 * than Excel allows, and the record files and report of `decisions import`.
 */
const REGISTERS = `${FIXTURES}/bcp-risk-registers.xlsx`;
const PID_INPUTS = `${FIXTURES}/bcp-pid-inputs.xlsx`;
const EMIEP = `${FIXTURES}/emiep-funding-2008.xlsx`;
const DONCASTER = `${__dirname}/../../../shared/seeds/000_27967092dd3fa8cc.txt`;

function expectRefusal(result: { code: number; out: string; err: string }, message: RegExp) {
  expect(result.code).toBe(2);
  expect(result.out).toBe("");
  expect(result.err.trim().split("\n")).toHaveLength(1);
  expect(result.err).toMatch(message);
}

const decoder = new TextDecoder();
function edit(parts: CraftEntry[], name: string, change: (xml: string) => string): CraftEntry[] {
  return parts.map((p) =>
    p.name === name ? { name, data: text(change(decoder.decode(p.data))) } : p,
  );
}

describe("--out given as a symbolic link", () => {
  const commands: [string, (out: string) => string[]][] = [
    ["apply", (out) => ["apply", REGISTERS, "--out", out]],
    ["pid", (out) => ["pid", PID_INPUTS, "--all", "--out", out]],
    [
      "decisions import",
      (out) => ["decisions", "import", DONCASTER, "--into", EMIEP, "--out", out],
    ],
  ];
  const links: [string, (dir: string) => string][] = [
    [
      "a regular file",
      (dir) => {
        writeFileSync(path.join(dir, "real.xlsx"), "kept");
        return "real.xlsx";
      },
    ],
    ["nothing (dangling)", () => "missing.xlsx"],
    ["a device", () => "/dev/null"],
  ];

  describe.each(commands)("in %s", (_command, args) => {
    it.each(links)("to %s is refused and the link left as it was", async (_what, target) => {
      const dir = tempDir("cs-link-");
      const to = target(dir);
      const link = path.join(dir, "out.xlsx");
      symlinkSync(to, link);
      expectRefusal(await cli(...args(link)), /out\.xlsx is a symbolic link; .*regular file/);
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(to);
      if (to === "real.xlsx") expect(readFileSync(path.join(dir, to), "utf8")).toBe("kept");
    });
  });
});

describe("cell text longer than Excel's 32,767 characters", () => {
  const registerParts = () => partsOf(new Uint8Array(readFileSync(REGISTERS)));
  const save = (parts: CraftEntry[]) => {
    const file = path.join(tempDir("cs-long-"), "long.xlsx");
    writeFileSync(file, craftZip(parts));
    return file;
  };

  it("is read up to the limit exactly, a character outside the BMP counting as one", async () => {
    // 32,767 characters, 65,534 UTF-16 units: Excel counts characters.
    const parts = edit(registerParts(), "xl/sharedStrings.xml", (x) =>
      x.replace(/<si>/, `<si><t>${"\u{1F600}".repeat(32_767)}</t></si><si>`),
    );
    expect((await cli("check", save(parts))).code).not.toBe(2);
  });

  it("in a shared string used by many cells is refused at once", async () => {
    const huge = "A".repeat(64 * 1048576);
    const parts = edit(registerParts(), "xl/sharedStrings.xml", (x) =>
      x.replace(/<si>[\s\S]*?<\/si>/, `<si><t>${huge}</t></si>`),
    );
    const started = Date.now();
    expectRefusal(
      await cli("apply", save(parts), "--out", path.join(tempDir("cs-long-out-"), "o.xlsx")),
      /has a shared string longer than 32,767 characters, Excel's limit for the text of one cell/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("by one character is refused", async () => {
    const parts = edit(registerParts(), "xl/sharedStrings.xml", (x) =>
      x.replace(/<si>/, `<si><t>${"a".repeat(32_768)}</t></si><si>`),
    );
    expectRefusal(await cli("check", save(parts)), /shared string longer than 32,767/);
  });

  it("in an inline string is refused", async () => {
    const parts = edit(registerParts(), "xl/worksheets/sheet1.xml", (x) =>
      x.replace(
        /<c r="A1"([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/,
        (_m, attrs: string) =>
          `<c r="A1"${attrs.replace(/\s?t="\w+"/, "")} t="inlineStr"><is><t>${"b".repeat(40_000)}</t></is></c>`,
      ),
    );
    expectRefusal(await cli("check", save(parts)), /has an inline string longer than 32,767/);
  });
});

describe("decisions import", () => {
  it("refuses a record file that is a device or a FIFO at once", async () => {
    const out = path.join(tempDir("cs-rec-out-"), "o.xlsx");
    expectRefusal(
      await cli("decisions", "import", "/dev/zero", "--into", EMIEP, "--out", out),
      /\/dev\/zero is not a regular file, not a decision record/,
    );
    const fifo = path.join(tempDir("cs-rec-fifo-"), "record.txt");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expectRefusal(
      await cli("decisions", "import", fifo, "--into", EMIEP, "--out", out),
      /record\.txt is not a regular file, not a decision record/,
    );
  });

  it("prints escape sequences from a record as visible escapes", async () => {
    const dir = tempDir("cs-rec-esc-");
    const record = path.join(dir, "record.txt");
    writeFileSync(
      record,
      readFileSync(DONCASTER, "utf8").replace(
        "Decision Maker:",
        "Decision \u001b[2J\u001b]0;x\u0007Maker:",
      ),
    );
    // The title line of the record carries the escapes into the report too.
    const withTitle = readFileSync(record, "utf8").replace(
      "AHWB.012.2021 BCF",
      "AHWB.012.2021 \u001b[31mBCF\u009b2J",
    );
    writeFileSync(record, withTitle);
    const result = await cli(
      "decisions",
      "import",
      record,
      "--into",
      EMIEP,
      "--out",
      path.join(dir, "o.xlsx"),
    );
    expect(result.code).not.toBe(2);
    // eslint-disable-next-line no-control-regex
    expect(result.out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    expect(result.out).toContain("\\x1B[31mBCF\\x9B2J");
  });
});

describe("a part apply copies through unread", () => {
  const registerParts = () => partsOf(new Uint8Array(readFileSync(REGISTERS)));

  it.each([
    ["a wrong CRC-32", { crc: 0x1234567 }, /docProps\/app\.xml fails its CRC-32 check/],
    ["a wrong size", { size: 5 }, /docProps\/app\.xml is not the size the zip states/],
  ])("with %s is refused, and no output written", async (_what, damage, message) => {
    const parts = registerParts();
    expect(parts.some((p) => p.name === "docProps/app.xml")).toBe(true);
    const input = path.join(tempDir("cs-crc-"), "in.xlsx");
    writeFileSync(
      input,
      craftZip(parts.map((p) => (p.name === "docProps/app.xml" ? { ...p, ...damage } : p))),
    );
    const out = path.join(path.dirname(input), "out.xlsx");
    // check never reads docProps/app.xml: only a save, which would copy it, finds the damage.
    expect((await cli("check", input)).code).not.toBe(2);
    expectRefusal(await cli("apply", input, "--out", out), message);
    expect(existsSync(out)).toBe(false);
  });
});

describe("a file only ExcelJS reads", () => {
  // Rows out of order: the direct reader gives the file to ExcelJS, after the preflight scan.
  const shuffle = (x: string) => {
    const rows = [...x.matchAll(/<row [^>]*>.*?<\/row>/g)].map((m) => m[0]);
    return x
      .replace(rows[0] ?? "", "\0")
      .replace(rows[1] ?? "", rows[0] ?? "")
      .replace("\0", rows[1] ?? "");
  };

  it("is refused before ExcelJS when a cell's text is longer than Excel allows", async () => {
    const parts = edit(
      partsOf(new Uint8Array(readFileSync(REGISTERS))),
      "xl/worksheets/sheet1.xml",
      (x) =>
        shuffle(x).replace(
          "</sheetData>",
          `<row r="1048000"><c r="A1048000" t="inlineStr"><is><t>${"c".repeat(8 * 1048576)}</t></is></c></row></sheetData>`,
        ),
    );
    const input = path.join(tempDir("cs-ooo-long-"), "in.xlsx");
    writeFileSync(input, craftZip(parts));
    const started = Date.now();
    expectRefusal(
      await cli("check", input),
      /has a text in xl\/worksheets\/sheet1\.xml longer than 32,767 characters/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("is still read when every text is within the limit", async () => {
    const parts = edit(
      partsOf(new Uint8Array(readFileSync(REGISTERS))),
      "xl/worksheets/sheet1.xml",
      shuffle,
    );
    const input = path.join(tempDir("cs-ooo-ok-"), "in.xlsx");
    writeFileSync(input, craftZip(parts));
    expect((await cli("check", input)).code).not.toBe(2);
  });
});
