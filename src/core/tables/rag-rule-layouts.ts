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

/** A heading over a key: "RAG key", "RAG:", "Key", "RAG rating". */
export const KEY_HEADING =
  /^(rag|rag rules?|rag key|rag rating|budget rag|rag status|key)\s*[:=\-\u2013]?\s*$/i;
/** A cell opening a band of a key: its colour first ("Red: over 5%", "Amber", "G = under 2%"). */
const COLOUR_LEAD = /^\s*(?:(red|amber|green)\b|([RAG])\s*[:=\-\u2013])/i;
const INITIALS: Record<string, string> = { r: "red", a: "amber", g: "green" };
/** Blank rows a key may leave between two of its bands (a spacer row laid out for looks). */
const KEY_GAP = 1;

/** A RAG key read down a column: its bands' text, the range stating it, and its colours. */
export interface RuleKey {
  text: string;
  range: string;
  colours: string[];
}

/**
 * A key of RAG bands down a column, one band to a row, in one cell ("Amber: overspend up to 5%")
 * or over the cells of its row ("Red | over 5%"), under a heading ("RAG key") or not, read whole
 * across a blank row between bands: "RAG key" / "Green: within budget" / "Amber: up to 5%" /
 * (blank) / "Red: over 5%". Stopping at the blank row dropped the band after it, and the rule
 * read from the rest was wrong. Null unless two or more bands of different colours, with a
 * threshold figure among them; null for a summary by RAG ("Red | £120,000": a sum, not a rule).
 */
export function ruleKeyText(sheet: SheetSnapshot, row: number, column: number): RuleKey | null {
  const heading = KEY_HEADING.test(cellText(sheet.rows[row]?.[column] ?? undefined));
  const clauses: string[] = [];
  const colours: string[] = [];
  const rowsRead: number[] = [];
  let allColourOnly = true;
  let blanks = 0;
  for (let r = heading ? row + 1 : row; r < sheet.rows.length && clauses.length < 3; r++) {
    const cells: string[] = [];
    for (let c = column; c <= column + RULE_TABLE_CELLS; c++) {
      const cell = sheet.rows[r]?.[c];
      if (typeof cell?.value === "number") return null;
      const text = cellText(cell ?? undefined);
      if (text) cells.push(text);
    }
    const first = cellText(sheet.rows[r]?.[column] ?? undefined);
    if (!first) {
      if (cells.length > 0 || ++blanks > KEY_GAP) break;
      continue;
    }
    const lead = COLOUR_LEAD.exec(first);
    const colour = lead
      ? (lead[1]?.toLowerCase() ?? INITIALS[(lead[2] ?? "").toLowerCase()])
      : null;
    if (!colour || colours.includes(colour)) break;
    const clause = COLOUR_ONLY.test(first)
      ? `${first.replace(/[:=\-\u2013]?\s*$/, "")}: ${cells.slice(1).join(" ")}`
      : cells.join(" ");
    // "Red | £120,000" in a summary by RAG is a sum, not a threshold: a rule compares.
    if (HAS_FIGURE.test(clause) && !COMPARES.test(clause)) return null;
    if (!COLOUR_ONLY.test(first)) allColourOnly = false;
    blanks = 0;
    clauses.push(clause);
    colours.push(colour);
    rowsRead.push(r);
  }
  const text = clauses.join("; ");
  if (clauses.length < 2 || !HAS_FIGURE.test(text)) return null;
  const top = rowsRead[0] ?? row;
  const bottom = rowsRead[rowsRead.length - 1] ?? row;
  // Named as the readers above name the same key: a table by its first colour, a list by its cells.
  const range = allColourOnly
    ? cellAddress(top, column)
    : `${cellAddress(top, column)}:${cellAddress(bottom, column)}`;
  return { text, range, colours };
}
