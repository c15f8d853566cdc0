import path from "node:path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli";
import { tempDir } from "../helpers/xlsx";

/**
 * Issue 12's "keys anywhere" defects as saved .xlsx files through the CLI: a coloured matrix whose
 * axis labels stand one blank row and one blank column away from its grid, a line of bands one
 * blank row under the register, and a register whose description column has no header. Each is
 * checked and applied as a user would; the written priorities are the sheet's own labels.
 */
const solid = (argb: string): ExcelJS.Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb },
});
const BANDS: [number, number, string, string][] = [
  [1, 3, "Low", "FF92D050"],
  [4, 9, "Moderate", "FFFFC000"],
  [10, 16, "Significant", "FFFF0000"],
  [20, 25, "Critical", "FF7030A0"],
];
const bandOf = (score: number) => BANDS.find(([from, to]) => score >= from && score <= to)!;
const RISKS: [string, string, number, number, string | null][] = [
  ["R1", "Depot flooding", 2, 2, null],
  ["R2", "Archive fire", 1, 3, null],
  ["R3", "Data breach", 3, 3, null],
  ["R4", "Strike action", 4, 5, null],
  // Planted: 10 is Significant.
  ["R5", "Supplier failure", 2, 5, "Moderate"],
];

function registerOn(ws: ExcelJS.Worksheet, headers: (string | null)[]) {
  ws.addRow(headers);
  RISKS.forEach(([ref, risk, l, i, stated]) => ws.addRow([ref, risk, l, i, l * i, stated]));
}

/** Register in A1:F6; likelihood 5..1 down H2:H6, a blank column I, scores in J2:N6, a blank
 * row 7, impact 1..5 in J8:N8, the legend in J10:J13. */
async function colouredMatrixApart(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Risk Register");
  registerOn(ws, ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"]);
  for (let l = 5; l >= 1; l--) {
    const row = 2 + (5 - l);
    ws.getCell(row, 8).value = l;
    for (let i = 1; i <= 5; i++) {
      const cell = ws.getCell(row, 9 + i);
      cell.value = l * i;
      cell.fill = solid(bandOf(l * i)[3]);
    }
  }
  for (let i = 1; i <= 5; i++) ws.getCell(8, 9 + i).value = i;
  BANDS.forEach(([, , label, argb], k) => {
    const cell = ws.getCell(10 + k, 10);
    cell.value = label;
    cell.fill = solid(argb);
  });
  await wb.xlsx.writeFile(file);
}

/** Register in A1:F6, a blank row, then "1-3" | "Low" | "4-9" | "Moderate" | … across row 8. */
async function keyLineUnder(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Risks");
  registerOn(ws, ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"]);
  ws.addRow([]);
  ws.addRow(BANDS.flatMap(([from, to, label]) => [`${from}-${to}`, label]));
  await wb.xlsx.writeFile(file);
}

/** Register whose description column B has no header, its key in one cell two rows under. */
async function unheadedDescription(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Strategic");
  registerOn(ws, ["Ref", null, "Likelihood", "Impact", "Score", "Priority"]);
  for (let r = 2; r <= 6; r++)
    ws.getCell(r, 2).value = `${String(ws.getCell(r, 2).value)} puts statutory services at risk`;
  ws.addRow([]);
  ws.addRow([`Key: ${BANDS.map(([from, to, label]) => `${from}-${to} ${label}`).join(", ")}`]);
  await wb.xlsx.writeFile(file);
}

const dir = tempDir("cs-keys-anywhere-");

async function checkAndApply(build: (file: string) => Promise<void>, name: string) {
  const source = path.join(dir, `${name}.xlsx`);
  const out = path.join(dir, `${name}-out.xlsx`);
  await build(source);
  const check = await cli("check", source, "--json");
  const applied = await cli("apply", source, "--out", out, "--no-reconciliation-sheet");
  expect(applied.err).toBe("");
  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(out);
  const ws = written.worksheets[0]!;
  // A written formula's cached result is what the user sees before any recalculation.
  const shown = (r: number, c: number) => {
    const cell = ws.getCell(r, c);
    return cell.formula || cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  };
  const column = (c: number) => [2, 3, 4, 5, 6].map((r) => shown(r, c));
  return {
    doc: JSON.parse(check.out),
    code: check.code,
    column,
    formula: ws.getCell("F2").formula,
  };
}

/** The priority rule written from the sheet's key, in its own words. */
const RULE =
  'IF(ISNUMBER(E2),IF(E2>=20,"Critical",IF(E2>=10,"Significant",IF(E2>=4,"Moderate",IF(E2>=1,"Low","")))),"")';
/** Scores 4, 3, 9, 20, 10 by the sheet's key. */
const WRITTEN = ["Moderate", "Low", "Moderate", "Critical", "Significant"];

describe("keys anywhere, as saved workbooks through the CLI", () => {
  it("a coloured matrix with its axes one blank row and column away is the key", async () => {
    const { doc, code, column, formula } = await checkAndApply(colouredMatrixApart, "matrix");
    expect(code).toBe(1);
    expect(doc.tables.map((t: { range: string }) => t.range)).toEqual(["A1:F6"]);
    expect(doc.findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`)).toEqual([
      "priority-mismatch@F6",
    ]);
    expect([formula, column(6)]).toEqual([RULE, WRITTEN]);
    // The description column is left as it was.
    expect(column(2)).toEqual(RISKS.map((r) => r[1]));
  });

  it("a line of bands one blank row under the register is the key, not a risk", async () => {
    const { doc, column, formula } = await checkAndApply(keyLineUnder, "line");
    expect(doc.tables.map((t: { range: string }) => t.range)).toEqual(["A1:F6"]);
    expect(doc.findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`)).toEqual([
      "priority-mismatch@F6",
    ]);
    expect([formula, column(6)]).toEqual([RULE, WRITTEN]);
  });

  it("a register whose description has no header is found, checked and written", async () => {
    const { doc, column, formula } = await checkAndApply(unheadedDescription, "unheaded");
    expect(doc.tables.map((t: { range: string }) => t.range)).toEqual(["A1:F6"]);
    expect(doc.findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`)).toEqual([
      "priority-mismatch@F6",
    ]);
    expect([formula, column(6)]).toEqual([RULE, WRITTEN]);
    expect(column(2)).toEqual(RISKS.map((r) => `${r[1]} puts statutory services at risk`));
  });
});
