import ExcelJS from "exceljs";

/**
 * Council-like workbooks for benchmarks: a risk register with inherent and residual pairs (typed
 * scores, 1% of them wrong) under a title block with a key below, and a wide funding table with
 * six years of two sources and a total each, in sections of 40 lines with TOTAL rows.
 */
export async function riskRegister(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const ws = wb.addWorksheet("Corporate Risk Register");
  ws.addRow(["CORPORATE RISK REGISTER 2025/26"]).commit();
  ws.addRow(["Owner: Chief Executive"]).commit();
  ws.addRow([]).commit();
  ws.addRow([
    "Ref",
    "Risk",
    "Owner",
    "Inherent likelihood",
    "Inherent impact",
    "Inherent score",
    "Residual likelihood",
    "Residual impact",
    "Residual score",
    "Review date",
  ]).commit();
  for (let i = 0; i < rows; i++) {
    const il = (i % 5) + 1;
    const ii = ((i * 7) % 5) + 1;
    const rl = Math.max(1, il - 1);
    const ri = Math.max(1, ii - (i % 2));
    const wrong = i % 100 === 7 ? 1 : 0;
    ws.addRow([
      `CR${i + 1}`,
      `Risk ${i + 1}: service disruption in area ${i % 37}`,
      `Officer ${i % 50}`,
      il,
      ii,
      il * ii + wrong,
      rl,
      ri,
      rl * ri,
      new Date(Date.UTC(2027, i % 12, 1 + (i % 28))),
    ]).commit();
  }
  ws.addRow([]).commit();
  ws.addRow(["Risk Key:"]).commit();
  ws.addRow([
    "Priority Ratings:",
    "1-4 Low",
    "5-9 Medium",
    "10-16 High",
    "20-25 Very high",
  ]).commit();
  ws.commit();
  await wb.commit();
}

const YEARS = ["2025/26", "2026/27", "2027/28", "2028/29", "2029/30", "2030/31"];

export async function fundingTable(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const ws = wb.addWorksheet("Allocations");
  ws.addRow(["Programme allocations"]).commit();
  ws.addRow([]).commit();
  ws.addRow([
    "Ref",
    "Workstream",
    ...YEARS.flatMap((y) => [`Grant ${y}`, `Match ${y}`, `Total ${y}`]),
  ]).commit();
  const sectionSize = 40;
  const grand = new Array<number>(YEARS.length * 3).fill(0);
  let written = 0;
  for (let s = 0; written < rows; s++) {
    ws.addRow([String(s + 1), `WORKSTREAM ${s + 1}`]).commit();
    const section = new Array<number>(YEARS.length * 3).fill(0);
    for (let i = 0; i < sectionSize && written < rows; i++, written++) {
      const values = YEARS.flatMap((_, y) => {
        const grant = ((written * 37 + y * 11) % 900) * 100;
        const match = ((written * 13 + y * 7) % 500) * 100;
        return [grant, match, grant + match];
      });
      values.forEach((v, k) => (section[k] = (section[k] ?? 0) + v));
      ws.addRow([`${s + 1}.${i + 1}`, `Line ${written + 1}`, ...values]).commit();
    }
    section.forEach((v, k) => (grand[k] = (grand[k] ?? 0) + v));
    ws.addRow([null, `TOTAL WORKSTREAM ${s + 1}`, ...section]).commit();
  }
  ws.addRow([null, "TOTAL ACROSS ALL WORKSTREAMS", ...grand]).commit();
  ws.commit();
  await wb.commit();
}
