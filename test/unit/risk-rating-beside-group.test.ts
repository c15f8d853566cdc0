import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { ColumnWrite } from "../../src/core/plan";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A "Rating" column standing alone beside a grouped header ("Current assessment" over Chance |
 * Consequence | Score): merged down over the block, or typed only in the sub-header row. It is the
 * group's priority column: a wrong rating is reported there and apply writes into it, not into a
 * new column beside the register.
 */
function register(ratingHeader: "merged" | "sub-row"): ReturnType<typeof sheet> {
  const rows: CellValue[][] = [
    [
      "Ref",
      "Risk",
      "Current assessment",
      null,
      null,
      ratingHeader === "merged" ? "Rating" : null,
      "Owner",
    ],
    [null, null, "Likelihood", "Impact", "Score", "Rating", null],
    ["R1", "Placements", 3, 3, 9, "Medium", "AD"],
    ["R2", "Turnover", 3, 2, 6, "Medium", "AD"],
    ["R3", "Transport", 1, 2, 2, "Low", "AD"],
    // Planted: 4 × 3 = 12 is High on the key, rated Medium.
    ["R4", "Minors", 4, 3, 12, "Medium", "AD"],
    ["R5", "Carers", 1, 1, 1, "Low", "AD"],
  ];
  rows.push([], ["Key: 1-4 Low | 5-9 Medium | 10-25 High"]);
  const merges = [
    "C1:E1",
    "A1:A2",
    "B1:B2",
    "G1:G2",
    ...(ratingHeader === "merged" ? ["F1:F2"] : []),
  ];
  return sheet("Risk Register", rows, { merges });
}

describe("a Rating column beside a grouped header", () => {
  it.each(["merged", "sub-row"] as const)(
    "is the group's priority column, checked and written in place (%s)",
    (form) => {
      const snapshot = workbook(register(form));
      const a = analyseWorkbook(snapshot, { asOf: TODAY });
      const tables = a.tables.filter(isRiskReport);
      expect(tables.map((t) => [t.range, t.pairs, t.columns])).toEqual([
        [
          "A1:G7",
          ["current"],
          {
            id: "A",
            title: "B",
            owner: "G",
            currentLikelihood: "C",
            currentImpact: "D",
            currentScore: "E",
            currentPriority: "F",
          },
        ],
      ]);
      expect(a.findings.map((x) => [x.code, x.cell, x.message])).toEqual([
        [
          "priority-mismatch",
          "F6",
          'Current priority is "Medium" but score 12 is in band 10-25 High',
        ],
      ]);
      const writes = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
      expect(writes.map((w) => w.column)).toEqual([4, 5]);
      const after = applyPlanToSnapshot(snapshot, a.plan, { valuesOnly: false });
      const rating = after.sheets[0]!.rows.slice(2, 7).map((r) => r?.[5]?.value);
      expect(rating).toEqual(["Medium", "Medium", "Low", "High", "Low"]);
      expect(after.sheets[0]!.rows[5]?.[5]?.formula).toBe(
        '=IF(ISNUMBER(E6),IF(E6>=10,"High",IF(E6>=5,"Medium",IF(E6>=1,"Low",""))),"")',
      );
      expect(after.sheets[0]!.rows[5]?.[7]).toBeUndefined();
    },
  );
});
