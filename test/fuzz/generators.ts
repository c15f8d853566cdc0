import fc from "fast-check";
import { readFileSync } from "node:fs";
import zlib from "node:zlib";
import { FIXTURES } from "../helpers/builders";
import { craftZip, crcOf, deflate, overlappingBomb, partsOf, text, type CraftEntry } from "./craft";

/** One hostile input: what it is (for the failure message), its bytes and the name it goes by. */
export interface HostileCase {
  label: string;
  bytes: Uint8Array;
  /** File extension to save it under (".xlsx" unless the case is about the name). */
  extension: string;
}

const CORPUS = `${__dirname}/../../../shared/corpus`;
/** Small workbooks whose plans the direct writer carries out (column writes): a register and a budget. */
const BASES = [
  `${FIXTURES}/bcp-risk-registers.xlsx`,
  `${CORPUS}/02-castlemere-strategic-risks-word-scales.xlsx`,
  `${CORPUS}/06-kingsreach-revenue-monitoring-q2.xlsx`,
].map((file) => ({
  file: file.split("/").pop() ?? file,
  bytes: new Uint8Array(readFileSync(file)),
}));
const SHEET = "xl/worksheets/sheet1.xml";
const decoder = new TextDecoder();

const base = fc.constantFrom(...BASES);

function withPart(parts: CraftEntry[], name: string, edit: (xml: string) => string): CraftEntry[] {
  return parts.map((p) =>
    p.name === name ? { name, data: text(edit(decoder.decode(p.data))) } : p,
  );
}

function xmlCase(label: string, name: string, edit: (xml: string) => string) {
  return base.map((b): HostileCase => ({
    label: `${label} (${b.file})`,
    bytes: craftZip(withPart(partsOf(b.bytes), name, edit)),
    extension: ".xlsx",
  }));
}

/** Deflate data built from pieces, each compressed once and repeated (no gigabytes in the test). */
function piecewiseDeflate(pieces: { data: Uint8Array; copies: number }[]): Uint8Array {
  const out: Buffer[] = [];
  for (const { data, copies } of pieces) {
    const block = zlib.deflateRawSync(data, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    for (let i = 0; i < copies; i++) out.push(block);
  }
  out.push(Buffer.from([0x03, 0x00]));
  return new Uint8Array(Buffer.concat(out));
}

/**
 * A worksheet whose XML inflates to about `megabytes` MB: a valid sheet padded with a comment
 * (so that, read in full, it is a well-formed sheet), stated with its true size and CRC when
 * `truthful`, or with a small size and the CRC of its start when not.
 */
function paddedSheet(b: (typeof BASES)[number], megabytes: number, truthful: boolean): HostileCase {
  const parts = partsOf(b.bytes);
  const sheet = decoder.decode(parts.find((p) => p.name === SHEET)?.data);
  const at = sheet.indexOf("<sheetData");
  const head = text(`${sheet.slice(0, at)}<!--`);
  const pad = text("x".repeat(1 << 20));
  const tail = text(`-->${sheet.slice(at)}`);
  const raw = piecewiseDeflate([
    { data: head, copies: 1 },
    { data: pad, copies: megabytes },
    { data: tail, copies: 1 },
  ]);
  let crc = zlib.crc32(head);
  for (let i = 0; i < megabytes; i++) crc = zlib.crc32(pad, crc);
  crc = zlib.crc32(tail, crc);
  const size = head.length + megabytes * pad.length + tail.length;
  const entry: CraftEntry = truthful
    ? { name: SHEET, data: new Uint8Array(), raw, size, crc }
    : { name: SHEET, data: new Uint8Array(), raw, size: 4096, crc: crcOf(head) };
  return {
    label: `${truthful ? "truthful" : "size-lying"} ${megabytes} MB sheet (${b.file})`,
    bytes: craftZip(parts.map((p) => (p.name === SHEET ? entry : p))),
    extension: ".xlsx",
  };
}

const bombs = fc.oneof(
  fc
    .tuple(base, fc.constantFrom(8, 64, 700), fc.boolean())
    .map(([b, mb, truthful]) => paddedSheet(b, truthful || mb < 700 ? mb : 64, truthful)),
  fc.tuple(base, fc.integer({ min: 2, max: 60 })).map(([b, n]) => ({
    label: `overlapping-entries bomb of ${n} sheets (${b.file})`,
    bytes: overlappingBomb(n, text(`<row>${"<c/>".repeat(50_000)}</row>`), (i) =>
      i === 0 ? "[Content_Types].xml" : `xl/worksheets/sheet${i}.xml`,
    ),
    extension: ".xlsx",
  })),
  base.map((b) => {
    // A workbook carrying a zip bomb as an embedded object: never ours to open, kept as it is.
    const bomb = overlappingBomb(30, text("<a/>".repeat(100_000)), (i) => `bomb${i}.xml`);
    const parts = [...partsOf(b.bytes), { name: "xl/embeddings/oleObject1.bin", data: bomb }];
    return {
      label: `nested zip bomb in a part (${b.file})`,
      bytes: craftZip(parts),
      extension: ".xlsx",
    };
  }),
  base.map((b) => {
    const parts = partsOf(b.bytes).map((p) =>
      p.name === SHEET ? { name: SHEET, data: craftZip(partsOf(b.bytes)) } : p,
    );
    return {
      label: `a zip where the sheet should be (${b.file})`,
      bytes: craftZip(parts),
      extension: ".xlsx",
    };
  }),
  base.map((b) => ({
    label: `sheet declared at 4 GB (${b.file})`,
    bytes: craftZip(
      partsOf(b.bytes).map((p) => (p.name === SHEET ? { ...p, size: 0xfffffff0 } : p)),
    ),
    extension: ".xlsx",
  })),
);

const bitFlips = fc
  .tuple(
    base,
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 7 })), {
      minLength: 1,
      maxLength: 8,
    }),
  )
  .map(([b, flips]): HostileCase => {
    const bytes = b.bytes.slice();
    for (const [where, bit] of flips) {
      const at = Math.min(bytes.length - 1, Math.floor(where * bytes.length));
      bytes[at] = (bytes[at] ?? 0) ^ (1 << bit);
    }
    return { label: `${flips.length} bit flips (${b.file})`, bytes, extension: ".xlsx" };
  });

