import { keyCells, readLegend } from "../../src/core/risk/legend";
import { sheet } from "../helpers/builders";

/**
 * A register's rows read as one long run of single scores ("Officer 3" | 2): once two of them
 * start at the same score the run is no key, and it stops keeping bands (issue 12's bench: a
 * 100,000-row register's keyCells). The key after it is still found, and one that the run's own
 * rows would have made overlap is still refused.
 */
describe("runs of bands that overlap", () => {
  const register = (rows: number) =>
    Array.from({ length: rows }, (_, i) => [`CR${i + 1}`, `Officer ${i % 7}`, (i % 5) + 1]);

  it("refuses a run whose singles repeat a score, even when a range follows in the next row", () => {
    const s = sheet("Risks", [
      ["Low", 1],
      ["Medium", 2],
      ["Low", 1],
      ["High", "3-9"],
    ]);
    expect(readLegend(s, new Set()).bands).toBeNull();
    expect(keyCells(s)).toEqual([]);
  });

  it("still reads a run of distinct singles closed by a range", () => {
    const s = sheet("Risks", [
      ["Low", 1],
      ["Medium", 2],
      ["High", "3-9"],
    ]);
    expect(readLegend(s, new Set()).bands).toEqual([
      { from: 1, to: 1, label: "Low" },
      { from: 2, to: 2, label: "Medium" },
      { from: 3, to: 9, label: "High" },
    ]);
    expect(keyCells(s)).toEqual(["A1", "B1", "A2", "B2", "A3", "B3"]);
  });

  it("finds the key below a long register, with its cells", () => {
    const rows = register(5000);
    const s = sheet("Risks", [
      ...rows,
      [],
      ["Risk Key:"],
      ["Priority Ratings:", "1-4 Low", "5-9 Medium", "10-16 High", "20-25 Very high"],
    ]);
    const keyRow = rows.length + 3;
    expect(readLegend(s, new Set()).at).toBe(`B${keyRow}`);
    expect(keyCells(s)).toEqual(["B", "C", "D", "E"].map((col) => `${col}${keyRow}`));
  });

  it("refuses a key whose rows continue the register's run of repeated scores", () => {
    const s = sheet("Risks", [...register(20), ["Low", "1-4"], ["High", "5-25"]]);
    expect(readLegend(s, new Set()).bands).toBeNull();
  });
});
