import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { loadFile, tempDir } from "../helpers/xlsx";

const REGISTER = [
  ["Title", "Likelihood", "Impact", "Score"],
  ["Capacity", 2, 2, 4],
  ["Benefits", 2, 3, 4],
  [],
  ["Priority Ratings:", "1-2 Low risk", "3-6 Medium risk", "8-16 High"],
];

/** A workbook saved by ExcelJS (an independent writer) with a visible, a hidden and a very hidden sheet. */
async function workbookWithHiddenSheets(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, state] of [
    ["Shown", "visible"],
    ["Risks", "hidden"],
    ["Macro only", "veryHidden"],
  ] as const) {
    const ws = wb.addWorksheet(name, { state });
    ws.addRows(REGISTER);
  }
  const file = path.join(tempDir(), "hidden.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("sheet states read from the file", () => {
  it("reads each sheet's state from the workbook, as both readers do", async () => {
    const file = await workbookWithHiddenSheets();
    const states = (s: WorkbookSnapshot) =>
      s.sheets.map((x) => [x.name, x.visibility ?? "visible"]);
    const want = [
      ["Shown", "visible"],
      ["Risks", "hidden"],
      ["Macro only", "veryHidden"],
    ];
    expect(
      states((await openWorkbook(new Uint8Array(readFileSync(file)), "hidden.xlsx")).snapshot),
    ).toEqual(want);
    expect(states((await loadFile(file)).snapshot)).toEqual(want);
  });
});
