import { reportRow } from "../a1";
import { cellText, type SheetSnapshot } from "../snapshot";
import type { CellValue } from "../snapshot";
import type { RiskContext } from "./check";
import { parseRating } from "./scales";
import type { Band } from "../bands";
import type { PairName } from "./fields";

/**
 * What a heat map of a register shows, for the pane's view and the printable sheet alike: each
 * risk's place on the likelihood × impact grid, the counts per cell and the scale's words.
 */

/**
 * Which rating a heat map shows when a register has several: the risk as it stands now. A
 * "current" rating is that; "residual" (after the controls in place) is the usual name for it;
 * an unnamed pair beside named ones is the register's own rating; "inherent" (before controls)
 * is next; "target" is where the council wants the risk to be, not where it is, so last.
 */
const SHOWN_PAIR_ORDER: readonly PairName[] = ["current", "residual", "", "inherent", "target"];

/** The pair the heat map shows (see SHOWN_PAIR_ORDER): the current rating, never the target while another exists. */
export function shownPair(ctx: RiskContext) {
  for (const name of SHOWN_PAIR_ORDER) {
    const pair = ctx.table.pairs.find((p) => p.name === name);
    if (pair) return pair;
  }
  return ctx.table.pairs[0];
}

/**
 * A rating as the register means it: a number, "3 - Likely", or a word of the register's own
 * scale ("Almost certain"), as the checks read it.
 */
function ratingOf(ctx: RiskContext, axis: "likelihood" | "impact", value: CellValue | undefined) {
  return parseRating(value ?? null, ctx.words[axis]);
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
    const l = ratingOf(ctx, "likelihood", sheet.rows[r]?.[pair.likelihood]?.value);
    const i = ratingOf(ctx, "impact", sheet.rows[r]?.[pair.impact]?.value);
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

/**
 * The words of a register's scale ("3 - Likely" → 3: "Likely"), when it uses words: the key's
 * when the workbook has one (a key lists every word; the data may miss one or hold a stray),
 * else the words its risks use.
 */
export function scaleWords(sheet: SheetSnapshot, ctx: RiskContext, column: number) {
  const pair = shownPair(ctx);
  const axis = column === pair?.impact ? "impact" : "likelihood";
  const key = ctx.keyWords?.[axis];
  if (key) return [...key].filter(([value]) => value <= ctx.scale).sort((a, b) => a[0] - b[0]);
  const words = new Map<number, string>();
  for (const r of ctx.table.dataRows) {
    const parsed = ratingOf(ctx, axis, sheet.rows[r]?.[column]?.value);
    if (parsed.kind === "number" && parsed.label && !words.has(parsed.value))
      words.set(parsed.value, parsed.label);
  }
  // Values no risk uses yet take the register's word scale's own word for them.
  for (const [word, value] of ctx.words[axis] ?? [])
    if (!words.has(value)) words.set(value, word.charAt(0).toUpperCase() + word.slice(1));
  return [...words].sort((a, b) => a[0] - b[0]);
}

/**
 * An axis's labels as the heat map shows them: "5 Almost certain" where the register uses
 * words for its scale, else the number alone ("5"), for each value 1 to n.
 */
export function scaleLabels(
  sheet: SheetSnapshot,
  ctx: RiskContext,
  column: number | undefined,
): Map<number, string> {
  const words = new Map(column === undefined ? [] : scaleWords(sheet, ctx, column));
  return new Map(
    Array.from({ length: ctx.scale }, (_, i) => {
      const word = words.get(i + 1);
      return [i + 1, word ? `${i + 1} ${word}` : String(i + 1)];
    }),
  );
}

/** How a risk is named in a heat-map cell: its reference when the register has one, else its row. */
export function riskRef(sheet: SheetSnapshot, ctx: RiskContext, row: number): string {
  const id = ctx.table.columns.id;
  const ref = id === undefined ? "" : cellText(sheet.rows[row]?.[id] ?? undefined);
  return ref || `Row ${reportRow(row)}`;
}

/**
 * The risk rows the heat map cannot place: a likelihood or impact missing, not a rating, or off
 * the 1–n scale. Blank rows and section headings inside the register are not risks.
 */
export function heatMapUnplaced(sheet: SheetSnapshot, ctx: RiskContext): number[] {
  const placed = new Set(heatMapRisks(sheet, ctx).map((r) => r.row));
  return ctx.lines.filter((r) => {
    if (placed.has(r)) return false;
    const cells = sheet.rows[r] ?? [];
    for (let c = ctx.table.firstColumn; c <= ctx.table.lastColumn; c++)
      if (cellText(cells[c] ?? undefined)) return true;
    return false;
  });
}

/**
 * "3 risks not placed (likelihood or impact missing or not on the 1–5 scale): CR4, CR9, Row 12."
 * or null when every risk is placed; at most `listed` references, then how many more.
 */
export function unplacedNote(
  sheet: SheetSnapshot,
  ctx: RiskContext,
  rows: readonly number[],
  listed = 10,
): string | null {
  if (rows.length === 0) return null;
  const refs = rows.slice(0, listed).map((r) => riskRef(sheet, ctx, r));
  const more = rows.length > listed ? ` and ${rows.length - listed} more` : "";
  const n = rows.length;
  return `${n} risk${n === 1 ? "" : "s"} not placed (likelihood or impact missing or not on the 1–${ctx.scale} scale): ${refs.join(", ")}${more}.`;
}

/** A band's scores in words: "score 6" for a band of one score, else "scores 5 to 9". */
export function bandScores(band: Pick<Band, "from" | "to">): string {
  return band.from === band.to ? `score ${band.from}` : `scores ${band.from} to ${band.to}`;
}
