import path from "node:path";
import { type Entry } from "../helpers/builders";
import { findSoffice } from "../helpers/libreoffice";
import { appliedInLibreOffice } from "../helpers/applied-in-libreoffice";
import { tempDir, writeXlsx } from "../helpers/xlsx";

/**
 * LibreOffice, as an independent engine, confirms a budget and a grants table side by side after
 * apply: the budget's new columns inserted beside it, the grants table moved right with its gap,
 * and the grants table's own formulas (moved with it) still adding its own figures.
 */
const soffice = findSoffice();
const withOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: side-by-side tables recalculation test skipped");

// prettier-ignore
const ROWS: Entry[][] = [
  ["Service", "Budget", "Forecast", "Variance", null, null, "Grant", "2025/26 £", "2026/27 £", "Total £"],
  ["Libraries", 100, 120, { formula: "=C2-B2", value: 20 }, null, null, "Towns Fund", 1000, 2000, { formula: "=SUM(H2:I2)", value: 3000 }],
  ["Parks", 200, 190, { formula: "=C3-B3", value: -10 }, null, null, "UKSPF", 500, 700, { formula: "=SUM(H3:I3)", value: 1200 }],
];

withOffice("a budget and a grants table side by side, applied and recalculated", () => {
  it("keeps the grants table whole past the budget's new columns", async () => {
    const dir = tempDir("cs-side-by-side-");
    const input = path.join(dir, "side.xlsx");
    await writeXlsx(input, [{ name: "Budget", rows: ROWS }]);
    const { sheets } = await appliedInLibreOffice(soffice ?? "", input);
    const rows = sheets[0]?.rows ?? [];
    const values = (r: number) => (rows[r] ?? []).map((c) => c?.value ?? null);
    // Variance %, Status and RAG inserted at E:G; the two blank columns follow; grants at J:M.
    expect(values(0)).toEqual([
      "Service",
      "Budget",
      "Forecast",
      "Variance",
      "Variance %",
      "Status",
      "RAG",
      null,
      null,
      "Grant",
      "2025/26 £",
      "2026/27 £",
      "Total £",
    ]);
    expect(values(1).slice(4, 7)).toEqual([0.2, "Overspend", "Red"]);
    expect(values(2).slice(4, 7)).toEqual([-0.05, "Underspend", "Green"]);
    expect(rows[1]?.[12]?.formula).toMatch(/^=?SUM\(K2:L2\)$/);
    expect([values(1)[12], values(2)[12]]).toEqual([3000, 1200]);
  });
});
