import { copyFileSync } from "node:fs";
import { writtenCellsDisagreeing } from "../helpers/recalculated-writes";
import path from "node:path";
import { appliedInLibreOffice } from "../helpers/applied-in-libreoffice";
import { findSoffice } from "../helpers/libreoffice";
import { tempDir } from "../helpers/xlsx";

/**
 * LibreOffice, an independent engine, recalculates what apply writes into the trial's money
 * workbooks (test/fixtures/trial-money): a Variance % kept in percentage points and a status
 * column in the council's words "Over"/"Under" (w10), and new columns inserted beside a table
 * with its RAG key one blank column away (w23). Every written cell holds what the plan said.
 */
const soffice = findSoffice();
const withOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: trial money recalculation test skipped");

const TRIAL = path.join(__dirname, "..", "fixtures", "trial-money");

async function recalculated(name: string) {
  const input = path.join(tempDir("cs-trial-money-lo-"), `${name}.xlsx`);
  copyFileSync(path.join(TRIAL, `${name}.xlsx`), input);
  const { sheets, analysis } = await appliedInLibreOffice(soffice ?? "", input);
  const rows = sheets[0]?.rows ?? [];
  const at = (row: number, column: number) => rows[row]?.[column]?.value ?? null;
  // Every formula written, as LibreOffice computes it, against the value the plan cached.
  const disagreeing = writtenCellsDisagreeing(analysis.plan, (_sheet, row, column) =>
    at(row, column),
  );
  return { at, disagreeing };
}

withOffice("the trial's money workbooks applied, then recalculated by LibreOffice", () => {
  it("w10: Variance % in points, status in the council's words, RAG by the sheet's key", async () => {
    const { at, disagreeing } = await recalculated("w10-kestrel-resources-gbpm");
    expect(disagreeing).toEqual([]);
    // ICT: 0.250 over 6.250 is 4.0 points; Finance 0.05 under 7.1 is -0.70…
    expect(at(7, 6)).toBeCloseTo(4, 9);
    expect(at(5, 6)).toBeCloseTo((-0.05 / 7.1) * 100, 9);
    expect([5, 7, 9, 12].map((r) => at(r, 7))).toEqual(["Under", "Over", "Over", "Under"]);
    // Corporate landlord, 3% over: Amber by the key at K4 (the settings' would say Red).
    expect(at(9, 8)).toBe("Amber");
    expect(at(3, 10)).toBe("Red");
  }, 120_000);

  it("w23: the new columns inserted at F:G, the key moved to I:J with H still blank", async () => {
    const { at, disagreeing } = await recalculated("w23-umber-rule-key-title");
    expect(disagreeing).toEqual([]);
    expect([5, 6, 7, 8, 9].map((c) => at(3, c))).toEqual([
      "Variance %",
      "Status",
      null,
      "Red",
      "> 10%",
    ]);
    expect(at(2, 8)).toBe("RAG key");
    // HR: 30,000 over 500,000 is 6%, an overspend, Amber under the key (2% to 10%).
    expect(at(4, 5)).toBeCloseTo(0.06, 12);
    expect(at(4, 6)).toBe("Overspend");
    expect(at(4, 4)).toBe("Amber");
  }, 120_000);
});
