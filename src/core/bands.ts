import { z } from "zod";

export const BandSchema = z.object({
  from: z.number(),
  to: z.number(),
  label: z.string().min(1),
});
export type Band = z.infer<typeof BandSchema>;

export const BandSetSchema = z.object({
  bands: z.array(BandSchema).min(1),
  /**
   * Where the bands came from: the sheet's own key, another sheet's key, settings, the labels the
   * register itself writes beside its scores where it states no key ("ratings"), defaults.
   */
  source: z.enum(["sheet", "workbook", "settings", "ratings", "default"]),
  /** "Sheet!A12" where the key was read, when it was read from the workbook. */
  at: z.string().optional(),
  /** How many rated rows the bands were inferred from, when read from the ratings. */
  rows: z.number().int().positive().optional(),
  /** The fills ("#rrggbb") of the key's own cells, by band label, where the council filled them. */
  fills: z.record(z.string(), z.string().regex(/^#[0-9a-f]{6}$/)).optional(),
});
export type BandSet = z.infer<typeof BandSetSchema>;

/** Council defaults when a register states no key. The 4-point set matches the BCP seed key. */
export const DEFAULT_BANDS: Record<3 | 4 | 5, Band[]> = {
  // A 3×3 scores 1, 2, 3, 4, 6 or 9: low, medium and high thirds of the grid.
  3: [
    { from: 1, to: 2, label: "Low" },
    { from: 3, to: 4, label: "Medium" },
    { from: 6, to: 9, label: "High" },
  ],
  4: [
    { from: 1, to: 2, label: "Low" },
    { from: 3, to: 6, label: "Medium" },
    { from: 8, to: 16, label: "High" },
  ],
  5: [
    { from: 1, to: 4, label: "Low" },
    { from: 5, to: 9, label: "Medium" },
    { from: 10, to: 16, label: "High" },
    { from: 20, to: 25, label: "Very high" },
  ],
};

/** Bands in ascending order of their lower bound. */
export function sortBands(bands: readonly Band[]): Band[] {
  return [...bands].sort((a, b) => a.from - b.from);
}

/** Each band list sorted once: `bandOf` runs for every row of a register, on the same list. */
const sortedLists = new WeakMap<readonly Band[], readonly Band[]>();
export function sortedOnce(bands: readonly Band[]): readonly Band[] {
  let sorted = sortedLists.get(bands);
  if (!sorted) {
    sorted = sortBands(bands);
    sortedLists.set(bands, sorted);
  }
  return sorted;
}

/**
 * The band of a score: the band with the greatest lower bound at or below it, so that scores in a
 * gap between bands (7 with 3-6 and 8-16) fall to the lower band, and the lowest band catches
 * anything below it. The priority formula written into the sheet follows exactly this rule for
 * every score a scale can give; a score below 1 (a blank likelihood times an impact) it leaves
 * in no band ("", see priorityFormula in risk/formulas.ts).
 */
export function bandOf(score: number, bands: readonly Band[]): Band {
  const sorted = sortedOnce(bands);
  let chosen = sorted[0];
  for (const band of sorted) if (score >= band.from) chosen = band;
  if (!chosen) throw new Error("bandOf needs at least one band");
  return chosen;
}

/**
 * Where a score sits among the key's bands, in words for a message: "is in band 8-12 High", or,
 * when no band holds it, "is above every band, so 8-12 High" / "is between bands 4-6 Medium and
 * 8-12 High, so Medium" / "is below every band, so 1-3 Low" — the band `bandOf` gives it.
 */
export function describeScorePlace(score: number, bands: readonly Band[]): string {
  const band = bandOf(score, bands);
  const named = describeBand;
  if (score >= band.from && score <= band.to) return `is in band ${named(band)}`;
  const sorted = sortBands(bands);
  const above = sorted.find((b) => b.from > score);
  if (score < band.from) return `is below every band, so ${named(band)}`;
  if (!above) return `is above every band, so ${named(band)}`;
  return `is between bands ${named(band)} and ${named(above)}, so ${band.label}`;
}

/** "Low risk" and "low" name the same band. */
export function sameBandLabel(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/\b(risk|priority|rating)\b/g, "")
      .replace(/[^a-z]+/g, "");
  return norm(a) === norm(b);
}

/** One band as the settings box and the reports write it: "8-12 High". */
export function describeBand(band: Band): string {
  return `${band.from}-${band.to} ${band.label}`;
}

/**
 * The bands in score order as one text, "1-3 Low, 4-6 Medium, 8-12 High": what `check` reports,
 * and what the pane's settings box shows and parseBandsText reads back.
 */
export function describeBands(bands: readonly Band[]): string {
  return sortBands(bands).map(describeBand).join(", ");
}