const truncations = fc
  .tuple(base, fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([b, keep]): HostileCase => ({
    label: `cut to ${Math.round(keep * 100)}% (${b.file})`,
    bytes: b.bytes.subarray(0, Math.floor(keep * b.bytes.length)),
    extension: ".xlsx",
  }));

const zipDamage = fc.oneof(
  base.map((b) => {
    const parts = partsOf(b.bytes);
    return {
      label: `a part twice (${b.file})`,
      bytes: craftZip([...parts, parts[2] ?? parts[0]!]),
      extension: ".xlsx",
    };
  }),
  fc
    .tuple(
      base,
      fc.constantFrom("../../evil.xml", "/etc/passwd", "xl\\..\\x.xml", "C:/x.xml", "xl/./a.xml"),
    )
    .map(([b, name]) => ({
      label: `entry named ${name} (${b.file})`,
      bytes: craftZip([...partsOf(b.bytes), { name, data: text("<x/>") }]),
      extension: ".xlsx",
    })),
  base.map((b) => ({
    label: `wrong CRC on the sheet (${b.file})`,
    bytes: craftZip(partsOf(b.bytes).map((p) => (p.name === SHEET ? { ...p, crc: 1234 } : p))),
    extension: ".xlsx",
  })),
  base.map((b) => ({
    label: `ZIP64 package (${b.file})`,
    bytes: craftZip(partsOf(b.bytes), { zip64: true }),
    extension: ".xlsx",
  })),
  fc
    .tuple(base, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 255 }))
    .map(([b, back, value]) => {
      // Overwrite one byte of the central directory or end record, counted from the end.
      const bytes = b.bytes.slice();
      bytes[bytes.length - back] = value;
      return {
        label: `end of the zip changed ${back} bytes from the end (${b.file})`,
        bytes,
        extension: ".xlsx",
      };
    }),
);

