import { analyseWorkbook } from "../../src/core/analyse";
import { sheet, TODAY, workbook } from "../helpers/builders";
import { analyseProfile, buildProfile, findingsOf, line } from "../helpers/monthly-builder";

/**
 * A total typed from the right figures sits over a line that is itself wrong (a mistyped
 * variance, a month typed as text): its lines as stated do not add to it, yet it is right. It is
 * judged with the reported lines put right, noted at the root, and reported only if it still
 * disagrees.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) => analyseWorkbook(workbook(sheet("Budget", rows)), { asOf: TODAY });
const found = (rows: Rows) => analyse(rows).findings.map((x) => `${x.code}@${x.cell}`);

/** Two sections of a monitoring report with typed totals (Excel rows 4–13). */
function sections(variances: { row6: number; total1: number; grand: number }): Rows {
  return [
    ["Anyshire Council: revenue monitoring 2025/26"],
    [],
    ["Service", "Budget £", "Forecast £", "Variance £"],
    ["Place"],
    ["Waste", 1000, 1100, 100],
    ["Parks", 500, 520, variances.row6],
    ["Roads", 2000, 1950, -50],
    ["Total Place", 3500, 3570, variances.total1],
    ["People"],
    ["Libraries", 300, 310, 10],
    ["Leisure", 700, 690, -10],
    ["Total People", 1000, 1000, 0],
    ["Total", 4500, 4570, variances.grand],
  ];
}

describe("a total over a reported line is judged with the line put right", () => {
  it("a section total and grand total typed from the right variance are not errors", () => {
    // D6 should be 20; the section total 70 counts 20, not the typed 30 (the grand total adds
    // the section totals as stated, so it was never in question).
    const result = analyse(sections({ row6: 30, total1: 70, grand: 70 }));
    expect(result.findings.map((x) => `${x.code}@${x.cell}`)).toEqual(["variance-mismatch@D6"]);
    expect(result.findings[0]?.message).toBe(
      "Variance is £30 but forecast £520 − budget £500 = £20; variance here is forecast less " +
        "budget, positive = overspend, the convention the sheet's figures follow; D8 is right as " +
        "typed: it counts the right figure here",
    );
  });

  it("a total that still disagrees with the lines put right is its own error", () => {
    // With D6 put right the section adds to 70, not 75.
    expect(found(sections({ row6: 30, total1: 75, grand: 75 }))).toEqual([
      "variance-mismatch@D6",
      "total-mismatch@D8",
    ]);
  });

  it("a total that adds the wrong line as stated is left as it was: the line is the error", () => {
    expect(found(sections({ row6: 30, total1: 80, grand: 80 }))).toEqual(["variance-mismatch@D6"]);
  });

  it("a full year and a column total counting a month typed as text are right", () => {
    const built = buildProfile({
      sections: [
        {
          heading: null,
          lines: [
            line("A1", 120_000, 120_000),
            { ...line("A2", 60_000, 60_000), fullYear: 60_000 },
            line("A3", 24_000, 24_000),
          ],
          total: "Total",
        },
      ],
      varianceHeader: null,
    });
    const row = built.lineRows[0]?.[1] as number;
    const december = built.firstMonth + 8;
    const cells = built.sheet.rows[row] as NonNullable<(typeof built.sheet.rows)[number]>;
    const meant = cells[december]?.value as number;
    const typed = `${String(meant).slice(0, -2)}O0`;
    cells[december] = { value: typed };
    // The column total under December is typed from the figure the text means.
    const totalRow = built.totalRows[0] as number;
    const decTotal = built.lineRows[0]?.reduce(
      (sum, r) => sum + (r === row ? meant : (built.sheet.rows[r]?.[december]?.value as number)),
      0,
    ) as number;
    (built.sheet.rows[totalRow] as NonNullable<(typeof built.sheet.rows)[number]>)[december] = {
      value: decTotal,
    };
    const result = analyseProfile(built);
    expect(findingsOf(result)).toEqual([`not-a-number L${row + 1}`]);
    expect(result.findings[0]?.message).toBe(
      `Dec-25 "${typed}" is not an amount; P${row + 1} and L${totalRow + 1} are right as typed: ` +
        "they count the right figure here",
    );
  });
});
