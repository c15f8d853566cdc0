import { isDateNumberFormat } from "../serial-date";
import { cellText, type Cell, type SheetSnapshot } from "../snapshot";
import { parseMoney, parseScaleValue } from "../values";
import { areaAt } from "./header-spans";
import { hintOf } from "./header-units";

/**
 * What tells a second or third header row from the first line of data under the header, beside
 * the merges and units header-block.ts reads: words that name columns apart, rows of month dates
 * under group labels, and the words a data row holds (a rating, a yes or no) that no header does.
 * Shared geometry: a rating word is a value here, whatever the table's kind.
 */

const isText = (cell: Cell | undefined) =>
  typeof cell?.value === "string" && cell.value.trim() !== "" && !cell.formula;

/**
 * Words a line of a table holds and a header under a complete name never does: ratings
 * (Low/Medium/High, Red/Amber/Green, the 5-point likelihood and impact words), yes and no.
 */
const VALUE_WORD =
  /^(?:very\s+)?(?:low|med|medium|high)$|^(?:red|amber|green|yes|no|y|n|open|closed|rare|unlikely|possible|likely|almost\s+certain|insignificant|negligible|minor|moderate|major|significant|severe|critical|catastrophic|extreme|tbc|n\/a)$/i;

export function isValueWord(text: string): boolean {
  return VALUE_WORD.test(text.trim());
}

/**
 * Whether column `c` already has a name of its own in one of `rows`: text typed in its cell or a
 * merge as narrow as the column (a label merged down), not a group label spanning wider.
 */
export function namedAbove(sheet: SheetSnapshot, rows: readonly number[], c: number): boolean {
  return rows.some((r) => {
    const area = areaAt(sheet, r, c);
    if (area && area.right > area.left) return false;
    return isText((area ? sheet.rows[area.top]?.[area.left] : sheet.rows[r]?.[c]) ?? undefined);
  });
}

/** A number shown as a date, typed (not computed): a month or day heading a column. */
export function isDateHeading(cell: Cell | undefined): boolean {
  return (
    typeof cell?.value === "number" &&
    !cell.formula &&
    !cell.error &&
    isDateNumberFormat(cell.numberFormat)
  );
}

/**
 * A row of dates heading the columns under a group label ("Actual" merged over Apr-25 … Sep-25):
 * two or more dates rising left to right, every figure of the row among them, at least one under
 * a label spanning wider than its column. A line's dates (a review date, a start and an end) sit
 * under the column's own name, never under a group label alone.
 */
export function datesUnderGroup(
  sheet: SheetSnapshot,
  previous: number,
  next: number,
  from: number,
  to: number,
): boolean {
  let last = -Infinity;
  let dates = 0;
  let grouped = false;
  for (let c = from; c <= to; c++) {
    const cell = sheet.rows[next]?.[c] ?? undefined;
    if (!isDateHeading(cell)) continue;
    const value = cell?.value as number;
    if (value <= last) return false;
    last = value;
    dates++;
    const above = areaAt(sheet, previous, c);
    if (above && above.right > above.left) grouped = true;
  }
  return dates >= 2 && grouped;
}

/**
 * Words that continue the header above column by column, capitals and all ("Risk" / "No.",
 * "Lead" / "Officer", "Likelihood" / "(L/M/H)", "Action" / "planned"): at least two, each of one
 * or two words under header text, none a figure, a code with digits, an amount or a rated value
 * ("4 - Likely"), nor a word a line holds (High, Yes); and a sign the header needs this row: a
 * hint or unit under one of its columns ("(L/M/H)", "(1-5)", "£'000"), or a name the row above
 * gives to two columns ("Risk" | "Risk") which this row tells apart. A line's first cells are a
 * code ("CR01") or a sentence, and its ratings are value words: it never reads so.
 */
export function namesColumnsApart(
  sheet: SheetSnapshot,
  previous: number,
  next: number,
  from: number,
  to: number,
): boolean {
  let words = 0;
  let hints = 0;
  const under = new Map<string, Set<string>>();
  for (let c = from; c <= to; c++) {
    const cell = sheet.rows[next]?.[c] ?? undefined;
    if (!isText(cell)) continue;
    const text = cellText(cell);
    const above = cellText(sheet.rows[previous]?.[c] ?? undefined);
    if (!above) return false;
    if (hintOf(text)) {
      hints++;
      continue;
    }
    if (text.length > 20 || text.split(/\s+/).length > 2 || /\d/.test(text)) return false;
    if (isValueWord(text) || parseMoney(text).kind !== "text") return false;
    if (parseScaleValue(text).kind !== "text") return false;
    words++;
    const key = above.toLowerCase();
    under.set(key, (under.get(key) ?? new Set()).add(text.toLowerCase()));
  }
  if (words + hints < 2) return false;
  if (hints > 0) return true;
  return [...under.values()].some((names) => names.size >= 2);
}
