import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { AddSheet } from "../../src/core/plan";
import { sheet, workbook } from "../helpers/builders";

const op = (extra: Partial<AddSheet> = {}): AddSheet => ({
  kind: "add-sheet",
  sheet: "Reconciliation",
  role: "reconciliation",
  table: "Sources!A1:C3",
  title: "Reconciliation",
  cells: [{ row: 0, column: 0, formula: null, value: "Match-funding reconciliation" }],
  columnWidths: [12],
  merges: ["A1:C1"],
  ...extra,
});

describe("a plan's new sheets, as the snapshot will see them", () => {
  it("are marked as ours and keep their merges", () => {
    const after = applyPlanToSnapshot(
      workbook(sheet("Sources", [["Source", "2025/26"]])),
      { operations: [op()] },
      { valuesOnly: false },
    );
    expect(after.sheets.map((s) => [s.name, s.ours ?? null, s.merges])).toEqual([
      ["Sources", null, []],
      ["Reconciliation", "reconciliation", ["A1:C1"]],
    ]);
  });

  it("replace the sheet of ours they refresh, in its place, never a second copy", () => {
    const before = workbook(
      sheet("Sources", [["Source"]]),
      { ...sheet("Reconciliation", [["old"]]), ours: "reconciliation" },
      sheet("Notes", [["kept"]]),
    );
    const after = applyPlanToSnapshot(
      before,
      { operations: [op({ replaces: "Reconciliation" })] },
      { valuesOnly: false },
    );
    expect(after.sheets.map((s) => s.name)).toEqual(["Sources", "Reconciliation", "Notes"]);
    expect(after.sheets[1]?.rows[0]?.[0]).toEqual({ value: "Match-funding reconciliation" });
  });
});
