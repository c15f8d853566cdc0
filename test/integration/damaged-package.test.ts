import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cli } from "../helpers/cli";
import { FIXTURES } from "../helpers/builders";
import { tempDir } from "../helpers/xlsx";
import { craftZip, partsOf, text, type CraftEntry } from "../fuzz/craft";

// Damage that the reader used to read as data: a register vanished, or text read as blank.
const registerParts = () =>
  partsOf(new Uint8Array(readFileSync(`${FIXTURES}/bcp-risk-registers.xlsx`)));
const decoder = new TextDecoder();

function edit(parts: CraftEntry[], name: string, change: (xml: string) => string): CraftEntry[] {
  return parts.map((p) =>
    p.name === name ? { name, data: text(change(decoder.decode(p.data))) } : p,
  );
}

const damaged: [string, () => CraftEntry[], RegExp][] = [
  [
    "a listed sheet whose part is missing",
    () => registerParts().filter((p) => p.name !== "xl/worksheets/sheet2.xml"),
    /damaged.*the part of sheet "Support at Home" is missing/,
  ],
  [
    "string cells with no shared string table",
    () =>
      edit(
        registerParts().filter((p) => p.name !== "xl/sharedStrings.xml"),
        "xl/_rels/workbook.xml.rels",
        (x) => x.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ""),
      ),
    /damaged.*shared string table is missing/,
  ],
  [
    "a shared string index past the table",
    () =>
      edit(registerParts(), "xl/worksheets/sheet1.xml", (x) =>
        x.replace('<c r="A1" t="s"><v>0</v>', '<c r="A1" t="s"><v>99999</v>'),
      ),
    /damaged.*shared string 99999 of only \d+/,
  ],
];

describe.each(damaged)("a package with %s", (_, build, message) => {
  const dir = tempDir("cs-damaged-");
  const input = path.join(dir, "damaged.xlsx");
  beforeAll(() => writeFileSync(input, craftZip(build())));

  it("is refused by check in one line, exit 2", async () => {
    const result = await cli("check", input);
    expect(result.code).toBe(2);
    expect(result.out).toBe("");
    expect(result.err.trim().split("\n")).toHaveLength(1);
    expect(result.err).toMatch(message);
  });

  it("is refused by apply, which writes no output", async () => {
    const out = path.join(dir, "out.xlsx");
    const result = await cli("apply", input, "--out", out);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
