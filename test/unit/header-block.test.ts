import fc from "fast-check";
import {
  compositeName,
  headerRuns,
  readHeaderBlock,
  unitOf,
} from "../../src/core/tables/header-block";
import { cellAddress } from "../../src/core/a1";
import type { CellValue } from "../../src/core/snapshot";
import { sheet } from "../helpers/builders";

const names = (rows: CellValue[][], merges: string[], top: number, from: number, to: number) => {
  const block = readHeaderBlock(sheet("S", rows, { merges }), top, from, to);
  return {
    top: block.top,
    bottom: block.bottom,
    names: block.columns.map(
      (c) => `${cellAddress(0, c.column).replace(/\d+/, "")}=${compositeName(c)}`,
    ),
  };
};

describe("header blocks", () => {
  it("reads group labels merged over repeated sub-headers, with single headers merged down", () => {
    const rows: CellValue[][] = [
      ["Ref", "Risk", "Inherent risk", null, null, null, "Residual risk", null],
      [null, null, "Likelihood", "Impact", "Score", null, "Likelihood", "Impact"],
      ["R1", "Fire", 4, 5, 20, null, 2, 3],
    ];
    expect(names(rows, ["A1:A2", "B1:B2", "C1:E1", "G1:H1"], 0, 0, 7)).toEqual({
      top: 0,
      bottom: 1,
      names: [
        "A=Ref",
        "B=Risk",
        "C=Inherent risk › Likelihood",
        "D=Inherent risk › Impact",
        "E=Inherent risk › Score",
        "G=Residual risk › Likelihood",
        "H=Residual risk › Impact",
      ],
    });
  });

  it("joins words stacked over three rows in separate cells when the first column is left empty", () => {
    const rows: CellValue[][] = [
      ["Ref", "Date of", "Risk"],
      [null, "next", "level"],
      [null, "review", "(L x I)"],
      ["H1", "28/11/2025", 9],
    ];
    expect(names(rows, [], 0, 0, 2)).toEqual({
      top: 0,
      bottom: 2,
      names: ["A=Ref", "B=Date of next review", "C=Risk level (L x I)"],
    });
  });

  it("takes a units row into the header and carries the unit on its column", () => {
    const s = sheet("S", [
      ["Service", "Budget", "Forecast", "Variance %"],
      [null, "£'000", "£'000", "%"],
      ["Parks", 100, 110, 0.1],
    ]);
    const block = readHeaderBlock(s, 0, 0, 3);
    expect(block.bottom).toBe(1);
    expect(block.columns.map((c) => [c.text, c.unit])).toEqual([
      ["Service", null],
      ["Budget", "£'000"],
      ["Forecast", "£'000"],
      ["Variance %", "%"],
    ]);
  });

  it("stops at the first data row: a text row with its first column filled is data", () => {
    const rows: CellValue[][] = [
      ["Risk", "Likelihood", "Impact"],
      ["Fire", "Likely", "Major"],
    ];
    expect(names(rows, [], 0, 0, 2)).toEqual({
      top: 0,
      bottom: 0,
      names: ["A=Risk", "B=Likelihood", "C=Impact"],
    });
  });

  it("reads a merged group label as one run across a single spacer column", () => {
    const s = sheet(
      "S",
      [["Ref", "Inherent risk", null, null, null, "Residual risk", null, null, null, 5, "Key"]],
      { merges: ["B1:D1", "F1:H1"] },
    );
    expect(headerRuns(s, 0)).toEqual([
      { from: 0, to: 7 },
      { from: 10, to: 10 },
    ]);
  });

  it("knows the units councils state", () => {
    expect(["£'000", "£000", "£m", "%", "No.", "£"].map(unitOf)).toEqual([
      "£'000",
      "£000",
      "£m",
      "%",
      "No.",
      "£",
    ]);
    expect(unitOf("Budget")).toBeNull();
  });
});

const cellValue = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom("Likelihood", "Impact", "Residual risk", "£'000", "%", "Score", ""),
);
const merge = fc
  .tuple(fc.nat(8), fc.nat(8), fc.nat(4), fc.nat(4))
  .map(([r, c, h, w]) => `${cellAddress(r, c)}:${cellAddress(r + h, c + w)}`);

describe("header blocks on arbitrary grids", () => {
  it("never throw, and keep the block within three rows from the top", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellValue, { maxLength: 10 }), { maxLength: 10 }),
        fc.array(fc.oneof(merge, fc.string({ maxLength: 8 })), { maxLength: 6 }),
        fc.nat(9),
        (rows, merges, top) => {
          const s = sheet("S", rows, { merges });
          for (const run of headerRuns(s, top)) {
            const block = readHeaderBlock(s, top, run.from, run.to);
            expect(block.bottom - block.top).toBeLessThan(3);
            expect(block.columns.every((c) => c.column >= run.from && c.column <= run.to)).toBe(
              true,
            );
          }
          readHeaderBlock(s, top, 0, 12);
        },
      ),
    );
  });
});
