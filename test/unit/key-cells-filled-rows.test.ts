import fc from "fast-check";
import { keyCells } from "../../src/core/risk/legend";
import { sheet } from "../helpers/builders";

/**
 * A reader that knows which rows hold a filled cell passes them to `keyCells`: only runs of bands
 * through those rows are read, not every text cell of the register (issue 12's 1.2× on a
 * 100,000-row register). The key cells in the filled rows must be those the whole-sheet search
 * finds, whatever the key's form and place.
 */
type Entry = string | number | null;

const HEADER = ["Ref", "Risk", "Owner", "Likelihood", "Impact", "Score"];
const register = (rows: number): Entry[][] =>
  Array.from({ length: rows }, (_, i) => {
    const l = (i % 5) + 1;
    const im = ((i * 3) % 5) + 1;
    return [
      `CR${i + 1}`,
      `Risk ${i + 1}: flooding in area ${i % 9}`,
      `Officer ${i % 7}`,
      l,
      im,
      l * im,
    ];
  });
const inRows = (rows: number[]) => (address: string) =>
  rows.includes(Number(/\d+$/.exec(address)?.[0]) - 1);

describe("key cells read only around the filled rows", () => {
  it("a key of label | range rows below a register with a filled header", () => {
    const rows: Entry[][] = [
      HEADER,
      ...register(200),
      [],
      ["Risk key"],
      ["Low", "1-4"],
      ["Medium", "5-9"],
      ["High", "10-25"],
    ];
    const s = sheet("Risks", rows);
    const key = ["A204", "B204", "A205", "B205", "A206", "B206"];
    expect(keyCells(s, [0, 203, 204, 205])).toEqual(key);
    expect(keyCells(s).filter(inRows([0, 203, 204, 205]))).toEqual(key);
  });

  it("a key kept as a small table above the register, only its top band filled", () => {
    const rows: Entry[][] = [
      ["Rating", "Score from", "Score to"],
      ["Low", 1, 4],
      ["Medium", 5, 9],
      ["High", 10, 25],
      [],
      HEADER,
      ...register(150),
    ];
    const s = sheet("Risks", rows);
    // The whole run is read (its coherence needs every band), though one row is filled.
    expect(keyCells(s, [3, 5])).toEqual(["A2", "A3", "A4"]);
    expect(keyCells(s).filter(inRows([1, 2, 3]))).toEqual(["A2", "A3", "A4"]);
  });

  it("a key beside the title, above a filled header of words", () => {
    const rows: Entry[][] = [
      ["Corporate risk register", null, null, null, "Green", "1-4"],
      [null, null, null, null, "Amber", "5-12"],
      [null, null, null, null, "Red", "15-25"],
      HEADER,
      ...register(120),
    ];
    const s = sheet("Risks", rows);
    const key = ["E1", "F1", "E2", "F2", "E3", "F3"];
    expect(keyCells(s, [0, 1, 2, 3])).toEqual(key);
    expect(keyCells(s).filter(inRows([0, 1, 2, 3]))).toEqual(key);
  });

  it("a filled header with digits reads on into the register and finds the same key", () => {
    const header = ["Ref", "Risk", "Owner", "Likelihood (1-5)", "Impact (1-5)", "Score"];
    const rows: Entry[][] = [
      header,
      ...register(80),
      [],
      ["Low", "1-4"],
      ["Medium", "5-9"],
      ["High", "10-25"],
    ];
    const s = sheet("Risks", rows);
    expect(keyCells(s, [0])).toEqual(keyCells(s).filter(inRows([0])));
    expect(keyCells(s, [0, 82])).toEqual(["A83", "B83", "A84", "B84", "A85", "B85"]);
  });

  it("no filled row, no key cells; a filled row of words beside no band, none", () => {
    const s = sheet("Risks", [HEADER, ...register(50), [], ["Low", "1-4"], ["High", "5-25"]]);
    expect(keyCells(s, [])).toEqual([]);
    expect(keyCells(s, [0])).toEqual([]);
  });
});

describe("key cells in filled rows, property", () => {
  const vocabulary: Entry[] = [
    null,
    "",
    "Low",
    "Medium",
    "High",
    "Very high",
    "Officer 3",
    "CR12",
    "Risk 4: flooding",
    "1-4",
    "5-9",
    "10-25",
    "16+",
    "6 High",
    "Low: 1-4",
    "Score from",
    "Score to",
    "Rating: 1-4 Low | 5-12 Medium | 15-25 High",
    "Likelihood (1-4)",
    // Keys with their numbers in cells of their own: "Key" | 1 | "-" | 4 | "Low".
    "Key",
    "-",
    0,
    4,
    1,
    2,
    5,
    9,
    16,
    25,
  ];
  const grid = fc.array(fc.array(fc.constantFrom(...vocabulary), { maxLength: 6 }), {
    maxLength: 30,
  });

  it("are those the whole-sheet search finds in them", () => {
    fc.assert(
      fc.property(grid, fc.array(fc.nat(35), { maxLength: 8 }), (rows, filled) => {
        const s = sheet("Any", rows);
        const all = keyCells(s);
        fc.pre(all.length < 100);
        const within = inRows(filled);
        expect(keyCells(s, filled).filter(within)).toEqual(all.filter(within));
      }),
      { numRuns: 400 },
    );
  });
});
