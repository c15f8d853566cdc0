import fc from "fast-check";
import { repeatedRows } from "../../src/core/tables/repeated-rows";

describe("repeatedRows (the walk behind every duplicate-id check)", () => {
  it("names each repeat with the first row that held its key, and skips blank keys", () => {
    const keys = ["R1", "", "R2", "R1", "", "R1", "R2"];
    expect(repeatedRows([0, 1, 2, 3, 4, 5, 6], (r) => keys[r] ?? "")).toEqual([
      { row: 3, first: 0 },
      { row: 5, first: 0 },
      { row: 6, first: 2 },
    ]);
  });

  it("keeps one row of each key and reports every other", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("", "a", "b", "c")), (keys) => {
        const rows = keys.map((_, i) => i);
        const repeats = repeatedRows(rows, (r) => keys[r] ?? "");
        const distinct = new Set(keys.filter((k) => k !== ""));
        const keyed = keys.filter((k) => k !== "").length;
        expect(repeats).toHaveLength(keyed - distinct.size);
        for (const { row, first } of repeats) {
          expect(keys[first]).toBe(keys[row]);
          expect(keys.indexOf(keys[row] ?? "")).toBe(first);
        }
      }),
    );
  });
});
