/**
 * The text of a decision record file as its author saved it. Council web pages saved from older
 * committee systems are often Windows-1252 ("£" is the single byte 0xA3), declared only in a
 * `<meta charset>`; read as UTF-8 every "£" would become U+FFFD and no amount would be found.
 * Order: a byte-order mark; strict UTF-8 when the bytes are valid UTF-8; the charset an HTML
 * page declares; otherwise Windows-1252, which every byte decodes in (the WHATWG Encoding
 * standard also maps "latin1"/"iso-8859-1" labels to it, https://encoding.spec.whatwg.org/#names-and-labels).
 */
// Windows-1252's printable characters at 0x80–0x9F (the rest of its bytes are Latin-1). Node 20's
// TextDecoder("windows-1252") decodes these bytes as Latin-1 C1 controls instead
// (https://github.com/nodejs/node/issues/56542), so they are mapped here.
const CP1252_C1 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function windows1252(bytes: Uint8Array): string {
  return new TextDecoder("latin1")
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

export function recordText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8 (the decoder's only error): fall through to the declared or the usual legacy encoding.
  }
  const head = windows1252(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (declared && !/^(windows-1252|cp1252|iso-8859-1|latin-?1|us-ascii|ascii)$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label (RangeError): Windows-1252 below.
    }
  }
  return windows1252(bytes);
}
