import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import { FIXTURES, TODAY } from "../helpers/builders";
import { loadFile } from "../helpers/xlsx";

const SEED_BANDS = [
  { from: 1, to: 2, label: "Low" },
  { from: 3, to: 6, label: "Medium" },
  { from: 8, to: 16, label: "High" },
];

describe("bcp-risk-registers.xlsx", () => {
  it("finds all four project registers with the sheet's own bands and exactly one error", async () => {
    const { snapshot } = await loadFile(`${FIXTURES}/bcp-risk-registers.xlsx`);
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    expect(
      analysis.tables
        .filter(isRiskReport)
        .map((t) => [t.sheet, t.kind, t.range, t.headerRow, t.rows, t.scale, t.project]),
    ).toEqual([
      ["Short Term Support", "risk-register", "A5:D9", 5, 4, 4, "Short Term Support"],
      ["Support at Home", "risk-register", "A5:D10", 5, 5, 4, "Support at Home"],
      ["Self-Directed Support", "risk-register", "A5:D9", 5, 4, 4, "Self-Directed Support"],
      ["How We Work", "risk-register", "A5:D9", 5, 4, 4, "How We Work"],
    ]);
    for (const table of analysis.tables.filter(isRiskReport)) {
      expect(table.bands).toMatchObject({ source: "sheet", bands: SEED_BANDS });
      expect(table.columns).toEqual({ title: "A", likelihood: "B", impact: "C", score: "D" });
    }
    expect(analysis.findings).toEqual([
      {
        severity: "error",
        code: "score-mismatch",
        sheet: "How We Work",
        cell: "D9",
        message: "Score is 4 but likelihood 2 × impact 3 = 6",
        expected: 6,
        actual: 4,
        table: "A5:D9",
      },
    ]);
  });
});

describe("bcp-pid-inputs.xlsx", () => {
  it("reads the long programme register with its Project column and key", async () => {
    const { snapshot } = await loadFile(`${FIXTURES}/bcp-pid-inputs.xlsx`);
    const analysis = analyseWorkbook(snapshot, { asOf: TODAY });
    const risks = analysis.tables.filter((t) => t.kind === "risk-register");
    expect(risks).toHaveLength(1);
    expect(risks[0]).toMatchObject({
      sheet: "Programme risks",
      range: "A1:F18",
      rows: 17,
      projects: ["Short Term Support", "Support at Home", "Self-Directed Support", "How We Work"],
      bands: { source: "sheet", bands: SEED_BANDS },
    });
    const errors = analysis.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.code} ${f.sheet}!${f.cell}`)).toEqual([
      "score-mismatch Programme risks!F18",
    ]);
  });
});
