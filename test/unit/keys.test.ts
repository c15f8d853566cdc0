import fc from "fast-check";
import {
  bandsInOneCell,
  standardScaleFor,
  wordScaleLists,
  wordScalesInText,
} from "../../src/core/tables/keys";
import { sheet } from "../helpers/builders";

const entries = (map: ReadonlyMap<string, number> | null) => (map ? [...map.entries()] : null);

describe("bands in one cell", () => {
  it.each([
    [
      "Rating: 1-4 Low | 5-12 Medium | 15-25 High",
      [
        { from: 1, to: 4, label: "Low" },
        { from: 5, to: 12, label: "Medium" },
        { from: 15, to: 25, label: "High" },
      ],
    ],
    [
      "RAG: 1-3 Green, 4-6 Amber, 8-16 Red",
      [
        { from: 1, to: 3, label: "Green" },
        { from: 4, to: 6, label: "Amber" },
        { from: 8, to: 16, label: "Red" },
      ],
    ],
    [
      "Risk level = L x I.   1-2 Low   |   3-4 Medium   |   6 High   |   9 Very high",
      [
        { from: 1, to: 2, label: "Low" },
        { from: 3, to: 4, label: "Medium" },
        { from: 6, to: 6, label: "High" },
        { from: 9, to: 9, label: "Very high" },
      ],
    ],
    [
      "Low 1-4; Medium 5-12; High 15-25",
      [
        { from: 1, to: 4, label: "Low" },
        { from: 5, to: 12, label: "Medium" },
        { from: 15, to: 25, label: "High" },
      ],
    ],
  ])("reads %j", (text, bands) => {
    expect(bandsInOneCell(text)).toEqual(bands);
  });

  it.each([
    "Programme risk log (all projects) – as at 1 December 2025",
    "Likelihood: 1 Rare, 2 Unlikely, 3 Possible, 4 Likely, 5 Almost certain",
    "Rating: 1-4 Low | 3-12 Medium",
    "Scores as at 31 October 2025",
  ])("is not fooled by %j", (text) => {
    expect(bandsInOneCell(text)).toBeNull();
  });
});

describe("word scales", () => {
  it("reads one sentence naming both axes", () => {
    const scales = wordScalesInText(
      "Likelihood (L) and impact (I) are each scored Low = 1, Medium = 2, High = 3.",
    );
    const three = [
      ["low", 1],
      ["medium", 2],
      ["high", 3],
    ];
    expect(entries(scales.likelihood)).toEqual(three);
    expect(entries(scales.impact)).toEqual(three);
  });

  it("gives each axis the words stated after its name", () => {
    const scales = wordScalesInText(
      "Likelihood: 1 Rare, 2 Unlikely, 3 Likely, 4 Almost certain.  Impact: 1 Minor, 2 Moderate, 3 Significant, 4 Severe.  Score = likelihood x impact.",
    );
    expect(entries(scales.likelihood)).toEqual([
      ["rare", 1],
      ["unlikely", 2],
      ["likely", 3],
      ["almost certain", 4],
    ]);
    expect(entries(scales.impact)).toEqual([
      ["minor", 1],
      ["moderate", 2],
      ["significant", 3],
      ["severe", 4],
    ]);
  });

  it("reads lists of cells under a Likelihood or Impact heading", () => {
    const s = sheet("Scoring Matrix", [
      ["Likelihood", "Score", null, "Impact", "Score"],
      ["Rare", 1, null, "Insignificant", 1],
      ["Possible", 2, null, "Moderate", 2],
      ["Likely", 3, null, "Major", 3],
    ]);
    expect(wordScaleLists(s).map((l) => [l.axis, l.row, l.column, entries(l.scale)])).toEqual([
      [
        "likelihood",
        0,
        0,
        [
          ["rare", 1],
          ["possible", 2],
          ["likely", 3],
        ],
      ],
      [
        "impact",
        0,
        3,
        [
          ["insignificant", 1],
          ["moderate", 2],
          ["major", 3],
        ],
      ],
    ]);
  });

  it("knows the standard five- and three-point scales, and no other", () => {
    expect(
      standardScaleFor("likelihood", new Set(["rare", "almost certain"]))?.get("almost certain"),
    ).toBe(5);
    expect(
      standardScaleFor("impact", new Set(["negligible", "catastrophic"]))?.get("negligible"),
    ).toBe(1);
    expect(standardScaleFor("impact", new Set(["low", "high"]))?.get("high")).toBe(3);
    expect(standardScaleFor("likelihood", new Set(["rare", "often"]))).toBeNull();
  });
});

describe("key parsing on arbitrary text", () => {
  it("never throws", () => {
    const pieces = fc.constantFrom(
      "1-4",
      " Low",
      " | ",
      "=",
      "Likelihood",
      ":",
      "12",
      ", ",
      "High",
      "5 ",
      // The looser one-cell forms: brackets, slashes, "and", "are", open tops, leading titles.
      " (",
      ")",
      " / ",
      " and ",
      " are ",
      "6+",
      "Key - ",
      "RAG rating: ",
      "Scores ",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces).map((p) => p.join("")),
        ),
        (text) => {
          const bands = bandsInOneCell(text) ?? [];
          for (let k = 1; k < bands.length; k++)
            expect(bands[k]!.from).toBeGreaterThan(bands[k - 1]!.to);
          wordScalesInText(text);
        },
      ),
    );
  });
});