const xmlDamage = fc.oneof(
  fc
    .constantFrom("2147483648", "-5", "99999999999999999999", "1048577", "1.5", "")
    .chain((r) =>
      xmlCase(`row r="${r}"`, SHEET, (x) => x.replace(/<row r="\d+"/, `<row r="${r}"`)),
    ),
  fc
    .constantFrom("XFE1", "AAAAAA1", "A0", "1A", "A99999999999")
    .chain((ref) =>
      xmlCase(`cell r="${ref}"`, SHEET, (x) => x.replace(/<c r="[A-Z]+\d+"/, `<c r="${ref}"`)),
    ),
  fc
    .constantFrom(["-5", "-1000000000"], ["1", "2147483647"], ["0", "3"], ["5", "2"])
    .chain(([min, max]) =>
      xmlCase(`<col min="${min}" max="${max}">`, SHEET, (x) =>
        x
          .replace(
            /<sheetData/,
            `<cols><col min="${min}" max="${max}" hidden="1" width="9"/></cols><sheetData`,
          )
          .replace(/<cols>.*?<\/cols>(?=<cols>)/, ""),
      ),
    ),
  fc
    .constantFrom(SHEET, "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml")
    .chain((part) =>
      xmlCase(`DOCTYPE with entities in ${part}`, part, (x) =>
        x.replace(
          /(<\?xml[^>]*\?>)?/,
          `$1<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>`,
        ),
      ),
    ),
  fc
    .tuple(
      fc.constantFrom(SHEET, "xl/sharedStrings.xml", "xl/workbook.xml"),
      fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    )
    .chain(([part, keep]) =>
      xmlCase(`${part} cut at ${Math.round(keep * 100)}%`, part, (x) =>
        x.slice(0, Math.floor(x.length * keep)),
      ),
    ),
  xmlCase("an unclosed cell", SHEET, (x) => x.replace(/<\/c>/, "")),
  xmlCase("a cell twice", SHEET, (x) => x.replace(/(<c [^>]*>.*?<\/c>)/, "$1$1")),
  xmlCase("rows out of order", SHEET, (x) => {
    const rows = [...x.matchAll(/<row [^>]*>.*?<\/row>/g)].map((m) => m[0]);
    return rows.length < 2
      ? x
      : x.replace(rows[0]!, "\u0000").replace(rows[1]!, rows[0]!).replace("\u0000", rows[1]!);
  }),
  xmlCase("two sheets of one name", "xl/workbook.xml", (x) => {
    const names = [...x.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    return names.length < 2
      ? x
      : x.replace(`name="${names[1]}"`, `name="${(names[0] ?? "").toUpperCase()}"`);
  }),
  xmlCase("escape sequences in a sheet name", "xl/workbook.xml", (x) =>
    x.replace(/(<sheet [^>]*name=")/, "$1&#x1B;[2J&#x1B;]0;owned&#x7;"),
  ),
  xmlCase("a huge style count", "xl/styles.xml", (x) =>
    x.replace(/<cellXfs[^>]*>/, (m) => `${m}${'<xf numFmtId="0"/>'.repeat(70_000)}`),
  ),
);

/** A minimal OPC package whose main part is of `type`. */
function officePackage(type: string, main: string, extra: CraftEntry[] = []): Uint8Array {
  return craftZip([
    {
      name: "[Content_Types].xml",
      data: text(
        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/${main}" ContentType="${type}"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: text(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`,
      ),
    },
    { name: main, data: text("<document/>") },
    ...extra,
  ]);
}

const containers = fc.constantFrom<HostileCase>(
  {
    label: "a Word document named .xlsx",
    bytes: officePackage(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      "word/document.xml",
    ),
    extension: ".xlsx",
  },
  {
    label: "an .xlsb named .xlsx",
    bytes: officePackage(
      "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
      "xl/workbook.bin",
    ),
    extension: ".xlsx",
  },
  {
    label: "an .ods named .xlsx",
    bytes: craftZip([
      { name: "mimetype", data: text("application/vnd.oasis.opendocument.spreadsheet"), method: 0 },
      { name: "content.xml", data: text("<office:document-content/>") },
    ]),
    extension: ".xlsx",
  },
  {
    label: "a plain zip",
    bytes: craftZip([{ name: "notes.txt", data: text("hello") }]),
    extension: ".xlsx",
  },
  {
    label: "CSV named .xlsx",
    bytes: text("Risk,Likelihood,Impact\nFlood,3,4\n"),
    extension: ".xlsx",
  },
  {
    label: "random bytes",
    bytes: new Uint8Array(zlib.deflateRawSync(text("noise".repeat(99)))),
    extension: ".xlsx",
  },
  { label: "an empty file", bytes: new Uint8Array(), extension: ".xlsx" },
  {
    label: "zip magic and nothing else",
    bytes: Uint8Array.of(0x50, 0x4b, 0x03, 0x04),
    extension: ".xlsx",
  },
  { label: "deflate of nothing named .xlsx", bytes: deflate(new Uint8Array()), extension: ".xlsx" },
);

/** Every family of hostile input the issue lists, weighted so that a small budget meets each. */
export const hostileCase: fc.Arbitrary<HostileCase> = fc.oneof(
  { arbitrary: bombs, weight: 2 },
  { arbitrary: zipDamage, weight: 2 },
  { arbitrary: bitFlips, weight: 2 },
  { arbitrary: truncations, weight: 1 },
  { arbitrary: xmlDamage, weight: 3 },
  { arbitrary: containers, weight: 1 },
);
