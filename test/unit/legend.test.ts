import { readLegend } from "../../src/core/risk/legend";
import { bandOf, sameBandLabel } from "../../src/core/bands";
import { sheet } from "../helpers/builders";

describe("readLegend", () => {
  it("reads the BCP seed key: scale and bands in one row", () => {
    const s = sheet("Risks", [
      ["Risk Key:"],
      ["Definitions:", "L = Likelihood (1-4)", "I = Impact (1-4)", "S = Score (I x L)"],
      ["Priority Ratings:", "1-2 Low risk", "3-6 Medium risk", "8-16 High"],
    ]);
    expect(readLegend(s, new Set())).toEqual({
      scale: 4,
      at: "B3",
      bands: [
        { from: 1, to: 2, label: "Low" },
        { from: 3, to: 6, label: "Medium" },
        { from: 8, to: 16, label: "High" },
      ],
      // Each band's own cell, where a council's fill for it would be.
      cells: [["B3"], ["C3"], ["D3"]],
    });
  });

  it("reads a vertical key with label and range in neighbouring cells", () => {
    const s = sheet("Risks", [
      [null, null, null, null, "Rating bands"],
      [null, null, null, null, "Low", "1-4"],
      [null, null, null, null, "Medium", "5-12"],
      [null, null, null, null, "High", "15-25"],
    ]);
    const legend = readLegend(s, new Set());
    expect(legend.bands?.map((b) => `${b.from}-${b.to} ${b.label}`)).toEqual([
      "1-4 Low",
      "5-12 Medium",
      "15-25 High",
    ]);
    expect(legend.at).toBe("E2");
  });

  it("reads 'Label: a-b' and open-ended '20+' bands, closing them at the top of the scale", () => {
    const s = sheet("Risks", [["Likelihood (1-5)"], ["Low: 1-6", "Medium: 8-15", "20+ Critical"]]);
    expect(readLegend(s, new Set()).bands).toEqual([
      { from: 1, to: 6, label: "Low" },
      { from: 8, to: 15, label: "Medium" },
      { from: 20, to: 25, label: "Critical" },
    ]);
  });

  it("ignores table rows, lone ranges and overlapping bands", () => {
    const s = sheet("Risks", [
      ["1-2 Low", "3-6 Medium"],
      ["Budget 1-2 years"],
      ["1-5 Low", "3-9 High"],
    ]);
    expect(readLegend(s, new Set([0])).bands).toBeNull();
  });
});

describe("bands", () => {
  const bands = [
    { from: 1, to: 2, label: "Low" },
    { from: 3, to: 6, label: "Medium" },
    { from: 8, to: 16, label: "High" },
  ];
  it.each([
    [1, "Low"],
    [2, "Low"],
    [3, "Medium"],
    [6, "Medium"],
    [7, "Medium"],
    [8, "High"],
    [16, "High"],
    [0, "Low"],
  ])("score %i is %s", (score, label) => {
    expect(bandOf(score, bands).label).toBe(label);
  });

  it("compares labels the way officers write them", () => {
    expect(sameBandLabel("Medium risk", "Medium")).toBe(true);
    expect(sameBandLabel("HIGH", "High")).toBe(true);
    expect(sameBandLabel("Very high", "High")).toBe(false);
  });
});
