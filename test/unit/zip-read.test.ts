import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PackageFormatError } from "../../src/adapters/xlsx/package/errors";
import {
  inflateEntry,
  portableInflate,
  zipEntries,
  type ZipEntry,
} from "../../src/adapters/xlsx/package/zip-read";
import { nativeInflate } from "../../src/cli/zlib";
import { FIXTURES } from "../helpers/builders";

const FILES = ["bcp-risk-registers.xlsx", "emiep-funding-2008.xlsx", "bcp-pid-inputs.xlsx"];
const u16 = (d: Uint8Array, at: number) => (d[at] ?? 0) | ((d[at + 1] ?? 0) << 8);

const u32 = (d: Uint8Array, at: number) => (u16(d, at) | (u16(d, at + 2) << 16)) >>> 0;

/** Offset of the first central-directory entry, read from the end record, to damage it on purpose. */
function firstCentralEntry(zip: Uint8Array): number {
  let end = zip.length - 22;
  while (u32(zip, end) !== 0x06054b50) end--;
  return u32(zip, end + 16);
}

/** A zip written as a stream: sizes and CRC follow each entry's data, not its local header. */
function streamedZip(files: Record<string, string>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, content] of Object.entries(files)) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(content), true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}

const inflateAll = (entries: ZipEntry[], inflate = portableInflate) =>
  Promise.all(entries.map(async (e) => [e.name, await inflateEntry(e, inflate)] as const));

describe("reading zip entries from the central directory", () => {
  it.each(FILES)("lists and inflates %s exactly as fflate's unzip does", async (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
    const entries = zipEntries(bytes);
    const expected = Object.entries(unzipSync(bytes));
    expect(await inflateAll(entries)).toEqual(expected);
    expect(await inflateAll(entries, nativeInflate)).toEqual(expected);
  });

  it("reads archives whose local headers leave the sizes to a data descriptor", async () => {
    const files = {
      "[Content_Types].xml": "<Types/>",
      "xl/workbook.xml": "<workbook/>".repeat(99),
    };
    const bytes = streamedZip(files);
    // The first local header: flag bit 3 set, sizes left as zero.
    expect([u16(bytes, 6) & 8, u32(bytes, 18), u32(bytes, 22)]).toEqual([8, 0, 0]);
    const entries = zipEntries(bytes);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ["[Content_Types].xml", 8],
      ["xl/workbook.xml", 1089],
    ]);
    const texts = await inflateAll(entries, nativeInflate);
    expect(texts.map(([name, data]) => [name, new TextDecoder().decode(data)])).toEqual(
      Object.entries(files),
    );
  });

  it("inflates an empty part", async () => {
    const [entry] = zipEntries(zipSync({ "customXml/empty.xml": new Uint8Array() }, { level: 6 }));
    expect(entry?.method).toBe(8);
    for (const inflate of [portableInflate, nativeInflate])
      expect((await inflateEntry(entry!, inflate)).length).toBe(0);
  });

  it("reads stored entries and UTF-8 names", async () => {
    const zip = zipSync(
      { "xl/worksheets/feuille_é.xml": strToU8("<worksheet/>"), "a.txt": strToU8("stored") },
      { level: 0 },
    );
    const entries = zipEntries(zip);
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ["xl/worksheets/feuille_é.xml", 0],
      ["a.txt", 0],
    ]);
    expect(new TextDecoder().decode(await inflateEntry(entries[1]!, portableInflate))).toBe(
      "stored",
    );
  });

  it.each([
    ["is not a zip at all", () => strToU8("PK but not really a zip archive")],
    ["is cut short", (z: Uint8Array) => z.subarray(0, z.length - 30)],
    [
      "is encrypted",
      (z: Uint8Array) => {
        const copy = z.slice();
        const flags = firstCentralEntry(copy) + 8;
        copy[flags] = (copy[flags] ?? 0) | 1;
        return copy;
      },
    ],
    [
      "uses a compression method Office does not",
      (z: Uint8Array) => {
        const copy = z.slice();
        copy[firstCentralEntry(copy) + 10] = 14; // LZMA
        return copy;
      },
    ],
  ])("refuses an archive that %s", (_what, damage) => {
    const zip = zipSync({ "xl/workbook.xml": strToU8("<workbook/>".repeat(50)) });
    expect(() => zipEntries(damage(zip))).toThrow(PackageFormatError);
  });

  it("refuses an entry that does not inflate to the size the directory gives", async () => {
    const [entry] = zipEntries(zipSync({ "a.xml": strToU8("<a/>".repeat(100)) }));
    const wrong = { ...entry!, size: entry!.size + 1 };
    await expect(inflateEntry(wrong, nativeInflate)).rejects.toThrow(PackageFormatError);
    const garbage = { ...entry!, raw: strToU8("not deflate data") };
    await expect(inflateEntry(garbage, portableInflate)).rejects.toThrow(PackageFormatError);
  });
});
