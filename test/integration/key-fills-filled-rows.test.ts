import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { loadFile, tempDir } from "../helpers/xlsx";

/**
 * The direct reader looks for key cells only around the rows that hold a filled cell (read from
 * each cell's style), not in every text cell of the register: the fills it finds must be those of
 * the key's cells, as the ExcelJS reader (which searches the whole sheet) finds them.
 */
type Entry = string | number | null;
const RED = "FFFF0000";
const AMBER = "FFFFC000";
const GREEN = "FF00B050";
const HEADER_FILL = "FFD9E1F2";

const registerRows = (n: number): Entry[][] =>
  Array.from({ length: n }, (_, i) => {
    const l = (i % 5) + 1;
    const im = ((i * 3) % 5) + 1;
    return [`CR${i + 1}`, `Risk ${i + 1}: flooding`, `Officer ${i % 7}`, l, im, l * im];
  });

/** Writes the rows, then fills each listed cell ("A1": "FFFF0000"). */
async function write(file: string, rows: Entry[][], fills: Record<string, string>) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Risks");
  for (const row of rows) ws.addRow(row);
  for (const [address, argb] of Object.entries(fills))
    ws.getCell(address).fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
  await wb.xlsx.writeFile(file);
  return file;
}

async function bothReaders(file: string) {
  const direct = await openWorkbook(new Uint8Array(readFileSync(file)), path.basename(file));
  expect(direct.engine).toBe("direct");
  const exceljs = await loadFile(file);
  return {
    direct: direct.snapshot.sheets[0]?.keyFills,
    exceljs: exceljs.snapshot.sheets[0]?.keyFills,
  };
}

const dir = tempDir("cs-key-fills-rows-");
const header = ["Ref", "Risk", "Owner", "Likelihood", "Impact", "Score"];
const headerFills = (digits: boolean) =>
  Object.fromEntries(
    ["A", "B", "C", "D", "E", "F"].map((c) => [`${c}${digits ? 4 : 1}`, HEADER_FILL]),
  );

describe("key fills read around the filled rows", () => {
  it("a filled header over the register and a coloured key below it", async () => {
    const rows = [
      header,
      ...registerRows(300),
      [],
      ["Risk key"],
      ["Low", "1-4"],
      ["Medium", "5-9"],
      ["High", "10-25"],
    ];
    const file = await write(path.join(dir, "below.xlsx"), rows, {
      ...headerFills(false),
      A304: GREEN,
      A305: AMBER,
      A306: RED,
    });
    const expected = { A304: "#00b050", A305: "#ffc000", A306: "#ff0000" };
    expect(await bothReaders(file)).toEqual({ direct: expected, exceljs: expected });
  });

  it("a key kept as a table above a header with digits, its score cells coloured", async () => {
    const rows = [
      ["Rating", "Score from", "Score to"],
      ["Low", 1, 4],
      ["High", 5, 25],
      ["Ref", "Risk", "Owner", "Likelihood (1-5)", "Impact (1-5)", "Score"],
      ...registerRows(200),
    ];
    // The table form reads the label's cell: fills on the bounds are not the key's.
    const file = await write(path.join(dir, "above.xlsx"), rows, {
      ...headerFills(true),
      A2: GREEN,
      B3: RED,
      A3: RED,
    });
    const expected = { A2: "#00b050", A3: "#ff0000" };
    expect(await bothReaders(file)).toEqual({ direct: expected, exceljs: expected });
  });

  it("a register with no filled cell has no key fills, its key uncoloured", async () => {
    const rows = [header, ...registerRows(100), [], ["Low", "1-4"], ["High", "5-25"]];
    const file = await write(path.join(dir, "plain.xlsx"), rows, {});
    expect(await bothReaders(file)).toEqual({ direct: undefined, exceljs: undefined });
  });
});
