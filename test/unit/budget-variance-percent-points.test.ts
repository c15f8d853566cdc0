import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { describePlan } from "../../src/core/plan-changes";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A Variance % kept in percentage points without a % format, rounded to one place as the sheet
 * shows it ("-0.7" for an underspend of 0.70%, "4.0" typed as 4), as in the trial workbooks
 * w20-kestrel-no-plants (nothing wrong) and w10-kestrel-resources-gbpm (ICT's -4.0 where the
 * overspend is +4.0%). It is compared at the precision it shows, in its own scale.
 */
const analyse = (book: WorkbookSnapshot): Analysis => analyseWorkbook(book, { asOf: TODAY });
const kestrel = (ict: number): WorkbookSnapshot =>
  workbook(
    sheet("Resources", [
      ["Kestrel Unitary Authority"],
      ["Resources Directorate - revenue outturn forecast, Period 9 2025/26"],
      [],
      ["Service", "Working budget", "Forecast outturn", "Adverse/(Favourable)", "Variance %"],
      [null, "£m", "£m", "£m", "%"],
      ["Finance", 7.1, 7.05, -0.05, -0.7],
      ["Revenues and benefits", 4.45, 4.38, -0.07, -1.6],
      ["ICT", 6.25, 6.5, 0.25, ict],
      ["Legal and democratic", 3.15, 3.17, 0.02, 0.6],
      ["Corporate landlord", 40, 41.2, 1.2, 3],
      ["Housing benefit subsidy", 36, 36.9, 0.9, 2.5],
      ["Procurement", 1.18, 1.15, -0.03, -2.5],
      ["Council tax support", 61.731, 61.6, -0.131, -0.2],
    ]),
  );
const pctWrite = (a: Analysis) =>
  a.plan.operations.find((o): o is ColumnWrite => o.kind === "column" && o.title === "Variance %");

describe("a Variance % in percentage points, rounded to one place", () => {
  it("every line right at one place: no finding", () => {
    expect(analyse(kestrel(4)).findings.filter((f) => f.cell.startsWith("E"))).toEqual([]);
  });

  it("ICT's -4.0 where the overspend is 4.0%: reported at the cell, in percent, sign reversed", () => {
    const pct = analyse(kestrel(-4)).findings.filter((f) => f.cell.startsWith("E"));
    expect(pct.map((f) => [f.severity, f.cell, f.message, f.expected, f.actual])).toEqual([
      [
        "error",
        "E8",
        "Variance % is -4.0% but the variance as a share of the budget is 4.0% (£250,000 of £6,250,000; the sign is reversed)",
        4,
        -4,
      ],
    ]);
  });

  it("is written back in points, not turned into fractions, and reads clean after apply", () => {
    const book = kestrel(-4);
    const a = analyse(book);
    const write = pctWrite(a);
    // Rounded to one place under General: written under "0.0", so -0.704… shows -0.7 as typed.
    expect(write?.numberFormat).toBe("0.0");
    expect(write?.cells.map((c) => c.formula)).toContain(
      '=IF(AND(ISNUMBER(D8),ISNUMBER(B8)),IF(B8=0,"",D8/ABS(B8)*100),"")',
    );
    const values = write?.cells.map((c) =>
      typeof c.value === "number" ? c.value.toFixed(2) : c.value,
    );
    expect(values).toEqual(["-0.70", "-1.57", "4.00", "0.63", "3.00", "2.50", "-2.54", "-0.21"]);
    // The change list calls only ICT's a different figure: the rest show as they were typed.
    const { changed } = describePlan(book, a.plan, { valuesOnly: false });
    expect(
      changed.filter((c) => c.cell.startsWith("E") && c.valueChanged).map((c) => c.cell),
    ).toEqual(["E8"]);
    const after = analyse(applyPlanToSnapshot(book, a.plan, { valuesOnly: false }));
    expect(after.findings.filter((f) => f.cell.startsWith("E"))).toEqual([]);
  });

  it("a formula's long figure in the column does not make the typed ones look wrong", () => {
    const book = kestrel(4);
    const legal = book.sheets[0]?.rows[8];
    if (legal) legal[4] = { formula: "D9/ABS(B9)*100", value: (0.02 / 3.15) * 100 };
    expect(analyse(book).findings.filter((f) => f.cell.startsWith("E"))).toEqual([]);
  });

  it("whole points (3 for 3.4%) are compared to the whole point they show", () => {
    const rows: Entry[][] = [
      ["Service", "Budget", "Forecast", "Variance", "Variance %"],
      ["Libraries", 1000, 1034, 34, 3],
      ["Parks", 2000, 1950, -50, -3],
      ["Roads", 4000, 4100, 100, 3],
      ["Leisure", 500, 520, 20, 2],
    ];
    expect(analyse(workbook(sheet("Budget", rows))).findings.map((f) => f.cell)).toEqual(["E5"]);
  });
});

describe("a Variance % column that follows no convention", () => {
  it("is one warning in plain words, and nothing is written over it", () => {
    const rows: Entry[][] = [
      ["Service", "Budget", "Forecast", "Variance", "Variance %"],
      ["Libraries", 1000, 1100, 100, 7],
      ["Parks", 2000, 1900, -100, 12],
      ["Roads", 4000, 4400, 400, 1],
      ["Leisure", 500, 520, 20, 30],
    ];
    const a = analyse(workbook(sheet("Budget", rows)));
    expect(a.findings.map((f) => [f.severity, f.cell, f.message])).toEqual([
      [
        "warning",
        "E1",
        "Variance % disagrees with the variance as a share of the budget on 4 of 4 lines: its convention was not understood; nothing written",
      ],
    ]);
    expect(pctWrite(a)).toBeUndefined();
  });
});
