import { classifyRowsByArithmetic } from "../../src/core/tables/subtotals";
import { f, sheet } from "../helpers/builders";

/** Rows 0-based; column A labels, B–C money. */
const kindsOf = (rows: Parameters<typeof sheet>[1], multiplier = 1) => {
  const s = sheet("S", rows);
  const body = rows.map((_, r) => r).filter((r) => (rows[r] ?? []).some((c) => c !== null));
  return classifyRowsByArithmetic(s, body, [0], [1, 2], multiplier);
};

describe("sections and totals by arithmetic", () => {
  it("closes headed sections with unlabelled totals and takes the labelled grand total", () => {
    const st = kindsOf(
      [
        ["Housing", null, null],
        ["Homes", 3.4, 4.1],
        ["Adaptations", 1.18, 1.18],
        [null, f("=SUM(B1:B2)", 4.58), f("=SUM(C1:C2)", 5.28)],
        ["Leisure", null, null],
        ["Pool", 2.875, 0.96],
        ["Play", 0.185, 0.15],
        [null, 3.06, 1.11],
        ["Total capital programme", 7.64, 6.39],
      ],
      1_000_000,
    );
    expect(st.sections.map((s) => [s.name, s.headingRow, s.lines, s.totalRow])).toEqual([
      ["Housing", 0, [1, 2], 3],
      ["Leisure", 4, [5, 6], 7],
    ]);
    expect(st.unlabelledTotals).toEqual([3, 7]);
    expect(st.grandTotals).toEqual([8]);
  });

  it("keeps an unlabelled row that does not add up as a line", () => {
    const st = kindsOf([
      ["Housing", null, null],
      ["Homes", 100, 200],
      ["Adaptations", 50, 50],
      [null, 10, 20],
    ]);
    expect(st.kinds.get(3)).toBe("line");
    expect(st.sections[0]?.lines).toEqual([1, 2, 3]);
    expect(st.unlabelledTotals).toEqual([]);
  });

  it("reads blocks with no headings closed by labelled and unlabelled subtotals, and a grand total", () => {
    const st = kindsOf([
      ["Street cleansing", 100, 110],
      ["Litter bins", 20, 25],
      ["Total cleansing", 120, 135],
      ["Parks", 300, 310],
      ["Grounds", 40, 30],
      [null, 340, 340],
      ["Grand total", 460, 475],
    ]);
    expect(st.sections.map((s) => [s.headingRow, s.lines, s.totalRow])).toEqual([
      [null, [0, 1], 2],
      [null, [3, 4], 5],
    ]);
    expect(st.unlabelledTotals).toEqual([5]);
    expect(st.looseLines).toEqual([]);
    expect(st.grandTotals).toEqual([6]);
  });

  it("takes the total of a single block with no heading as the table's total", () => {
    const st = kindsOf([
      ["Parks", 100, 200],
      ["Libraries", 50, 60],
      ["Total", 150, 260],
    ]);
    expect(st.sections).toEqual([]);
    expect(st.looseLines).toEqual([0, 1]);
    expect(st.grandTotals).toEqual([2]);
  });
});
