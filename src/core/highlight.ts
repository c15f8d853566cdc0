import { bandStyles, RAG_LABELS, ragStyle } from "./band-colours";
import { sameBandLabel, sortBands, type Band } from "./bands";
import type { Highlight, HighlightRule } from "./plan";

/**
 * The condition of a highlight rule as an Excel formula (without "="), relative to `firstCell`,
 * the top-left cell of the range it covers: the file format and Office.js both read a rule's
 * formula from that cell and move it down the range as a relative reference.
 * `G5="High"` or `OR(G5="Low",G5="Low risk")`; "=" compares text without case in Excel.
 */
export function highlightCondition(rule: HighlightRule, firstCell: string): string {
  const tests = rule.texts.map((t) => `${firstCell}="${t.replace(/"/g, '""')}"`);
  return tests.length === 1 ? (tests[0] ?? "") : `OR(${tests.join(",")})`;
}

/**
 * The colours of a priority column: one rule per band of the sheet, matching the band's label
 * and any other spelling of it the column already shows ("Low risk" from a council's own formula).
 * `fills` are the council's own key fills by label: where given, the rules draw in them.
 */
export function priorityHighlight(
  bands: readonly Band[],
  rows: readonly number[],
  shown: readonly unknown[],
  fills: Readonly<Record<string, string>> = {},
): Highlight | undefined {
  if (rows.length === 0) return undefined;
  const sorted = sortBands(bands);
  const looks = bandStyles(sorted, fills);
  const rules = sorted.map((band, i): HighlightRule => {
    const texts = new Set([band.label]);
    for (const value of shown)
      if (typeof value === "string" && value.trim() && sameBandLabel(value, band.label))
        texts.add(value.trim());
    const look = looks[i];
    return {
      label: band.label,
      texts: [...texts],
      fill: look?.background ?? "#ffffff",
      text: look?.text ?? "#000000",
    };
  });
  return { ...rowSpan(rows), rules };
}

/**
 * First and last row, by a loop: spreading a 100,000-row column into Math.min overflows a Web
 * Worker's stack ("Maximum call stack size exceeded").
 */
function rowSpan(rows: readonly number[]): { fromRow: number; toRow: number } {
  let fromRow = Infinity;
  let toRow = -Infinity;
  for (const row of rows) {
    if (row < fromRow) fromRow = row;
    if (row > toRow) toRow = row;
  }
  return { fromRow, toRow };
}

/** The colours of a RAG column: Green, Amber and Red as the budget planner writes them. */
export function ragHighlight(rows: readonly number[]): Highlight | undefined {
  if (rows.length === 0) return undefined;
  const rules = RAG_LABELS.map((label): HighlightRule => {
    const look = ragStyle(label);
    return { label, texts: [label], fill: look.background, text: look.text };
  });
  return { ...rowSpan(rows), rules };
}
