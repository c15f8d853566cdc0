import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { cli } from "../helpers/cli";
import { FIXTURES } from "../helpers/builders";
import { tempDir } from "../helpers/xlsx";
import { craftZip, partsOf, text, type CraftEntry } from "../fuzz/craft";

const REGISTERS = `${FIXTURES}/bcp-risk-registers.xlsx`;
const CORPUS = `${__dirname}/../../../shared/corpus`;
const MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

const registerParts = () => partsOf(new Uint8Array(readFileSync(REGISTERS)));
const decoder = new TextDecoder();

function edit(parts: CraftEntry[], name: string, change: (xml: string) => string): CraftEntry[] {
  return parts.map((p) =>
    p.name === name ? { name, data: text(change(decoder.decode(p.data))) } : p,
  );
}

function save(bytes: Uint8Array, name: string): string {
  const file = path.join(tempDir("cs-hostile-"), name);
  writeFileSync(file, bytes);
  return file;
}

/** Fails with one line on stderr and nothing on stdout, matching `message`. */
function expectRefusal(result: { code: number; out: string; err: string }, message: RegExp) {
  expect(result.code).toBe(2);
  expect(result.out).toBe("");
  expect(result.err.trim().split("\n")).toHaveLength(1);
  expect(result.err).toMatch(message);
}

describe("a macro-enabled workbook (.xlsm)", () => {
  const vba = new Uint8Array(4096).map((_, i) => (i * 31 + 7) & 0xff);
  const xlsm = craftZip([
    ...edit(
      edit(registerParts(), "[Content_Types].xml", (x) =>
        x
          .replace(MAIN, MACRO_MAIN)
          .replace(
            "</Types>",
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
          ),
      ),
      "xl/_rels/workbook.xml.rels",
      (x) =>
        x.replace(
          "</Relationships>",
          '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
        ),
    ),
    { name: "xl/vbaProject.bin", data: vba },
  ]);

  it("is written as an .xlsm with its VBA project, content type and relationship kept", async () => {
    const input = save(xlsm, "register.xlsm");
    const out = path.join(path.dirname(input), "updated.xlsm");
    const result = await cli("apply", input, "--out", out, "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).engine).toBe("direct");
    const parts = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Buffer.from(parts["xl/vbaProject.bin"] ?? []).equals(Buffer.from(vba))).toBe(true);
    expect(strFromU8(parts["[Content_Types].xml"] ?? new Uint8Array())).toContain(MACRO_MAIN);
    expect(strFromU8(parts["xl/_rels/workbook.xml.rels"] ?? new Uint8Array())).toContain(
      'Target="vbaProject.bin"',
    );
  });

  it("is never written under an .xlsx name, even when it came as one", async () => {
    for (const name of ["register.xlsm", "renamed.xlsx"]) {
      const input = save(xlsm, name);
      const result = await cli("apply", input, "--out", path.join(path.dirname(input), "o.xlsx"));
      expectRefusal(result, /is a macro-enabled workbook; --out must end \.xlsm/);
    }
  });

  it("is never rebuilt through ExcelJS, which would drop its macros", async () => {
    // Rows out of order: the direct reader refuses the sheet, so only a rebuild could write it.
    const shuffled = craftZip(
      edit(partsOf(xlsm), "xl/worksheets/sheet1.xml", (x) => {
        const rows = [...x.matchAll(/<row [^>]*>.*?<\/row>/g)].map((m) => m[0]);
        return x
          .replace(rows[0] ?? "", "\0")
          .replace(rows[1] ?? "", rows[0] ?? "")
          .replace("\0", rows[1] ?? "");
      }),
    );
    const input = save(shuffled, "register.xlsm");
    const out = path.join(path.dirname(input), "o.xlsm");
    const result = await cli("apply", input, "--out", out, "--allow-rebuild");
    expectRefusal(result, /macro-enabled .* would drop its VBA project/);
  });
});

