import fc from "fast-check";
import { readFileSync } from "node:fs";
import zlib from "node:zlib";
import { unzipSync } from "fflate";
import { crc32 } from "../../src/adapters/xlsx/package/crc32";
import { PackageRefusedError } from "../../src/adapters/xlsx/package/errors";
import { inflateEntry, zipEntries } from "../../src/adapters/xlsx/package/zip-read";
import { nativeInflate } from "../../src/cli/zlib";
import { FIXTURES } from "../helpers/builders";
import { craftZip, deflate, overlappingBomb, partsOf, text } from "../fuzz/craft";

const REGISTERS = new Uint8Array(readFileSync(`${FIXTURES}/bcp-risk-registers.xlsx`));
const nativeCrc = (d: Uint8Array) => zlib.crc32(d);
const inflated = async (zip: Uint8Array) =>
  Promise.all(
    zipEntries(zip).map(async (e) => [e.name, await inflateEntry(e, nativeInflate, nativeCrc)]),
  );

describe("the portable CRC-32 (for the browser, where fflate keeps its own private)", () => {
  it("equals Node's zlib.crc32 on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (data) => {
        expect(crc32(data)).toBe(zlib.crc32(data));
      }),
    );
  });
});

describe("verifying a zip before reading it", () => {
  it("reads a ZIP64 package as the same package without ZIP64 (checked by unzip and Python too)", async () => {
    const parts = partsOf(REGISTERS);
    const wide = craftZip(parts, { zip64: true });
    expect(await inflated(wide)).toEqual(Object.entries(unzipSync(REGISTERS)));
  });

  it("refuses overlapping entries (David Fifield's zip bomb), whose parts would inflate many times over", () => {
    const bomb = overlappingBomb(40, text("<c/>".repeat(50_000)), (i) => `xl/worksheets/s${i}.xml`);
    expect(bomb.length).toBeLessThan(6000);
    expect(() => zipEntries(bomb)).toThrow(/the zip entries .* overlap/);
  });

  it.each([
    ["../evil.xml", /outside the package/],
    ["/abs.xml", /outside the package/],
    ["xl\\sheet.xml", /outside the package/],
    ["xl/./a.xml", /outside the package/],
    ["xl//a.xml", /outside the package/],
  ])("refuses an entry named %s", (name, message) => {
    expect(() => zipEntries(craftZip([{ name, data: text("<x/>") }]))).toThrow(message);
  });

  it("refuses two entries of one name, compared without case as OPC part names are", () => {
    const zip = craftZip([
      { name: "xl/workbook.xml", data: text("<a/>") },
      { name: "XL/Workbook.xml", data: text("<b/>") },
    ]);
    expect(() => zipEntries(zip)).toThrow(/holds XL\/Workbook\.xml twice/);
  });

  it("refuses a size no deflate data of that length can reach, before setting memory aside", () => {
    const data = text("<row/>".repeat(1000));
    const zip = craftZip([{ name: "a.xml", data, size: deflate(data).length * 1100 + 2000 }]);
    expect(() => zipEntries(zip)).toThrow(/states a size its \d+ bytes cannot inflate to/);
  });

  it("refuses a part that inflates past its stated size, or to other bytes than its CRC-32 says", async () => {
    const data = text("<row/>".repeat(1000));
    for (const [entry, message] of [
      [{ name: "a.xml", data, size: 100 }, /not the size the zip states|cannot be decompressed/],
      [{ name: "a.xml", data, crc: 42 }, /fails its CRC-32 check/],
      [{ name: "a.xml", data, method: 0 as const, crc: 42 }, /fails its CRC-32 check/],
    ] as const) {
      const [e] = zipEntries(craftZip([entry]));
      await expect(inflateEntry(e!, nativeInflate, nativeCrc)).rejects.toThrow(message);
      await expect(inflateEntry(e!, nativeInflate, nativeCrc)).rejects.toBeInstanceOf(
        PackageRefusedError,
      );
    }
  });

  it("refuses every single-byte change to a package's directory or data that it cannot prove harmless", async () => {
    // Property: a change is either refused as damage or leaves every part exactly as it was.
    const original = Object.entries(unzipSync(REGISTERS));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: REGISTERS.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, xor) => {
          const bytes = REGISTERS.slice();
          bytes[at] = (bytes[at] ?? 0) ^ xor;
          let parts: [string, Uint8Array][];
          try {
            parts = (await inflated(bytes)) as [string, Uint8Array][];
          } catch (error) {
            expect(error).toBeInstanceOf(PackageRefusedError);
            return;
          }
          // Names, times and attributes may change harmlessly; the content may not.
          expect(parts.map(([, d]) => Buffer.from(d).toString("base64"))).toEqual(
            original.map(([, d]) => Buffer.from(d).toString("base64")),
          );
        },
      ),
      { numRuns: 300, seed: 17 },
    );
  });
});
