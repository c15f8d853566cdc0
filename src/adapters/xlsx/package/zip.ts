import { Zip, zipSync, type ZipInputFile } from "fflate";

/** Deflates one part; hosts with a native zlib (Node) pass one, the browser uses fflate's. */
export type Deflate = (
  data: Uint8Array,
) => Promise<{ bytes: Uint8Array<ArrayBuffer>; crc: number }>;

/** Zips the parts in their original order, so [Content_Types].xml stays first. */
export async function zipParts(
  parts: Map<string, Uint8Array>,
  deflate?: Deflate,
): Promise<Uint8Array> {
  if (!deflate) return zipSync(Object.fromEntries(parts), { level: 6 });
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  // Every part is compressed at once; the zip is then assembled in the original order.
  const entries = [...parts];
  const compressed = await Promise.all(entries.map(([, data]) => deflate(data)));
  for (const [i, [filename, data]] of entries.entries()) {
    const { bytes, crc } = compressed[i] as { bytes: Uint8Array<ArrayBuffer>; crc: number };
    const file: ZipInputFile = { filename, size: data.length, crc, compression: 8 };
    zip.add(file);
    file.ondata?.(null, bytes, true);
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
