import { excelDouble, type DoubleSheet } from "../shims/excel-double";
import { checkAndWrite, register } from "../helpers/excel";

/** The new header cells the write left in the first row, right of `after` (0-based). */
function headersRightOf(sheet: DoubleSheet | undefined, after: number): number[] {
  return [...(sheet?.cells ?? new Map())]
    .map(([key, cell]) => ({ at: key.split(",").map(Number), cell }))
    .filter(({ at: [r, c], cell }) => r === 0 && (c ?? 0) > after && cell.value !== "")
    .map(({ at: [, c] }) => c ?? 0);
}

// Register(…, false): Ref, Likelihood, Impact in A:C over 8 rows; the write adds its Score (and
// priority) columns right of C, headed in row 1.
const AREA = { r1: 0, c1: 0, r2: 8, c2: 2 };

describe("the print area through Office.js", () => {
  it("grows over the new columns, as the direct writer does (ExcelApi 1.9)", async () => {
    const sheet = { ...register(8, false), printArea: [AREA] };
    const d = excelDouble([sheet]);
    await checkAndWrite(d, false);
    const written = d.sheet("Register");
    const added = headersRightOf(written, 2);
    expect(added.length).toBeGreaterThan(0);
    expect(written?.printArea).toEqual([{ ...AREA, c2: Math.max(...added) }]);
  });

  it("is left alone below ExcelApi 1.9, with several blocks, and where none is set", async () => {
    const old = excelDouble([{ ...register(8, false), printArea: [AREA] }], { version: 8 });
    await checkAndWrite(old, false);
    expect(old.sheet("Register")?.printArea).toEqual([AREA]);
    const blocks = [AREA, { r1: 20, c1: 0, r2: 30, c2: 2 }];
    const two = excelDouble([{ ...register(8, false), printArea: blocks }]);
    await checkAndWrite(two, false);
    expect(two.sheet("Register")?.printArea).toEqual(blocks);
    const none = excelDouble([register(8, false)]);
    await checkAndWrite(none, false);
    expect(none.sheet("Register")?.printArea).toBeUndefined();
  });
});
