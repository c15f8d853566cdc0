import ExcelJS from "exceljs";

/**
 * Council-like workbooks for benchmarks: a risk register with inherent and residual pairs (typed
 * scores, 1% of them wrong) under a title block with a key below, and a wide funding table with
 * six years of two sources and a total each, in sections of 40 lines with TOTAL rows.
 */
export async function riskRegister(file: string, rows: number, filled = false): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const ws = wb.addWorksheet("Corporate Risk Register");
  const fill = (row: ExcelJS.Row, argb: string, columns: number) => {
    for (let c = 1; c <= columns && filled; c++)
      row.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
    return row;
  };
  ws.addRow(["CORPORATE RISK REGISTER 2025/26"]).commit();
  ws.addRow(["Owner: Chief Executive"]).commit();
  ws.addRow([]).commit();
  const header = ws.addRow([
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
  ]);
  fill(header, "FFD9E1F2", 10).commit();
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
  const key = ws.addRow([
    "Priority Ratings:",
    "1-4 Low",
    "5-9 Medium",
    "10-16 High",
    "20-25 Very high",
  ]);
  ["FF00B050", "FFFFC000", "FFFF0000", "FF7030A0"].forEach((argb, i) => {
    if (filled) key.getCell(i + 2).fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
  });
  key.commit();
  ws.commit();
  await wb.commit();
}

/**
 * The same register as a council styles it: a filled header row and the key's bands filled in
 * their colours, so that the reader's search for coloured key cells has filled rows to read around.
 */
export const filledRiskRegister = (file: string, rows: number): Promise<void> =>
  riskRegister(file, rows, true);

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

