import path from "node:path";
import type { ColumnWrite } from "../../src/core/plan";
import { appliedInLibreOffice } from "../helpers/applied-in-libreoffice";
import { findSoffice } from "../helpers/libreoffice";
import { MONTH_NAMES } from "../helpers/monthly-builder";
import { tempDir, writeXlsx } from "../helpers/xlsx";

/**
 * LibreOffice, as an independent engine, holds what apply writes in a monthly profile's RAG
 * column: by the rule another sheet states (Green under 2%), and, beside a kept full-year formula
 * that leaves out March, from the months themselves.
 */
const soffice = findSoffice();
const withOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice not found: monthly RAG recalculation test skipped");

// Budgets £1,200; months 1% over (Green), 3% over (Amber), 8% over (Red, full year leaving out March).
const PROFILE: unknown[][] = [
  ["Service", "Budget £", ...MONTH_NAMES, "Full year £", "RAG"],
  ["Line 1", 1_200, ...MONTH_NAMES.map(() => 101), { formula: "SUM(C2:N2)" }, "Amber"],
  ["Line 2", 1_200, ...MONTH_NAMES.map(() => 103), { formula: "SUM(C3:N3)" }, ""],
  ["Line 3", 1_200, ...MONTH_NAMES.map(() => 108), { formula: "SUM(C4:M4)" }, "Red"],
];
const NOTES: unknown[][] = [["Notes"], ["RAG: Green below 2%, Amber 2% to 5%, Red over 5%"]];

withOffice("a monthly profile's RAG, applied and recalculated by LibreOffice", () => {
  let result: Awaited<ReturnType<typeof appliedInLibreOffice>> | null = null;
  beforeAll(async () => {
    const input = path.join(tempDir("cs-monthly-rag-"), "profile.xlsx");
    await writeXlsx(input, [
      { name: "Profile", rows: PROFILE },
      { name: "Notes", rows: NOTES },
    ]);
    result = await appliedInLibreOffice(soffice ?? "", input);
  }, 120_000);

  it("shows what the plan wrote: Green, Amber, and Red from the months", () => {
    const profile = result?.sheets.find((s) => s.name === "Profile");
    expect([1, 2, 3].map((r) => profile?.rows[r]?.[15]?.value)).toEqual(["Green", "Amber", "Red"]);
    const planned = (result?.analysis.plan.operations ?? [])
      .filter((o): o is ColumnWrite => o.kind === "column" && o.title === "RAG")
      .flatMap((o) => o.cells.map((c) => c.value));
    expect(planned).toEqual(["Green", "Amber", "Red"]);
  });
});
