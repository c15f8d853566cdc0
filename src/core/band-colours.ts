import type { Band } from "./bands";

/**
 * The colours of priority bands and RAG ratings, decided once for every place that draws them: the
 * pane's heat map, the conditional formats written into a register's priority and RAG columns,
 * and the printable heat-map sheet. A committee then reads the same colours on screen and on paper.
 */

/** How a band is drawn: a fill, the text colour on it, and a short label so colour is not alone. */
export interface BandStyle {
  background: string;
  text: string;
  /** "L", "M", "H", "VH": printed in every heat-map cell, explained by the key. */
  short: string;
}

// Fixed for both themes, lowest severity first. Red for "High", never orange: orange reads as
// "amber" in a RAG-minded council. Amber is its own colour, used only for bands that call
// themselves amber (or "significant", which councils place between moderate and major); the
// orange is only for a band between amber and red ("Amber/Red").
const LADDER = [
  "#c9eac9", // 0 very low, negligible
  "#8fd18f", // 1 low, green, minor
  "#c7e36b", // 2 amber/green
  "#fde300", // 3 medium, moderate
  "#ffb900", // 4 amber, significant
  "#f7630c", // 5 amber/red
  "#c50f1f", // 6 high, red, major
  "#6b0a1a", // 7 very high, critical
] as const;

/** Positions on the ladder for bands without telling words, by how many bands there are. */
const BY_POSITION: Record<number, number[]> = {
  1: [3],
  2: [1, 6],
  3: [1, 3, 6],
  4: [1, 3, 6, 7],
  5: [0, 1, 3, 6, 7],
  6: [0, 1, 3, 4, 6, 7],
  7: [0, 1, 2, 3, 4, 6, 7],
  8: [0, 1, 2, 3, 4, 5, 6, 7],
};

const AMBER_GREEN = /^(amber|a)\s*[/&-]\s*(green|g)$|^(green|g)\s*[/&-]\s*(amber|a)$/;
const AMBER_RED = /^(amber|a)\s*[/&-]\s*(red|r)$|^(red|r)\s*[/&-]\s*(amber|a)$/;

/**
 * The ladder step a band's own words name ("Very high risk", "Amber", "Amber/Green", "A/G"),
 * else null. The vocabularies councils use: RAG with its in-between ratings, Low/Medium/High/
 * Very high, and Negligible/Minor/Moderate/Significant/Major/Critical.
 */
export function levelOfLabel(label: string): number | null {
  const l = label
    .toLowerCase()
    .replace(/\b(risks?|priority|rating)\b/g, "")
    .trim();
  if (AMBER_GREEN.test(l)) return 2;
  if (AMBER_RED.test(l)) return 5;
  if (/^(g|green)$/.test(l)) return 1;
  if (/^(a|amber)$/.test(l)) return 4;
  if (/^(r|red)$/.test(l)) return 6;
  if (/insignificant|very low|negligible|minimal/.test(l)) return 0;
  if (/very high|extreme|critical|severe|catastroph|intolerable/.test(l)) return 7;
  if (/high|\bred\b|major/.test(l)) return 6;
  if (/significant|amber/.test(l)) return 4;
  if (/medium|moderate|tolerable/.test(l)) return 3;
  if (/low|green|minor/.test(l)) return 1;
  return null;
}

/**
 * One ladder step per distinct label, strictly rising from the lowest band to the highest, as near
 * the steps their words name as the order allows (a small dynamic programme: at most 8 labels ×
 * 8 steps). Labels without telling words sit where their position puts them, between neighbours.
 */
function ladderSteps(labels: readonly string[]): number[] {
  const n = labels.length;
  const steps = LADDER.length;
  const positional = BY_POSITION[n] ?? [];
  const cost = (i: number, step: number) => {
    const named = levelOfLabel(labels[i] ?? "");
    // Words weigh far more than position; position only places the unnamed.
    return named !== null ? 100 * Math.abs(step - named) : Math.abs(step - (positional[i] ?? 3));
  };
  // best[i][s]: least cost of labels 0..i with label i on step s; from[i][s]: step of label i-1.
  const best: number[][] = [];
  const from: number[][] = [];
  for (let i = 0; i < n; i++) {
    best.push(new Array<number>(steps).fill(Infinity));
    from.push(new Array<number>(steps).fill(-1));
    for (let s = i; s < steps - (n - 1 - i); s++) {
      if (i === 0) {
        (best[0] as number[])[s] = cost(0, s);
        continue;
      }
      for (let p = i - 1; p < s; p++) {
        const c = (best[i - 1]?.[p] ?? Infinity) + cost(i, s);
        if (c < (best[i]?.[s] ?? Infinity)) {
          (best[i] as number[])[s] = c;
          (from[i] as number[])[s] = p;
        }
      }
    }
  }
  const last = best[n - 1] ?? [];
  let step = last.indexOf(Math.min(...last));
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    out[i] = step;
    step = from[i]?.[step] ?? -1;
  }
  return out;
}

