import { execFileSync } from "node:child_process";
import path from "node:path";
import { analyseWorkbook } from "../../src/core/analyse";
import { appliedInLibreOffice } from "../helpers/applied-in-libreoffice";
import { TODAY } from "../helpers/builders";
import { findSoffice } from "../helpers/libreoffice";
import { tempDir } from "../helpers/xlsx";
import { hasOpenpyxl, PYTHON } from "../helpers/openpyxl";

/**
 * A grants register kept as an Excel table with no balance column and no years, written by
 * openpyxl (a title row, the table from row 3 with a SUBTOTAL totals row, no saved values): apply writes the
 * balance, and LibreOffice recalculating the output is the oracle for every written figure.
 */
const GRANTS = `
import sys, openpyxl
from openpyxl.worksheet.table import Table
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Grants"
ws.append(["Westhaven Borough Council - external grants received"])
ws.append([])
ws.append(["Grant", "Funder", "Decision ref", "Award £", "Paid to date £"])
for row in [("Holiday activities", "DfE", "CAB/25/011", 250000, 180000),
            ("Household Support Fund", "DWP", "CAB/25/014", 1200000, 900000),
            ("Pool support", "DCMS", "CAB/25/020", "tbc", 0),
            ("Bus service improvement", "DfT", "CAB/25/031", 600000, 150000)]:
    ws.append(list(row))
ws.append(["Total", None, None, "=SUBTOTAL(109,Grants2526[Award £])", "=SUBTOTAL(109,Grants2526[Paid to date £])"])
ws.add_table(Table(displayName="Grants2526", ref="A3:E8", totalsRowCount=1))
wb.save(sys.argv[1])
`;

const soffice = findSoffice();
const run = hasOpenpyxl("grants balance test") && soffice ? describe : describe.skip;

run("a grants register without a balance column, after apply and LibreOffice", () => {
  it("holds award less paid on every grant and the total of the balances", async () => {
    const dir = tempDir("cs-grants-");
    const input = path.join(dir, "grants.xlsx");
    execFileSync(PYTHON, ["-c", GRANTS, input]);
    const { snapshot, analysis } = await appliedInLibreOffice(soffice ?? "", input);
    expect(analysis.findings.filter((x) => x.severity === "error")).toEqual([]);
    const rows = snapshot.sheets[0]?.rows ?? [];
    expect(rows[2]?.[5]?.value).toBe("Balance £");
    expect(rows.slice(3, 8).map((r) => r?.[5]?.value ?? null)).toEqual([
      70000,
      300000,
      // "tbc" award: no balance yet (an empty text), not a balance of nil.
      null,
      450000,
      820000,
    ]);
    // The output read again is right and asks for nothing more.
    const again = analyseWorkbook(snapshot, { asOf: TODAY });
    expect(again.findings.filter((x) => x.severity === "error")).toEqual([]);
    expect(again.plan.operations.filter((o) => o.kind === "column")).toEqual([]);
  });
});
