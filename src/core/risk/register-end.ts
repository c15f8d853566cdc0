import { cellText, isEmptyCell, type Cell, type SheetSnapshot } from "../snapshot";
import { rowIsBlank } from "../tables/bounds";
import { bandsInOneCell, scaleWord } from "../tables/keys";
import { parseScaleValue } from "../values";
import type { RiskPair } from "./detect";

/**
 * Where a register's rows end below its header, and where they carry on past a gap: notes and
 * keys under it end it; a section of risks after blank rows (under its heading, or straight on in
 * the same columns) carries it on.
 */

/**
 * A lone text cell after a blank row ("Rating: 1-4 Low | …", "Scoring: see the Scoring Matrix
 * sheet") is a note or key under the register, not a risk: a risk fills more than one cell.
 */
export function noteAfterGap(
  sheet: SheetSnapshot,
  row: number,
  first: number,
  last: number,
): boolean {
  if (row === 0 || !rowIsBlank(sheet, row - 1, first, last)) return false;
  const cells = sheet.rows[row] ?? [];
  let filled = 0;
  let text = false;
  for (let c = first; c <= last && c < cells.length; c++) {
    const cell = cells[c] ?? undefined;
    if (isEmptyCell(cell)) continue;
    filled++;
    text = typeof cell?.value === "string" && !cell.formula;
  }
  return filled === 1 && text;
}

/**
 * Whether the register's rows go on below `row` (past one blank row at most) with the same shape:
 * the first pair rated and a risk named. A directorate heading after a blank row ("Adults and
 * Health") is then a section of the register, not a note under it.
 */
export function risksContinueBelow(
  sheet: SheetSnapshot,
  row: number,
  first: number,
  last: number,
  pair: RiskPair,
): boolean {
  for (let r = row + 1; r <= row + 2 && r < sheet.rows.length; r++) {
    if (rowIsBlank(sheet, r, first, last)) continue;
    const cells = sheet.rows[r] ?? [];
    const rated = [pair.likelihood, pair.impact].every((c) => !isEmptyCell(cells[c] ?? undefined));
    let named = false;
    for (let c = first; c <= last && c < cells.length; c++)
      if (c !== pair.likelihood && c !== pair.impact && isText(cells[c])) named = true;
    return rated && named && !keyLine(sheet, r, first, last);
  }
  return false;
}

const isText = (cell: Cell | null | undefined) =>
  typeof cell?.value === "string" && cell.value.trim() !== "" && !cell.formula;

/**
 * A lone cell stating score bands ("Rating: 1-4 Low | 5-9 Medium …") ends the register even with
 * no blank row between: it is the register's key, read by the legend, never a risk.
 */
export function keyLine(sheet: SheetSnapshot, row: number, first: number, last: number): boolean {
  const cells = sheet.rows[row] ?? [];
  let text: string | null = null;
  for (let c = first; c <= last && c < cells.length; c++) {
    const cell = cells[c] ?? undefined;
    if (isEmptyCell(cell)) continue;
    if (text !== null || typeof cell?.value !== "string" || cell.formula) return false;
    text = cell.value;
  }
  return text !== null && bandsInOneCell(text) !== null;
}

/**
 * Whether the first filled row after two or more blank rows carries the register on: a risk rated
 * in the register's likelihood and impact columns (figures on its scale, or words its rows above
 * use) and named, or a section heading (one cell of text) over such risks. A table of other things
 * after the gap (its header words, or figures that are no ratings, in those columns) is not
 * merged. The rows above are read once, as the walk goes down (a long register has many gaps).
 */
export function registerResumes(
  sheet: SheetSnapshot,
  headerBottom: number,
  first: number,
  last: number,
  pair: RiskPair,
): (row: number) => boolean {
  const above: RatingsAbove = { words: new Set(), top: 0 };
  let readTo = headerBottom;
  return (row) => {
    for (; readTo + 1 < row; readTo++) readRatings(sheet, readTo + 1, pair, above);
    if (riskRowLike(sheet, row, first, last, pair, above)) return !keyLine(sheet, row, first, last);
    if (!loneText(sheet, row, first, last)) return false;
    for (let r = row + 1; r <= row + 2 && r < sheet.rows.length; r++) {
      if (rowIsBlank(sheet, r, first, last)) continue;
      return riskRowLike(sheet, r, first, last, pair, above) && !keyLine(sheet, r, first, last);
    }
    return false;
  };
}

/** How the register's rows rate likelihood and impact: its words, its top figure. */
interface RatingsAbove {
  words: Set<string>;
  top: number;
}

function readRatings(sheet: SheetSnapshot, row: number, pair: RiskPair, into: RatingsAbove) {
  for (const c of [pair.likelihood, pair.impact]) {
    const parsed = parseScaleValue(sheet.rows[row]?.[c]?.value ?? null);
    if (parsed.kind === "text") into.words.add(scaleWord(parsed.text));
    else if (parsed.kind === "number") into.top = Math.max(into.top, parsed.value);
  }
}

/**
 * A rating as the register keeps them: a whole number up to its top (5 at least) or a
 * "3 - Likely" label, or one of its words. A 9 under a 1-5 register is some other figure.
 */
function ratingLike(value: Cell["value"] | undefined, above: RatingsAbove): boolean {
  const parsed = parseScaleValue(value ?? null);
  if (parsed.kind === "number")
    return (
      Number.isInteger(parsed.value) && parsed.value >= 0 && parsed.value <= Math.max(5, above.top)
    );
  return parsed.kind === "text" && above.words.has(scaleWord(parsed.text));
}

function riskRowLike(
  sheet: SheetSnapshot,
  row: number,
  first: number,
  last: number,
  pair: RiskPair,
  above: RatingsAbove,
): boolean {
  const cells = sheet.rows[row] ?? [];
  if (![pair.likelihood, pair.impact].every((c) => ratingLike(cells[c]?.value, above)))
    return false;
  for (let c = first; c <= last && c < cells.length; c++)
    if (c !== pair.likelihood && c !== pair.impact && isText(cells[c])) return true;
  return false;
}

/** One filled cell in the span, text: a section heading ("Adults and Health"). */
function loneText(sheet: SheetSnapshot, row: number, first: number, last: number): boolean {
  const cells = sheet.rows[row] ?? [];
  let text = "";
  for (let c = first; c <= last && c < cells.length; c++) {
    const cell = cells[c] ?? undefined;
    if (isEmptyCell(cell)) continue;
    if (text || !isText(cell)) return false;
    text = cellText(cell);
  }
  return text !== "";
}
