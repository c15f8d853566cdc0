import zlib from "node:zlib";
import { promisify } from "node:util";
import type {
  CheckEntry,
  Deflate,
  EntryFault,
  Inflate,
  NativeZlib,
} from "../adapters/xlsx/package";

const deflateRaw = promisify(zlib.deflateRaw);
const inflateRaw = promisify(zlib.inflateRaw);
const WINDOW = 32 * 1024;
/**
 * Parts over one chunk are compressed at zlib level 2: on the benchmark's 76 MB funding sheet it
 * took a quarter of level 6's time for a file 16% larger. Excel recompresses on its next save.
 */
export const LARGE_PART_LEVEL = 2;

/**
 * Node's native zlib, and for large parts the pigz technique: the part is cut into chunks that
 * are compressed at the same time on libuv's thread pool, each primed with the 32 KB before it
 * (so the output is as small as one stream's) and ended with a sync flush, which leaves the
 * chunks byte-aligned so that joined together they are one valid deflate stream.
 */
export function nativeDeflate(chunkSize = 4 * 1024 * 1024): Deflate {
  return async (data) => {
    const crc = zlib.crc32(data);
    if (data.length <= chunkSize) {
      const out = zlib.deflateRawSync(data, { level: 6 });
      return { bytes: asBytes(out), crc };
    }
    const pieces: Promise<Buffer>[] = [];
    for (let at = 0; at < data.length; at += chunkSize) {
      const end = Math.min(at + chunkSize, data.length);
      const last = end === data.length;
      pieces.push(
        deflateRaw(data.subarray(at, end), {
          level: LARGE_PART_LEVEL,
          // One output buffer per chunk: with the default 16 KB, each piece of output is another
          // trip through the thread pool and back to JavaScript.
          chunkSize: end - at + 1024,
          ...(at > 0 ? { dictionary: data.subarray(Math.max(0, at - WINDOW), at) } : {}),
          finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
        }),
      );
    }
    return { bytes: asBytes(Buffer.concat(await Promise.all(pieces))), crc };
  };
}

/** Native inflate on libuv's thread pool: several parts decompress at once, off the main thread. */
export const nativeInflate: Inflate = async (raw, size) =>
  asBytes(
    await inflateRaw(raw, {
      // One output buffer of the known size instead of 16 KB chunks joined at the end.
      chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, Math.min(size, 256 * 1024 * 1024)),
      // A bomb stops at the size the directory gives (zlib wants at least 1).
      maxOutputLength: Math.max(1, size),
    }),
  );

/**
 * Checks a part copied through unread: inflated as a stream on the thread pool, the CRC-32 taken
 * piece by piece, so a large image or a bomb never sits in memory; inflating stops as soon as it
 * passes the stated size.
 */
export const nativeCheckEntry: CheckEntry = (entry) => {
  if (entry.method === 0)
    return Promise.resolve(
      entry.raw.length !== entry.size
        ? "size"
        : zlib.crc32(entry.raw) !== entry.crc
          ? "crc"
          : undefined,
    );
  return new Promise((resolve) => {
    const stream = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    let size = 0;
    let crc = 0;
    let settled = false;
    const settle = (fault: EntryFault | undefined) => {
      if (settled) return;
      settled = true;
      stream.destroy();
      resolve(fault);
    };
    stream.on("data", (piece: Buffer) => {
      size += piece.length;
      if (size > entry.size) settle("size");
      else crc = zlib.crc32(piece, crc);
    });
    stream.on("error", () => settle("inflate"));
    stream.on("end", () =>
      settle(size !== entry.size ? "size" : crc !== entry.crc ? "crc" : undefined),
    );
    stream.end(entry.raw);
  });
};

/** Node ≥ 20.15 has a native CRC-32 (package.json engines says so). */
export const nativeZlib = (): NativeZlib => ({
  deflate: nativeDeflate(),
  inflate: nativeInflate,
  crc32: (data) => zlib.crc32(data),
  checkEntry: nativeCheckEntry,
});

function asBytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(
    buffer.buffer,
    buffer.byteOffset,
    buffer.byteLength,
  ) as Uint8Array<ArrayBuffer>;
}
