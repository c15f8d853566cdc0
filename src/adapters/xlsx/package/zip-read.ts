import { inflateSync } from "fflate";
import { PackageFormatError, PackageRefusedError } from "./errors";
import { crc32 as portableCrc32, type Crc32 } from "./crc32";

export type { Crc32 };
export { portableCrc32 };

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

/**
 * Checks one entry's stored bytes against its size and CRC-32 without keeping what they inflate
 * to: for the parts a save copies through unread. Node passes a streaming check on native zlib.
 * Resolves to what is wrong, or undefined when the entry is sound.
 */
export type CheckEntry = (entry: ZipEntry) => Promise<EntryFault | undefined>;
export type EntryFault = "inflate" | "size" | "crc";

export const ENTRY_FAULTS: Record<EntryFault, string> = {
  inflate: "cannot be decompressed",
  size: "is not the size the zip states",
  crc: "fails its CRC-32 check",
};

export const portableInflate: Inflate = (raw, size) =>
  Promise.resolve(inflateSync(raw, { out: new Uint8Array(size) }));

const CENTRAL_END = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MARK32 = 0xffffffff;
const MARK16 = 0xffff;
const MAX_DEFLATE_RATIO = 1032;

const u16 = (d: Uint8Array, at: number) => (d[at] ?? 0) | ((d[at + 1] ?? 0) << 8);
const u32 = (d: Uint8Array, at: number) => (u16(d, at) | (u16(d, at + 2) << 16)) >>> 0;
/** A 64-bit field; anything past 2^53 is beyond any file this reads and becomes Infinity. */
const u64 = (d: Uint8Array, at: number) => {
  const high = u32(d, at + 4);
  return high >= 0x200000 ? Infinity : high * 2 ** 32 + u32(d, at);
};

// Names without the UTF-8 flag are CP437; part names in Office files are ASCII either way.
const utf8 = new TextDecoder();
const latin1 = new TextDecoder("latin1");
const nameOf = (bytes: Uint8Array, utf8Flag: boolean) => (utf8Flag ? utf8 : latin1).decode(bytes);

const damaged = (detail: string) => new PackageRefusedError("damaged", detail);

/**
 * Part names as OPC allows them (ECMA-376 Part 2, §6.2.2): relative, "/"-separated, with no
 * empty, "." or ".." segment. A zip name that climbs out of the package ("../x"), is absolute or
 * uses backslashes is refused, whatever else might unpack it.
 */
function checkName(name: string): void {
  if (
    name === "" ||
    name.startsWith("/") ||
    name.includes("\\") ||
    name.includes("\0") ||
    /^[A-Za-z]:/.test(name) ||
    name.split("/").some((s, i, all) => s === ".." || s === "." || (s === "" && i < all.length - 1))
  )
    throw damaged(`the zip holds an entry named ${JSON.stringify(name)}, outside the package`);
}

interface Directory {
  count: number;
  start: number;
  /** Where the central directory ends (the ZIP64 end record or the end record). */
  end: number;
}

/** The central directory's place, from the end record or its ZIP64 form (APPNOTE 4.3.14–16). */
function directoryOf(bytes: Uint8Array): Directory {
  // The end record is 22 bytes, followed by a comment of up to 65,535.
  let end = bytes.length - 22;
  const earliest = Math.max(0, end - 65_535);
  while (end >= earliest && u32(bytes, end) !== CENTRAL_END) end--;
  if (end < earliest) throw damaged("not a zip archive (no central directory)");
  if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 6) !== 0)
    throw damaged("a zip split over several disks");
  let count = u16(bytes, end + 10);
  let start = u32(bytes, end + 16);
  let directoryEnd = end;
  const locator = end - 20;
  if (locator >= 0 && u32(bytes, locator) === ZIP64_LOCATOR) {
    const record = u64(bytes, locator + 8);
    if (record + 56 > locator || u32(bytes, record) !== ZIP64_END)
      throw damaged("the ZIP64 end record is missing");
    count = u64(bytes, record + 32);
    start = u64(bytes, record + 48);
    directoryEnd = record;
  } else if (count === MARK16 || start === MARK32) {
    throw damaged("a ZIP64 archive without its ZIP64 end record");
  }
  // Each central entry takes at least 46 bytes: a count beyond that is a lie.
  if (start + count * 46 > directoryEnd) throw damaged("the zip central directory is cut short");
  return { count, start, end: directoryEnd };
}

/** The ZIP64 extra field's values for the fields the entry marks as 0xFFFFFFFF (APPNOTE 4.5.3). */
function zip64Sizes(
  bytes: Uint8Array,
  extraStart: number,
  extraEnd: number,
  wanted: { size: boolean; compressed: boolean; local: boolean },
  name: string,
) {
  for (let at = extraStart; at + 4 <= extraEnd;) {
    const id = u16(bytes, at);
    const length = u16(bytes, at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) throw damaged(`the ZIP64 sizes of ${name} are cut short`);
        const value = u64(bytes, field);
        field += 8;
        return value;
      };
      const size = wanted.size ? next() : undefined;
      const compressed = wanted.compressed ? next() : undefined;
      const local = wanted.local ? next() : undefined;
      return { size, compressed, local };
    }
    at += 4 + length;
  }
  throw damaged(`${name} has no ZIP64 sizes`);
}

