import { detectRiskTables } from "../../src/core/risk/detect";
import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import { sheet, TODAY, workbook } from "../helpers/builders";

describe("detectRiskTables", () => {
  it("finds the header below a title block and stops at the Risk Key", () => {
    const s = sheet("How We Work", [
      ["Project Name", "How We Work"],
      ["SRO", "Betty Butlin"],
      [],
      ["Risks"],
      ["Title", "Likelihood", "Impact", "Score"],
      ["Capacity", 2, 2, 4],
      ["Benefits", 2, 3, 4],
      ["Risk Key:"],
      ["Definitions:", "L = Likelihood (1-4)", "I = Impact (1-4)", "S = Score (I x L)"],
    ]);
    const [table, ...rest] = detectRiskTables(s);
    expect(rest).toHaveLength(0);
    expect(table).toMatchObject({
      headerRow: 4,
      firstColumn: 0,
      lastColumn: 3,
      dataRows: [5, 6],
      lastRow: 6,
      columns: { title: 0 },
      pairs: [{ name: "", likelihood: 1, impact: 2, score: 3, priority: null }],
      projectName: "How We Work",
    });
  });

  it("reads a header on row 7 under merged titles and notes, columns in any order and wording", () => {
    const s = sheet(
      "Corporate",
      [
        ["CORPORATE RISK REGISTER 2025/26"],
        ["Owner: Chief Executive"],
        ["Reviewed quarterly by Audit Committee"],
        [],
        ["Notes: ratings use the 5x5 matrix"],
        [],
        [
          "Risk No.",
          "Risk Description",
          "Risk Owner",
          "Probability",
          "Severity",
          "Risk Rating",
          "Next review",
        ],
        ["CR1", "Cyber attack", "CIO", "3 - Possible", "5 - Severe", 15, "31/03/2026"],
      ],
      { merges: ["A1:G1"] },
    );
    const [table] = detectRiskTables(s);
    expect(table).toMatchObject({
      headerRow: 6,
      columns: { id: 0, title: 1, owner: 2, reviewDate: 6 },
      pairs: [{ likelihood: 3, impact: 4, score: 5 }],
      dataRows: [7],
    });
  });

  it("keeps a table together over one blank row and hidden rows, and ends it at two blank rows", () => {
    const s = sheet(
      "R",
      [
        ["Ref", "Risk", "L", "I"],
        ["R1", "A", 1, 1],
        [],
        ["R2", "B", 2, 2],
        [],
        ["R3", "C", 3, 3],
        [],
        [],
        ["Unrelated note", "x", 9, 9],
      ],
      { hiddenRows: [4] },
    );
    const [table] = detectRiskTables(s);
    expect(table?.dataRows).toEqual([1, 3, 5]);
    expect(table?.lastRow).toBe(5);
  });

  it("counts data in hidden rows as part of the table", () => {
    const s = sheet(
      "R",
      [
        ["Ref", "Risk", "L", "I"],
        ["R1", "A", 1, 1],
        ["R2", "hidden", 2, 2],
        ["R3", "C", 3, 3],
      ],
      {
        hiddenRows: [2],
      },
    );
    expect(detectRiskTables(s)[0]?.dataRows).toEqual([1, 2, 3]);
  });

  it("finds several registers on one sheet and recognises each pair", () => {
    const s = sheet("Two", [
      [
        "Ref",
        "Risk",
        "Inherent L",
        "Inherent I",
        "Residual L",
        "Residual I",
        "Target L",
        "Target I",
      ],
      ["A1", "First", 4, 4, 2, 3, 1, 1],
      [],
      [],
      ["Ref", "Risk", "Likelihood", "Impact"],
      ["B1", "Second", 1, 2],
    ]);
    const tables = detectRiskTables(s);
    expect(tables).toHaveLength(2);
    expect(tables[0]?.pairs.map((p) => p.name)).toEqual(["inherent", "residual", "target"]);
    expect(tables[1]?.headerRow).toBe(4);
  });

  it("ends a table where a second header starts, even without blank rows", () => {
    const s = sheet("Stacked", [
      ["Ref", "Risk", "L", "I"],
      ["A1", "First", 1, 2],
      ["Ref", "Risk", "L", "I"],
      ["B1", "Second", 3, 4],
    ]);
    expect(detectRiskTables(s).map((t) => [t.headerRow, t.dataRows])).toEqual([
      [0, [1]],
      [2, [3]],
    ]);
  });

  it("treats a 'Risk rating' column holding High/Medium/Low as the priority", () => {
    const s = sheet("R", [
      ["Risk", "Likelihood", "Impact", "Risk rating"],
      ["A", 1, 2, "Low"],
      ["B", 3, 3, "Medium"],
    ]);
    expect(detectRiskTables(s)[0]?.pairs[0]).toMatchObject({ score: null, priority: 3 });
  });

  it("does not mistake a legend beside the table for data", () => {
    const s = sheet("R", [
      ["Risk", "Likelihood", "Impact", null, "Key"],
      ["A", 1, 2, null, "1-2 Low risk"],
      ["B", 3, 3, null, "3-6 Medium risk"],
      [null, null, null, null, "8-16 High"],
    ]);
    const [table] = detectRiskTables(s);
    expect(table?.lastColumn).toBe(2);
    expect(table?.dataRows).toEqual([1, 2]);
    const analysis = analyseWorkbook(workbook(s), { asOf: TODAY });
    expect(analysis.tables.filter(isRiskReport)[0]?.bands.bands.map((b) => b.label)).toEqual([
      "Low",
      "Medium",
      "High",
    ]);
  });

  it("lists the projects of a long register with a Project column", () => {
    const s = sheet("Programme risks", [
      ["Project", "Ref", "Title", "Likelihood", "Impact", "Score"],
      ["Alpha", "A-1", "x", 1, 1, 1],
      ["Alpha", "A-2", "y", 1, 2, 2],
      ["Beta", "B-1", "z", 2, 2, 4],
    ]);
    const analysis = analyseWorkbook(workbook(s), { asOf: TODAY });
    expect(analysis.tables[0]).toMatchObject({
      projects: ["Alpha", "Beta"],
      columns: { project: "A", id: "B" },
    });
  });

  it("reports a sheet with no recognised table, and only then", () => {
    const analysis = analyseWorkbook(
      workbook(
        sheet("Notes", [["Just some text"]]),
        sheet("R", [
          ["Risk", "L", "I"],
          ["A", 1, 1],
        ]),
      ),
      {
        asOf: TODAY,
      },
    );
    expect(analysis.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ["layout-not-found", "Notes", "A1"],
    ]);
  });
});

describe("legend labels", () => {
  it("end a register only as a whole cell, so a risk about a key supplier stays in it", () => {
    const s = sheet("R", [
      ["Risk", "L", "I", "Ref"],
      ["Key supplier failure", 2, 3, "R1"],
      ["Definitions of done unclear", 1, 1, "R2"],
      [],
      ["Risk Key:"],
    ]);
    expect(detectRiskTables(s)[0]?.dataRows).toEqual([1, 2]);
  });
});
