import fc from "fast-check";
import { addedCells, addsExactly, differenceOf } from "../../src/core/tables/formula-refs";

describe("formula-refs: what plain adding formulas refer to", () => {
  it("reads SUM ranges, lists and chains of +", () => {
    expect(addedCells("=SUM(D8:F8)")).toEqual([
      { row: 7, column: 3 },
      { row: 7, column: 4 },
      { row: 7, column: 5 },
    ]);
    expect(addedCells("=SUM($C$8:$C$9, C11)")).toEqual([
      { row: 7, column: 2 },
      { row: 8, column: 2 },
      { row: 10, column: 2 },
    ]);
    expect(addedCells("=P15+P23")).toEqual([
      { row: 14, column: 15 },
      { row: 22, column: 15 },
    ]);
  });

  it("reads nothing else", () => {
    for (const f of [
      "=O10-B10",
      "=$B$18/12",
      "=SUM(A1:A2)*2",
      "=SUBTOTAL(109,T[x])",
      "12",
      undefined,
    ])
      expect(addedCells(f)).toBeNull();
  });

  it("says a formula adds exactly its parts, not one row short or one twice", () => {
    const rows = [7, 8, 9].map((row) => ({ row, column: 2 }));
    expect(addsExactly("=SUM(C8:C10)", rows)).toBe(true);
    expect(addsExactly("=C10+C8+C9", rows)).toBe(true);
    expect(addsExactly("=SUM(C8:C9)", rows)).toBe(false);
    expect(addsExactly("=SUM(C8:C10,C9)", [...rows, { row: 9, column: 2 }])).toBe(false);
  });

  it("reads a difference, plain or guarded as Council Sheets writes it", () => {
    expect(differenceOf("=P13-C13")).toEqual({
      plus: { row: 12, column: 15 },
      minus: { row: 12, column: 2 },
    });
    expect(differenceOf('=IF(AND(ISNUMBER(O10),ISNUMBER(B10)),O10-B10,"")')).toEqual({
      plus: { row: 9, column: 14 },
      minus: { row: 9, column: 1 },
    });
    expect(differenceOf("=P13-C13-1")).toBeNull();
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        addedCells(`=${text}`);
        differenceOf(`=${text}`);
        addsExactly(text, []);
      }),
      { numRuns: 500 },
    );
  });
});
