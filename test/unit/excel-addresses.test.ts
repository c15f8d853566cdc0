/**
 * Properties where the adapter meets text it does not control: sheet names users chose, in the
 * addresses Excel renders, and any string written to a cell.
 */
import fc from "fast-check";
import { notCovered, parseAreas } from "../../src/adapters/excel/addresses";
import { asInput } from "../../src/adapters/excel/batcher";
import { renderAddress, MAX_COLUMN, MAX_ROW, type Area } from "../shims/excel-double/a1";
import { typed } from "../shims/excel-double/coerce";

/**
 * Names Excel accepts: 1–31 characters, none of []:*?/\, no apostrophe at either end; and the
 * names the formula tokenizer reads as booleans when bare.
 */
const sheetName = fc.oneof(
  fc.constantFrom("TRUE", "FALSE", "true", "False"),
  fc
    .string({ minLength: 1, maxLength: 31, unit: "grapheme" })
    .filter(
      (s) =>
        !/[[\]:*?/\\]/.test(s) &&
        !s.startsWith("'") &&
        !s.endsWith("'") &&
        s.trim() === s &&
        s.length > 0,
    ),
);

const area: fc.Arbitrary<Area> = fc.oneof(
  fc.tuple(fc.nat(2000), fc.nat(60), fc.nat(2000), fc.nat(60)).map(([a, b, c, d]) => ({
    r1: Math.min(a, c),
    c1: Math.min(b, d),
    r2: Math.max(a, c),
    c2: Math.max(b, d),
  })),
  fc
    .tuple(fc.nat(MAX_ROW), fc.nat(MAX_ROW))
    .map(([a, b]) => ({ r1: Math.min(a, b), c1: 0, r2: Math.max(a, b), c2: MAX_COLUMN })),
  fc
    .tuple(fc.nat(MAX_COLUMN), fc.nat(MAX_COLUMN))
    .map(([a, b]) => ({ r1: 0, c1: Math.min(a, b), r2: MAX_ROW, c2: Math.max(a, b) })),
);

describe("Excel's addresses, as the double renders them, read back as the same areas", () => {
  it("for any sheet name and any mix of bounded, whole-row and whole-column areas", () => {
    fc.assert(
      fc.property(sheetName, fc.array(area, { minLength: 1, maxLength: 5 }), (name, areas) => {
        const parsed = parseAreas(renderAddress(name, areas));
        expect(parsed).toEqual(
          areas.map((a) => ({
            firstRow: a.r1,
            lastRow: a.r2,
            firstColumn: a.c1,
            lastColumn: a.c2,
          })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("reads hidden rows as the rows no visible area covers", () => {
    const areas = parseAreas("Sheet1!A1:D2, Sheet1!A5:D9");
    expect(notCovered(areas, 0, 9, "rows")).toEqual([2, 3, 9]);
    expect(() => parseAreas("Sheet1!A1:B2 + 3")).toThrow(/cannot read/);
  });
});

describe("any string written through the adapter lands as that text", () => {
  it("for arbitrary strings, including ones Excel would parse as numbers, dates or formulas", () => {
    const tricky = fc.constantFrom(
      "2010/11",
      "00123",
      "01/04/2025",
      "TRUE",
      "=1+1",
      "+44",
      "-2",
      "@x",
      "5%",
      "(5)",
      "$5",
      "1e3",
      "'quoted",
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ minLength: 1 }), tricky), (s) => {
        expect(typed(asInput(s))).toEqual({ value: s, quotePrefix: true });
      }),
      { numRuns: 500 },
    );
  });
});
