import { cellAddress } from "../a1";
import { cellText, type SheetSnapshot } from "../snapshot";
import type { Band } from "../bands";
import { bandsInOneCell, coherentBands, tidyLabel } from "../tables/keys";
import { readMatrixKey } from "../tables/matrix-key";
import { colouredMatrixCells, readColouredMatrixKey } from "../tables/coloured-matrix-key";
import {
  bandInTableRow,
  keyFromNumberCells,
  numberCellBands,
  smallWhole,
} from "../tables/key-number-cells";

export interface Legend {
  bands: Band[] | null;
  /** Top of the scale stated by the key ("L = Likelihood (1-4)"), when stated. */
  scale: number | null;
  /** Where the bands were read, "A12". */
  at: string | null;
  /** The top band is open-ended ("16+", "over 15"), closed at the stated scale or 5 × 5. */
  openTop?: boolean;
  /**
   * Per band (in the order of `bands`), the cells it was read from ("E2", "F2"): a council that
   * fills its key cells ("High" in red) has its colours read from these (keyFillsOf).
   */
  cells?: string[][];
  /**
   * A key the sheet holds but that states no bands (a coloured matrix whose colours overlap in
   * score): why, and where. The council's ratings are then not judged by any other key.
   */
  unread?: { reason: string; at: string };
}