/** "#rrggbb" a share `t` of the way from `a` to `b`. */
function mix(a: string, b: string, t: number): string {
  const ch = (hex: string, i: number) => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
  const part = (i: number) =>
    Math.round(ch(a, i) + (ch(b, i) - ch(a, i)) * t)
      .toString(16)
      .padStart(2, "0");
  return `#${part(0)}${part(1)}${part(2)}`;
}

/**
 * A distinct fill for each of `labels` (distinct labels, lowest first). More labels than the
 * ladder has steps (rare: nine bands) are spread evenly along it.
 */
function fillsFor(labels: readonly string[]): string[] {
  if (labels.length <= LADDER.length) return ladderSteps(labels).map((s) => LADDER[s] ?? LADDER[3]);
  return labels.map((_, i) => {
    const at = (i / (labels.length - 1)) * (LADDER.length - 1);
    const lo = Math.floor(at);
    return mix(
      LADDER[lo] ?? LADDER[0],
      LADDER[Math.min(lo + 1, LADDER.length - 1)] ?? LADDER[7],
      at - lo,
    );
  });
}

/** "Very High risk" → "VH"; "Medium" → "M". */
export function shortLabel(label: string): string {
  const words = label
    .replace(/\brisks?\b/gi, "")
    .split(/[\s/-]+/)
    .filter(Boolean);
  const initials = words.map((w) => w.charAt(0).toUpperCase()).join("");
  return initials.slice(0, 2) || "?";
}

/** WCAG 2 relative luminance of "#rrggbb". */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2 contrast ratio of two "#rrggbb" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const DARK_TEXT = "#1a1a1a";
const LIGHT_TEXT = "#ffffff";

/** Whichever of near-black and white reads better on the fill. */
export function textOn(background: string): string {
  return contrastRatio(DARK_TEXT, background) >= contrastRatio(LIGHT_TEXT, background)
    ? DARK_TEXT
    : LIGHT_TEXT;
}

/** "Low risk" and "low", "Amber-Green" and "Amber/Green" name the same band. */
function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/\b(risk|priority|rating)\b/g, "")
    .replace(/[^a-z]+/g, "");
}

/**
 * A style per band, lowest first. Every distinct label gets its own colour, rising with the
 * bands; a band's words place it ("High" is red, "Amber/Green" between green and amber) and bands
 * without telling words take the colour of their position. `own` holds the fills the sheet's own
 * key cells carry, by label: where the sheet colours its key, the column follows the sheet.
 */
export function bandStyles(
  sorted: readonly Band[],
  own: Readonly<Record<string, string>> = {},
): BandStyle[] {
  const distinct: string[] = [];
  for (const band of sorted)
    if (!distinct.some((d) => labelKey(d) === labelKey(band.label))) distinct.push(band.label);
  const fills = fillsFor(distinct);
  const ownFill = (label: string) =>
    Object.entries(own)
      .find(([l]) => labelKey(l) === labelKey(label))?.[1]
      ?.toLowerCase();
  const shorts = new Set<string>();
  return sorted.map((band, i) => {
    const index = distinct.findIndex((d) => labelKey(d) === labelKey(band.label));
    const background = ownFill(band.label) ?? fills[index] ?? LADDER[3];
    let short = shortLabel(band.label);
    // Two bands may share initials ("Minor", "Moderate"): number the later one.
    if (shorts.has(short)) short = `${short}${i + 1}`;
    shorts.add(short);
    return { background, text: textOn(background), short };
  });
}

/** The RAG ratings the budget planner writes, each with its colour. */
export const RAG_LABELS = ["Green", "Amber", "Red"] as const;

/** The style of a RAG rating ("Green", "Amber", "Red"). */
export function ragStyle(label: (typeof RAG_LABELS)[number]): BandStyle {
  const background = LADDER[levelOfLabel(label) ?? 3] ?? LADDER[3];
  return { background, text: textOn(background), short: label.charAt(0) };
}

export const HEAT_FILLS: readonly string[] = LADDER;
