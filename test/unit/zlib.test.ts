import zlib from "node:zlib";
import { LARGE_PART_LEVEL, nativeDeflate } from "../../src/cli/zlib";

/** Sheet-like text: long repeats that reach back across chunk boundaries, and some noise. */
function sheetXml(rows: number): Uint8Array {
  const parts: string[] = [];
  for (let r = 1; r <= rows; r++)
    parts.push(
      `<row r="${r}"><c r="A${r}" t="s"><v>${(r * 7919) % 1000}</v></c><c r="B${r}"><v>${r % 97}</v></c></row>`,
    );
  return new TextEncoder().encode(parts.join(""));
}

describe("native deflate in chunks (pigz technique)", () => {
  it("gives one deflate stream that inflates to the input, with the input's CRC, whatever the chunk size", async () => {
    const data = sheetXml(20_000);
    for (const chunk of [64 * 1024, 100_003, 1 << 20, data.length + 1]) {
      // Parts larger than a chunk are compressed for speed, smaller ones at the usual level 6.
      const level = chunk < data.length ? LARGE_PART_LEVEL : 6;
      const whole = zlib.deflateRawSync(data, { level });
      const { bytes, crc } = await nativeDeflate(chunk)(data);
      expect(crc).toBe(zlib.crc32(data));
      expect(Buffer.from(zlib.inflateRawSync(bytes)).equals(Buffer.from(data))).toBe(true);
      // Primed with the previous 32 KB, the chunks compress about as well as one stream would.
      expect(bytes.length).toBeLessThan(whole.length * 1.02);
    }
  });

  it("handles an empty part", async () => {
    const { bytes, crc } = await nativeDeflate(16)(new Uint8Array());
    expect(zlib.inflateRawSync(bytes).length).toBe(0);
    expect(crc).toBe(0);
  });
});
