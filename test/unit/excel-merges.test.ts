/**
 * Merged areas in Excel before ExcelApi 1.13: there is no API to ask for them
 * (Range.getMergedAreasOrNullObject is ExcelApi 1.13), so the snapshot says they are unknown and
 * the planner takes the insert, which Excel's Range.insert does moving the merges itself.
 */
import { analyseWorkbook } from "../../src/core/analyse";
import { describePlan } from "../../src/core/plan-changes";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { readSnapshot } from "../../src/adapters/excel/read";
import { applyPlanInExcel } from "../../src/adapters/excel/write";
import { bookFromSnapshot, excelDouble } from "../shims/excel-double";
import { sheet, TODAY, workbook } from "../helpers/builders";
import { runtime } from "../helpers/excel";

// Two-row header: the column beside the residual pair is in use (a direction-of-travel arrow)
// under a blank header merged down (G1:G2). Named headers beside a block are read into the table
// (header-block.ts), so a blank merged header is where a merge changes the plan.
const ROWS: CellValue[][] = [
  ["Risk", "Inherent risk", null, null, "Residual risk", null, null],
  ["", "Likelihood", "Impact", "Score", "Likelihood", "Impact", ""],
  ["Flooding", 2, 3, 6, 1, 3, "↑"],
  ["Staffing", 3, 3, 9, 2, 2, "↓"],
];
const BOOK = workbook(sheet("Register", ROWS, { merges: ["B1:D1", "E1:F1", "G1:G2"] }));

async function writeIn(version: number): Promise<{ read: WorkbookSnapshot; after: unknown }> {
  const d = excelDouble(bookFromSnapshot(BOOK), { version });
  const read = await readSnapshot(runtime(d));
  const { plan } = analyseWorkbook(read, { asOf: TODAY });
  const { changed } = describePlan(read, plan, { valuesOnly: false });
  await applyPlanInExcel(runtime(d), plan, {
    valuesOnly: false,
    backup: false,
    changes: changed,
    when: "2026-11-22 10:00",
  });
  d.recalculate();
  const after = (await readSnapshot(runtime(d))).sheets.find((s) => s.name === "Register");
  return { read, after: after?.rows.map((r) => r.map((c) => c && [c.value, c.formula])) };
}

describe("merged cells before ExcelApi 1.13", () => {
  it("reads merges as unknown at 1.12 and as known at 1.13", async () => {
    const old = (await writeIn(12)).read.sheets[0];
    const modern = (await writeIn(13)).read.sheets[0];
    expect([old?.merges, old?.mergesUnknown]).toEqual([[], true]);
    expect([modern?.merges.length, modern?.mergesUnknown]).toEqual([3, undefined]);
  });

  it("writes the same columns in the same places as where the merges are known", async () => {
    const old = await writeIn(12);
    const modern = await writeIn(13);
    expect(old.after).toEqual(modern.after);
    // Three new columns went in beside the block (G:I), headed in its sub-header row (the row
    // naming the columns, under the groups); the arrows moved to J.
    const rows = modern.after as ([CellValue, string?] | null)[][];
    expect(rows[2]?.[9]?.[0]).toBe("↑");
    expect(rows[3]?.[9]?.[0]).toBe("↓");
    expect([6, 7, 8].map((c) => rows[0]?.[c]?.[0] ?? null)).toEqual([null, null, null]);
    expect(rows[1]?.slice(6, 9).map((c) => c?.[0])).toEqual([
      "Inherent priority",
      "Residual score",
      "Residual priority",
    ]);
    expect(rows[2]?.[7]?.[1]).toBe('=IF(COUNT(E3,F3)=2,E3*F3,"")');
    expect(rows[2]?.[7]?.[0]).toBe(3);
  });
});

describe("merged cells from ExcelApi 1.13", () => {
  it("finds a blank merged area beside a table, outside the used range, and writes past it", async () => {
    // D2:E3 is merged and blank (a box left for notes): the used range of values ends at C3.
    const book = workbook(
      sheet(
        "Register",
        [
          ["Risk", "Likelihood", "Impact"],
          ["Flooding", 2, 3],
          ["Staffing", 3, 3],
        ],
        { merges: ["D2:E3"] },
      ),
    );
    const d = excelDouble(bookFromSnapshot(book), { version: 13 });
    const read = await readSnapshot(runtime(d));
    expect(read.sheets[0]?.merges).toEqual(["D2:E3"]);
    const columns = (s: WorkbookSnapshot) =>
      analyseWorkbook(s, { asOf: TODAY }).plan.operations.map((o) =>
        o.kind === "column" ? o.column : o.kind,
      );
    expect(columns(read)).toEqual(columns(book));
    expect(columns(read)).toEqual([5, 6]);
  });
});
