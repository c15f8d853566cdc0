import type { SheetSnapshot } from "../snapshot";
import { parseScaleValue } from "../values";
import type { RiskContext } from "./check";

/**
 * The heat map's rules: which pair of ratings it shows, which risks land in which cell, and the
 * words a register uses for its scale. The task pane draws them; the counting lives here so every
 * shell (pane, a future report) counts the same way and tests need no React.
 */

/** The pair the heat map shows: the last one (residual or current) when there are several. */
export function shownPair(ctx: RiskContext) {
  return ctx.table.pairs[ctx.table.pairs.length > 1 ? ctx.table.pairs.length - 1 : 0];
}

/** Each risk row's likelihood and impact on the scale, rows that have none left out. */
export function heatMapRisks(
  sheet: SheetSnapshot,
  ctx: RiskContext,
): { row: number; likelihood: number; impact: number }[] {
  const pair = shownPair(ctx);
  if (!pair) return [];
  const n = ctx.scale;
  const out: { row: number; likelihood: number; impact: number }[] = [];
  for (const r of ctx.table.dataRows) {
    const l = parseScaleValue(sheet.rows[r]?.[pair.likelihood]?.value ?? null);
    const i = parseScaleValue(sheet.rows[r]?.[pair.impact]?.value ?? null);
    if (l.kind !== "number" || i.kind !== "number") continue;
    if (l.value < 1 || i.value < 1 || l.value > n || i.value > n) continue;
    out.push({ row: r, likelihood: l.value, impact: i.value });
  }
  return out;
}

/** Counts of risks per likelihood × impact: row 0 is the highest likelihood. */
export function heatMapCounts(sheet: SheetSnapshot, ctx: RiskContext): number[][] {
  const n = ctx.scale;
  const counts = Array.from({ length: n }, () => Array<number>(n).fill(0));
  for (const r of heatMapRisks(sheet, ctx)) {
    const row = counts[n - r.likelihood];
    if (row) row[r.impact - 1] = (row[r.impact - 1] ?? 0) + 1;
  }
  return counts;
}

/** The words a register uses for its scale ("3 - Likely" → 3: "Likely"), when it uses words. */
export function scaleWords(sheet: SheetSnapshot, ctx: RiskContext, column: number) {
  const words = new Map<number, string>();
  for (const r of ctx.table.dataRows) {
    const parsed = parseScaleValue(sheet.rows[r]?.[column]?.value ?? null);
    if (parsed.kind === "number" && parsed.label && !words.has(parsed.value))
      words.set(parsed.value, parsed.label);
  }
  return [...words].sort((a, b) => a[0] - b[0]);
}
