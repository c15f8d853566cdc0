import fc from "fast-check";
import { compositeName, headerRuns, readHeaderBlock } from "../../src/core/tables/header-block";
import { cellAddress } from "../../src/core/a1";
import type { Cell } from "../../src/core/snapshot";
import { dateToSerial } from "../../src/core/values";
import { sheet, type Entry } from "../helpers/builders";

/**
 * The rows under a header's top row that are header too, and those that are a table's first
 * line: words that tell columns apart ("Risk" / "No."), scale hints ("(L/M/H)", "(1-5)"), month
 * dates under group labels; and rating words under columns already named, which are a line's.
 */

const read = (rows: Entry[][], merges: string[] = [], from = 0, to = 7) => {
  const block = readHeaderBlock(sheet("S", rows, { merges }), 0, from, to);
  return {
    bottom: block.bottom,
    names: block.columns.map(
      (c) => `${cellAddress(0, c.column).replace(/\d+/, "")}=${compositeName(c)}`,
    ),
    units: block.columns.filter((c) => c.unit).map((c) => `${c.column}:${c.unit}`),
  };
};

const month = (year: number, m: number): Cell => ({
  value: dateToSerial(year, m, 1),
  numberFormat: "mmm-yy",
});

describe("a second row of header words", () => {
  const top = ["Risk", "Risk", "Lead", "Likelihood", "Impact", "Risk", "Action"];
  const line = ["CR01", "Loss of key staff", "Head of Service", "Medium", "High", "High", "Yes"];

  it.each([["(L/M/H)"], ["L/M/H"], ["(Low/Medium/High)"], [null]])(
    "names each column with the words above it, hint %p a unit",
    (hint) => {
      const second = ["No.", "Description", "Officer", hint, hint, "Rating", "planned"];
      const got = read([top, second, line]);
      expect(got.bottom).toBe(1);
      expect(got.names).toEqual([
        "A=Risk No.",
        "B=Risk Description",
        "C=Lead Officer",
        "D=Likelihood",
        "E=Impact",
        "F=Risk Rating",
        "G=Action planned",
      ]);
      expect(got.units).toEqual(hint ? [`3:${hint}`, `4:${hint}`] : []);
    },
  );

  it.each([["(1-5)"], ["(1-4)"], ["1-5"], ["(L/M/H)"]])(
    "reads a hint %p under Likelihood and Impact alone as the header's, with an id beside",
    (hint) => {
      const rows = [
        ["Risk", "Title", "Likelihood", "Impact", "Owner"],
        ["ID", null, hint, hint, null],
        ["R1", "Flood", 3, 4, "Ops"],
      ];
      const got = read(rows, [], 0, 4);
      expect(got.bottom).toBe(1);
      expect(got.names).toEqual(["A=Risk ID", "B=Title", "C=Likelihood", "D=Impact", "E=Owner"]);
      expect(got.units).toEqual([`2:${hint}`, `3:${hint}`]);
    },
  );

  it("keeps a count's unit in a row of units", () => {
    const got = read(
      [
        ["Staff", "Cost"],
        ["No.", "£'000"],
        [3, 120],
      ],
      [],
      0,
      1,
    );
    expect(got).toEqual({ bottom: 1, names: ["A=Staff", "B=Cost"], units: ["0:No.", "1:£'000"] });
  });

  it("reads names typed in one row with no duplicates and a line of words under them as data", () => {
    const got = read([
      ["Ref", "Risk", "Owner", "Likelihood", "Impact", "Rating", "Action"],
      ["CR01", "Fraud", "Auditor", "Medium", "High", "High", "Yes"],
    ]);
    expect(got.bottom).toBe(0);
  });
});

describe("rating words under a complete header", () => {
  const top = ["Risk No.", "Likelihood", "Impact", "Risk", "Action planned"];

  it.each([
    ["CR01", "Medium", "High", "High", "Yes"],
    [null, "Medium", "High", "High", "Yes"],
    [null, "Low", "Low", null, null],
  ])("are a line, never a third header row (%p …)", (...first) => {
    const got = read([top, [null, null, null, "Rating", null], first], [], 0, 4);
    expect(got.bottom).toBe(1);
    expect(got.names).toContain("D=Risk Rating");
    expect(got.names).toContain("E=Action planned");
  });

  it("head their columns under a group label merged over them (a matrix's axis)", () => {
    const got = read(
      [
        ["Likelihood", "Impact", null, null],
        [null, "Low", "Medium", "High"],
        ["Rare", 1, 2, 3],
      ],
      ["A1:A2", "B1:D1"],
      0,
      3,
    );
    expect(got.bottom).toBe(1);
    expect(got.names).toEqual([
      "A=Likelihood",
      "B=Impact › Low",
      "C=Impact › Medium",
      "D=Impact › High",
    ]);
  });
});

describe("month dates in a header block", () => {
  const months = (from: number) => Array.from({ length: 3 }, (_, k) => month(2025, from + k));

  it.each([[["£m", "£m", "£m", "£m", "£m", "£m"]], [null]])(
    "are header under 'Actual' | 'Forecast' merged over them (units %p)",
    (units) => {
      const rows: Entry[][] = [
        ["Actual", null, null, "Forecast", null, null, "Full Year"],
        [...months(4), ...months(7)],
      ];
      if (units) rows.push(units);
      rows.push([1, 2, 3, 4, 5, 6, 21]);
      const bottom = units ? 2 : 1;
      const got = read(rows, ["A1:C1", "D1:F1", `G1:G${bottom + 1}`], 0, 6);
      expect(got.bottom).toBe(bottom);
      expect(got.names[6]).toBe("G=Full Year");
      expect(got.units).toEqual(units ? [0, 1, 2, 3, 4, 5].map((c) => `${c}:£m`) : []);
    },
  );

  it("are a line's under the columns' own names", () => {
    const got = read(
      [
        ["Project", "Start", "End", "Review"],
        ["Depot", month(2025, 4), month(2025, 9), month(2026, 1)],
      ],
      [],
      0,
      3,
    );
    expect(got.bottom).toBe(0);
  });
});

const cell: fc.Arbitrary<Entry> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    "Risk",
    "No.",
    "(L/M/H)",
    "(1-5)",
    "Medium",
    "High",
    "Yes",
    "£m",
    "Actual",
    "Rating",
  ),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 50_000 }),
  fc.integer({ min: 40_000, max: 50_000 }).map((value) => ({ value, numberFormat: "mmm-yy" })),
);
const merge = fc
  .tuple(fc.nat(5), fc.nat(6), fc.nat(2), fc.nat(3))
  .map(([r, c, h, w]) => `${cellAddress(r, c)}:${cellAddress(r + h, c + w)}`);

describe("header blocks on arbitrary grids of header words, ratings and dates", () => {
  it("never throw, and stay within a block of words and a units row", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 7 }),
        fc.array(merge, { maxLength: 4 }),
        fc.nat(6),
        (rows, merges, top) => {
          const s = sheet("S", rows, { merges });
          for (const run of headerRuns(s, top)) {
            const block = readHeaderBlock(s, top, run.from, run.to);
            expect(block.bottom - block.top).toBeLessThanOrEqual(3);
          }
        },
      ),
    );
  });
});
