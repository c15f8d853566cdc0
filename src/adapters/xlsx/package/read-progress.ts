import { progressMeter, type ProgressListener } from "../../../core";

/**
 * The last row a worksheet says it uses, from its `<dimension ref="A1:J100008"/>` (which comes
 * before the cell data, ECMA-376 §18.3.1.35), or null when it has none. Only a hint for the
 * progress bar: reading never relies on it.
 */
export function claimedLastRow(xml: string): number | null {
  const head = xml.slice(0, 65_536);
  const tag = /<(?:[\w.-]+:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']*)["']/.exec(head);
  const last = tag?.[1] && /(\d+)\s*$/.exec(tag[1]);
  const row = last ? Number(last[1]) : NaN;
  return Number.isSafeInteger(row) && row > 0 ? row : null;
}

/**
 * The number of a worksheet's last row, from its last `<row r="…">` tag: rows come in ascending
 * order (ECMA-376 §18.3.1.73), and no "<" stands unescaped in text or attributes, so the last
 * "<row" (or "<x:row") before the end of the cell data is the last row's tag. Null when that tag
 * has no number (rows then count on from the one before, and the XML read is shown instead).
 */
export function lastRowNumber(xml: string): number | null {
  const end = xml.lastIndexOf("sheetData>");
  for (let at = xml.lastIndexOf("row", end < 0 ? xml.length : end); at > 0;) {
    const after = xml.charCodeAt(at + 3);
    const tagEnd = xml.indexOf(">", at);
    const opens =
      (after === 32 ||
        after === 9 ||
        after === 10 ||
        after === 13 ||
        after === 62 ||
        after === 47) &&
      /<(?:[\w.-]+:)?$/.test(xml.slice(Math.max(0, at - 40), at));
    if (opens && tagEnd > at) {
      const r = /\sr\s*=\s*["'](\d+)["']/.exec(xml.slice(at, tagEnd));
      return r?.[1] ? Number(r[1]) : null;
    }
    at = xml.lastIndexOf("row", at - 1);
  }
  return null;
}

/** Called by the sheet reader at each row: its 1-based number and where it starts in the XML. */
export type RowTick = (rowNumber: number, offset: number) => void;

/**
 * Progress over every sheet of a workbook, as one bar: rows when every sheet states its
 * dimension ("Reading Risks: 48,000 of 100,000 rows"), otherwise the XML read so far. Returns a
 * row tick per sheet, in the order the sheets are read.
 */
export function sheetReadProgress(
  sheets: readonly { name: string; xml: string }[],
  listener: ProgressListener | undefined,
): ((rowTick: number) => RowTick) | undefined {
  if (!listener) return undefined;
  // The last row's own number first (exact), else what the dimension claims.
  const claimed = sheets.map((s) => lastRowNumber(s.xml) ?? claimedLastRow(s.xml));
  const byRows = claimed.every((n) => n !== null);
  const sizes = byRows ? (claimed as number[]) : sheets.map((s) => s.xml.length);
  const starts: number[] = [];
  let total = 0;
  for (const size of sizes) {
    starts.push(total);
    total += size;
  }
  const tick = (subject: string) =>
    progressMeter(listener, { phase: "reading", subject, unit: byRows ? "rows" : "bytes", total });
  return (i) => {
    const sheet = sheets[i];
    const meter = tick(sheet?.name ?? "");
    const start = starts[i] ?? 0;
    const size = sizes[i] ?? 0;
    // A dimension that understates the rows must not take the bar past this sheet's share.
    return (rowNumber, offset) => meter(start + Math.min(size, byRows ? rowNumber : offset));
  };
}