const RANGE = String.raw`(\d+)\s*(?:-|–|—|to)\s*(\d+)`;
const LABEL = String.raw`([A-Za-z][A-Za-z /&-]*?)`;
const RANGE_THEN_LABEL = new RegExp(String.raw`^${RANGE}\s*[:=]?\s*${LABEL}\s*$`);
const LABEL_THEN_RANGE = new RegExp(String.raw`^${LABEL}\s*[:=(]?\s*${RANGE}\s*\)?$`);
const RANGE_ONLY = new RegExp(String.raw`^${RANGE}$`);
const LABEL_THEN_OPEN = new RegExp(
  String.raw`^${LABEL}\s*[:=(]?\s*(\d+\s*(?:\+|and above|and over|or above|or over|or more)|(?:over|above|more than|greater than|>)\s*\d+)\s*\)?$`,
  "i",
);
const PLUS_THEN_LABEL = /^(\d+)\s*\+\s*[:=]?\s*([A-Za-z][A-Za-z /&-]*?)\s*$/;
// One score and its label in one cell: "6 High", "6 = High", "High: 6", "High = 6", "High (6)".
const SINGLE_THEN_LABEL = new RegExp(String.raw`^(\d+)\s*[:=]?\s*${LABEL}\s*$`);
const LABEL_THEN_SINGLE = new RegExp(String.raw`^${LABEL}\s*[:=(]\s*(\d+)\s*\)?$`);
const SCALE_WORDS = /likelihood|impact|probability|severity|consequence|score/i;
const SCALE =
  /(?:likelihood|impact|probability|severity|consequence)\s*\(?\s*1\s*(?:-|–|to)\s*(\d+)/i;

const DIGIT = /\d/;
const SCORES_START = /^\s*(?:[\d=>]|over|above|more than|greater than)/i;

function band(from: string, to: string, label: string): Band | null {
  if (SCALE_WORDS.test(label)) return null;
  const lo = Number(from);
  const hi = Number(to);
  const tidy = tidyLabel(label);
  if (!tidy || lo > hi) return null;
  return { from: lo, to: hi, label: tidy };
}

/** A key's title, never a band's label: "Key", "Key:", "Rating key", "Key to scores". */
const KEY_TITLE = /\bkey\b/i;

const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

/**
 * A band written in one cell: "1-2 Low risk", "Low: 1-2", "20+ Very high", or a single score
 * ("6 High", "High: 6"): on a product scale a band may hold one score (6 on a 1–4 scale, where 5
 * and 7 are no product). A single is `ranged: false`: a key states a range somewhere.
 */
export function bandInText(text: string): (Band & { ranged: boolean }) | null {
  // Every form names a score: a text without a digit is passed over before the patterns.
  if (!DIGIT.test(text)) return null;
  const ranged = (found: Band | null) => found && { ...found, ranged: true };
  let m = RANGE_THEN_LABEL.exec(text);
  if (m && m[1] && m[2] && m[3]) return ranged(band(m[1], m[2], m[3]));
  m = LABEL_THEN_RANGE.exec(text);
  if (m && m[1] && m[2] && m[3]) return ranged(band(m[2], m[3], m[1]));
  m = PLUS_THEN_LABEL.exec(text);
  if (m && m[1] && m[2]) return ranged(band(m[1], "999", m[2]));
  m = SINGLE_THEN_LABEL.exec(text) ?? LABEL_THEN_SINGLE.exec(text);
  const [score, label] = m && m[1] && m[2] ? (/^\d/.test(m[1]) ? [m[1], m[2]] : [m[2], m[1]]) : [];
  // "31 October" is a date, not the band October.
  if (score && label && !MONTH.test(label)) {
    const found = band(score, score, label);
    return found && { ...found, ranged: false };
  }
  // "Very high: 16 and above", "Very high 16+", "Very high (over 15)".
  m = LABEL_THEN_OPEN.exec(text);
  const scores = m && m[2] ? scoresIn(m[2]) : null;
  if (m && m[1] && scores && scores.to === 999)
    return ranged(band(String(scores.from), "999", m[1]));
  return null;
}

/**
 * The scores a key cell names beside its label: "1-2", a single "16" (typed or as text),
 * "16 only", and open-ended "16+", "16 and above", "16 or more", "over 15", "above 15", "> 15".
 * Open ends are closed at 999 and capped at the scale's top by `capTop`; scores are whole numbers,
 * so "over 15" starts at 16.
 */
function scoresIn(text: string): { from: number; to: number; ranged: boolean } | null {
  // Each form starts with a digit, "=", ">", "over", "above", "more than" or "greater than": the
  // cheap test passes over a register's names and references without lower-casing a copy.
  if (!SCORES_START.test(text)) return null;
  const t = text.trim().toLowerCase();
  const m = RANGE_ONLY.exec(t);
  if (m && m[1] && m[2]) return { from: Number(m[1]), to: Number(m[2]), ranged: true };
  const single = /^=?\s*(\d+)(?:\s*only)?$/.exec(t);
  if (single && single[1]) return { from: Number(single[1]), to: Number(single[1]), ranged: false };
  const upFrom = /^(\d+)\s*(?:\+|and above|and over|or above|or over|or more)$/.exec(t);
  if (upFrom && upFrom[1]) return { from: Number(upFrom[1]), to: 999, ranged: true };
  const over = /^(?:over|above|more than|greater than|>)\s*(\d+)$/.exec(t);
  if (over && over[1]) return { from: Math.floor(Number(over[1])) + 1, to: 999, ranged: true };
  return null;
}

/**
 * `oneCell`: score and label written together ("6 High"), a band by itself, never a figure.
 * `numbered`: its bounds in cells of their own ("1 | 4 | Low"), a key only if it reads as one.
 */
type FoundBand = Band & { ranged: boolean; cells: string[]; oneCell?: boolean; numbered?: boolean };

/** A band spread over two neighbouring cells: "Low" | "1-2", "1-2" | "Low", "Very high" | 16. */
export function bandInPair(left: string, right: string): (Band & { ranged: boolean }) | null {
  // A key's title beside its first range ("Key:" | "1-4" | "Low") names no band.
  const label = (text: string) =>
    /^[A-Za-z]/.test(text) && text.split(/\s+/).length <= 3 && !KEY_TITLE.test(text);
  let scores = scoresIn(right);
  if (scores && label(left) && scores.from >= 1 && scores.from <= 100) {
    const found = band(String(scores.from), String(scores.to), left);
    return found && { ...found, ranged: scores.ranged };
  }
  scores = scoresIn(left);
  if (scores && label(right) && scores.from >= 1 && scores.from <= 100) {
    const found = band(String(scores.from), String(scores.to), right);
    return found && { ...found, ranged: scores.ranged };
  }
  return null;
}

/**
 * Reads a risk key anywhere on the sheet outside the given table rows: the stated scale, and
 * priority bands from the first coherent run — one row holding two or more bands ("1-2 Low risk |
 * 3-6 Medium risk | 8-16 High"), or consecutive rows holding one each ("Low | 1-2").
 */
export function readLegend(
  sheet: SheetSnapshot,
  tableRows: ReadonlySet<number>,
  inTable: (row: number, column: number) => boolean = () => false,
): Legend {
  const { runs, scale } = legendRuns(sheet, tableRows, inTable);
  for (const { bands, at } of runs) {
    const openTop = bands.some((b) => b.to === 999);
    const capped = capTop(bands, scale);
    return {
      bands: capped.map(({ from, to, label }) => ({ from, to, label })),
      scale,
      at,
      ...(openTop ? { openTop } : {}),
      cells: capped.map((b) => b.cells),
    };
  }
  // No key in words: a risk matrix whose cells name the bands is one; unless the sheet states
  // its scale, the scale is the grid's size.
  const matrix = readMatrixKey(sheet, inTable);
  if (matrix)
    return {
      bands: matrix.bands,
      scale: scale ?? matrix.scale,
      at: matrix.at,
      cells: matrix.cells,
    };
  // Scores in the grid, bands in its fills, named by a coloured legend beside it.
  const coloured = readColouredMatrixKey(sheet, inTable);
  if (coloured && "bands" in coloured)
    return { bands: coloured.bands, scale, at: coloured.at, cells: coloured.cells };
  if (coloured)
    return { bands: null, scale, at: null, unread: { reason: coloured.unread, at: coloured.at } };
  return { bands: null, scale, at: null };
}

/**
 * The cells of every key the sheet may hold (each coherent run of bands, in reading order), at
 * most 100: the cells whose fills a reader looks up, so that no reader reads every cell's style.
 * A reader that knows which rows hold a filled cell passes them as `filledRows`: only runs
 * through those rows can have a fill to look up, so only the rows they may span are read, not
 * every text cell of a 100,000-row register (`rowsAround`).
 */
export function keyCells(sheet: SheetSnapshot, filledRows?: Iterable<number>): string[] {
  const around = filledRows && rowsAround(sheet, filledRows);
  const skipped = around ? { has: (r: number) => !around.has(r) } : new Set<number>();
  const cells = legendRuns(sheet, skipped, () => false).runs.flatMap((run) =>
    run.bands.flatMap((b) => b.cells),
  );
  // A matrix key: each band's first few cells are enough to find its fill.
  for (const band of readMatrixKey(sheet)?.cells ?? []) cells.push(...band.slice(0, 3));
  // A matrix of scores coloured by band: every grid cell's fill, and its legend's (at most 37).
  cells.push(...colouredMatrixCells(sheet));
  return [...new Set(cells)].slice(0, 100);
}

/**
 * Bands read in consecutive rows (or one row), in reading order. Two bands starting at the same
 * score overlap, and no band added later makes them a key: such a run (`overlaps`, a register's
 * "Officer 3" | 2 on every row) keeps no more bands, so that a long one costs no memory.
 */
interface Run {
  bands: FoundBand[];
  at: string;
  starts: Set<number>;
  overlaps: boolean;
}

const run = (bands: FoundBand[], at: string): Run => ({
  bands,
  at,
  starts: new Set(bands.map((b) => b.from)),
  overlaps: false,
});

/**
 * Whether row `r` may hold a band: a text cell with a digit in it, or a text cell beside a number
 * or beside text with a digit (the test `legendRuns` passes cells over by). A row that may not
 * holds none, so no run of bands crosses it.
 */
function mayHoldBand(sheet: SheetSnapshot, r: number): boolean {
  const row = sheet.rows[r];
  if (!row) return false;
  for (let c = 0; c < row.length; c++) {
    const value = row[c]?.value;
    // "1 | 4 | Low": a small whole number beside text or another may start a band of number cells.
    if (smallWhole(value) && row[c + 1]?.value != null) return true;
    if (typeof value !== "string") continue;
    if (DIGIT.test(cellText(row[c] ?? undefined))) return true;
    const next = row[c + 1]?.value;
    if (typeof next === "number") return true;
    if (typeof next === "string" && DIGIT.test(cellText(row[c + 1] ?? undefined))) return true;
  }
  return false;
}

/**
 * The rows a run of bands through any of `rows` may span: each row, and when it may hold a band,
 * the rows above and below it up to the first that may not. A run is read the same from these
 * rows as from the whole sheet, since the rows that bound it hold no band. A filled header row of
 * words is itself; a filled key, its own few rows.
 */
function rowsAround(sheet: SheetSnapshot, rows: Iterable<number>): Set<number> {
  const around = new Set<number>();
  for (const r of rows) {
    if (around.has(r)) continue;
    around.add(r);
    if (!mayHoldBand(sheet, r)) continue;
    for (let up = r - 1; up >= 0 && !around.has(up) && mayHoldBand(sheet, up); up--) around.add(up);
    for (
      let down = r + 1;
      down < sheet.rows.length && !around.has(down) && mayHoldBand(sheet, down);
      down++
    )
      around.add(down);
  }
  return around;
}

/** Every coherent run of bands on the sheet, bands sorted, and the scale the sheet states. */
function legendRuns(
  sheet: SheetSnapshot,
  tableRows: Pick<ReadonlySet<number>, "has">,
  inTable: (row: number, column: number) => boolean,
): { runs: { bands: FoundBand[]; at: string }[]; scale: number | null } {
  let scale: number | null = null;
  const runs: Run[] = [];
  let previousRow = -2;
  const failedHeads = new Map<number, number>();
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || tableRows.has(r)) continue;
    const rowBands: FoundBand[] = [];
    let rowAt = "";
    // "1 | 4 | Low", "Low | 1 | 4 | Medium | 5 | 9": bands whose numbers sit in cells of their own.
    const numbered = numberCellBands(sheet, r, inTable);
    if (numbered) {
      for (const b of numbered.bands)
        rowBands.push({ ...b, label: tidyLabel(b.label), ranged: true, numbered: true });
      rowAt = numbered.at;
    }
    for (let c = 0; c < row.length; c++) {
      if (numbered?.columns.has(c)) continue;
      // Every key pattern is text with a number in it, or text beside one ("Low" | "1-2"):
      // numbers and plain words are passed over without trying the patterns, which matters on
      // sheets of a million cells.
      if (typeof row[c]?.value !== "string" || inTable(r, c)) continue;
      const text = cellText(row[c] ?? undefined);
      if (!text) continue;
      // A whole key in one cell ("Rating: 1-4 Low | 5-12 Medium | 15-25 High") is a run by itself.
      const whole = DIGIT.test(text) ? bandsInOneCell(text) : null;
      if (whole) {
        const at = cellAddress(r, c);
        // One cell holds every band: its fill names no band, so no cells are kept for colours.
        runs.push(
          run(
            whole.map((b) => ({ ...b, ranged: true, cells: [] })),
            at,
          ),
        );
        continue;
      }
      // A label beside a number: "Very high" | 16 (typed) or "Low" | "1-3" (text).
      const next = row[c + 1]?.value;
      const nextHasDigit =
        typeof next === "number" ||
        (typeof next === "string" && DIGIT.test(cellText(row[c + 1] ?? undefined)));
      if (!DIGIT.test(text) && !nextHasDigit) continue;
      const s = SCALE.exec(text);
      if (s && s[1]) scale = Math.max(scale ?? 0, Number(s[1]));
      // "Low" | 1 | 4 under "Rating" | "Score from" | "Score to": a key kept as a small table.
      const headed = !DIGIT.test(text) && bandInTableRow(sheet, r, c, failedHeads);
      const tabled = headed && band(String(headed.from), String(headed.to), headed.label);
      if (tabled) {
        if (rowBands.length === 0) rowAt = cellAddress(r, c);
        rowBands.push({ ...tabled, ranged: true, cells: [cellAddress(r, c)] });
        c += 2;
        continue;
      }
      const inText = bandInText(text);
      const single = inText && { ...inText, oneCell: true, cells: [cellAddress(r, c)] };
      const pair = single ? null : bandInPair(text, cellText(row[c + 1] ?? undefined));
      // The label's cell first: a council that colours one of the pair colours that one.
      const labelFirst = pair && /^[A-Za-z]/.test(text);
      const paired = pair && {
        ...pair,
        cells: labelFirst
          ? [cellAddress(r, c), cellAddress(r, c + 1)]
          : [cellAddress(r, c + 1), cellAddress(r, c)],
      };
      const found = single ?? paired;
      if (!found) continue;
      if (rowBands.length === 0) rowAt = cellAddress(r, c);
      rowBands.push(found);
      if (paired) c++;
    }
    // A single score beside a word is a band only in a list of one band per row ("Very high" | 16);
    // in a row of several it is more likely a figure beside a heading ("Ref" | 1). A single
    // written with its label in one cell ("6 High") says it is a band.
    if (rowBands.length > 1)
      rowBands.splice(0, rowBands.length, ...rowBands.filter((b) => b.ranged || b.oneCell));
    if (rowBands.length === 0) continue;
    const last = runs[runs.length - 1];
    const [only] = rowBands;
    if (last && r === previousRow + 1 && only && rowBands.length === 1 && last.bands.length >= 1) {
      if (last.starts.has(only.from)) last.overlaps = true;
      else if (!last.overlaps) {
        last.bands.push(only);
        last.starts.add(only.from);
      }
    } else {
      runs.push(run(rowBands, rowAt));
    }
    previousRow = r;
  }
  const coherentRuns: { bands: FoundBand[]; at: string }[] = [];
  for (const { bands: found, at, overlaps } of runs) {
    // Single scores alone ("Apples" | 3, "Pears" | 5) are no key: a key states a range somewhere.
    if (overlaps || !found.some((b) => b.ranged)) continue;
    const bands = coherentBands(found);
    if (bands && found.some((b) => b.numbered) && !keyFromNumberCells(bands)) continue;
    if (bands) coherentRuns.push({ bands, at });
  }
  return { runs: coherentRuns, scale };
}

/** "20+" is open-ended; close it at the top of the scale. */
function capTop<B extends Band>(bands: B[], scale: number | null): B[] {
  const top = (scale ?? 5) ** 2;
  return bands.map((b) => (b.to === 999 ? { ...b, to: Math.max(b.from, top) } : b));
}
