import { cellAddress } from "../a1";
import { finding, type Finding } from "../findings";
import { cellText, type SheetSnapshot } from "../snapshot";
import type { TableBounds } from "./bounds";
import { formatMoney, HALF_PENNY } from "./money";
import { coloursOf, HAS_FIGURE, PER_CENT } from "./rag-colours";
import {
  COLOUR_ONLY,
  KEY_HEADING,
  ruleKeyText,
  ruleListItem,
  ruleListText,
  ruleTableText,
} from "./rag-rule-layouts";

/**
 * RAG rules for money: when an overspend is Red, Amber or Green. Councils state their own rule on
 * the sheet, in words: "Red = overspend of 5% of latest budget or £50,000, whichever is lower;
 * Amber = any smaller overspend", "2% to 5% Amber, >5% Red", "Red if over £250k or 5%". The rule
 * stated on the sheet is the one used; the settings' rule applies where the sheet states none.
 * Everything here is in pounds: callers convert £'000/£m amounts first (scale.ts).
 */

/** A threshold: a share of |budget|, an amount in pounds, or both (the lower or higher of the two). */
export interface RagLimit {
  percent: number | null;
  amount: number | null;
  combine: "lower" | "higher";
  /** "over 5%": strictly more than the threshold; "5% or more": at least. */
  strict: boolean;
}

export interface RagRule {
  red: RagLimit;
  /** Null: any overspend short of Red is Amber. */
  amber: RagLimit | null;
  /**
   * Capital rules flag slippage too: "Amber = forecast more than 10% below budget". The
   * underspend (positive) at which a line is Amber; null when underspends are Green.
   */
  amberBelow?: RagLimit | null;
  /** Where the rule comes from: the sheet's words, or "settings". */
  source: string;
  /** The cell that states it on the sheet ("H4"), for messages; absent for the settings' rule. */
  cell?: string;
  /** The other sheet of the workbook that states it ("Notes"), when the table's sheet states none. */
  sheet?: string;
  /** A stated rule with no Amber band while the settings set one, which is not used: said so. */
  settingsAmberUnused?: boolean;
}

export type Rag = "Red" | "Amber" | "Green";

/** A typed RAG as its colour: "R", "red", "Amber" → "Red", "Amber"; null for anything else. */
export function ragWord(text: string): Rag | null {
  const t = text.trim().toLowerCase();
  if (t === "r" || t === "red") return "Red";
  if (t === "a" || t === "amber") return "Amber";
  if (t === "g" || t === "green") return "Green";
  return null;
}

function threshold(limit: RagLimit, budgetPounds: number): number {
  const values: number[] = [];
  if (limit.percent !== null) values.push(limit.percent * Math.abs(budgetPounds));
  if (limit.amount !== null) values.push(limit.amount);
  return limit.combine === "lower" ? Math.min(...values) : Math.max(...values);
}

function reaches(overspend: number, limit: RagLimit, budgetPounds: number): boolean {
  const t = threshold(limit, budgetPounds);
  return limit.strict ? overspend > t + HALF_PENNY : overspend >= t - HALF_PENNY;
}

/** The RAG of an overspend (positive) or underspend (negative), both in pounds. */
export function ragByRule(overspendPounds: number, budgetPounds: number, rule: RagRule): Rag {
  if (overspendPounds <= HALF_PENNY) {
    const below = rule.amberBelow;
    return below && reaches(-overspendPounds, below, budgetPounds) ? "Amber" : "Green";
  }
  if (reaches(overspendPounds, rule.red, budgetPounds)) return "Red";
  if (rule.amber === null || reaches(overspendPounds, rule.amber, budgetPounds)) return "Amber";
  return "Green";
}

