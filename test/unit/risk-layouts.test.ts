import { analyseWorkbook, isRiskReport, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/** Registers laid out as councils keep them, each trait on its own, read through the whole core. */
const brief = (a: Analysis) =>
  a.findings.filter((x) => x.code !== "layout-not-found").map((x) => `${x.code}@${x.cell}`);
const written = (a: Analysis) =>
  (a.plan.operations.filter((o) => o.kind === "column") as ColumnWrite[]).map((o) => ({
    title: o.title,
    column: o.column,
    cells: o.cells.map((c) => [c.row + 1, c.formula, c.value]),
  }));
const analyse = (...sheets: ReturnType<typeof sheet>[]) =>
  analyseWorkbook(workbook(...sheets), { asOf: TODAY });

describe("registers under grouped headers", () => {
  const rows: Parameters<typeof sheet>[1] = [
    [
      "Ref",
      "Risk",
      "Inherent risk",
      null,
      null,
      null,
      "Residual risk",
      null,
      null,
      null,
      "Target risk",
      null,
      null,
    ],
    [
      null,
      null,
      "Likelihood",
      "Impact",
      "Score",
      null,
      "Likelihood",
      "Impact",
      "Score",
      null,
      "Likelihood",
      "Impact",
      "Score",
    ],
    ["R1", "Fire", 4, 5, f("=C3*D3", 20), null, 3, 3, f("=G3*H3", 9), null, 2, 2, f("=K3*L3", 4)],
    ["R2", "Flood", 3, 3, f("=C4*D4", 9), null, 2, 3, 12, null, 1, 2, f("=K4*L4", 2)],
    [],
    ["Rating: 1-4 Low | 5-12 Medium | 15-25 High"],
  ];
  const merges = ["A1:A2", "B1:B2", "C1:E1", "G1:I1", "K1:M1"];

  it("reads three pairs across spacer columns as one register, with the key under it", () => {
    const a = analyse(sheet("Register", rows, { merges }));
    const [table, ...rest] = a.tables.filter(isRiskReport);
    expect(rest).toEqual([]);
    expect(table).toMatchObject({
      range: "A1:M4",
      headerRow: 1,
      headerRows: [1, 2],
      pairs: ["inherent", "residual", "target"],
      scale: 5,
      scaleSource: "key",
      bands: {
        source: "sheet",
        at: "A6",
        bands: [
          { from: 1, to: 4, label: "Low" },
          { from: 5, to: 12, label: "Medium" },
          { from: 15, to: 25, label: "High" },
        ],
      },
    });
    expect(table?.columns).toMatchObject({
      id: "A",
      title: "B",
      inherentScore: "E",
      targetScore: "M",
    });
    expect(brief(a)).toEqual(["score-mismatch@I4"]);
  });

  it("leaves the council's right score formulas alone and writes only the typed wrong one", () => {
    const a = analyse(sheet("Register", rows, { merges }));
    const scores = written(a).filter((w) => w.title.endsWith("score"));
    expect(scores).toEqual([
      { title: "Residual score", column: 8, cells: [[4, '=IF(COUNT(G4,H4)=2,G4*H4,"")', 6]] },
    ]);
  });
});

describe("the key's scale beats the data", () => {
  it("reports a stray 5 on a 1-4 key as out of range instead of switching to 1-5", () => {
    const a = analyse(
      sheet("Log", [
        [
          "Risk ID",
          "Risk",
          "Likelihood",
          "Impact",
          "Score",
          "RAG",
          null,
          "RAG: 1-3 Green, 4-6 Amber, 8-16 Red",
        ],
        ["A1", "x", "3 - Likely", "2 - Moderate", 6, "Amber"],
        ["A2", "y", "5 - Almost certain", "3 - Serious", 15, "Red"],
        ["A3", "z", "4 - Very likely", "4 - Major", 16, "Red"],
      ]),
    );
    expect(a.tables.filter(isRiskReport)[0]).toMatchObject({
      scale: 4,
      scaleSource: "key",
      range: "A1:F4",
    });
    expect(brief(a)).toEqual(["out-of-range@C3"]);
  });
});

describe("word scales", () => {
  it("maps the standard five-point words and checks the band of their product", () => {
    const a = analyse(
      sheet("Strategic", [
        ["Risk No.", "Risk description", "Likelihood", "Impact", "RAG"],
        ["S1", "x", "Likely", "Catastrophic", "Amber"],
        ["S2", "y", "Rare", "Minor", "Green"],
        ["S1", "z", "Possible", null, "Green"],
        [],
        ["RAG: 1-5 Green, 6-12 Amber, 15-25 Red"],
      ]),
    );
    expect(brief(a)).toEqual(["priority-mismatch@E2", "duplicate-id@A4", "missing-value@D4"]);
    const score = written(a).find((w) => w.title === "Score");
    expect(score?.cells[0]).toEqual([
      2,
      '=IFERROR(MATCH(TRIM(C2),{"Rare","Unlikely","Possible","Likely","Almost certain"},0)*MATCH(TRIM(D2),{"Insignificant","Minor","Moderate","Major","Catastrophic"},0),"")',
      20,
    ]);
    expect(score?.cells[2]?.[2]).toBe("");
  });

  it("reads a three-point Low/Medium/High scale from a sentence and four labels from one cell", () => {
    const a = analyse(
      sheet("Housing", [
        ["Likelihood and impact are each scored Low = 1, Medium = 2, High = 3."],
        ["Risk level = L x I.   1-2 Low   |   3-4 Medium   |   6 High   |   9 Very high"],
        [],
        ["Ref", "Risk", "Likelihood", "Impact", "Risk level (L x I)", "Risk rating"],
        ["H1", "x", "High", "High", 9, "Very high"],
        ["H2", "y", "High", "Medium", 4, "High"],
        ["H3", "z", "Low", "Medium", 2, "Medium"],
      ]),
    );
    expect(a.tables.filter(isRiskReport)[0]).toMatchObject({ scale: 3, range: "A4:F7" });
    expect(brief(a)).toEqual(["score-mismatch@E6", "priority-mismatch@F7"]);
  });

  it("takes the word-to-number mapping from lists on a scoring sheet, which is no register", () => {
    const a = analyse(
      sheet("Risks", [
        ["Ref", "Risk", "Likelihood", "Impact", "Score"],
        ["R1", "x", "Often", "Big", 9],
        ["R2", "y", "Seldom", "Small", 2],
      ]),
      sheet("Scoring Matrix", [
        ["Likelihood", "Score", "Description", null, "Impact", "Score", "Description"],
        ["Seldom", 1, "a", null, "Small", 1, "a"],
        ["Sometimes", 2, "b", null, "Medium", 2, "b"],
        ["Often", 3, "c", null, "Big", 3, "c"],
      ]),
    );
    expect(a.tables.map((t) => t.sheet)).toEqual(["Risks"]);
    expect(brief(a)).toEqual(["score-mismatch@E3"]);
  });
});

describe("rows that are not risks", () => {
  it("passes over an Excel table's totals row and reads text review dates", () => {
    const a = analyse(
      sheet("Log", [
        ["Risk ID", "Risk", "Likelihood", "Impact", "Review date"],
        ["A1", "x", 2, 2, "01/10/2026"],
        ["A2", "y", 2, 3, "30/12/2026"],
        ["Total risks", f("=SUBTOTAL(103,Log[Risk ID])", 2)],
      ]),
    );
    expect(a.tables.filter(isRiskReport)[0]?.range).toBe("A1:E4");
    expect(brief(a)).toEqual(["review-overdue@E2"]);
  });
});
