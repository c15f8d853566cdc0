// Draws the add-in icons (a sheet with a grid and a tick on council teal) as PNGs, with no
// image library: PNG is zlib-compressed RGBA rows behind a fixed header.
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function icon(size) {
  const teal = [0, 107, 110, 255];
  const white = [255, 255, 255, 255];
  const line = [0, 107, 110, 255];
  const tick = [16, 124, 16, 255];
  const pixel = (x, y) => {
    const u = x / size;
    const v = y / size;
    const r = 0.18;
    const corner = (cx, cy) => (u - cx) ** 2 + (v - cy) ** 2 > r ** 2;
    if (
      (u < r && v < r && corner(r, r)) ||
      (u > 1 - r && v < r && corner(1 - r, r)) ||
      (u < r && v > 1 - r && corner(r, 1 - r)) ||
      (u > 1 - r && v > 1 - r && corner(1 - r, 1 - r))
    )
      return [0, 0, 0, 0];
    const inSheet = u > 0.18 && u < 0.82 && v > 0.16 && v < 0.84;
    if (!inSheet) return teal;
    const segment = (ax, ay, bx, by) => {
      const t = Math.max(
        0,
        Math.min(
          1,
          ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
        ),
      );
      return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay)));
    };
    const thickness = Math.max(0.055, 1.2 / size);
    if (Math.min(segment(0.36, 0.6, 0.48, 0.72), segment(0.48, 0.72, 0.72, 0.4)) < thickness)
      return tick;
    const grid = 1 / size;
    const onGrid =
      [0.38, 0.6].some((g) => Math.abs(u - g) < Math.max(grid, 0.02)) ||
      [0.36, 0.56].some((g) => Math.abs(v - g) < Math.max(grid, 0.02));
    return onGrid ? line : white;
  };
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) row.push(...pixel(x + 0.5, y + 0.5));
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, "..", "assets", `icon-${size}.png`), icon(size));
}