/** The threshold as an Excel expression, in pounds; `absBudget` is the |budget| in pounds. */
function limitFormula(limit: RagLimit, absBudget: string): string {
  const parts: string[] = [];
  if (limit.percent !== null) parts.push(`${limit.percent}*${absBudget}`);
  if (limit.amount !== null) parts.push(`${limit.amount}`);
  if (parts.length === 1) return parts[0] as string;
  return `${limit.combine === "lower" ? "MIN" : "MAX"}(${parts.join(",")})`;
}

/**
 * The rule as an Excel formula over an overspend expression and a |budget| expression, both in
 * pounds ("F2", "I9*1000", "-G8"; "ABS(C2)", "ABS(F9)*1000").
 */
export function ragFormula(overspend: string, absBudget: string, rule: RagRule): string {
  const op = (l: RagLimit) => (l.strict ? ">" : ">=");
  const red = `${overspend}${op(rule.red)}${limitFormula(rule.red, absBudget)}`;
  const amber = rule.amber
    ? `IF(${overspend}${op(rule.amber)}${limitFormula(rule.amber, absBudget)},"Amber","Green")`
    : `"Amber"`;
  const green = rule.amberBelow
    ? `IF(-(${overspend})${op(rule.amberBelow)}${limitFormula(rule.amberBelow, absBudget)},"Amber","Green")`
    : `"Green"`;
  return `IF(${overspend}<=${HALF_PENNY},${green},IF(${red},"Red",${amber}))`;
}

const PERCENT = new RegExp(String.raw`(\d+(?:\.\d+)?)\s*${PER_CENT}`, "gi");
/** The lower end of "2-5%", "2 – 5%" or "2 to 5 per cent", whose first figure has no % of its own. */
const RANGE_START = new RegExp(
  String.raw`(\d+(?:\.\d+)?)\s*(?:[-\u2013]|\bto\b)\s*(?=\d+(?:\.\d+)?\s*${PER_CENT})`,
  "gi",
);
const AMOUNT = /£\s*(\d[\d,]*(?:\.\d+)?)\s*(k|m|million|thousand)?\b/gi;
/** An underspend clause: "more than 10% below budget", "slippage", "underspend of". */
const BELOW = /\bbelow (the )?budget\b|\bslippage\b|\bunder\s?spend/i;
const ANY_OVER = /\b(above|over|exceeds?) (the )?budget\b|\bany overspend\b/i;
const ANY: RagLimit = { percent: null, amount: 0, combine: "lower", strict: true };
/**
 * A clause bounding its colour from above only: "up to 5%", "under £50k", "less than 5%", "< 5%"
 * with no lower figure ("2% to 5%", "between", "over 2%", "at least £10k"): "up to 5% over".
 */
const UPPER_ONLY = new RegExp(
  String.raw`^(?!.*(\d\s*${PER_CENT}?\s*(?:[-\u2013]|\bto\b)\s*£?\d|\bbetween\b|\b(?:over|above|more than|exceeds?|exceeding|at least)\s*£?\s*\d|>|\u2265)).*(?:\b(?:up to|under|below|less than|no more than|not more than|within|at most)\s*£?\s*\d|[<\u2264]\s*=?\s*£?\s*\d)`,
  "i",
);
const STRICT = />(?!=)|\b(over|above|more than|exceeds?|exceeding|greater than)\b/i;

function amountOf(digits: string, suffix: string | undefined): number {
  const n = Number(digits.replace(/,/g, ""));
  const s = (suffix ?? "").toLowerCase();
  return s === "k" || s === "thousand" ? n * 1000 : s === "m" || s === "million" ? n * 1e6 : n;
}

