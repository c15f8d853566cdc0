import { reportRow } from "../a1";
import { cellText, type SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import type { CapitalColumns } from "./detect";

/**
 * The financing block under a capital programme: how each year is paid for (prudential
 * borrowing, grants, S106/CIL, capital receipts, reserves and revenue contributions), closed by a
 * total financing row. It opens with a heading ("Financing", "Financed by:", "Funded by") or,
 * without one, with a row naming a source of capital finance.
 */
export interface FinancingSource {
  row: number;
  label: string;
}

export interface Financing {
  headingRow: number | null;
  sources: FinancingSource[];
  totalRow: number | null;
  totalLabel: string | null;
  /** First and last rows of the block (0-based). */
  first: number;
  last: number;
}

const HEADING = /^(financ|funded\s+by|funding\b|sources?\s+of\s+(finance|funding))/i;
/** Words naming a source of capital finance. */
export const SOURCE =
  /\b(borrowing|grants?|s\.?106|cil|receipts|reserves?|revenue\s+contributions?|contributions?|loans?|capital\s+financing)\b/i;
const TOTAL = /\btotals?\b/i;

function labelOf(sheet: SheetSnapshot, row: number, labels: readonly number[]): string {
  return labels
    .map((c) => cellText(sheet.rows[row]?.[c] ?? undefined))
    .filter(Boolean)
    .join(" ")
    .trim();
}

/** An amount or a "tbc" in one of the year columns (words such as a repeated "2025/26" are not). */
function hasFigure(sheet: SheetSnapshot, row: number, columns: readonly number[]): boolean {
  return columns.some((c) => {
    const kind = parseMoney(sheet.rows[row]?.[c]?.value ?? null).kind;
    return kind === "number" || kind === "unconfirmed";
  });
}

/** The financing block starting within three rows of `from`, or null when there is none. */
export function findFinancing(
  sheet: SheetSnapshot,
  from: number,
  columns: Pick<CapitalColumns, "labels" | "years">,
  taken: ReadonlySet<number>,
): Financing | null {
  const years = columns.years.map((y) => y.column);
  let r = from;
  let blanks = 0;
  while (r < sheet.rows.length && blanks < 3 && !labelOf(sheet, r, columns.labels)) {
    if (hasFigure(sheet, r, years)) return null;
    blanks++;
    r++;
  }
  if (r >= sheet.rows.length || taken.has(r)) return null;
  const first = r;
  const opening = labelOf(sheet, r, columns.labels);
  let headingRow: number | null = null;
  if (HEADING.test(opening) && !hasFigure(sheet, r, years)) {
    headingRow = r;
    r++;
    // A heading may repeat the years over the block ("Financing | 2025/26 | 2026/27 …").
    while (
      r < sheet.rows.length &&
      !labelOf(sheet, r, columns.labels) &&
      !hasFigure(sheet, r, years)
    )
      r++;
  } else if (!SOURCE.test(opening) || !hasFigure(sheet, r, years)) return null;
  const sources: FinancingSource[] = [];
  for (; r < sheet.rows.length && !taken.has(r); r++) {
    const label = labelOf(sheet, r, columns.labels);
    if (!label && !hasFigure(sheet, r, years)) break;
    if (TOTAL.test(label) && hasFigure(sheet, r, years)) {
      return sources.length === 0
        ? null
        : { headingRow, sources, totalRow: r, totalLabel: label, first, last: r };
    }
    if (!hasFigure(sheet, r, years)) break;
    sources.push({ row: r, label: label || `row ${reportRow(r)}` });
  }
  if (sources.length === 0) return null;
  const last = sources[sources.length - 1]?.row ?? first;
  return { headingRow, sources, totalRow: null, totalLabel: null, first, last };
}
