// Builds assets/sample-council-workbook.xlsx, the workbook the standalone page opens first, from
// the shared council fixtures: BCP risk registers, the EMIEP funding paper, the BCP PID inputs.
// Run from the repository with ../shared beside it; the output is committed.
const path = require("node:path");
const ExcelJS = require("exceljs");

const FIXTURES = path.join(__dirname, "..", "..", "shared", "fixtures");
const FILES = ["bcp-risk-registers.xlsx", "emiep-funding-2008.xlsx", "bcp-pid-inputs.xlsx"];

(async () => {
  const out = new ExcelJS.Workbook();
  out.creator = "Council Sheets";
  for (const file of FILES) {
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(path.join(FIXTURES, file));
    source.eachSheet((ws) => {
      const copy = out.addWorksheet(ws.name);
      (ws.columns ?? []).forEach((column, i) => {
        if (column.width) copy.getColumn(i + 1).width = column.width;
      });
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.isMerged && cell.master !== cell) return;
          const target = copy.getCell(r, c);
          target.value = cell.value;
          target.style = JSON.parse(JSON.stringify(cell.style ?? {}));
        });
        if (row.hidden) copy.getRow(r).hidden = true;
      });
      for (const range of ws.model.merges ?? []) copy.mergeCells(range);
    });
  }
  await out.xlsx.writeFile(path.join(__dirname, "..", "assets", "sample-council-workbook.xlsx"));
})();