describe("a ZIP64 package", () => {
  it("is read like the same package without ZIP64, and written", async () => {
    const input = save(craftZip(registerParts(), { zip64: true }), "zip64.xlsx");
    const plain = await cli("check", REGISTERS, "--json");
    const wide = await cli("check", input, "--json");
    expect(wide.code).toBe(plain.code);
    expect(JSON.parse(wide.out).findings).toEqual(JSON.parse(plain.out).findings);
    const out = path.join(path.dirname(input), "out.xlsx");
    expect((await cli("apply", input, "--out", out)).code).toBe(0);
    expect((await cli("check", out)).code).toBe(0);
  });
});

describe("damaged and hostile parts", () => {
  it.each([
    [
      "a DOCTYPE in sharedStrings",
      "xl/sharedStrings.xml",
      (x: string) => x.replace("?>", '?><!DOCTYPE sst [<!ENTITY a "aaaa">]>'),
      /damaged or incomplete \(damaged XML \(a DTD or declaration/,
    ],
    [
      "a row number of 2,147,483,648",
      "xl/worksheets/sheet1.xml",
      (x: string) => x.replace(/<row r="\d+"/, '<row r="2147483648"'),
      /row 2147483648 in sheet .* is outside Excel's 1,048,576 rows by 16,384 columns/,
    ],
    [
      "a negative column range",
      "xl/worksheets/sheet1.xml",
      (x: string) =>
        x.replace(
          "<sheetData",
          '<cols><col min="-5" max="-1000000000" hidden="1"/></cols><sheetData',
        ),
      /columns -5 to -1000000000 in sheet .* is outside Excel's/,
    ],
    [
      "a cell left open",
      "xl/worksheets/sheet1.xml",
      (x: string) => x.replace("</c>", ""),
      /an end tag that does not match its element/,
    ],
    [
      "two sheets of one name",
      "xl/workbook.xml",
      (x: string) => x.replace(/name="How We Work"/, 'name="SHORT TERM SUPPORT"'),
      /two sheets are named "SHORT TERM SUPPORT"/,
    ],
  ])("refuses %s with one line, for check and apply", async (_what, part, change, message) => {
    const input = save(craftZip(edit(registerParts(), part, change)), "damaged.xlsx");
    expectRefusal(await cli("check", input), message);
    const out = path.join(path.dirname(input), "out.xlsx");
    expectRefusal(await cli("apply", input, "--out", out), message);
    expect(readdirSync(path.dirname(input))).toEqual(["damaged.xlsx"]);
  });

  it("refuses a part whose CRC-32 does not match", async () => {
    const parts = registerParts().map((p) =>
      p.name === "xl/worksheets/sheet1.xml" ? { ...p, crc: 0xdeadbeef } : p,
    );
    expectRefusal(
      await cli("check", save(craftZip(parts), "flipped.xlsx")),
      /xl\/worksheets\/sheet1\.xml fails its CRC-32 check/,
    );
  });

  it("states the cell limit it hit and how to raise it", async () => {
    expectRefusal(
      await cli("check", REGISTERS, "--max-cells", "60"),
      /holds more than 60 cells; if you trust the file, raise the limit with --max-cells$/m,
    );
    expect((await cli("check", REGISTERS, "--max-cells", "100000")).code).toBe(1);
  });
});

describe("files that are not workbooks are named for what they are", () => {
  const office = (type: string, main: string) =>
    craftZip([
      {
        name: "[Content_Types].xml",
        data: text(`<Types><Override PartName="/${main}" ContentType="${type}"/></Types>`),
      },
      {
        name: "_rels/.rels",
        data: text(
          `<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`,
        ),
      },
      { name: main, data: text("<x/>") },
    ]);
  it.each([
    [
      "docx",
      office(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/document.xml",
      ),
      /is a Word document, not an Excel workbook/,
    ],
    [
      "xlsb",
      office("application/vnd.ms-excel.sheet.binary.macroEnabled.main", "xl/workbook.bin"),
      /is an Excel binary workbook \(\.xlsb\); save it from Excel as \.xlsx/,
    ],
    [
      "ods",
      craftZip([
        {
          name: "mimetype",
          data: text("application/vnd.oasis.opendocument.spreadsheet"),
          method: 0,
        },
      ]),
      /is an OpenDocument spreadsheet \(\.ods\)/,
    ],
    [
      "csv",
      text("Risk,Likelihood,Impact\nFlood,3,4\n"),
      /is not an Excel workbook \(\.xlsx\) but CSV or plain text/,
    ],
  ])("%s", async (_kind, bytes, message) => {
    expectRefusal(await cli("check", save(bytes, "renamed.xlsx")), message);
  });
});

describe("special files", () => {
  const fifo = () => {
    const file = path.join(tempDir("cs-fifo-"), "pipe.xlsx");
    const made = spawnSync("mkfifo", [file]);
    if (made.status !== 0) throw new Error("mkfifo failed");
    return file;
  };

  it.each([
    [
      "/dev/null",
      () => "/dev/null",
      /--out \/dev\/null is a device; Council Sheets only writes a regular file/,
    ],
    ["a FIFO", fifo, /is a named pipe; Council Sheets only writes a regular file/],
    [
      "a folder",
      () => tempDir("cs-dir-"),
      /is a folder; Council Sheets only writes a regular file/,
    ],
  ])("--out to %s is refused and the target left as it was", async (_what, target, message) => {
    const out = target();
    const before = statSync(out);
    expectRefusal(await cli("apply", REGISTERS, "--out", out), message);
    const after = statSync(out);
    expect([after.ino, after.mode, after.rdev]).toEqual([before.ino, before.mode, before.rdev]);
  });

  it.each([
    ["/dev/zero", () => "/dev/zero", /\/dev\/zero is a device, not a workbook file/],
    ["a FIFO", fifo, /pipe\.xlsx is a named pipe, not a workbook file/],
  ])("reading %s is refused at once", async (_what, input, message) => {
    expectRefusal(await cli("check", input()), message);
  });

  it("refuses a file larger than the read budget before reading it", async () => {
    const file = path.join(tempDir("cs-big-"), "big.xlsx");
    writeFileSync(file, "");
    truncateSync(file, 3 * 1048576);
    expectRefusal(
      await cli("check", file, "--max-inflated-mb", "1"),
      /big\.xlsx is 3 MB, more than twice the inflation limit; if you trust the file, raise the limit with --max-inflated-mb$/m,
    );
  });

  it("writes through an exclusive temporary file beside the target and leaves none behind", async () => {
    const dir = tempDir("cs-out-");
    const out = path.join(dir, "out.xlsx");
    writeFileSync(out, "an older file");
    expect((await cli("apply", REGISTERS, "--out", out)).code).toBe(0);
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
    expect(unzipSync(new Uint8Array(readFileSync(out)))["xl/workbook.xml"]).toBeDefined();
  });
});

describe("escape sequences from the file", () => {
  it("reach the text report as visible escapes, never as control characters", async () => {
    const named = craftZip(
      edit(registerParts(), "xl/workbook.xml", (x) =>
        x.replace(
          /name="How We Work"/,
          'name="How&#x1B;[2J&#x1B;]0;pwned&#x7;&#x9B;31m&#x202E;We Work"',
        ),
      ),
    );
    const result = await cli("check", save(named, "escapes.xlsx"));
    expect(result.code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(result.out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202E]/);
    expect(result.out).toContain("How\\x1B[2J\\x1B]0;pwned\\x07\\x9B31m\\u202EWe Work");
  });
});

describe("the rebuild through ExcelJS", () => {
  const TARNSIDE = `${CORPUS}/05-tarnside-transformation-programme.xlsx`;

  it("is refused, saying what it would drop, unless --allow-rebuild is given", async () => {
    const dir = tempDir("cs-rebuild-");
    const out = path.join(dir, "out.xlsx");
    // Tarnside has a chart; with two rows of its hidden Lists sheet out of order the direct
    // reader refuses the file, so only a rebuild could write it.
    const shuffled = craftZip(
      edit(partsOf(new Uint8Array(readFileSync(TARNSIDE))), "xl/worksheets/sheet3.xml", (x) => {
        const rows = [...x.matchAll(/<row [^>]*>.*?<\/row>/g)].map((m) => m[0]);
        return x
          .replace(rows[0] ?? "", "\0")
          .replace(rows[1] ?? "", rows[0] ?? "")
          .replace("\0", rows[1] ?? "");
      }),
    );
    const input = save(shuffled, "tarnside-shuffled.xlsx");
    expectRefusal(
      await cli("apply", input, "--out", out),
      /can only be written by rebuilding it with ExcelJS .* drops its charts; it was not written \(add --allow-rebuild/,
    );
    expect(readdirSync(dir)).toEqual([]);
    const allowed = await cli("apply", input, "--out", out, "--allow-rebuild", "--json");
    expect([0, 1]).toContain(allowed.code);
    expect(JSON.parse(allowed.out).engine).toBe("exceljs");
    // The file as the council keeps it is written directly, charts and all.
    const direct = await cli("apply", TARNSIDE, "--out", path.join(dir, "direct.xlsx"), "--json");
    expect(JSON.parse(direct.out).engine).toBe("direct");
  });

  it("is refused for a file the direct reader could not follow, which check still reads", async () => {
    const shuffled = craftZip(
      edit(registerParts(), "xl/worksheets/sheet1.xml", (x) => {
        const rows = [...x.matchAll(/<row [^>]*>.*?<\/row>/g)].map((m) => m[0]);
        return x
          .replace(rows[0] ?? "", "\0")
          .replace(rows[1] ?? "", rows[0] ?? "")
          .replace("\0", rows[1] ?? "");
      }),
    );
    const input = save(shuffled, "shuffled.xlsx");
    expect([0, 1]).toContain((await cli("check", input)).code);
    const dir = path.join(path.dirname(input), "out");
    mkdirSync(dir);
    expectRefusal(
      await cli("apply", input, "--out", path.join(dir, "o.xlsx")),
      /its own XML could not be read or edited in place: rows out of order/,
    );
  });
});

describe("files only ExcelJS reads are held to the same limits", () => {
  const shuffle = (x: string) => {
    const rows = [...x.matchAll(/<row [^>]*>.*?<\/row>/g)].map((m) => m[0]);
    return x
      .replace(rows[0] ?? "", "\0")
      .replace(rows[1] ?? "", rows[0] ?? "")
      .replace("\0", rows[1] ?? "");
  };

  it("counts their cells before ExcelJS inflates anything", async () => {
    const input = save(
      craftZip(edit(registerParts(), "xl/worksheets/sheet1.xml", shuffle)),
      "s.xlsx",
    );
    expectRefusal(
      await cli("check", input, "--max-cells", "40"),
      /holds more than 20 cells for ExcelJS, which this file needs .*raise the limit with --max-cells$/m,
    );
  });

  it("refuses a row number beyond Excel's grid that only ExcelJS would reach", async () => {
    const input = save(
      craftZip(
        edit(registerParts(), "xl/worksheets/sheet1.xml", (x) => {
          const last = [...x.matchAll(/<row r="(\d+)"/g)].pop();
          const shuffled = shuffle(x);
          if (!last) return shuffled;
          return shuffled
            .replace(`<row r="${last[1]}"`, '<row r="2147483648"')
            .replace(new RegExp(`r="([A-Z]+)${last[1]}"`, "g"), 'r="$12147483648"');
        }),
      ),
      "far.xlsx",
    );
    expectRefusal(await cli("check", input), /sheet Short Term Support goes beyond Excel's grid/);
  });
});
