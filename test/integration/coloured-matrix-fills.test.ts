import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { TODAY } from "../helpers/builders";
import { loadFile, tempDir } from "../helpers/xlsx";

/**
 * A risk matrix of scores filled by band, with a filled Low / Medium / High legend, beside the
 * register (issue 12, p2b): both readers must look up the fills of the grid's cells and the
 * legend's, so that the bands are read from the colours and apply keeps the council's ratings.
 */
const FILLS = { Low: "FF92D050", Medium: "FFFFC000", High: "FFFF0000" };
const bandOf = (score: number) => (score <= 4 ? "Low" : score <= 12 ? "Medium" : "High");
const RISKS: [number, number][] = [
  [2, 5],
  [4, 3],
  [4, 5],
  [1, 3],
  [5, 5],
];

async function register(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Risk Register");
  ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"].forEach((h, k) => {
    ws.getCell(2, k + 1).value = h;
  });
  RISKS.forEach(([l, i], n) => {
    [n + 1, `Risk ${n + 1}`, l, i, l * i, bandOf(l * i)].forEach((v, k) => {
      ws.getCell(3 + n, k + 1).value = v;
    });
  });
  // Likelihood 5..1 down H3:H7, impact 1..5 across I8:M8, scores in I3:M7, legend in I10:I12.
  for (let l = 5; l >= 1; l--) {
    const row = 3 + (5 - l);
    ws.getCell(row, 8).value = l;
    for (let i = 1; i <= 5; i++) {
      const cell = ws.getCell(row, 8 + i);
      cell.value = l * i;
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILLS[bandOf(l * i)] } };
    }
  }
  for (let i = 1; i <= 5; i++) ws.getCell(8, 8 + i).value = i;
  (["Low", "Medium", "High"] as const).forEach((label, n) => {
    const cell = ws.getCell(10 + n, 9);
    cell.value = label;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILLS[label] } };
  });
  await wb.xlsx.writeFile(file);
  return file;
}

const dir = tempDir("cs-coloured-matrix-");
const source = path.join(dir, "register.xlsx");

beforeAll(async () => {
  await register(source);
});

describe("a coloured matrix of scores beside the register", () => {
  it("has its grid and legend fills read by both readers, and its bands from them", async () => {
    const direct = await openWorkbook(new Uint8Array(readFileSync(source)), "register.xlsx");
    const exceljs = await loadFile(source);
    for (const snapshot of [direct.snapshot, exceljs.snapshot]) {
      const fills = snapshot.sheets[0]?.keyFills ?? {};
      expect([fills.I3, fills.M7, fills.I10, fills.I11, fills.I12]).toEqual([
        "#ffc000",
        "#ffc000",
        "#92d050",
        "#ffc000",
        "#ff0000",
      ]);
      const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
      expect(analysis.tables.filter(isRiskReport)[0]?.bands).toMatchObject({
        source: "sheet",
        at: "I3",
        bands: [
          { from: 1, to: 4, label: "Low" },
          { from: 5, to: 12, label: "Medium" },
          { from: 15, to: 25, label: "High" },
        ],
      });
      expect(analysis.findings).toEqual([]);
      const priority = (analysis.plan.operations as ColumnWrite[]).find((o) => o.column === 5);
      expect(priority?.cells.map((c) => c.value)).toEqual([
        "Medium",
        "Medium",
        "High",
        "Low",
        "High",
      ]);
    }
  });
});
