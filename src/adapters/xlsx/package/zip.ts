import { Zip, ZipDeflate, type ZipInputFile } from "fflate";
import { progressMeter, type ProgressListener } from "../../../core";
import type { CheckEntry, Crc32, Inflate, ZipEntry } from "./zip-read";

/** Deflates one part; hosts with a native zlib (Node) pass one, the browser uses fflate's. */
export type Deflate = (
  data: Uint8Array,
) => Promise<{ bytes: Uint8Array<ArrayBuffer>; crc: number }>;

/** A host's own compression, faster than the portable JavaScript default. */
export interface NativeZlib {
  deflate: Deflate;
  inflate: Inflate;
  /** Checks every part read; without one, the portable table CRC-32 does. */
  crc32?: Crc32;
  /** Checks a part copied through unread, streaming, without holding what it inflates to. */
  checkEntry?: CheckEntry;
}

/** A part to write: an entry copied exactly as it was stored, or new content to compress. */
export type OutputPart = ZipEntry | Uint8Array;

/**
 * Every entry is dated 1 January 1980 (the zip format's earliest date), as Excel dates the parts
 * it saves: fflate would otherwise stamp the clock, and the same save made twice would differ.
 */
const ENTRY_DATE = new Date(1980, 0, 1);

/** How much of a part fflate compresses between two progress reports: 1 MiB. */
const COMPRESS_SLICE = 1 << 20;

/** Zips the parts in their original order, so [Content_Types].xml stays first. */
export async function zipParts(
  parts: Map<string, OutputPart>,
  deflate?: Deflate,
  /** Hears the bytes compressed so far, when fflate compresses them here (the browser). */
  onProgress?: ProgressListener,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const entries = [...parts];
  // New content is compressed all at once (on native zlib's threads where there are some); the
  // archive is then assembled in the original order.
  const compressed = await Promise.all(
    entries.map(([, part]) => (part instanceof Uint8Array && deflate ? deflate(part) : undefined)),
  );
  const addStored = (
    filename: string,
    size: number,
    crc: number,
    method: number,
    raw: Uint8Array,
  ) => {
    const file: ZipInputFile = { filename, size, crc, compression: method, mtime: ENTRY_DATE };
    zip.add(file);
    file.ondata?.(null, raw as Uint8Array<ArrayBuffer>, true);
  };
  const toCompress = entries.reduce(
    (n, [, part], i) => n + (part instanceof Uint8Array && !compressed[i] ? part.length : 0),
    0,
  );
  const compressedSoFar = progressMeter(onProgress, {
    phase: "compressing",
    unit: "bytes",
    total: toCompress,
  });
  let fed = 0;
  for (const [i, [filename, part]] of entries.entries()) {
    const done = compressed[i];
    if (!(part instanceof Uint8Array))
      addStored(filename, part.size, part.crc, part.method, part.raw);
    else if (done) addStored(filename, part.length, done.crc, 8, done.bytes);
    else {
      const file = new ZipDeflate(filename, { level: 6 });
      file.mtime = ENTRY_DATE;
      zip.add(file);
      // Fed in slices so that a large sheet's compression can be reported as it goes; the
      // slices form one deflate stream, as a single push would.
      for (let at = 0; at < part.length || at === 0; at += COMPRESS_SLICE) {
        const end = Math.min(part.length, at + COMPRESS_SLICE);
        file.push(part.subarray(at, end), end === part.length);
        compressedSoFar((fed += end - at));
      }
    }
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
