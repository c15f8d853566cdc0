import { inflateSync } from "fflate";
import { PackageFormatError } from "./errors";

/** One file of a zip archive as it is stored: still compressed, so it can be copied unopened. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the two methods Office uses. */
  method: number;
  crc: number;
  /** Uncompressed size in bytes. */
  size: number;
  /** The stored bytes, a view into the archive. */
  raw: Uint8Array;
}

/** Inflates raw deflate data known to expand to `size` bytes; Node passes its native zlib. */
export type Inflate = (raw: Uint8Array, size: number) => Promise<Uint8Array>;

export const portableInflate: Inflate = (raw, size) =>
  Promise.resolve(inflateSync(raw, { out: new Uint8Array(size) }));

const CENTRAL_END = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

const u16 = (d: Uint8Array, at: number) => (d[at] ?? 0) | ((d[at + 1] ?? 0) << 8);
const u32 = (d: Uint8Array, at: number) => (u16(d, at) | (u16(d, at + 2) << 16)) >>> 0;

// Names without the UTF-8 flag are CP437; part names in Office files are ASCII either way.
const utf8 = new TextDecoder();
const latin1 = new TextDecoder("latin1");
const nameOf = (bytes: Uint8Array, utf8Flag: boolean) => (utf8Flag ? utf8 : latin1).decode(bytes);

/**
 * The entries of a zip archive, in central-directory order (APPNOTE 4.3). The central directory,
 * not the local headers, is authoritative: archives streamed out by ExcelJS and others leave
 * sizes out of the local headers. ZIP64 archives (parts over 4 GB) are refused, and the caller
 * hands such files to ExcelJS.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  // The end record is 22 bytes, followed by a comment of up to 65,535.
  let end = bytes.length - 22;
  const earliest = Math.max(0, end - 65_535);
  while (end >= earliest && u32(bytes, end) !== CENTRAL_END) end--;
  if (end < earliest) throw new PackageFormatError("not a zip archive (no central directory)");
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === ZIP64_MARK) throw new PackageFormatError("ZIP64 archive");
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_ENTRY)
      throw new PackageFormatError("damaged zip central directory");
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const local = u32(bytes, at + 42);
    const name = nameOf(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
    if (flags & 1) throw new PackageFormatError(`${name} is encrypted`);
    if (method !== 0 && method !== 8)
      throw new PackageFormatError(`${name} uses compression method ${method}`);
    if (compressed === ZIP64_MARK || size === ZIP64_MARK || local === ZIP64_MARK)
      throw new PackageFormatError("ZIP64 archive");
    if (u32(bytes, local) !== LOCAL_ENTRY)
      throw new PackageFormatError(`damaged zip entry for ${name}`);
    const data = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (data + compressed > bytes.length) throw new PackageFormatError(`${name} is cut short`);
    entries.push({
      name,
      method,
      crc: u32(bytes, at + 16),
      size,
      raw: bytes.subarray(data, data + compressed),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** The entry's uncompressed bytes; a size that does not match the directory means damage. */
export async function inflateEntry(entry: ZipEntry, inflate: Inflate): Promise<Uint8Array> {
  let data: Uint8Array;
  try {
    data = entry.method === 0 ? entry.raw : await inflate(entry.raw, entry.size);
  } catch (error) {
    throw new PackageFormatError(`${entry.name} cannot be decompressed (${String(error)})`);
  }
  if (data.length !== entry.size) throw new PackageFormatError(`${entry.name} is damaged`);
  return data;
}
