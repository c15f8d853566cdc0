import { cellText, type SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import { isExcelTotalsRow } from "./excel-tables";
import { linesNamedTotal, rowAddsUp } from "./total-named-lines";

/**
 * Section headings, lines and TOTAL rows inside a table, as councils lay them out:
 *   1 | PERSONALISATION            ← heading
 *   1.1 | Coordination … | 42,000  ← line
 *   TOTAL FUNDING PERSONALISATION  ← section total
 *   TOTAL FUNDING ACROSS ALL …     ← grand total
 */
export type RowKind = "heading" | "line" | "section-total" | "grand-total";

export interface Section {
  name: string;
  headingRow: number | null;
  lines: number[];
  totalRow: number | null;
}

export interface Structure {
  kinds: Map<number, RowKind>;
  sections: Section[];
  /** Lines outside any section (before the first heading, or in tables with none). */
  looseLines: number[];
  grandTotals: number[];
}

const TOTAL = /\b(sub-?\s?)?totals?\b/i;
const GRAND = /\b(grand|overall|all)\b/i;

function hasMoney(sheet: SheetSnapshot, row: number, money: readonly number[]): boolean {
  return money.some((c) => parseMoney(sheet.rows[row]?.[c]?.value ?? null).kind !== "blank");
}

function labelOf(sheet: SheetSnapshot, row: number, labels: readonly number[]): string {
  return labels
    .map((c) => cellText(sheet.rows[row]?.[c] ?? undefined))
    .filter(Boolean)
    .join(" ");
}

/** A cell saying only that its row is a total: "Total", "TOTALS", "Grand total", "Sub-total:". */
const TOTAL_CELL = /^\s*(grand\s+|sub-?\s?)?totals?\s*:?\s*$/i;

/**
 * True when a cell left of the money says only "Total", wherever it sits: in a column the table
 * does not read labels from ("Budget holder"), or left of the table's bounds (an unheaded
 * reference column). A wrong total keeps its nature by its word when its figures do not add up.
 */
export function saysTotal(sheet: SheetSnapshot, row: number, money: readonly number[]): boolean {
  const before = Math.min(...money);
  const cells = sheet.rows[row] ?? [];
  for (let c = 0; c < Math.min(before, cells.length); c++)
    if (TOTAL_CELL.test(cellText(cells[c] ?? undefined))) return true;
  return false;
}

function looksLikeHeading(sheet: SheetSnapshot, row: number, labels: readonly number[]): boolean {
  const texts = labels.map((c) => cellText(sheet.rows[row]?.[c] ?? undefined)).filter(Boolean);
  if (texts.length === 0) return false;
  const words = texts.join(" ");
  const upper = /[A-Z]{3}/.test(words) && words === words.toUpperCase();
  const numbered = /^\d+\.?$/.test(texts[0] ?? "") && texts.length > 1;
  return upper || numbered || texts.length === 1;
}

export function classifyRows(
  sheet: SheetSnapshot,
  rows: readonly number[],
  labels: readonly number[],
  money: readonly number[],
): Structure {
  const kinds = new Map<number, RowKind>();
  const sections: Section[] = [];
  const looseLines: number[] = [];
  const grandTotals: number[] = [];
  let open: Section | null = null;
  const excelTotals = (sheet.tables?.length ?? 0) > 0;
  // "Total transport costs" added into its block's subtotal is a line (total-named-lines.ts).
  const namedLines = linesNamedTotal(sheet, rows, labels, money, TOTAL);
  const isTotal = (row: number, label: string) =>
    hasMoney(sheet, row, money) &&
    !namedLines.has(row) &&
    (TOTAL.test(label) || saysTotal(sheet, row, money));
  // The last labelled total: one above it that closes lines with no heading is their subtotal.
  let lastTotal = -1;
  for (const row of rows) if (isTotal(row, labelOf(sheet, row, labels))) lastTotal = row;
  let pending: number[] = []; // loose lines since the last total
  let closed = false; // a section has been closed by its total
  for (const row of rows) {
    // An Excel table's totals row is its grand total whatever its label says.
    if (excelTotals && isExcelTotalsRow(sheet, row)) {
      grandTotals.push(row);
      kinds.set(row, "grand-total");
      open = null;
      continue;
    }
    const label = labelOf(sheet, row, labels);
    const money_ = hasMoney(sheet, row, money);
    if (isTotal(row, label)) {
      if (!open && pending.length > 0 && !GRAND.test(label) && closesBlock(row, pending)) {
        const lines = new Set(pending);
        sections.push({ name: "", headingRow: null, lines: pending, totalRow: row });
        kinds.set(row, "section-total");
        looseLines.splice(0, looseLines.length, ...looseLines.filter((r) => !lines.has(r)));
        pending = [];
        closed = true;
        continue;
      }
      pending = [];
      closed ||= Boolean(open && open.lines.length > 0);
      const grand = GRAND.test(label) || !open || open.lines.length === 0;
      if (!grand && open) {
        open.totalRow = row;
        kinds.set(row, "section-total");
        open = null;
      } else {
        grandTotals.push(row);
        kinds.set(row, "grand-total");
        open = null;
      }
      continue;
    }
    if (!money_ && looksLikeHeading(sheet, row, labels)) {
      pending = [];
      open = { name: label.replace(/^\d+\.?\s+/, ""), headingRow: row, lines: [], totalRow: null };
      sections.push(open);
      kinds.set(row, "heading");
      continue;
    }
    kinds.set(row, "line");
    if (open) open.lines.push(row);
    else {
      looseLines.push(row);
      pending.push(row);
    }
  }
  return { kinds, sections, looseLines, grandTotals };

  /**
   * A labelled total under lines with no heading closes them as a section of their own when a
   * later total follows, or when it adds its block (not every line) after another section.
   */
  function closesBlock(row: number, block: readonly number[]): boolean {
    if (row < lastTotal) return true;
    return (
      closed && rowAddsUp(sheet, row, block, money) && !rowAddsUp(sheet, row, looseLines, money)
    );
  }
}
