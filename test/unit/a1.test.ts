import {
  cellAddress,
  columnIndex,
  columnLetter,
  parseAddress,
  rangeAddress,
} from "../../src/core/a1";

describe("A1 addressing", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it("formats cells and ranges 1-based", () => {
    expect(cellAddress(8, 3)).toBe("D9");
    expect(rangeAddress(4, 0, 8, 3)).toBe("A5:D9");
    expect(rangeAddress(2, 2, 2, 2)).toBe("C3");
  });

  it("parses addresses with or without $", () => {
    expect(parseAddress("$B$9")).toEqual({ row: 8, column: 1 });
    expect(parseAddress("aa10")).toEqual({ row: 9, column: 26 });
    expect(() => parseAddress("9B")).toThrow("Not a cell address");
    expect(() => columnIndex("A1")).toThrow("Not a column");
  });
});
