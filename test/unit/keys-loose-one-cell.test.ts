import { readLegend } from "../../src/core/risk/legend";
import { bandsInOneCell } from "../../src/core/tables/keys";
import { sheet } from "../helpers/builders";

const named = (bands: { from: number; to: number; label: string }[] | null | undefined) =>
  (bands ?? []).map((b) => `${b.from}-${b.to} ${b.label}`);

// The forms of one-cell key councils wrote in the trial workbooks, besides "Low 1–2, Medium 3–4".
describe("loosely written one-cell keys", () => {
  it("reads a label with its range in brackets, separated by slashes or commas", () => {
    const gar = ["1-2 Green", "3-4 Amber", "6-9 Red"];
    expect(named(bandsInOneCell("Green (1-2) / Amber (3-4) / Red (6-9)"))).toEqual(gar);
    expect(named(bandsInOneCell("Green (1-2), Amber (3-4), Red (6-9)"))).toEqual(gar);
  });

  it("reads past a leading title ending in a colon or a dash", () => {
    expect(named(bandsInOneCell("Key - Low 1-2, Medium 3-4, High 6-9"))).toEqual([
      "1-2 Low",
      "3-4 Medium",
      "6-9 High",
    ]);
  });

  it("reads 'and' as a separator and 'are' as filler", () => {
    expect(named(bandsInOneCell("Scores 1-2 are Low, 3-4 Medium and 6-9 High"))).toEqual([
      "1-2 Low",
      "3-4 Medium",
      "6-9 High",
    ]);
  });

  it("reads 'N+' as an open top band, closed at the scale's top by the legend", () => {
    const text = "RAG rating: 1-2 Green, 3-4 Amber, 6+ Red";
    const bands = bandsInOneCell(text);
    expect(named(bands?.slice(0, 2))).toEqual(["1-2 Green", "3-4 Amber"]);
    expect(bands?.[2]?.from).toBe(6);
    expect(bands?.[2]?.label).toBe("Red");
    const legend = readLegend(sheet("Risks", [[text]]), new Set());
    // No scale stated: a 5 × 5 matrix, top score 25.
    expect(named(legend.bands)).toEqual(["1-2 Green", "3-4 Amber", "6-25 Red"]);
    expect(legend.openTop).toBe(true);
  });

  it("still reads no key in ordinary sentences", () => {
    for (const text of [
      "Meetings 1 and 2 are on Monday",
      "Scores 1 and 2 are fine",
      "Note - items 3 and 4 are closed",
      "See page 3 (para 4) and 5",
      "Actions 1-2 are overdue and 3-4 are on hold",
      "Budget: 10+ staff and 3 contractors",
    ])
      expect(bandsInOneCell(text)).toBeNull();
  });
});
