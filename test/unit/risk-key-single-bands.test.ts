import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { describeScorePlace } from "../../src/core/bands";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/** A key laid out as a list of cells on its own sheet, its top band a single or open score. */
const register = sheet("Register", [
  ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"],
  ["R1", "Landowner", 4, 4, 16, "Very high"],
  ["R2", "Tender prices", 4, 4, 16, "High"],
  ["R3", "Asbestos", 3, 3, 9, "High"],
  ["R4", "Heritage", 1, 2, 2, "Low"],
]);

function keySheet(top: CellValue | null) {
  const rows: CellValue[][] = [
    ["Scoring key"],
    [],
    ["Risk level", "Rating range"],
    ["Low", "1-3"],
    ["Medium", "4-6"],
    ["High", "8-12"],
  ];
  if (top !== null) rows.push(["Very high", top]);
  return sheet("Risk Key", rows);
}

const LOW_TO_HIGH = [
  { from: 1, to: 3, label: "Low" },
  { from: 4, to: 6, label: "Medium" },
  { from: 8, to: 12, label: "High" },
];

describe("a key's single-value and open-ended bands", () => {
  it.each([
    ["16 typed as a number", 16, 16],
    ["'16' as text", "16", 16],
    ["'16 only'", "16 only", 16],
    ["'16+'", "16+", 16],
    ["'16 and above'", "16 and above", 16],
    ["'over 15'", "over 15", 16],
  ])("reads %s as the Very high band", (_name, top, to) => {
    const a = analyseWorkbook(workbook(register, keySheet(top)), { asOf: TODAY });
    const [table] = a.tables.filter(isRiskReport);
    expect(table?.bands).toMatchObject({
      source: "workbook",
      bands: [...LOW_TO_HIGH, { from: 16, to, label: "Very high" }],
    });
    expect(
      a.findings.filter((f) => f.severity === "error").map((f) => [f.cell, f.message]),
    ).toEqual([["F3", 'Priority is "High" but score 16 is in band 16-' + to + " Very high"]]);
    const priority = a.plan.operations.find(
      (o): o is ColumnWrite => o.kind === "column" && o.column === 5,
    );
    expect(priority?.cells.map((c) => c.value)).toEqual(["Very high", "Very high", "High", "Low"]);
  });

  it("says a score above every band is above them, not in the top band", () => {
    const a = analyseWorkbook(workbook(register, keySheet(null)), { asOf: TODAY });
    expect(
      a.findings.filter((f) => f.severity === "error").map((f) => [f.cell, f.message]),
    ).toEqual([["F2", 'Priority is "Very high" but score 16 is above every band, so 8-12 High']]);
  });

  it("words a score between or below bands", () => {
    expect(describeScorePlace(7, LOW_TO_HIGH)).toBe(
      "is between bands 4-6 Medium and 8-12 High, so Medium",
    );
    expect(describeScorePlace(0, LOW_TO_HIGH)).toBe("is below every band, so 1-3 Low");
    expect(describeScorePlace(5, LOW_TO_HIGH)).toBe("is in band 4-6 Medium");
  });

  it("takes no key from single scores beside words alone", () => {
    const notes = sheet("Notes", [
      ["Apples", 3],
      ["Pears", 5],
      ["Plums", 9],
    ]);
    const a = analyseWorkbook(workbook(register, notes), { asOf: TODAY });
    expect(a.tables.filter(isRiskReport)[0]?.bands.source).toBe("default");
  });
});

describe("an open top band written in the band's own cell", () => {
  it.each(["Very high 16+", "Very high: 16 and above", "Very high (over 15)"])(
    "reads %s under 'Low 1-3', 'Medium 4-6', 'High 8-12'",
    (top) => {
      const key = sheet("Risk Key", [
        ["Risk level"],
        ["Low 1-3"],
        ["Medium 4-6"],
        ["High 8-12"],
        [top],
      ]);
      const a = analyseWorkbook(workbook(register, key), { asOf: TODAY });
      expect(a.tables.filter(isRiskReport)[0]?.bands).toEqual({
        source: "workbook",
        at: "Risk Key!A2",
        bands: [...LOW_TO_HIGH, { from: 16, to: 16, label: "Very high" }],
      });
    },
  );
});
