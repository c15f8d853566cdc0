import { cellAddress } from "../../src/core/a1";
import { analyseWorkbook } from "../../src/core/analyse";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import { TODAY, workbook } from "../helpers/builders";
import { analyseProfile, buildProfile, line } from "../helpers/monthly-builder";

/**
 * A full year typed wrong beside a variance the council typed from the true months (a trial's
 * Home care line: full year 4,680 where the months add to 4,675, variance −125 = 4,675 − 4,800):
 * the variance is right, so it is neither reported nor named as put out by the full year. Only a
 * variance that agrees with the wrong full year and not the months would follow from it.
 */
function profile(variance: number) {
  return buildProfile({
    months: "Apr",
    sections: [
      {
        heading: null,
        lines: [
          line("A1", 12_000, 11_524, { variance: -476 }),
          line("A3", 4_800, 4_675, { fullYear: 4_680, variance }),
        ],
        total: null,
      },
    ],
  });
}

describe("monthly profile: a typed variance beside a wrong full year", () => {
  it("reports the full year alone when the variance was typed from the true months", () => {
    const built = profile(-125);
    const row = built.lineRows[0]![1]!;
    const a = analyseProfile(built);
    expect(a.findings.map((x) => [x.code, x.cell, x.message])).toEqual([
      [
        "total-mismatch",
        cellAddress(row, built.fullYear!),
        "Full year is £4,680 but the months Apr to Mar add to £4,675",
      ],
    ]);
  });

  it("still reports a variance that matches neither the full year nor the months", () => {
    const built = profile(-100);
    const row = built.lineRows[0]![1]!;
    const a = analyseProfile(built);
    expect(a.findings.map((x) => [x.code, x.cell])).toEqual([
      ["total-mismatch", cellAddress(row, built.fullYear!)],
      ["variance-mismatch", cellAddress(row, built.variance!)],
    ]);
  });

  it("keeps a right typed variance beside a council full-year SUM that misses March", () => {
    const built = profile(-125);
    const row = built.lineRows[0]![1]!;
    const fullYear = built.fullYear!;
    const march = built.sheet.rows[row]![built.firstMonth + 11]!.value as number;
    // The council's formula stops at February: it shows the months less March.
    built.sheet.rows[row]![fullYear] = {
      ...built.sheet.rows[row]![fullYear],
      value: 4_675 - march,
      formula: `=SUM(${cellAddress(row, built.firstMonth)}:${cellAddress(row, built.firstMonth + 10)})`,
    };
    const before = analyseProfile(built);
    const findings = (a: typeof before) => a.findings.map((x) => `${x.code} ${x.cell}`);
    expect(findings(before)).toEqual([`total-mismatch ${cellAddress(row, fullYear)}`]);
    const applied = applyPlanToSnapshot(workbook(built.sheet), before.plan, { valuesOnly: false });
    const varianceCell = applied.sheets[0]!.rows[row]![built.variance!]!;
    expect(varianceCell.formula).toBeUndefined();
    expect(varianceCell.value).toBe(-125);
    expect(findings(analyseWorkbook(applied, { asOf: TODAY }))).toEqual(findings(before));
  });
});
