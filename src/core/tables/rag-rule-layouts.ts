import { cellAddress } from "../a1";
import { cellText, type SheetSnapshot } from "../snapshot";
import { coloursOf, HAS_FIGURE } from "./rag-colours";

/**
 * A RAG rule laid out in cells rather than written in one: a small table (a colour in one
 * column, its threshold in the next) or a list (one colour and its threshold to a cell), each
 * read as the one-cell text the clause parser (rag-rule.ts) reads.
 */

/** A cell holding a colour alone: the first column of a rule table ("Red | > 5%"). */
export const COLOUR_ONLY = /^\s*(red|amber|green)\s*[:=\-\u2013]?\s*$/i;
/** Rows of a rule table read together, and cells of its row read after the colour. */
const RULE_TABLE_ROWS = 6;
const RULE_TABLE_CELLS = 3;
/** A threshold's words compare: "> 5%", "2% to 5%", "under 2%", "£25k-£100k", "5% or more". */
const COMPARES =
  /[<>\u2264\u2265%]|per\s?cent|\b(over|under|above|below|more|less|exceeds?|exceeding|least|up to|between|to|any)\b|\d\s*[-\u2013]\s*£?\d/i;

/**
 * A rule kept as a small table of cells, a colour in one column and its threshold in the next
 * ("Red | > 5%", "Amber | 2% to 5%", "Green | < 2%"), as one text: "Red: > 5%; Amber: 2% to 5%;
 * Green: < 2%". Null when the cell at (row, column) holds no colour alone.
 */
export function ruleTableText(sheet: SheetSnapshot, row: number, column: number): string | null {
  const clauses: string[] = [];
  for (let r = row; r < row + RULE_TABLE_ROWS; r++) {
    const colour = cellText(sheet.rows[r]?.[column] ?? undefined);
    if (!COLOUR_ONLY.test(colour)) break;
    const words: string[] = [];
    for (let c = column + 1; c <= column + RULE_TABLE_CELLS; c++) {
      const text = cellText(sheet.rows[r]?.[c] ?? undefined);
      if (text) words.push(text);
    }
    const threshold = words.join(" ");
    // "Red | £120,000" in a summary by RAG is a sum, not a threshold: a rule compares.
    if (!COMPARES.test(threshold)) return null;
    clauses.push(`${colour.replace(/[:=\-\u2013]?\s*$/, "")}: ${threshold}`);
  }
  return clauses.length > 0 ? clauses.join("; ") : null;
}

/** A cell of a rule written as a list: one colour and its threshold ("Green: below 2%"). */
export function ruleListItem(text: string): boolean {
  return (
    new Set(coloursOf(text)).size === 1 &&
    !COLOUR_ONLY.test(text) &&
    HAS_FIGURE.test(text) &&
    COMPARES.test(text)
  );
}

/**
 * A rule written as a list of cells, one colour to a cell, down a column or along a row
 * ("Green: variance below 2%" / "Amber: 2% to 5%" / "Red: over 5% adverse"), as one text and the
 * range stating it ("A23:A25"). Null unless two or more such cells, one of them Red, start at
 * (row, column).
 */
export function ruleListText(
  sheet: SheetSnapshot,
  row: number,
  column: number,
): { text: string; range: string } | null {
  for (const [down, across] of [
    [1, 0],
    [0, 1],
  ] as const) {
    const items: string[] = [];
    let r = row;
    let c = column;
    while (items.length < RULE_TABLE_ROWS) {
      const text = cellText(sheet.rows[r]?.[c] ?? undefined);
      if (!ruleListItem(text)) break;
      items.push(text);
      r += down;
      c += across;
    }
    const text = items.join("; ");
    if (items.length < 2 || !coloursOf(text).includes("red")) continue;
    const range = `${cellAddress(row, column)}:${cellAddress(r - down, c - across)}`;
    return { text, range };
  }
  return null;
}
