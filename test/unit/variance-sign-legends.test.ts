import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { conventionFromHeader } from "../../src/core/tables/variance";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * Sign legends in a variance heading: whichever side (adverse / overspend / over against
 * favourable / underspend / under) a sign is paired with decides, wherever the sign stands and
 * whichever side is named first. "Variance favourable (-) / adverse (+)" names favourable first
 * and is still forecast − budget.
 */
describe("the convention a sign legend states", () => {
  it.each([
    ["Variance favourable (-) / adverse (+)", "forecast-minus-budget"],
    ["Variance adverse (+) / favourable (-)", "forecast-minus-budget"],
    ["Variance favourable (+) / adverse (-)", "budget-minus-forecast"],
    ["Variance: + overspend / - underspend", "forecast-minus-budget"],
    ["Variance: - underspend / + overspend", "forecast-minus-budget"],
    ["Variance: + underspend / - overspend", "budget-minus-forecast"],
    ["(+) adverse, (-) favourable", "forecast-minus-budget"],
    ["Variance (underspend -ve)", "forecast-minus-budget"],
    ["Variance overspend +ve / underspend -ve", "forecast-minus-budget"],
    ["Variance (underspend +ve)", "budget-minus-forecast"],
    ["Variance: positive = overspend", "forecast-minus-budget"],
    ["Variance: negative = overspend", "budget-minus-forecast"],
    ["Variance: over + / under -", "forecast-minus-budget"],
    ["Variance: under + / over -", "budget-minus-forecast"],
    ["Variance underspend ( ) / overspend", "forecast-minus-budget"],
  ])("%s is %s", (header, convention) => {
    expect(conventionFromHeader(header)).toBe(convention);
  });

  it.each([
    // A dash used as a separator is no sign; the bracket or word order decides as before.
    ["Variance - Over/(Under)", "forecast-minus-budget"],
    ["Variance - under/over", "budget-minus-forecast"],
    ["Variance – Underspend/(Overspend)", "budget-minus-forecast"],
    // "+/-" says either sign: no legend.
    ["Variance +/- under/over", "budget-minus-forecast"],
    ["2025-26 over/(under)", "forecast-minus-budget"],
  ])("%s keeps its words' reading: %s", (header, convention) => {
    expect(conventionFromHeader(header)).toBe(convention);
  });

  it("reads no convention from signs that disagree", () => {
    expect(conventionFromHeader("Variance adverse (+) / favourable (+)")).toBeNull();
  });
});

type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows) =>
  analyseWorkbook(workbook(sheet("Monitoring", rows)), { asOf: TODAY });

describe("a budget monitor whose variance heading is a sign legend", () => {
  it.each([
    ["Variance favourable (-) / adverse (+)", 145, 120],
    ["Variance: - underspend / + overspend", 145, 120],
    ["Variance favourable (+) / adverse (-)", -145, -120],
  ])("%s: the one wrong variance is found and the rest checked", (header, stated, expected) => {
    const sign = expected > 0 ? 1 : -1;
    const rows: Rows = [
      ["Service", "Revised budget", "Forecast outturn", header],
      ["Adults", 1000, 1100, 100 * sign],
      ["Children", 800, 760, -40 * sign],
      ["Highways", 1200, 1320, stated],
      ["Libraries", 500, 520, 20 * sign],
      ["Parks", 300, 290, -10 * sign],
    ];
    const a = analyse(rows);
    expect(
      a.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`),
    ).toEqual(["variance-mismatch@D4"]);
    expect(a.findings[0]?.message).toContain("as the header states");
    const variance = a.plan.operations
      .filter((o): o is ColumnWrite => o.kind === "column")
      .find((o) => o.column === 3);
    expect(variance?.header).toBeNull();
    expect(variance?.cells.map((c) => c.value)).toEqual(
      [100, -40, 120, 20, -10].map((v) => v * sign),
    );
    expect(variance?.cells[2]?.formula).toBe(
      sign > 0
        ? '=IF(AND(ISNUMBER(C4),ISNUMBER(B4)),C4-B4,"")'
        : '=IF(AND(ISNUMBER(C4),ISNUMBER(B4)),B4-C4,"")',
    );
  });
});
