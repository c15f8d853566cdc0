import { analyseWorkbook } from "../../src/core/analyse";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A register whose right edge is taken by another small table: the new columns go past it, so
 * the next reading does not count them as the register's. A second apply must find them again.
 */
describe("a second apply over columns written past other content", () => {
  const rows = [
    [
      "Ref",
      "Risk",
      "Likelihood",
      "Impact",
      "Residual likelihood",
      "Residual impact",
      "Residual score",
      null,
      "Area",
      "Lead",
    ],
    ["R1", "Flood", 2, 3, 1, 3, f("=E2*F2", 3), null, null, null, null, "North", "AB"],
    ["R2", "Fire", 4, 4, 2, 4, 12, null, null, null, null, "South", "CD"],
    ["R3", "Cyber", 5, 3, 3, 3, 9, null, null, null, null, "East", "EF"],
  ];
  const first = workbook(sheet("Register", rows));

  it("writes the columns once, past the table beside the register", () => {
    const plan = analyseWorkbook(first, { asOf: TODAY }).plan;
    const added = plan.operations.flatMap((op) =>
      op.kind === "column" && op.header ? [[op.column, op.header.text]] : [],
    );
    expect(added.length).toBeGreaterThan(0);
    // Nothing over "Area" and "Lead" (L, M), four blank columns past the register.
    for (const [column] of added) expect(column).toBeGreaterThan(12);
  });

  it("plans nothing new on its own output, and writing that plan changes nothing", () => {
    const once = applyPlanToSnapshot(first, analyseWorkbook(first, { asOf: TODAY }).plan, {
      valuesOnly: false,
    });
    const again = analyseWorkbook(once, { asOf: TODAY }).plan;
    expect(again.operations.filter((op) => op.kind !== "column" || op.header !== null)).toEqual([]);
    const twice = applyPlanToSnapshot(once, again, { valuesOnly: false });
    expect(twice).toEqual(once);
  });
});
