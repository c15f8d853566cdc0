import { bandStyles, HEAT_FILLS, levelOfLabel, ragStyle } from "../../src/core/band-colours";
import type { Band } from "../../src/core/bands";

/** Bands 1..n from labels, lowest first, as a key lists them. */
const bands = (...labels: string[]): Band[] =>
  labels.map((label, i) => ({ from: i * 5 + 1, to: i * 5 + 4, label }));

const fills = (...labels: string[]) => bandStyles(bands(...labels)).map((s) => s.background);

/** The order of the fills on the ladder, lowest severity first. */
const rank = (fill: string) => HEAT_FILLS.indexOf(fill);

describe("band colours follow the sheet's labels", () => {
  const vocabularies = [
    ["Green", "Amber-Green", "Amber", "Amber-Red", "Red"],
    ["Green", "Amber/Green", "Amber", "Red/Amber", "Red"],
    ["G", "A/G", "A", "A/R", "R"],
    ["Low", "Medium", "High", "Very high"],
    ["Very low", "Low", "Medium", "High", "Very high"],
    ["Minor", "Moderate", "Significant", "Major", "Critical"],
    ["Negligible", "Minor", "Moderate", "Significant", "Major", "Critical"],
  ];

  it.each(vocabularies.map((v) => [v.join(" / "), v]))(
    "gives each label of %s its own colour, rising with severity",
    (_name, labels) => {
      const got = fills(...labels);
      expect(new Set(got).size).toBe(labels.length);
      const ranks = got.map(rank);
      expect(ranks.every((r) => r >= 0)).toBe(true);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    },
  );

  it("keeps the meaning of the words: green is green, amber amber, red red, whatever the key", () => {
    const rag = fills("Green", "Amber/Green", "Amber", "Amber/Red", "Red");
    expect(rag[0]).toBe(ragStyle("Green").background);
    expect(rag[2]).toBe(ragStyle("Amber").background);
    expect(rag[4]).toBe(ragStyle("Red").background);
    // The in-between ratings sit between their neighbours, not on them.
    expect(rank(rag[1] ?? "")).toBeGreaterThan(rank(rag[0] ?? ""));
    expect(rank(rag[1] ?? "")).toBeLessThan(rank(rag[2] ?? ""));
    expect(rank(rag[3] ?? "")).toBeGreaterThan(rank(rag[2] ?? ""));
    expect(rank(rag[3] ?? "")).toBeLessThan(rank(rag[4] ?? ""));
    // "High" stays red beside "Very high", and Moderate/Significant no longer share a colour.
    expect(fills("Low", "Medium", "High", "Very high")[2]).toBe(ragStyle("Red").background);
    const impact = fills("Minor", "Moderate", "Significant", "Major", "Critical");
    expect(impact[1]).not.toBe(impact[2]);
    expect(impact[2]).toBe(ragStyle("Amber").background);
  });

  it("reads the slash and letter forms of the RAG ratings", () => {
    expect(levelOfLabel("Amber/Green")).toBe(levelOfLabel("Amber-Green"));
    expect(levelOfLabel("A/G")).toBe(levelOfLabel("Green / Amber"));
    expect(levelOfLabel("Red/Amber")).toBe(levelOfLabel("A/R"));
    expect(levelOfLabel("Amber/Green")).not.toBe(levelOfLabel("Amber"));
  });

  it("gives the same label the same colour, and separates labels that named one step", () => {
    // Two bands spelled alike ("Low risk", "Low") are one band label.
    const same = bandStyles([
      { from: 1, to: 2, label: "Low risk" },
      { from: 3, to: 4, label: "Low" },
      { from: 5, to: 9, label: "High" },
    ]).map((s) => s.background);
    expect(same[0]).toBe(same[1]);
    // "Medium" and "Moderate" both name the middle: they still get two colours, in order.
    const both = fills("Low", "Medium", "Moderate", "High");
    expect(new Set(both).size).toBe(4);
    expect(both.map(rank)).toEqual([...both.map(rank)].sort((a, b) => a - b));
  });

  it("spreads more bands than the ladder has steps, still distinct and rising", () => {
    const many = fills(
      ...Array.from({ length: 10 }, (_, i) => `Band ${String.fromCharCode(65 + i)}`),
    );
    expect(new Set(many).size).toBe(10);
  });

  it("uses the sheet's own key fills where the key cells are filled", () => {
    const styles = bandStyles(bands("Low", "Medium", "High"), { "High risk": "#FF0000" });
    expect(styles.map((s) => s.background)).toEqual([
      ragStyle("Green").background,
      fills("Low", "Medium", "High")[1],
      "#ff0000",
    ]);
    expect(styles[2]?.text).toBe("#1a1a1a");
  });
});
