import fc from "fast-check";
import { compositeName, headerRuns, readHeaderBlock } from "../../src/core/tables/header-block";
import { unitOf } from "../../src/core/tables/header-units";
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

describe("group labels typed once, without a merge", () => {
  // Excel before ExcelApi 1.13 cannot report merges, and "Center Across Selection" is no merge.
  it("reads the same composite names as the merged header", () => {
    const rows: CellValue[][] = [
      ["Ref", "Risk", "Inherent risk", null, null, null, "Residual risk", null],
      [null, null, "Likelihood", "Impact", "Score", null, "Likelihood", "Impact"],
      ["R1", "Fire", 4, 5, 20, null, 2, 3],
    ];
    const merged = names(rows, ["A1:A2", "B1:B2", "C1:E1", "G1:H1"], 0, 0, 7);
    expect(names(rows, [], 0, 0, 7)).toEqual(merged);
    expect(merged.names).toContain("H=Residual risk › Impact");
    const s = (merges: string[]) => sheet("S", rows, { merges });
    expect(headerRuns(s([]), 0)).toEqual(headerRuns(s(["C1:E1", "G1:H1"]), 0));
  });

  it("ends a group at the next label, at a spacer column, and keeps a spacer-ended group whole", () => {
    const rows: CellValue[][] = [
      ["Ref", "Residual risk", null, null, null, null, "Target risk", null, "Next review"],
      [null, "Likelihood", "Impact", "Score", "Rating", null, "Likelihood", "Impact", null],
      ["R1", 2, 3, 6, "Medium", null, 1, 3, 46300],
    ];
    expect(names(rows, [], 0, 0, 8).names).toEqual([
      "A=Ref",
      "B=Residual risk › Likelihood",
      "C=Residual risk › Impact",
      "D=Residual risk › Score",
      "E=Residual risk › Rating",
      "G=Target risk › Likelihood",
      "H=Target risk › Impact",
      "I=Next review",
    ]);
  });

  it("ends the last group where its sub-headers stop repeating an earlier group's", () => {
    const rows: CellValue[][] = [
      ["Ref", "Inherent risk", null, null, "Residual risk", null, null, null],
      [null, "Likelihood", "Impact", "Score", "Likelihood", "Impact", "Score", "Owner"],
      ["R1", 4, 5, 20, 2, 3, 6, "J Smith"],
    ];
    expect(names(rows, [], 0, 0, 7).names.slice(4)).toEqual([
      "E=Residual risk › Likelihood",
      "F=Residual risk › Impact",
      "G=Residual risk › Score",
      "H=Owner",
    ]);
  });

  it("reads a lone label over a header's first column as a title, not a group", () => {
    const rows: CellValue[][] = [["Risks"], ["Title", "Likelihood", "Impact"], ["Capacity", 2, 2]];
    expect(headerRuns(sheet("S", rows), 0)).toEqual([{ from: 0, to: 0 }]);
    expect(names(rows, [], 1, 0, 2).names).toEqual(["A=Title", "B=Likelihood", "C=Impact"]);
  });

  it("reads a key line typed over a header as no group, a year label as one", () => {
    const lower: CellValue[] = ["Risk", "Likelihood", "Impact", "Score"];
    const over = (label: string) => names([["Ref", label], lower, ["R1", 2, 3, 6]], [], 0, 0, 3);
    expect(over("1-2 Low risk").names).not.toContain("C=1-2 Low risk › Impact");
    expect(over("L = Likelihood (1-4)").names).not.toContain("C=L = Likelihood (1-4) › Impact");
    expect(over("2025-26").names).toContain("C=2025-26 › Impact");
  });

  it("on generated grouped headers, reads with merges stripped exactly as with them", () => {
    const SUB = ["Likelihood", "Impact", "Score", "Rating", "Budget", "Actual", "Variance", "£"];
    const segment = (width: number) =>
      fc.oneof(
        fc.record({ kind: fc.constant("plain" as const), text: fc.constantFrom("Ref", "Owner") }),
        fc.record({
          kind: fc.constant("group" as const),
          text: fc.constantFrom("Inherent risk", "Residual risk", "2025/26", "Current year"),
          subs: fc.array(fc.constantFrom(...SUB), { minLength: width, maxLength: width }),
        }),
        fc.record({ kind: fc.constant("spacer" as const) }),
      );
    const layout = fc
      .integer({ min: 2, max: 4 })
      .chain((width) => fc.array(segment(width), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(layout, (segments) => {
        // A plain header leads, as councils' Ref or Service column does.
        const upper: CellValue[] = ["Service"];
        const lower: CellValue[] = [null];
        const merges = ["A1:A2"];
        for (const seg of segments) {
          const at = upper.length;
          if (seg.kind === "spacer") {
            upper.push(null);
            lower.push(null);
          } else if (seg.kind === "plain") {
            upper.push(seg.text);
            lower.push(null);
            merges.push(`${cellAddress(0, at)}:${cellAddress(1, at)}`);
          } else {
            seg.subs.forEach((sub, k) => {
              upper.push(k === 0 ? seg.text : null);
              lower.push(sub);
            });
            merges.push(`${cellAddress(0, at)}:${cellAddress(0, at + seg.subs.length - 1)}`);
          }
        }
        const rows = [upper, lower, upper.map((_, k) => (k === 0 ? "Line" : k))];
        const last = upper.length - 1;
        expect(names(rows, [], 0, 0, last)).toEqual(names(rows, merges, 0, 0, last));
        expect(headerRuns(sheet("S", rows), 0)).toEqual(
          headerRuns(sheet("S", rows, { merges }), 0),
        );
      }),
    );
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
