import { analyseWorkbook } from "../../src/core/analyse";
import type { Cell, CellValue } from "../../src/core/snapshot";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A register whose score and priority columns are the council's own formulas, saved without a
 * value (written by a tool that never calculates): each formula is judged by what it computes —
 * a product reading the wrong row, a MATCH over the wrong row of words, a priority IF whose
 * threshold is not the key's — and one the evaluator cannot follow is stated once per column,
 * never read as blank.
 */
type Entry = CellValue | Cell;
const none = (formula: string) => f(formula, null);
const LIKELIHOOD = '{"Rare","Unlikely","Possible","Likely","Almost certain"}';

function register(): Entry[][] {
  const rows: Entry[][] = [
    ["Rating: 1-4 Low | 5-12 Medium | 15-25 High"],
    ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority", "Words"],
  ];
  const ratings: [number, number][] = [
    [2, 2],
    [3, 4],
    [5, 3],
    [1, 5],
    [4, 4],
  ];
  const words = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
  ratings.forEach(([l, i], k) => {
    const r = k + 3;
    rows.push([
      `R${k + 1}`,
      `Risk ${k + 1}`,
      l,
      i,
      none(`=IF(OR(C${r}="",D${r}=""),"",C${r}*D${r})`),
      none(`=IF(E${r}="","",IF(E${r}>=15,"High",IF(E${r}>=5,"Medium","Low")))`),
      words[l - 1]!,
    ]);
  });
  rows[3]![4] = none("=C4*D6"); // planted: reads row 6's impact (3 x 5 = 15, not 12)
  rows[4]![5] = none('=IF(E5="","",IF(E5>=16,"High",IF(E5>=5,"Medium","Low")))'); // planted: 16
  return rows;
}

describe("council formulas saved without a value in a risk register", () => {
  it("judges each by what it computes", () => {
    const a = analyseWorkbook(workbook(sheet("Register", register())), { asOf: TODAY });
    // Row 4's priority formula reads the wrong score, so it shows High where 3 x 4 = 12 is Medium.
    expect(a.findings.map((x) => [x.code, x.cell, x.expected, x.actual])).toEqual([
      ["score-mismatch", "E4", 12, 15],
      ["priority-mismatch", "F4", "Medium", "High"],
      ["priority-mismatch", "F5", "High", "Medium"],
    ]);
    expect(a.findings[0]?.message).toBe(
      "Score formula C4*D6 gives 15 but likelihood 3 × impact 4 = 12",
    );
  });

  it("judges a MATCH over word lists and its own wrong row", () => {
    const rows = register();
    for (let r = 3; r <= 7; r++)
      rows[r - 1]![4] = none(`=MATCH(G${r},${LIKELIHOOD},0)*D${r === 5 ? 6 : r}`);
    const a = analyseWorkbook(workbook(sheet("Register", rows)), { asOf: TODAY });
    // Row 5 multiplies by row 6's impact (5 x 5 = 25, not 15); its priority then reads 25.
    expect(a.findings.map((x) => [x.code, x.cell, x.expected, x.actual])).toEqual([
      ["score-mismatch", "E5", 15, 25],
    ]);
  });

  it("states once per column the formulas it could not compute, and those reading them", () => {
    const rows = register();
    for (let r = 3; r <= 7; r++) rows[r - 1]![4] = none(`=VLOOKUP(C${r},Scores,2,FALSE)*D${r}`);
    const a = analyseWorkbook(workbook(sheet("Register", rows)), { asOf: TODAY });
    expect(a.findings.map((x) => [x.code, x.severity, x.cell, x.message])).toEqual([
      [
        "formula-not-evaluated",
        "info",
        "E3",
        "5 formulas in column E had no saved result and could not be checked (open and save the workbook in Excel to check them)",
      ],
      [
        "formula-not-evaluated",
        "info",
        "F3",
        "5 formulas in column F had no saved result and could not be checked (open and save the workbook in Excel to check them)",
      ],
    ]);
  });
});
