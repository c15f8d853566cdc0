import { unzipSync } from "fflate";
import zlib from "node:zlib";

/**
 * Zip archives written byte by byte, so that tests can state sizes, CRCs and offsets that a zip
 * library would never write: the hostile files of test/fuzz and test/integration/hostile-files.
 */
export interface CraftEntry {
  name: string;
  /** The uncompressed content. */
  data: Uint8Array;
  /** 8 (deflate, the default) or 0 (stored). */
  method?: 0 | 8;
  /** Stored bytes to use instead of compressing `data` (for lying or damaged entries). */
  raw?: Uint8Array;
  /** Sizes and CRC to state instead of the true ones. */
  size?: number;
  crc?: number;
}

const encoder = new TextEncoder();

class Bytes {
  private readonly chunks: Uint8Array[] = [];
  length = 0;

  add(chunk: Uint8Array): this {
    this.chunks.push(chunk);
    this.length += chunk.length;
    return this;
  }

  u16(n: number): this {
    return this.add(Uint8Array.of(n & 0xff, (n >>> 8) & 0xff));
  }

  u32(n: number): this {
    return this.add(
      Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff),
    );
  }

  u64(n: number): this {
    return this.u32(n % 2 ** 32).u32(Math.floor(n / 2 ** 32));
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

export const text = (s: string) => encoder.encode(s);
export const deflate = (data: Uint8Array) =>
  new Uint8Array(zlib.deflateRawSync(data, { level: 9 }));
export const crcOf = (data: Uint8Array) => zlib.crc32(data);

interface Placed {
  name: Uint8Array;
  method: number;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
}

/**
 * A zip of the entries in order. With `zip64`, every central entry gives its sizes and offset
 * in the ZIP64 extra field and the archive ends with the ZIP64 end record and locator, as .NET's
 * System.IO.Packaging and Excel write large or streamed packages (APPNOTE 4.3.14, 4.5.3).
 */
export function craftZip(
  entries: readonly CraftEntry[],
  options: { zip64?: boolean } = {},
): Uint8Array {
  const out = new Bytes();
  const placed: Placed[] = [];
  for (const e of entries) {
    const method = e.method ?? 8;
    const raw = e.raw ?? (method === 8 ? deflate(e.data) : e.data);
    const name = text(e.name);
    const p: Placed = {
      name,
      method,
      crc: e.crc ?? crcOf(e.data),
      size: e.size ?? e.data.length,
      compressed: raw.length,
      offset: out.length,
    };
    placed.push(p);
    const wide = options.zip64 === true;
    out
      .u32(0x04034b50)
      .u16(wide ? 45 : 20)
      .u16(0x800)
      .u16(method)
      .u16(0)
      .u16(0)
      .u32(p.crc);
    out.u32(wide ? 0xffffffff : p.compressed).u32(wide ? 0xffffffff : p.size);
    out
      .u16(name.length)
      .u16(wide ? 20 : 0)
      .add(name);
    if (wide) out.u16(1).u16(16).u64(p.size).u64(p.compressed);
    out.add(raw);
  }
  return finish(out, placed, options.zip64 === true);
}

function finish(out: Bytes, placed: readonly Placed[], wide: boolean): Uint8Array {
  const start = out.length;
  for (const p of placed) {
    out
      .u32(0x02014b50)
      .u16(wide ? 45 : 20)
      .u16(wide ? 45 : 20)
      .u16(0x800)
      .u16(p.method);
    out.u16(0).u16(0).u32(p.crc);
    out.u32(wide ? 0xffffffff : p.compressed).u32(wide ? 0xffffffff : p.size);
    out
      .u16(p.name.length)
      .u16(wide ? 28 : 0)
      .u16(0)
      .u16(0)
      .u16(0)
      .u32(0);
    out.u32(wide ? 0xffffffff : p.offset).add(p.name);
    if (wide) out.u16(1).u16(24).u64(p.size).u64(p.compressed).u64(p.offset);
  }
  const size = out.length - start;
  if (wide) {
    const record = out.length;
    out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0);
    out.u64(placed.length).u64(placed.length).u64(size).u64(start);
    out.u32(0x07064b50).u32(0).u64(record).u32(1);
  }
  out.u32(0x06054b50).u16(0).u16(0);
  out.u16(wide ? 0xffff : placed.length).u16(wide ? 0xffff : placed.length);
  out
    .u32(wide ? 0xffffffff : size)
    .u32(wide ? 0xffffffff : start)
    .u16(0);
  return out.bytes();
}

/** The parts of a real workbook, in archive order, to rebuild with changes. */
export function partsOf(zip: Uint8Array): CraftEntry[] {
  return Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, data }));
}

/**
 * Deflate data that inflates to `copies` × `chunk` bytes: the chunk compressed once, ending on a
 * byte boundary (a sync flush, no back-references out of it), repeated, then a final empty block.
 * Builds a large truthful or size-lying bomb without compressing gigabytes in the test.
 */
export function repeatedDeflate(chunk: Uint8Array, copies: number): Uint8Array {
  const piece = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const out = new Uint8Array(piece.length * copies + 2);
  for (let i = 0; i < copies; i++) out.set(piece, i * piece.length);
  out.set([0x03, 0x00], piece.length * copies); // a final, empty fixed-Huffman block
  return out;
}

/** CRC-32 of `chunk` repeated `copies` times, without making the whole. */
export function repeatedCrc(chunk: Uint8Array, copies: number): number {
  let crc = 0;
  for (let i = 0; i < copies; i++) crc = zlib.crc32(chunk, crc);
  return crc;
}

/**
 * David Fifield's overlapping-files zip bomb ("A better zip bomb", 2019): each entry's deflate
 * stream quotes the next entry's local header in a stored block and then runs on into that
 * entry's data, so every entry inflates to the whole kernel. `n` entries cost a few dozen bytes
 * each and inflate to n × the kernel.
 */
export function overlappingBomb(
  n: number,
  kernel: Uint8Array,
  names: (i: number) => string,
): Uint8Array {
  const headers: Uint8Array[] = [];
  const placed: Placed[] = [];
  let raw: Uint8Array = deflate(kernel);
  /** The headers entry i quotes before the kernel: those of entries i+1 … n−1. */
  let prefix: Uint8Array = new Uint8Array();
  for (let i = n - 1; i >= 0; i--) {
    const name = text(names(i));
    const size = prefix.length + kernel.length;
    const crc = zlib.crc32(kernel, zlib.crc32(prefix));
    const header = new Bytes()
      .u32(0x04034b50)
      .u16(20)
      .u16(0x800)
      .u16(8)
      .u16(0)
      .u16(0)
      .u32(crc)
      .u32(raw.length)
      .u32(size)
      .u16(name.length)
      .u16(0)
      .add(name)
      .bytes();
    headers[i] = header;
    placed[i] = { name, method: 8, crc, size, compressed: raw.length, offset: 0 };
    if (i === 0) break;
    // The entry before this one: a stored (non-final) block quoting this header, then this data.
    const quote = new Bytes()
      .add(Uint8Array.of(0x00))
      .u16(header.length)
      .u16(~header.length & 0xffff);
    raw = new Bytes().add(quote.bytes()).add(header).add(raw).bytes();
    prefix = new Bytes().add(header).add(prefix).bytes();
  }
  let at = 0;
  for (let i = 0; i < n; i++) {
    const p = placed[i];
    if (p) p.offset = at;
    at += (headers[i]?.length ?? 0) + 5;
  }
  const out = new Bytes().add(headers[0] ?? new Uint8Array()).add(raw);
  return finish(out, placed, false);
}
