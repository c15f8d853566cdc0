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

// Fixed for both themes. Red for "High", never orange: orange reads as "amber" in a RAG-minded
// council. Amber is its own colour, used only for bands that call themselves amber.
const FILLS = {
  lowest: "#c9eac9",
  low: "#8fd18f",
  medium: "#fde300",
  amber: "#ffb900",
  high: "#c50f1f",
  highest: "#6b0a1a",
} as const;
type Level = keyof typeof FILLS;

const BY_POSITION: Record<number, Level[]> = {
  1: ["medium"],
  2: ["low", "high"],
  3: ["low", "medium", "high"],
  4: ["low", "medium", "high", "highest"],
  5: ["lowest", "low", "medium", "high", "highest"],
};

/** The level a band's own words name ("Very high risk", "Amber"), else null. */
function levelOfLabel(label: string): Level | null {
  const l = label.toLowerCase();
  if (/very high|extreme|critical|severe|catastroph|intolerable/.test(l)) return "highest";
  if (/very low|negligible|minimal|insignificant/.test(l)) return "lowest";
  if (/high|\bred\b|major/.test(l)) return "high";
  if (/amber/.test(l)) return "amber";
  if (/medium|moderate|significant|tolerable/.test(l)) return "medium";
  if (/low|green|minor/.test(l)) return "low";
  return null;
}

/** "Very High risk" → "VH"; "Medium" → "M". */
export function shortLabel(label: string): string {
  const words = label
    .replace(/\brisks?\b/gi, "")
    .split(/[\s-]+/)
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

/**
 * A style per band, lowest first. A band's words win ("High" is red wherever it sits); bands
 * without telling words take the colour of their position.
 */
export function bandStyles(sorted: readonly Band[]): BandStyle[] {
  const positional = BY_POSITION[Math.min(sorted.length, 5)] ?? BY_POSITION[5] ?? [];
  const shorts = new Set<string>();
  return sorted.map((band, i) => {
    const level =
      levelOfLabel(band.label) ?? positional[Math.min(i, positional.length - 1)] ?? "medium";
    const background = FILLS[level];
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
  const background = FILLS[levelOfLabel(label) ?? "medium"];
  return { background, text: textOn(background), short: label.charAt(0) };
}

export const HEAT_FILLS: readonly string[] = Object.values(FILLS);
