import fc from "fast-check";
import { readFileSync } from "node:fs";
import {
  portableCheckEntry,
  portableCrc32,
  portableInflate,
  zipEntries,
  type ZipEntry,
} from "../../src/adapters/xlsx/package/zip-read";
import { nativeCheckEntry } from "../../src/cli/zlib";
import { FIXTURES } from "../helpers/builders";
import { crcOf, deflate, repeatedCrc, repeatedDeflate } from "../fuzz/craft";

/**
 * The streaming check Node uses for parts a save copies through unread, against the portable one
 * (inflate whole, fflate, table CRC-32) the browser uses: the same verdict on sound and damaged
 * entries.
 */
const portable = portableCheckEntry(portableInflate, portableCrc32);

function entry(data: Uint8Array, change: Partial<ZipEntry> = {}): ZipEntry {
  return {
    name: "x.xml",
    method: 8,
    crc: crcOf(data),
    size: data.length,
    raw: deflate(data),
    ...change,
  };
}

describe("checking a part copied through unread", () => {
  it("passes every part of a real workbook, both ways", async () => {
    const entries = zipEntries(new Uint8Array(readFileSync(`${FIXTURES}/bcp-risk-registers.xlsx`)));
    expect(entries.length).toBeGreaterThan(5);
    for (const e of entries) {
      expect(await nativeCheckEntry(e)).toBeUndefined();
      expect(await portable(e)).toBeUndefined();
    }
  });

  it("gives the same verdict as the portable check on damaged entries", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 3000 }),
        fc.constantFrom("none", "crc", "size-down", "size-up", "flip", "cut", "stored"),
        fc.nat(),
        async (data, damage, at) => {
          let e = entry(data);
          if (damage === "crc") e = { ...e, crc: (e.crc ^ 1) >>> 0 };
          if (damage === "size-down" && data.length > 0) e = { ...e, size: data.length - 1 };
          if (damage === "size-up") e = { ...e, size: data.length + 1 };
          if (damage === "flip" && e.raw.length > 0) {
            const raw = e.raw.slice();
            const i = at % raw.length;
            raw[i] = (raw[i] ?? 0) ^ 0x10;
            e = { ...e, raw };
          }
          if (damage === "cut") e = { ...e, raw: e.raw.subarray(0, Math.floor(e.raw.length / 2)) };
          if (damage === "stored") e = { ...e, method: 0, raw: data, crc: crcOf(data) ^ (at & 1) };
          const [native, table] = [await nativeCheckEntry(e), await portable(e)];
          // A damaged stream may fail to inflate in one and inflate to the wrong bytes in the
          // other; what matters is that both refuse it, and both pass a sound one.
          expect(native === undefined).toBe(table === undefined);
          if (damage === "none") expect(native).toBeUndefined();
          if (damage === "crc" || damage === "size-up") expect(native).toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it("stops a bomb at its stated size without holding it", async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(65);
    const raw = repeatedDeflate(chunk, 512); // 512 MB of "A"
    const started = Date.now();
    const before = process.memoryUsage().rss;
    expect(await nativeCheckEntry({ name: "b", method: 8, crc: 0, size: 1000, raw })).toBe("size");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1048576);
  });

  it("checks a large sound part as a stream, holding little of it", async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(66);
    const copies = 256;
    const raw = repeatedDeflate(chunk, copies); // 256 MB, truthfully stated
    const before = process.memoryUsage().rss;
    const sound = {
      name: "big",
      method: 8,
      crc: repeatedCrc(chunk, copies),
      size: copies << 20,
      raw,
    };
    expect(await nativeCheckEntry(sound)).toBeUndefined();
    expect(await nativeCheckEntry({ ...sound, crc: (sound.crc ^ 4) >>> 0 })).toBe("crc");
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1048576);
  });
});