/** The threshold a clause states for its colour: the lowest figure of each kind ("2% to 5%"). */
function limitOf(clause: string): RagLimit | null {
  const percents = [...clause.matchAll(PERCENT), ...clause.matchAll(RANGE_START)].map(
    (m) => Number(m[1]) / 100,
  );
  const amounts = [...clause.matchAll(AMOUNT)].map((m) => amountOf(m[1] ?? "", m[2]));
  if (percents.length === 0 && amounts.length === 0) return null;
  // "5% and £100k" needs both; "between 2% and 5%" is a range, its lower end the threshold.
  const higher =
    /whichever is (the )?(higher|greater|larger)/i.test(clause) ||
    (/\band\b/i.test(clause) && !/\bbetween\b/i.test(clause));
  return {
    percent: percents.length > 0 ? Math.min(...percents) : null,
    amount: amounts.length > 0 ? Math.min(...amounts) : null,
    combine: higher ? "higher" : "lower",
    strict: STRICT.test(clause) && !/\bat least\b|\bor more\b|>=|≥/i.test(clause),
  };
}

/**
 * Where a Green clause ends, as the Amber threshold: "Green below 2%" is Amber at 2% or more,
 * "Green up to 2%" Amber over 2%.
 */
function greenEnd(clause: string, limit: RagLimit): RagLimit {
  const inclusive = /\bup to\b|\bat most\b|\bor less\b|\bwithin\b|<=|\u2264/i.test(clause);
  return { ...limit, strict: inclusive };
}

/**
 * The RAG rule a text states, or null when it states none. Clauses are split at ";", ",", "|",
 * line ends and full stops ("Red over 5%. Favourable variances are Green."), each read on its
 * own; a clause without a colour joins the one before ("…or £50,000, whichever is lower"). A
 * clause that makes favourable variances or underspends Green says the usual and is passed over.
 */
export function parseRagRule(text: string): RagRule | null {
  if (text.length > 500 || coloursOf(text).every((c) => c !== "red") || !HAS_FIGURE.test(text))
    return null;
  const clauses: string[] = [];
  for (const piece of text.split(/[;,|\n]|\.(?!\d)/)) {
    const colours = coloursOf(piece);
    if (colours.length === 0 && clauses.length > 0)
      clauses[clauses.length - 1] = `${clauses[clauses.length - 1]},${piece}`;
    else clauses.push(piece);
  }
  let red: RagLimit | null = null;
  let amber: RagLimit | null = null;
  let amberBelow: RagLimit | null = null;
  let green: RagLimit | null = null;
  let amberUpTo = false;
  for (const clause of clauses) {
    const colours = [...new Set(coloursOf(clause))];
    if (colours.length !== 1) continue;
    const below = BELOW.test(clause);
    // "Red = forecast above budget", "Red = any overspend": every overspend.
    const limit = limitOf(clause) ?? (ANY_OVER.test(clause) ? ANY : null);
    if (colours[0] === "red" && limit && !below) red = limit;
    if (colours[0] === "green" && limit && limit !== ANY && !below) green = greenEnd(clause, limit);
    if (colours[0] === "amber" && limit && below) amberBelow = limitOf(clause);
    else if (colours[0] === "amber" && limit && UPPER_ONLY.test(clause)) amberUpTo = true;
    else if (colours[0] === "amber" && limit) amber = limit;
  }
  if (!red) return null;
  // "Green below 2%, Red over 5%": Amber starts where Green ends, whether or not it is stated.
  // "Amber: overspend up to 5%" states where Amber ends, not where it starts: from any overspend
  // unless a Green band says otherwise.
  amber ??= green ?? (amberUpTo ? ANY : null);
  return { red, amber, ...(amberBelow ? { amberBelow } : {}), source: text.trim() };
}

