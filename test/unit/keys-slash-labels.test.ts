import { bandStyles, HEAT_FILLS } from "../../src/core/band-colours";
import { readLegend } from "../../src/core/risk/legend";
import { bandsInOneCell } from "../../src/core/tables/keys";
import { sheet } from "../helpers/builders";

const named = (bands: { from: number; to: number; label: string }[] | null | undefined) =>
  (bands ?? []).map((b) => `${b.from}-${b.to} ${b.label}`);

const FIVE = ["1-4 Green", "5-9 Amber/Green", "10-14 Amber", "15-19 Red/Amber", "20-25 Red"];

describe("slash labels in keys", () => {
  it("reads them in a one-cell key, ranges first or labels first, spaced or not", () => {
    expect(
      named(
        bandsInOneCell(
          "RAG: 1-4 Green | 5-9 Amber/Green | 10-14 Amber | 15-19 Red/Amber | 20-25 Red",
        ),
      ),
    ).toEqual(FIVE);
    expect(named(bandsInOneCell("Green 1-4, A/G 5-9, Amber 10-14, A/R 15-19, Red 20-25"))).toEqual([
      "1-4 Green",
      "5-9 A/G",
      "10-14 Amber",
      "15-19 A/R",
      "20-25 Red",
    ]);
    // A slash between bands still separates them; one inside a label joins its two words.
    expect(
      named(bandsInOneCell("Rating key: Green 1-4 / Amber / Green 5-6 / Amber 8-9 / Red 10-25")),
    ).toEqual(["1-4 Green", "5-6 Amber/Green", "8-9 Amber", "10-25 Red"]);
    expect(named(bandsInOneCell("1-4 Green / 5-9 Amber / 10-25 Red"))).toEqual([
      "1-4 Green",
      "5-9 Amber",
      "10-25 Red",
    ]);
  });

  it("reads them in a list of cells, one band a row", () => {
    const s = sheet("Risks", [
      ["RAG key"],
      ["Green", "1-4"],
      ["Amber/Green", "5-9"],
      ["Amber", "10-14"],
      ["Red/Amber", "15-19"],
      ["Red", "20-25"],
    ]);
    expect(named(readLegend(s, new Set()).bands)).toEqual(FIVE);
  });

  it("reads them in a row of key cells (the matrix of bands across a row)", () => {
    const s = sheet("Risks", [["Priority ratings:", ...FIVE]]);
    expect(named(readLegend(s, new Set()).bands)).toEqual(FIVE);
    const letters = sheet("Risks", [
      ["Key", "G: 1-4", "A/G: 5-9", "A (10-14)", "A/R 15-19", "R 20+"],
    ]);
    expect(named(readLegend(letters, new Set()).bands)).toEqual([
      "1-4 G",
      "5-9 A/G",
      "10-14 A",
      "15-19 A/R",
      "20-25 R",
    ]);
  });

  it("reads them in a risk matrix whose cells name the bands", () => {
    // Likelihood 5 at the top, impact 1..5 along the bottom; each cell's band follows L × I.
    const name = (score: number) =>
      score <= 4
        ? "Green"
        : score <= 9
          ? "Amber/Green"
          : score <= 14
            ? "Amber"
            : score <= 19
              ? "Red/Amber"
              : "Red";
    const grid = [5, 4, 3, 2, 1].map((l) => [l, ...[1, 2, 3, 4, 5].map((i) => name(l * i))]);
    const s = sheet("Risks", [["Risk matrix"], ...grid, ["L / I", 1, 2, 3, 4, 5]]);
    const legend = readLegend(s, new Set());
    expect(named(legend.bands)).toEqual([
      "1-4 Green",
      "5-9 Amber/Green",
      "10-12 Amber",
      "15-16 Red/Amber",
      "20-25 Red",
    ]);
    // Where the key is: the grid's top-left label cell (likelihood 5, impact 1), as for any matrix key.
    expect(legend.at).toBe("B2");
    expect(legend.scale).toBe(5);
    // A grid whose labels overlap in score (4 Green at 2×2, Amber at 1×4) is no key.
    const uneven = grid.map((row) => [...row]);
    (uneven[4] as unknown[])[4] = "Amber";
    expect(
      readLegend(sheet("Risks", [...uneven, ["", 1, 2, 3, 4, 5]]), new Set()).bands,
    ).toBeNull();
  });

  it("colours each slash band between its neighbours", () => {
    const bands = readLegend(sheet("Risks", [["Key", ...FIVE]]), new Set()).bands ?? [];
    const ranks = bandStyles(bands).map((s) => HEAT_FILLS.indexOf(s.background));
    expect(new Set(ranks).size).toBe(5);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});
