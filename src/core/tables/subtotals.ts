import { cellText, isEmptyCell, type SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import { saysTotal, type Section, type Structure } from "./sections";
import { toPence } from "./money";
import { linesNamedTotal } from "./total-named-lines";

/**
 * Sections and totals read by arithmetic as well as by labels. Councils close a section with a
 * labelled total ("Total Corporate"), or with an unlabelled row of bold figures under the lines
 * (the bold is lost in a snapshot, the arithmetic is not): a row with no label whose figures are
 * the sum of the lines since the section's heading is that section's total. A labelled total after
 * the sections have closed (or one saying grand/overall/all/programme) is the grand total.
 *
 * Shared geometry: used by the capital programme; `classifyRows` in sections.ts is the labels-only
 * reading other kinds keep.
 */
export interface ArithmeticStructure extends Structure {
  /** Section totals that carry no label, recognised because they add the section's lines. */
  unlabelledTotals: number[];
}

const TOTAL = /\b(sub-?\s?)?totals?\b/i;
const GRAND = /\b(grand|overall|all|programme|program)\b/i;

function labelOf(sheet: SheetSnapshot, row: number, labels: readonly number[]): string {
  return labels
    .map((c) => cellText(sheet.rows[row]?.[c] ?? undefined))
    .filter(Boolean)
    .join(" ");
}

function figures(sheet: SheetSnapshot, row: number, money: readonly number[]): number[] {
  return money.filter((c) => parseMoney(sheet.rows[row]?.[c]?.value ?? null).kind !== "blank");
}

/**
 * True when most of the row's figures (and at least one) equal the sum of `parts` down the same
 * column: a total by arithmetic. One wrong figure (a hard-typed total) does not hide the row's
 * nature; that figure is then reported by the column-total check.
 */
export function addsUp(
  sheet: SheetSnapshot,
  row: number,
  parts: readonly number[],
  money: readonly number[],
  multiplier = 1,
): boolean {
  if (parts.length === 0) return false;
  // Whole pence of pounds, whatever the sheet's units (0.185 in £m is 18,500,000p).
  const pence = (v: number) => toPence(v * multiplier);
  let numbers = 0;
  let matching = 0;
  for (const c of money) {
    const stated = parseMoney(sheet.rows[row]?.[c]?.value ?? null);
    if (stated.kind !== "number") continue;
    numbers++;
    let sum = 0;
    for (const r of parts) {
      const part = parseMoney(sheet.rows[r]?.[c]?.value ?? null);
      if (part.kind === "number") sum += pence(part.value);
    }
    if (Math.abs(sum - pence(stated.value)) <= 1) matching++;
  }
  // A section of one line "adds up" to any copy of that line: only a row with a formula there
  // (=SUM(D8:D8), =D8) is taken as its total.
  if (parts.length === 1) {
    const formulas = money.filter((c) => sheet.rows[row]?.[c]?.formula).length;
    return numbers > 0 && formulas * 2 > numbers && matching * 2 > numbers;
  }
  return numbers > 0 && matching * 2 > numbers;
}

/** Every figure of the row is a formula. */
function allFormulas(sheet: SheetSnapshot, row: number, money: readonly number[]): boolean {
  const filled = money.filter((c) => !isEmptyCell(sheet.rows[row]?.[c] ?? undefined));
  return filled.length > 0 && filled.every((c) => Boolean(sheet.rows[row]?.[c]?.formula));
}

function looksLikeHeading(sheet: SheetSnapshot, row: number, labels: readonly number[]): boolean {
  const texts = labels.map((c) => cellText(sheet.rows[row]?.[c] ?? undefined)).filter(Boolean);
  return texts.length > 0;
}

/**
 * The last row labelled a total ("TOTAL", "Total") that adds every line above it (leaving out the
 * rows of figures with no label and the other totals), or adds the totals above it (labelled or
 * not): the grand total by its arithmetic, not only by the word "programme" or "grand" in its
 * label. Every total above it is then a subtotal, whatever its own figures say. -1 when none.
 */
function lastTotalAddingLines(
  sheet: SheetSnapshot,
  rows: readonly number[],
  labels: readonly number[],
  money: readonly number[],
  multiplier: number,
  namedLines: ReadonlySet<number>,
): number {
  let found = -1;
  const lines: number[] = [];
  const subtotals: number[] = [];
  for (const row of rows) {
    const label = labelOf(sheet, row, labels);
    if (figures(sheet, row, money).length === 0) continue;
    if (label === "") {
      subtotals.push(row);
      continue;
    }
    if (TOTAL.test(label) && !namedLines.has(row)) {
      const overLines = subtotals.length > 0 && addsUp(sheet, row, lines, money, multiplier);
      const overSubtotals =
        subtotals.length > 1 && addsUp(sheet, row, subtotals, money, multiplier);
      if (overLines || overSubtotals) found = row;
      subtotals.push(row);
      continue;
    }
    lines.push(row);
  }
  return found;
}

/**
 * Rows of a money table as headings, lines, section totals (labelled or by arithmetic) and grand
 * totals. `rows` are the table's non-blank body rows in order.
 */
export function classifyRowsByArithmetic(
  sheet: SheetSnapshot,
  rows: readonly number[],
  labels: readonly number[],
  money: readonly number[],
  /** What one unit of the sheet is in pounds (1,000 in £'000), so sums compare to the penny. */
  multiplier = 1,
): ArithmeticStructure {
  const out: ArithmeticStructure = {
    kinds: new Map(),
    sections: [],
    looseLines: [],
    grandTotals: [],
    unlabelledTotals: [],
  };
  let open: Section | null = null;
  const closedSince: number[] = [];
  // Lines since the last total outside any heading: a block that a total may close.
  let pending: number[] = [];
  const closeBlock = (row: number): void => {
    const taken = new Set(pending);
    out.looseLines = out.looseLines.filter((r) => !taken.has(r));
    out.sections.push({ name: "", headingRow: null, lines: pending, totalRow: row });
    out.kinds.set(row, "section-total");
    closedSince.push(row);
    pending = [];
  };
  // "Total transport costs" added into its block's subtotal is a line (total-named-lines.ts).
  const namedLines = linesNamedTotal(sheet, rows, labels, money, TOTAL);
  // The last row that says it is the grand total ("Total capital programme"): a labelled total
  // above it closes a block, even when its figures are wrong.
  let grandLabelled = -1;
  for (const row of rows) {
    const label = labelOf(sheet, row, labels);
    if (TOTAL.test(label) && GRAND.test(label) && figures(sheet, row, money).length > 0)
      grandLabelled = row;
  }
  const grandByArithmetic = lastTotalAddingLines(
    sheet,
    rows,
    labels,
    money,
    multiplier,
    namedLines,
  );
  // A labelled total above the last total found by its arithmetic closes its block too.
  grandLabelled = Math.max(grandLabelled, grandByArithmetic);
  for (const row of rows) {
    const label = labelOf(sheet, row, labels);
    const stated = figures(sheet, row, money);
    const total = TOTAL.test(label) || (stated.length > 0 && saysTotal(sheet, row, money));
    if (stated.length > 0 && total && !namedLines.has(row)) {
      if (!open && pending.length > 0 && !GRAND.test(label)) {
        // A block of lines with no heading, closed by its own labelled total; a wrong one (its
        // figures do not add up) still closes its block when the grand total comes later.
        if (addsUp(sheet, row, pending, money, multiplier) || row < grandLabelled) {
          closeBlock(row);
          continue;
        }
      }
      pending = [];
      if (open && open.lines.length > 0 && !GRAND.test(label)) {
        open.totalRow = row;
        out.kinds.set(row, "section-total");
        closedSince.push(row);
      } else {
        out.grandTotals.push(row);
        out.kinds.set(row, "grand-total");
        closedSince.length = 0;
      }
      open = null;
      continue;
    }
    // A row named like a line ("Housing", "Capital programme") whose figures are all formulas
    // adding the rows above is a total by its arithmetic, like an unlabelled one.
    const formulas = stated.length > 0 && label !== "" && allFormulas(sheet, row, money);
    if (stated.length > 0 && (label === "" || formulas)) {
      if (
        !open &&
        pending.length > (formulas ? 0 : 1) &&
        addsUp(sheet, row, pending, money, multiplier)
      ) {
        out.unlabelledTotals.push(row);
        closeBlock(row);
        continue;
      }
      // A wrong unlabelled subtotal ("TOTAL" below adds the lines without it): it closes its
      // block all the same, and its figures are reported by the column-total check.
      if (!open && label === "" && pending.length > 1 && row < grandByArithmetic) {
        out.unlabelledTotals.push(row);
        closeBlock(row);
        continue;
      }
      if (open && addsUp(sheet, row, open.lines, money, multiplier)) {
        open.totalRow = row;
        out.kinds.set(row, "section-total");
        out.unlabelledTotals.push(row);
        closedSince.push(row);
        open = null;
        continue;
      }
      if (!open && closedSince.length > 1 && addsUp(sheet, row, closedSince, money, multiplier)) {
        out.grandTotals.push(row);
        out.kinds.set(row, "grand-total");
        closedSince.length = 0;
        continue;
      }
    }
    if (stated.length === 0 && looksLikeHeading(sheet, row, labels)) {
      pending = [];
      open = { name: label.replace(/^\d+\.?\s+/, ""), headingRow: row, lines: [], totalRow: null };
      out.sections.push(open);
      out.kinds.set(row, "heading");
      continue;
    }
    out.kinds.set(row, "line");
    if (open) open.lines.push(row);
    else {
      out.looseLines.push(row);
      pending.push(row);
    }
  }
  // One block with no heading and its total, nothing else: that total is the table's total.
  const only = out.sections[0];
  if (
    out.sections.length === 1 &&
    only &&
    only.headingRow === null &&
    out.grandTotals.length === 0
  ) {
    if (only.totalRow !== null && !out.unlabelledTotals.includes(only.totalRow)) {
      out.kinds.set(only.totalRow, "grand-total");
      out.grandTotals.push(only.totalRow);
      out.looseLines = [...only.lines, ...out.looseLines].sort((a, b) => a - b);
      out.sections = [];
    }
  }
  return out;
}