/** How a rule reads in a message: "Red at 5% of budget or £50,000 (whichever is lower)". */
export function describeRagRule(rule: RagRule): string {
  const limit = (l: RagLimit) => {
    const parts: string[] = [];
    if (l.percent !== null) parts.push(`${+(l.percent * 100).toFixed(4)}% of budget`);
    if (l.amount !== null) parts.push(formatMoney(l.amount));
    const both = parts.length > 1 ? ` (whichever is ${l.combine})` : "";
    return `${l.strict ? "over" : "at"} ${parts.join(" or ")}${both}`;
  };
  const anyOverspend = rule.amber?.percent === null && rule.amber.amount === 0;
  const amber =
    (rule.amber
      ? anyOverspend
        ? "Amber for any smaller overspend"
        : `Amber ${limit(rule.amber)}`
      : rule.source === "settings"
        ? "Amber for a smaller overspend"
        : rule.settingsAmberUnused
          ? "Amber for any smaller overspend, as the sheet states no Amber band; the settings' Amber band applies only where the sheet states no rule"
          : // The sheet states Red only, and the settings have no Amber band to split Amber from Green.
            "Amber for any smaller overspend, as the sheet states no Amber band and the settings have none") +
    (rule.amberBelow ? `, Amber for an underspend ${limit(rule.amberBelow)}` : "");
  const from =
    rule.source === "settings"
      ? "the settings' rule; the sheet states none"
      : rule.sheet !== undefined
        ? `the rule stated on sheet "${rule.sheet}"${rule.cell ? ` at ${rule.cell}` : ""}; this sheet states none`
        : `the rule stated on the sheet${rule.cell ? ` at ${rule.cell}` : ""}`;
  return `Red ${limit(rule.red)}, ${amber} (${from})`;
}

type RuleArea = Pick<TableBounds, "headerRow" | "lastRow" | "firstColumn" | "lastColumn"> & {
  headerRows?: readonly number[];
};

/**
 * Text that speaks of a RAG rule with a threshold: "RAG", or Red and Amber, with a % or £ figure.
 * Such a text that cannot be read is reported, not passed over for the settings' rule.
 */
function mentionsRagRule(text: string): boolean {
  if (text.length > 500 || !HAS_FIGURE.test(text)) return false;
  const colours = new Set(coloursOf(text));
  return /\bRAG\b/i.test(text) || (colours.has("red") && colours.has("amber"));
}

/**
 * A row that states a RAG rule across its cells and holds nothing else: "RAG:" | "Green" | "<2%"
 * | "Amber" | "2-5%" | "Red" | ">5%", or "Green <2%" | "Amber 2-5%" | "Red >5%". Its texts are
 * joined as clauses (a threshold cell joins the colour before it, as in one cell) and read by the
 * clause parser: the text and range when they state a rule, else null. A row with any number in
 * it, or opening with words other than a label or a colour, is no rule row (a budget line).
 */
export function ragRuleRow(
  sheet: SheetSnapshot,
  row: number,
): { text: string; range: string; column: number } | null {
  const cells = sheet.rows[row] ?? [];
  const found: { text: string; column: number }[] = [];
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (typeof cell?.value === "number") return null;
    const text = cellText(cell ?? undefined);
    if (!text) continue;
    if (found.length > 12) return null;
    found.push({ text, column: c });
  }
  // The label names the rule and is not part of it, as a list's heading cell is not.
  const parts = KEY_HEADING.test(found[0]?.text ?? "") ? found.slice(1) : found;
  const [head, ...rest] = parts;
  if (!head || rest.length === 0 || new Set(coloursOf(head.text)).size !== 1) return null;
  // "Green <2%; Amber 2-5%; Red >5%": a colour opens a clause, its threshold cells follow.
  const text = rest.reduce(
    (joined, p) => `${joined}${coloursOf(p.text).length > 0 ? "; " : " "}${p.text}`,
    head.text,
  );
  if (!parseRagRule(text)) return null;
  const end = (rest[rest.length - 1] ?? head).column;
  return {
    text,
    range: `${cellAddress(row, head.column)}:${cellAddress(row, end)}`,
    column: head.column,
  };
}

/** A cell around the table that may state its rule: where, its text, and the cell or range. */
type RuleCell = [row: number, column: number, text: string, at: string, incomplete?: boolean];

/**
 * The cells around the table that may state its rule, in the order they are read: row, column,
 * the text, and the cell or range stating it. A key down a column (a band to a row, a blank row
 * between bands or not) is read whole first; then a row stating a rule across its cells, then
 * its cells one by one. A key of bands with no Red band is yielded as incomplete.
 */
