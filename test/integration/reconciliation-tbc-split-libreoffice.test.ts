import path from "node:path";
import { appliedInLibreOffice } from "../helpers/applied-in-libreoffice";
import { findSoffice } from "../helpers/libreoffice";
import { tempDir, writeXlsx } from "../helpers/xlsx";

/**
 * A BCF sources table with iBCF 2026/27 still "tbc" and a footnote under it, and allocations
 * against every source: after apply, LibreOffice recalculating the Reconciliation sheet is the
 * oracle for the split of 2026/27 (allocated against tbc funding; the difference on confirmed
 * funding) and its status, and nothing is written beside the footnote.
 */
const SOURCES = [
  ["Better Care Fund 2025-27: pooled fund contributions"],
  [],
  ["Source", "2025/26 £", "2026/27 £"],
  ["Disabled Facilities Grant", 2_450_000, 2_450_000],
  ["NHS minimum contribution", 14_820_000, 15_480_000],
  ["iBCF", 6_210_000, "tbc"],
  ["Total", 23_480_000, "tbc"],
  [],
  ["iBCF 2026/27 allocation not yet announced by DHSC."],
];

const ALLOCATIONS = [
  ["Scheme ID", "Scheme name", "Source of funding", "2025/26 £", "2026/27 £"],
  ["BCF01", "Adaptations", "DFG", 2_450_000, 2_500_000],
  ["BCF02", "Intermediate care", "NHS minimum contribution", 14_820_000, 15_480_000],
  ["BCF03", "Reablement", "Improved Better Care Fund", 6_210_000, 6_450_000],
];

const soffice = findSoffice();
const run = soffice ? describe : describe.skip;

run("a year allocated against tbc funding, on the Reconciliation sheet after LibreOffice", () => {
  it("splits the year's difference and says which part is a difference", async () => {
    const input = path.join(tempDir("cs-recon-tbc-"), "bcf.xlsx");
    await writeXlsx(input, [
      { name: "Funding sources", rows: SOURCES },
      { name: "Allocations", rows: ALLOCATIONS },
    ]);
    const { snapshot } = await appliedInLibreOffice(soffice ?? "", input);
    const sources = snapshot.sheets.find((s) => s.name === "Funding sources");
    // Total all years beside the table's rows, none beside the footnote.
    expect(sources?.rows.map((r) => r?.[3]?.value ?? null).slice(2, 9)).toEqual([
      "Total all years",
      4_900_000,
      30_300_000,
      6_210_000,
      41_410_000,
      null,
      null,
    ]);
    const recon = snapshot.sheets.find((s) => s.name === "Reconciliation");
    const row = (label: string) => {
      const found = recon?.rows.find((r) => r?.[0]?.value === label);
      return [3, 4, 5].map((c) => found?.[c]?.value ?? null);
    };
    expect(row("Total 2026/27")).toEqual([24_430_000, 6_500_000, "Difference"]);
    expect(row("of which allocated against unconfirmed funding (tbc)")).toEqual([
      6_450_000,
      null,
      "Unconfirmed",
    ]);
    expect(row("Difference on confirmed funding")).toEqual([null, 50_000, "Difference"]);
    expect(row("Total 2025/26")).toEqual([23_480_000, 0, "Reconciled"]);
  });
});
