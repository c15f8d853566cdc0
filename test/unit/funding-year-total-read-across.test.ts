import { analyseWorkbook } from "../../src/core/analyse";
import { f, sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A year total typed wrong in a wide plan (a trial's "2025/26 Total £" of 95,000 where UKSPF +
 * Match = 90,000) is added as typed by the line's total across years to its right: the one apply
 * writes (=SUM of the year totals, typed totals kept) or the council's own where its formula reads
 * the cell. Its message says so; a typed total across years reads nothing and is not named.
 */
function plan(across: Entry | undefined): Entry[][] {
  const total = across === undefined ? [] : ["Total all years"];
  return [
    ["Intervention", "2025/26", null, null, "2026/27", null, null, ...total.map(() => null)],
    [null, "UKSPF £", "Match £", "Total £", "UKSPF £", "Match £", "Total £", ...total],
    [
      "Town centre",
      120,
      40,
      160,
      150,
      50,
      200,
      ...(across === undefined ? [] : [f("=SUM(D3,G3)", 360)]),
    ],
    ["Skills", 60, 30, 95, 70, 30, 100, ...(across === undefined ? [] : [across])],
  ];
}

const messageAtD4 = (rows: Entry[][]) =>
  analyseWorkbook(workbook(sheet("Plan", rows, { merges: ["B1:D1", "E1:G1"] })), {
    asOf: TODAY,
  }).findings.find((x) => x.cell === "D4")?.message;

const WRONG = "2025/26 Total £ is £95 but UKSPF + Match = £90";

describe("funding: a wrong year total read by the total across years", () => {
  it("names the Total all years apply adds, as a column still to come", () => {
    expect(messageAtD4(plan(undefined))).toBe(
      `${WRONG}; the new Total all years column will add this figure as typed`,
    );
  });

  it("names the council's total across years when its formula reads the cell", () => {
    expect(messageAtD4(plan(f("=SUM(D4,G4)", 195)))).toBe(
      `${WRONG}; Total all years to its right adds this figure as typed`,
    );
  });

  it("names nothing when the total across years is typed, and counts a right one right", () => {
    // 190 is 90 + 100, the true figures: right as typed, not put out by the wrong 95.
    expect(messageAtD4(plan(190))).toBe(
      `${WRONG}; H4 is right as typed: it counts the right figure here`,
    );
  });
});