function* ruleCells(sheet: SheetSnapshot, table: RuleArea): Generator<RuleCell> {
  const top = Math.min(table.headerRow, ...(table.headerRows ?? []));
  const rows: number[] = [];
  for (let r = 0; r < top; r++) rows.push(r);
  for (let r = table.lastRow + 1; r <= table.lastRow + 20 && r < sheet.rows.length; r++)
    rows.push(r);
  const inside = (r: number, c: number) =>
    r >= top && r <= table.lastRow && c >= table.firstColumn && c <= table.lastColumn;
  for (let r = top; r <= table.lastRow; r++) rows.push(r);
  for (const r of rows) {
    const cells = sheet.rows[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      if (inside(r, c) || !cellText(cells[c] ?? undefined)) continue;
      const key = ruleKeyText(sheet, r, c);
      if (key) yield [r, c, key.text, key.range, !key.colours.includes("red")];
    }
    const wholeRow = r < top || r > table.lastRow ? ragRuleRow(sheet, r) : null;
    if (wholeRow) yield [r, wholeRow.column, wholeRow.text, wholeRow.range];
    for (let c = 0; c < cells.length; c++) {
      if (inside(r, c)) continue;
      const text = cellText(cells[c] ?? undefined);
      const at = cellAddress(r, c);
      const ruleTable = COLOUR_ONLY.test(text) ? ruleTableText(sheet, r, c) : null;
      const list = ruleListItem(text) ? ruleListText(sheet, r, c) : null;
      if (ruleTable !== null && coloursOf(ruleTable).includes("red")) yield [r, c, ruleTable, at];
      else if (list !== null) yield [r, c, list.text, list.range];
      else if (coloursOf(text).includes("red")) yield [r, c, text, at];
    }
  }
}

/**
 * The RAG rule stated on the sheet: in the title rows above the table, in the notes under it
 * (up to 20 rows), or beside it. The first text that reads as a rule is the rule.
 */
export function statedRagRule(sheet: SheetSnapshot, table: RuleArea): RagRule | null {
  for (const [, , text, cell] of ruleCells(sheet, table)) {
    const rule = parseRagRule(text);
    if (rule) return { ...rule, cell };
  }
  return null;
}

/**
 * Where the sheet states a RAG rule we cannot read and none we can: the cell (row, column), so
 * the council's RAG column is checked for information only and not rewritten under the settings'.
 */
export function unreadRagRule(sheet: SheetSnapshot, table: RuleArea): UnreadRagRule | null {
  if (statedRagRule(sheet, table)) return null;
  for (const [row, column, text, at, incomplete] of ruleCells(sheet, table)) {
    // A key of Green and Amber bands with no Red band is not completed by a guess: said so.
    if (incomplete) return { row, column, incomplete: at };
    if (mentionsRagRule(text)) return { row, column };
  }
  return null;
}

/**
 * Where a sheet states a RAG rule we cannot read: its cell, and for a key that states no Red band
 * (an incomplete key), the range of its bands.
 */
export interface UnreadRagRule {
  row: number;
  column: number;
  incomplete?: string;
}

/**
 * The warning for a RAG rule stated on the sheet that we cannot read: said once, at its cell,
 * rather than silently using the settings' rule. `consequence` says what that means for the
 * table's RAG column ("the RAG column is checked for information only, not rewritten").
 */
export function unreadRagRuleWarning(
  sheet: SheetSnapshot,
  at: UnreadRagRule,
  table: string,
  consequence: string,
): Finding {
  const cell = cellAddress(at.row, at.column);
  const message =
    at.incomplete !== undefined
      ? `RAG key at ${at.incomplete} is incomplete: it states no Red band; the settings' rule is used and ${consequence}`
      : `RAG rule at ${cell} not understood; the settings' rule is used and ${consequence}`;
  return {
    ...finding("variance-mismatch", sheet.name, at.row, at.column, message, { table }),
    severity: "warning",
  };
}
