import { analyseWorkbook, isRiskReport } from "../../src/core/analyse";
import { tablesText } from "../../src/cli/report";
import type { ColumnWrite } from "../../src/core/plan";
import { applyPlanToSnapshot } from "../../src/core/plan-preview";
import type { CellValue } from "../../src/core/snapshot";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A register with no key anywhere in the workbook whose own Priority column bands its scores
 * consistently (1–4 Low, 5–12 Medium, 15–25 High — not the 5×5 defaults, under which 12 is High
 * and 20 Very high). Its labels are its bands; only a rating against them is an error. Labels
 * that contradict each other give no bands, and the defaults judge the register as before.
 */
const HEADER: CellValue[] = ["Ref", "Risk", "Likelihood", "Impact", "Score", "Priority"];
const COHERENT: CellValue[][] = [
  ["R1", "Flood", 1, 2, 2, "Low"],
  ["R2", "Fire", 2, 2, 4, "Low"],
  ["R3", "Theft", 1, 3, 3, "Low"],
  ["R4", "Strike", 1, 5, 5, "Medium"],
  ["R5", "Pandemic", 2, 3, 6, "Medium"],
  ["R6", "Supplier", 2, 4, 8, "Medium"],
  ["R7", "Fraud", 3, 3, 9, "Medium"],
  ["R8", "Data breach", 3, 4, 12, "Medium"],
  ["R9", "Cyber", 3, 5, 15, "High"],
  ["R10", "Care market", 4, 4, 16, "High"],
  ["R11", "Funding", 4, 5, 20, "High"],
  ["R12", "Demand", 5, 5, 25, "High"],
];
const OWN_BANDS = [
  { from: 1, to: 4, label: "Low" },
  { from: 5, to: 12, label: "Medium" },
  { from: 15, to: 25, label: "High" },
];

const analyse = (rows: CellValue[][]) => {
  const snapshot = workbook(sheet("Risks", [HEADER, ...rows]));
  return { snapshot, analysis: analyseWorkbook(snapshot, { asOf: TODAY }) };
};
/** What apply writes in the Priority column (F): [Excel row, value]. */
const priorities = (ops: readonly unknown[]) =>
  (ops as ColumnWrite[])
    .filter((o) => o.kind === "column" && o.column === 5)
    .flatMap((o) => o.cells.map((c) => [c.row + 1, c.value] as [number, CellValue]));

describe("bands read from the register's own ratings where it states no key", () => {
  it("coherent labels: no errors, the labels' bands said to be the ratings', labels kept", () => {
    const { analysis } = analyse(COHERENT);
    expect(analysis.findings).toEqual([]);
    const [table] = analysis.tables.filter(isRiskReport);
    expect(table?.bands).toEqual({ source: "ratings", bands: OWN_BANDS, rows: 12 });
    expect(tablesText(analysis.tables).join("\n")).toContain(
      "(inferred from the register's own ratings, 12 rated rows)",
    );
    // The priority column written is the council's own labels, each where it was.
    expect(priorities(analysis.plan.operations)).toEqual(COHERENT.map((r, k) => [k + 2, r[5]]));
  });

  it("one rating against the banding is the one error; apply writes the banding's labels, once", () => {
    const { snapshot, analysis } = analyse([...COHERENT, ["R13", "Flooding", 2, 5, 10, "Low"]]);
    expect(analysis.findings.map((f) => [f.code, f.cell, f.message])).toEqual([
      [
        "priority-mismatch",
        "F14",
        `Priority is "Low" but score 10 is in band 5-12 Medium of the register's own ratings`,
      ],
    ]);
    expect(analysis.tables.filter(isRiskReport)[0]?.bands).toEqual({
      source: "ratings",
      bands: OWN_BANDS,
      rows: 13,
    });
    const written = priorities(analysis.plan.operations);
    expect(written).toEqual([...COHERENT.map((r, k) => [k + 2, r[5]]), [14, "Medium"]]);

    const after = applyPlanToSnapshot(snapshot, analysis.plan, { valuesOnly: false });
    const shown = after.sheets[0]?.rows.slice(1).map((r) => r[5]?.value);
    expect(shown).toEqual(written.map(([, v]) => v));
    const again = analyseWorkbook(after, { asOf: TODAY });
    expect(again.findings).toEqual([]);
    expect(again.tables.filter(isRiskReport)[0]?.bands).toEqual({
      source: "ratings",
      bands: OWN_BANDS,
      rows: 13,
    });
    const twice = applyPlanToSnapshot(after, again.plan, { valuesOnly: false });
    expect(twice.sheets[0]?.rows.map((r) => r[5])).toEqual(after.sheets[0]?.rows.map((r) => r[5]));
  });

  it("labels that contradict each other: the defaults, with today's findings", () => {
    // Score 6 is rated Low on row 6 and Medium on row 14: no side to take.
    const rows = COHERENT.map((r) => (r[0] === "R5" ? [...r.slice(0, 5), "Low"] : r));
    const { analysis } = analyse([...rows, ["R13", "Flooding", 3, 2, 6, "Medium"]]);
    expect(analysis.tables.filter(isRiskReport)[0]?.bands.source).toBe("default");
    // The 5×5 defaults: 1-4 Low, 5-9 Medium, 10-16 High, 20-25 Very high.
    expect(analysis.findings.map((f) => [f.code, f.cell])).toEqual([
      ["priority-mismatch", "F6"],
      ["priority-mismatch", "F9"],
      ["priority-mismatch", "F12"],
      ["priority-mismatch", "F13"],
    ]);
    expect(analysis.findings[0]?.message).toBe(
      'Priority is "Low" but score 6 is in band 5-9 Medium',
    );
    expect(priorities(analysis.plan.operations)).toEqual([
      [2, "Low"],
      [3, "Low"],
      [4, "Low"],
      [5, "Medium"],
      [6, "Medium"],
      [7, "Medium"],
      [8, "Medium"],
      [9, "High"],
      [10, "High"],
      [11, "High"],
      [12, "Very high"],
      [13, "Very high"],
      [14, "Medium"],
    ]);
  });

  it("RAG labels band the same way; labels of no known order give no bands", () => {
    const rag = { Low: "Green", Medium: "Amber", High: "Red" } as Record<string, string>;
    const inRag = COHERENT.map((r) => [...r.slice(0, 5), rag[r[5] as string] ?? ""]);
    const { analysis } = analyse(inRag);
    expect(analysis.findings).toEqual([]);
    expect(analysis.tables.filter(isRiskReport)[0]?.bands).toEqual({
      source: "ratings",
      bands: OWN_BANDS.map((b) => ({ ...b, label: rag[b.label] })),
      rows: 12,
    });
    const unknown = { Low: "Watch", Medium: "Review", High: "Escalate" } as Record<string, string>;
    const inWords = COHERENT.map((r) => [...r.slice(0, 5), unknown[r[5] as string] ?? ""]);
    expect(analyse(inWords).analysis.tables.filter(isRiskReport)[0]?.bands.source).toBe("default");
  });
});
