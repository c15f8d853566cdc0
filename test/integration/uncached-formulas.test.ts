import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openWorkbook } from "../../src/adapters/xlsx/document";
import { analyseWorkbook } from "../../src/core/analyse";
import { nativeZlib } from "../../src/cli/zlib";
import { TODAY } from "../helpers/builders";
import { findSoffice, recalculate } from "../helpers/libreoffice";
import { loadFile, tempDir } from "../helpers/xlsx";
import { hasOpenpyxl, PYTHON } from "../helpers/openpyxl";

/**
 * A budget monitor as openpyxl writes it: every formula saved with no value. The total budget
 * =SUM(B5:B9) misses the depot line inserted at row 10, and the total variance =C11-B11 follows it.
 */
const BUDGET = `
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Budget"
ws.append(["Northvale Council - Parks budget monitoring 2025/26"])
ws.append([])
ws.append([])
ws.append(["Cost centre", "Budget £", "Forecast outturn £", "Variance £"])
rows = [("Grounds", 120000, 125000), ("Play areas", 40000, 38000), ("Trees", 55000, 61000),
        ("Cemeteries", 80000, 79000), ("Allotments", 12000, 12500), ("Depot", 30000, 33000)]
for i, (n, b, f) in enumerate(rows):
    r = 5 + i
    ws.append([n, b, f, f"=C{r}-B{r}"])
ws.append(["Total", "=SUM(B5:B9)", "=SUM(C5:C10)", "=C11-B11"])
wb.save(sys.argv[1])
`;

const withOpenpyxl = hasOpenpyxl("uncached-formula tests") ? describe : describe.skip;

withOpenpyxl("a workbook whose formulas carry no saved values (openpyxl)", () => {
  const input = path.join(tempDir("cs-uncached-"), "parks.xlsx");
  beforeAll(() => {
    execFileSync(PYTHON, ["-c", BUDGET, input]);
  });

  it("has a SUM that misses a row reported once, naming the row, with its knock-on folded in", async () => {
    const document = await openWorkbook(new Uint8Array(readFileSync(input)), "in", nativeZlib());
    // No saved value: the reader sees the formula and nothing else.
    expect(document.snapshot.sheets[0]?.rows[10]?.[1]).toEqual({
      value: null,
      formula: "=SUM(B5:B9)",
    });
    const analysis = analyseWorkbook(document.snapshot, { asOf: TODAY });
    expect(analysis.findings.map((x) => `${x.code}@${x.sheet}!${x.cell}`)).toEqual([
      "total-mismatch@Budget!B11",
    ]);
    expect(analysis.findings[0]).toMatchObject({
      expected: 337000,
      actual: 307000,
      message:
        "Budget £ is £307,000 but its lines (rows 5–10) sum to £337,000; its formula SUM(B5:B9) " +
        "leaves out row 10; it also puts out D11, which follows from it",
    });
  });

  const soffice = findSoffice();
  (soffice ? it : it.skip)("is read with the figures LibreOffice computes for it", async () => {
    const [recalculated] = recalculate(soffice ?? "", [input]);
    const { snapshot } = await loadFile(recalculated ?? "");
    const row = snapshot.sheets[0]?.rows[10];
    // The figures the check quoted (£307,000 and the variance it follows) are what a spreadsheet shows.
    expect(row?.[1]?.value).toBe(307000);
    expect(row?.[3]?.value).toBe(348500 - 307000);
  });
});
