import { analyseWorkbook } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * The safety net: a stated column that disagrees with our rule on most of its lines (more than
 * half, at least three) was misread by us, not mistyped by the council. One warning on the
 * column, and apply leaves its cells as they are.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (rows: Rows, name = "Budget") =>
  analyseWorkbook(workbook(sheet(name, rows)), { asOf: TODAY });
const summary = (rows: Rows, name?: string) =>
  analyse(rows, name).findings.map((x) => `${x.severity}:${x.code}@${x.cell}`);
const writesTo = (rows: Rows, column: number, name?: string) =>
  analyse(rows, name)
    .plan.operations.filter((o): o is ColumnWrite => o.kind === "column" && o.column === column)
    .flatMap((o) => o.cells.map((c) => c.row));

describe("a stated variance column that disagrees on most lines", () => {
  // The header says budget − forecast, yet every figure is forecast − budget: the header words
  // and the figures contradict each other, so our reading of the column cannot be trusted.
  const contradicting: Rows = [
    ["Service", "Budget", "Forecast outturn", "Variance Under/(Over)"],
    ["Libraries", 100, 120, 20],
    ["Parks", 200, 190, -10],
    ["Roads", 300, 330, 30],
    ["Waste", 400, 380, -20],
  ];

  it("is reported once, on its header, with what we expected", () => {
    const findings = analyse(contradicting).findings;
    expect(findings.map((x) => [x.severity, x.code, x.cell, x.expected, x.actual])).toEqual([
      ["warning", "variance-mismatch", "D1", "budget − forecast", "4 of 4 lines"],
    ]);
    expect(findings[0]?.message).toBe(
      "Variance Under/(Over) disagrees with budget − forecast on 4 of 4 lines: its convention was not understood; nothing written",
    );
  });

  it("is not overwritten by apply (the other columns are still written)", () => {
    expect(writesTo(contradicting, 3)).toEqual([]);
    const titles = analyse(contradicting)
      .plan.operations.filter((o): o is ColumnWrite => o.kind === "column")
      .map((o) => o.title);
    expect(titles).toEqual(["Variance %", "Status", "RAG"]);
  });

  it("two wrong lines of three are still errors, line by line, and corrected", () => {
    const rows: Rows = [
      ["Service", "Budget", "Forecast outturn", "Variance"],
      ["Libraries", 100, 120, 25],
      ["Parks", 200, 190, -15],
      ["Roads", 300, 330, 30],
    ];
    expect(summary(rows)).toEqual(["error:variance-mismatch@D2", "error:variance-mismatch@D3"]);
    expect(writesTo(rows, 3)).toEqual([1, 2, 3]);
  });

  it("three wrong lines of seven (not most) are still errors, line by line", () => {
    const rows: Rows = [
      ["Service", "Budget", "Forecast outturn", "Variance"],
      ["A", 100, 120, 21],
      ["B", 200, 190, -11],
      ["C", 300, 330, 31],
      ["D", 400, 380, -20],
      ["E", 500, 510, 10],
      ["F", 600, 600, 0],
      ["G", 700, 650, -50],
    ];
    expect(summary(rows)).toEqual([
      "error:variance-mismatch@D2",
      "error:variance-mismatch@D3",
      "error:variance-mismatch@D4",
    ]);
  });
});

describe("a stated risk score column that disagrees on most lines", () => {
  // Some councils score likelihood + impact: every line disagrees with likelihood × impact.
  const added: Rows = [
    ["Ref", "Risk", "Likelihood", "Impact", "Score"],
    ["R1", "Cyber attack", 4, 5, 9],
    ["R2", "Workforce", 3, 3, 6],
    ["R3", "Funding", 2, 4, 6],
    ["R4", "Flooding", 1, 2, 3],
  ];

  it("is one warning naming the rule, and the scores are left as stated", () => {
    const findings = analyse(added, "Risks").findings;
    expect(findings.map((x) => [x.severity, x.code, x.cell, x.expected, x.actual])).toEqual([
      ["warning", "score-mismatch", "E1", "likelihood × impact", "4 of 4 lines"],
    ]);
    expect(writesTo(added, 4, "Risks")).toEqual([]);
  });
});

describe("a stated RAG column that disagrees with the RAG rule on most lines", () => {
  // Small overspends typed Green where the settings' rule (no Green band for an overspend) says
  // Amber: the council keeps a Green band the sheet does not state. The warning names the rule in
  // words, never a sentence with its figures cut out ("an overspend of on a budget of"). Those
  // lines fit one Amber threshold (tables/rag-kept-green.ts): one warning naming them; Roof's
  // Amber on a 10.8% overspend, above Library's Red 8%, fits none and stays an error.
  const greenForSmall: Rows = [
    ["Project", "SRO", "Budget", "Forecast", "Variance", "Budget RAG"],
    ["Depot", "A", 2000000, 2050000, 50000, "Green"],
    ["Library", "B", 500000, 540000, 40000, "Red"],
    ["ERP", "C", 3000000, 3090000, 90000, "Green"],
    ["Front door", "D", 800000, 800000, 0, "Green"],
    ["Roof", "E", 1200000, 1330000, 130000, "Amber"],
  ];

  it("is one warning whose message states the rule in full", () => {
    const findings = analyse(greenForSmall, "Projects").findings.filter(
      (x) => x.severity !== "info",
    );
    expect(findings.map((x) => [x.severity, x.code, x.cell, x.actual])).toEqual([
      ["warning", "variance-mismatch", "F1", "Green"],
      ["error", "variance-mismatch", "F6", "Amber"],
    ]);
    expect(findings[0]?.message).toBe(
      "Budget RAG disagrees with the RAG rule (Red at 5% of budget or £100,000 (whichever is lower), " +
        "Amber for a smaller overspend; the settings' rule; the sheet states none) on 2 lines (F2, F4), " +
        "each an overspend it keeps Green: nothing written; its colours keep overspends under a threshold " +
        'Green: set --rag-amber-percent above 3%, or --rag-amber-amount above £90,000 (the task pane\'s "RAG: amber at" settings), ' +
        "or state the rule on the sheet",
    );
  });
});
