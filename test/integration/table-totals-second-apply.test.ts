import { readFileSync } from "node:fs";
import path from "node:path";
import { cli } from "../helpers/cli";
import { writeTableBudget } from "../helpers/table-budget";
import { loadFile, tempDir } from "../helpers/xlsx";

/**
 * A budget kept as an Excel table with a totals row (new-user trial t12c, w9): apply adds
 * Variance %, Status and RAG as table columns and leaves their totals-row cells blank (a line's
 * ratio, status or RAG is no totals-row aggregate), whether or not the totals row's SUBTOTALs were
 * saved with values; a second apply on the output then changes nothing, byte for byte.
 */
describe("an Excel table's totals row under new calculated columns", () => {
  it.each([true, false])(
    "totals saved with values: %s — blank there on the first apply, second apply a no-op",
    async (totalsCached) => {
      const dir = tempDir("cs-totals-");
      const input = await writeTableBudget(path.join(dir, "parks.xlsx"), 5_600, { totalsCached });
      const once = path.join(dir, "once.xlsx");
      const twice = path.join(dir, "twice.xlsx");
      const first = await cli("apply", input, "--out", once, "--as-of", "2026-11-22");
      expect(first.code).not.toBe(2);
      expect(first.out).toContain("Parks!F3:F9  Variance %");
      const { workbook } = await loadFile(once);
      const sheet = workbook.getWorksheet("Parks");
      // The council's SUBTOTALs stay; the new columns' totals-row cells are left empty.
      expect(sheet?.getCell("E10").formula).toBe("SUBTOTAL(109,Parks[Variance £])");
      expect(["F10", "G10", "H10"].map((a) => sheet?.getCell(a).value ?? null)).toEqual([
        null,
        null,
        null,
      ]);
      const second = await cli("apply", once, "--out", twice, "--as-of", "2026-11-22");
      expect(second.out).toContain("Wrote 0 column ranges");
      expect(Buffer.compare(readFileSync(once), readFileSync(twice))).toBe(0);
    },
  );
});
