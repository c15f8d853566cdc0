import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { cli } from "../helpers/cli";
import { loadFile, tempDir } from "../helpers/xlsx";

/**
 * A register a council laid out with a narrow blank column (width 1.5) after its last column, as
 * a visual gap before its notes further right: the score and priority we add go past the gap.
 */
async function register(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Risks");
  ws.addRow(["Ref", "Risk", "Likelihood", "Impact"]);
  ws.addRow(["R1", "Flood", 2, 3]);
  ws.addRow(["R2", "Fire", 4, 4]);
  ws.getColumn(5).width = 1.5;
  await wb.xlsx.writeFile(file);
  return file;
}

const dir = tempDir("cs-spacer-");
const source = path.join(dir, "register.xlsx");
const out = path.join(dir, "out.xlsx");

beforeAll(async () => {
  await register(source);
  const r = await cli("apply", source, "--out", out, "--no-reconciliation-sheet");
  expect(r.err).toBe("");
});

describe("a narrow spacer column", () => {
  it("is read as one by both readers", async () => {
    const direct = await openWorkbook(new Uint8Array(readFileSync(source)), "register.xlsx");
    expect(direct.engine).toBe("direct");
    expect(direct.snapshot.sheets[0]?.narrowColumns).toEqual([{ first: 4, last: 4 }]);
    expect((await loadFile(source)).snapshot.sheets[0]?.narrowColumns).toEqual([
      { first: 4, last: 4 },
    ]);
  });

  it("stays empty and narrow in the written file; score and priority sit past it", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Risks");
    const header = [1, 2, 3, 4, 5, 6, 7].map((c) => ws?.getCell(1, c).value ?? null);
    expect(header).toEqual(["Ref", "Risk", "Likelihood", "Impact", null, "Score", "Priority"]);
    expect([2, 3].map((r) => ws?.getCell(r, 5).value ?? null)).toEqual([null, null]);
    expect(ws?.getColumn(5).width).toBe(1.5);
  });
});