/**
 * The entries of a zip archive, in central-directory order (APPNOTE 4.3). The central directory,
 * not the local headers, is authoritative: archives streamed out by ExcelJS and others leave
 * sizes out of the local headers. ZIP64 archives are read (Excel and .NET write them for large
 * or streamed packages). Refused as damage, with no second reader tried: entries whose data
 * overlaps another's or the directory (the "overlapping entries" zip bomb), two entries with one
 * name (compared without case, as OPC part names are), names outside the package, encryption,
 * and compression other than stored or deflate.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const directory = directoryOf(bytes);
  const entries: ZipEntry[] = [];
  const spans: { from: number; to: number; name: string }[] = [];
  const names = new Set<string>();
  let at = directory.start;
  for (let i = 0; i < directory.count; i++) {
    if (at + 46 > directory.end || u32(bytes, at) !== CENTRAL_ENTRY)
      throw damaged("the zip central directory is damaged");
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    let compressed = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    let local = u32(bytes, at + 42);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > directory.end)
      throw damaged("the zip central directory is cut short");
    const name = nameOf(bytes.subarray(at + 46, nameEnd), (flags & 0x800) !== 0);
    checkName(name);
    if (size === MARK32 || compressed === MARK32 || local === MARK32) {
      const wide = zip64Sizes(
        bytes,
        nameEnd,
        nameEnd + extraLength,
        { size: size === MARK32, compressed: compressed === MARK32, local: local === MARK32 },
        name,
      );
      size = wide.size ?? size;
      compressed = wide.compressed ?? compressed;
      local = wide.local ?? local;
    }
    if (flags & 1) throw new PackageRefusedError("damaged", `${name} is encrypted`);
    if (method !== 0 && method !== 8)
      throw new PackageRefusedError("damaged", `${name} uses compression method ${method}`);
    if (method === 0 && compressed !== size) throw damaged(`${name} states two sizes`);
    // Deflate expands at most 1032 to 1 (zlib's technical notes); a larger stated size is a lie
    // that would have memory set aside for it.
    if (method === 8 && size > compressed * MAX_DEFLATE_RATIO + 1024)
      throw damaged(`${name} states a size its ${compressed} bytes cannot inflate to`);
    const key = name.toLowerCase();
    if (names.has(key)) throw damaged(`the zip holds ${name} twice`);
    names.add(key);
    if (local + 30 > directory.start || u32(bytes, local) !== LOCAL_ENTRY)
      throw damaged(`the zip entry for ${name} is damaged`);
    const localName = bytes.subarray(local + 30, local + 30 + u16(bytes, local + 26));
    if (localName.length !== nameLength || !localName.every((b, k) => b === bytes[at + 46 + k]))
      throw damaged(`the zip entry for ${name} names another part`);
    const data = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (data + compressed > directory.start) throw damaged(`${name} is cut short`);
    spans.push({ from: local, to: data + compressed, name });
    entries.push({
      name,
      method,
      crc: u32(bytes, at + 16),
      size,
      raw: bytes.subarray(data, data + compressed),
    });
    at = nameEnd + extraLength + u16(bytes, at + 32);
  }
  spans.sort((a, b) => a.from - b.from);
  for (let k = 1; k < spans.length; k++) {
    const [before, after] = [spans[k - 1], spans[k]];
    if (before && after && after.from < before.to)
      throw damaged(`the zip entries ${before.name} and ${after.name} overlap`);
  }
  return entries;
}

/**
 * The entry's uncompressed bytes, checked against the size and CRC-32 the directory gives: a
 * flipped bit in a part is damage, never data. Inflation stops at the stated size, so an entry
 * that would inflate further (a bomb lying about its size) fails here without using the memory.
 */
export async function inflateEntry(
  entry: ZipEntry,
  inflate: Inflate,
  crc32: Crc32 = portableCrc32,
): Promise<Uint8Array> {
  let data: Uint8Array;
  try {
    data = entry.method === 0 ? entry.raw : await inflate(entry.raw, entry.size);
  } catch (error) {
    if (!isInflateFailure(error)) throw error;
    throw entryFault(entry, "inflate");
  }
  if (data.length !== entry.size) throw entryFault(entry, "size");
  if (crc32(data) !== entry.crc) throw entryFault(entry, "crc");
  return data;
}

/** A zip entry that is damaged, saying how, so a check can report the fault it found. */
export class EntryFaultError extends PackageRefusedError {
  constructor(
    readonly fault: EntryFault,
    entryName: string,
  ) {
    super("damaged", `${entryName} ${ENTRY_FAULTS[fault]}`);
  }
}

export function entryFault(entry: ZipEntry, fault: EntryFault): EntryFaultError {
  return new EntryFaultError(fault, entry.name);
}

/**
 * An inflater's own failure on data it cannot decompress: fflate's errors and Node's zlib errors
 * (Z_DATA_ERROR, ERR_BUFFER_TOO_LARGE…) carry a `code`. Our own faults (a refusal) and bugs
 * (a TypeError without a code) are not that, and are not turned into "cannot be decompressed".
 */
function isInflateFailure(error: unknown): boolean {
  // Not `instanceof Error`: Node's zlib errors come from Node's own realm (a test VM has another).
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    !(error instanceof PackageFormatError)
  );
}

/** The check without a streaming host: inflates the whole entry and lets it go. */
export function portableCheckEntry(inflate: Inflate, crc32: Crc32): CheckEntry {
  return async (entry) => {
    try {
      await inflateEntry(entry, inflate, crc32);
      return undefined;
    } catch (error) {
      if (error instanceof EntryFaultError) return error.fault;
      throw error;
    }
  };
}

export { PackageFormatError };