const MONTH_FORMAT = "mmm-yy";
const MONEY = '#,##0;(#,##0);"-"';
/** Excel serial of the first of a month (1900 date system; the dates here are all after 1900-03-01). */
const firstOfMonth = (year: number, month: number) =>
  Math.round((Date.UTC(year, month - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);

/**
 * A monthly budget profile: twelve month columns headed by real dates shown mmm-yy (Apr-25 …
 * Mar-26) under an Actual/Forecast row, a working budget, a Full year =SUM of the months (typed,
 * and wrong, on 1% of lines), zeros shown as "-", in sections of 40 lines with Total rows and a
 * grand total. No variance column: apply writes one for every line.
 */
export async function monthlyProfile(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const ws = wb.addWorksheet("Budget profile 2025-26");
  ws.addRow(["Highways and Transport – monthly budget profile and forecast 2025/26"]).commit();
  ws.addRow([]).commit();
  const header = ws.addRow([
    "Cost centre",
    "Description",
    "Working budget",
    ...Array.from({ length: 12 }, (_, k) => firstOfMonth(k < 9 ? 2025 : 2026, ((k + 3) % 12) + 1)),
    "Full year",
  ]);
  for (let k = 0; k < 12; k++) header.getCell(4 + k).numFmt = MONTH_FORMAT;
  header.commit();
  ws.addRow([
    null,
    null,
    null,
    ...Array.from({ length: 12 }, (_, k) => (k < 7 ? "Actual" : "Forecast")),
  ]).commit();
  const sectionSize = 40;
  const width = 14; // budget, twelve months, full year
  const grand = new Array<number>(width).fill(0);
  const totalRows: number[] = [];
  let written = 0;
  let excelRow = 4;
  const money = (row: ExcelJS.Row) => {
    for (let c = 3; c <= 16; c++) row.getCell(c).numFmt = MONEY;
  };
  for (let s = 0; written < rows; s++) {
    ws.addRow([`SERVICE AREA ${s + 1}`]).commit();
    excelRow++;
    const first = excelRow + 1;
    const section = new Array<number>(width).fill(0);
    for (let i = 0; i < sectionSize && written < rows; i++, written++) {
      excelRow++;
      const months = Array.from({ length: 12 }, (_, k) =>
        (written + k) % 9 === 0 ? 0 : ((written * 31 + k * 17) % 400) * 100,
      );
      const sum = months.reduce((a, b) => a + b, 0);
      const budget = sum + (((written * 7) % 21) - 10) * 1000;
      const typed = written % 100 === 42;
      const values = [budget, ...months, typed ? sum - 5_000 : sum];
      values.forEach((v, k) => (section[k] = (section[k] ?? 0) + v));
      const row = ws.addRow([
        `CC${written + 1}`,
        `Budget line ${written + 1}`,
        budget,
        ...months,
        typed ? sum - 5_000 : { formula: `SUM(D${excelRow}:O${excelRow})`, result: sum },
      ]);
      money(row);
      row.commit();
    }
    excelRow++;
    const last = excelRow - 1;
    const letters = "CDEFGHIJKLMNOP";
    const total = ws.addRow([
      `Total service area ${s + 1}`,
      null,
      ...section.map((v, k) => ({
        formula: `SUM(${letters[k]}${first}:${letters[k]}${last})`,
        result: v,
      })),
    ]);
    money(total);
    total.commit();
    totalRows.push(excelRow);
    section.forEach((v, k) => (grand[k] = (grand[k] ?? 0) + v));
  }
  // The grand total adds the section totals (typed: a formula over thousands of cells is long).
  const grandRow = ws.addRow(["Total Highways and Transport", null, ...grand]);
  money(grandRow);
  grandRow.commit();
  ws.commit();
  await wb.commit();
}

/**
 * A revenue budget: cost centres with an original budget and virements, the council's own
 * Revised budget =SUM of the two on every line (typed, and wrong, on 1% of lines), a forecast
 * outturn, in sections of 40 lines with Total rows adding the lines and a grand total adding the
 * section totals. No variance column: apply writes Variance, Variance %, Status and RAG.
 */
export async function budgetTable(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const ws = wb.addWorksheet("Revenue budget 2025-26");
  ws.addRow(["Adult Social Care – revenue budget monitoring 2025/26"]).commit();
  ws.addRow([]).commit();
  ws.addRow([
    "Cost centre",
    "Description",
    "Original budget",
    "Virements",
    "Revised budget",
    "Forecast outturn",
  ]).commit();
  const sectionSize = 40;
  const width = 4; // original, virements, revised, forecast
  const grand = new Array<number>(width).fill(0);
  const sectionTotals: number[] = [];
  let written = 0;
  let excelRow = 3;
  const money = (row: ExcelJS.Row) => {
    for (let c = 3; c <= 6; c++) row.getCell(c).numFmt = MONEY;
  };
  for (let s = 0; written < rows; s++) {
    ws.addRow([`SERVICE ${s + 1}`]).commit();
    excelRow++;
    const first = excelRow + 1;
    const section = new Array<number>(width).fill(0);
    for (let i = 0; i < sectionSize && written < rows; i++, written++) {
      excelRow++;
      const original = 50_000 + ((written * 37) % 900) * 1_000;
      const virement = (((written * 11) % 21) - 10) * 500;
      const revised = original + virement;
      const forecast = revised + (((written * 13) % 41) - 20) * 750;
      const typed = written % 100 === 42;
      const values = [original, virement, typed ? revised + 2_500 : revised, forecast];
      values.forEach((v, k) => (section[k] = (section[k] ?? 0) + v));
      const row = ws.addRow([
        `CC${written + 1}`,
        `Budget line ${written + 1}`,
        original,
        virement,
        typed ? revised + 2_500 : { formula: `SUM(C${excelRow}:D${excelRow})`, result: revised },
        forecast,
      ]);
      money(row);
      row.commit();
    }
    excelRow++;
    const last = excelRow - 1;
    const total = ws.addRow([
      `Total service ${s + 1}`,
      null,
      ...section.map((v, k) => ({
        formula: `SUM(${"CDEF"[k]}${first}:${"CDEF"[k]}${last})`,
        result: v,
      })),
    ]);
    money(total);
    total.commit();
    sectionTotals.push(excelRow);
    section.forEach((v, k) => (grand[k] = (grand[k] ?? 0) + v));
  }
  // The grand total adds the section totals (typed: a formula over thousands of cells is long).
  const grandRow = ws.addRow(["Total Adult Social Care", null, ...grand]);
  money(grandRow);
  grandRow.commit();
  ws.commit();
  await wb.commit();
}
