import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { cellAddress } from "../../src/core/a1";
import { analyseWorkbook } from "../../src/core/analyse";
import { priorityFormula, priorityFormulaValue } from "../../src/core/risk/formulas";
import { nativeZlib } from "../../src/cli/zlib";
import { TODAY } from "../helpers/builders";
import { findSoffice, recalculate } from "../helpers/libreoffice";
import { tempDir, writeXlsx } from "../helpers/xlsx";

/**
 * A register whose own score formula =C*D gives 0 for a blank likelihood: the rating we write
 * gives "" for a score in no band (0, negative), so the value saved is the value a spreadsheet
 * recalculates, not "Green" for a risk nobody has scored.
 */
const RISKS: [string, number | null, number, string | null][] = [
  ["Flooding of the depot", 2, 3, "Green"],
  ["Loss of key staff", 4, 4, "Red"],
  ["Unscored: likelihood not yet agreed", null, 2, null],
  ["Credit note keyed as a negative impact", 3, -1, "Green"],
  ["Contract failure", 3, 4, "Amber"],
];

async function register(dir: string): Promise<string> {
  return writeXlsx(path.join(dir, "register.xlsx"), [
    {
      name: "Register",
      rows: [
        ["Lowfield Town Council: operational risk register"],
        [],
        ["Ref", "Risk", "Likelihood", "Impact", "Score", "Rating"],
        ...RISKS.map(([risk, l, i, rating], k) => [
          `R${k + 1}`,
          risk,
          l,
          i,
          // Saved without a value where the likelihood is blank, as the council's file was.
          { formula: `C${k + 4}*D${k + 4}`, result: l === null ? undefined : l * i },
          rating,
        ]),
      ],
    },
    {
      name: "Key",
      rows: [["Risk rating key"], [], ["Green", "1 - 6"], ["Amber", "8 - 12"], ["Red", "15 - 25"]],
    },
  ]);
}

describe("a rating for a score in no band", () => {
  const dir = tempDir("cs-priority-no-band-");
  let input = "";
  beforeAll(async () => {
    input = await register(dir);
  });

  const planned = async () => {
    const document = await openWorkbook(new Uint8Array(readFileSync(input)), "in", nativeZlib());
    const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
    // The council's own Rating column (F) is where the rating is written.
    const rating = analysis.plan.operations.find((o) => o.kind === "column" && o.column === 5);
    const cells = rating?.kind === "column" ? rating.cells : [];
    return { document, analysis, cells, column: rating?.kind === "column" ? rating.column : -1 };
  };

  it("is written as a formula whose saved value is empty for a score of 0 or below", async () => {
    const { cells } = await planned();
    // Row 7's impact is out of range: reported, and its rating left as the council typed it.
    expect(cells.map((c) => [c.row + 1, c.value])).toEqual([
      [4, "Green"],
      [5, "Red"],
      [6, ""],
      [8, "Amber"],
    ]);
    expect(cells[2]?.formula).toBe(
      '=IF(ISNUMBER(E6),IF(E6>=15,"Red",IF(E6>=8,"Amber",IF(E6>=1,"Green",""))),"")',
    );
  });

  it("gives no band to a negative score, and the lowest band to 0 only when the key starts at 0", () => {
    const bands = [
      { from: 1, to: 6, label: "Green" },
      { from: 8, to: 25, label: "Red" },
    ];
    expect([-3, 0, 0.5, 1, 7].map((s) => priorityFormulaValue(s, bands))).toEqual([
      "",
      "",
      "",
      "Green",
      "Green",
    ]);
    const fromZero = [{ from: 0, to: 3, label: "Low" }, ...bands.slice(1)];
    expect([-1, 0].map((s) => priorityFormulaValue(s, fromZero))).toEqual(["", "Low"]);
    expect(priorityFormula("E2", fromZero)).toBe(
      '=IF(ISNUMBER(E2),IF(E2>=8,"Red",IF(E2>=0,"Low","")),"")',
    );
  });

  const soffice = findSoffice();
  (soffice ? it : it.skip)("saves what LibreOffice recalculates", async () => {
    const { document, analysis, cells, column } = await planned();
    const output = path.join(dir, "applied.xlsx");
    const saved = await document.save(analysis.plan, { valuesOnly: false });
    const { writeFileSync } = await import("node:fs");
    writeFileSync(output, saved.bytes);
    const [recalculated] = recalculate(soffice ?? "", [output]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated ?? "");
    const ws = wb.getWorksheet("Register");
    const shown = cells.map((c) => {
      const v = ws?.getCell(cellAddress(c.row, column)).value;
      // ExcelJS reads a formula whose result is "" as one without a result.
      const result = v && typeof v === "object" && "formula" in v ? v.result : v;
      return result ?? "";
    });
    expect(shown).toEqual(cells.map((c) => c.value));
  });
});
