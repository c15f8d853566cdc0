/** CRC-32 of a part's bytes, as zip stores it; Node passes its native zlib.crc32. */
export type Crc32 = (data: Uint8Array) => number;

// Hand-rolled because fflate, which the browser build already carries, keeps its CRC-32 private;
// the table form is the one in APPNOTE 4.4.7 (polynomial 0xEDB88320). test/unit/zip-verify.test.ts
// checks it against Node's zlib.crc32.
let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

export const crc32: Crc32 = (data) => {
  const t = (table ??= crcTable());
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (t[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
