import ExcelJS from "exceljs";

/**
 * A service budget kept as an Excel table (ListObject) with a totals row, as councils make one
 * with Insert > Table and "Total Row": Budget, Forecast and Variance columns summed by
 * SUBTOTAL(109,…), one variance typed wrong (`wrongVariance` in the second line), as the trait
 * the new-user trial found (a corrected line leaving the totals row's saved figure stale).
 * `totalsCached: false` leaves the totals row's formulas without saved values.
 */
export async function writeTableBudget(
  file: string,
  wrongVariance = 5_600,
  { totalsCached = true }: { totalsCached?: boolean } = {},
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Parks");
  ws.getCell("A1").value = "Parks and open spaces: revenue monitoring";
  ws.getCell("A2").value = "Quarter 3 forecast";
  const lines: [string, string, number, number][] = [
    ["P01", "Grounds maintenance", 520_000, 534_000],
    ["P02", "Tree works", 85_000, 91_500],
    ["P03", "Play areas", 60_000, 58_200],
    ["P04", "Allotment income", -22_000, -19_800],
    ["P05", "Parks events", 44_000, 44_000],
    ["P06", "Cemeteries", 130_000, 127_400],
  ];
  ws.addTable({
    name: "Parks",
    ref: "A3",
    headerRow: true,
    totalsRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: [
      { name: "Code", totalsRowLabel: "Total", filterButton: true },
      { name: "Budget line", filterButton: true },
      { name: "Budget £", totalsRowFunction: "sum", filterButton: true },
      { name: "Forecast £", totalsRowFunction: "sum", filterButton: true },
      { name: "Variance £", totalsRowFunction: "sum", filterButton: true },
    ],
    rows: lines.map(([code, item, budget, forecast], i) => [
      code,
      item,
      budget,
      forecast,
      i === 1 ? wrongVariance : forecast - budget,
    ]),
  });
  // ExcelJS saves the totals row's formulas without a value, as openpyxl does; Excel would have
  // saved each one.
  if (!totalsCached) {
    await wb.xlsx.writeFile(file);
    return file;
  }
  const variance = lines.reduce((s, [, , b, f], i) => s + (i === 1 ? wrongVariance : f - b), 0);
  const sums = [lines.reduce((s, l) => s + l[2], 0), lines.reduce((s, l) => s + l[3], 0), variance];
  ["C", "D", "E"].forEach((column, i) => {
    const cell = ws.getCell(`${column}10`);
    cell.value = { formula: (cell.value as { formula: string }).formula, result: sums[i] };
  });
  await wb.xlsx.writeFile(file);
  return file;
}
