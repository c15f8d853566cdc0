import { analyseWorkbook, isRiskReport, type Analysis } from "../../src/core/analyse";
import type { ColumnWrite } from "../../src/core/plan";
import { sheet, TODAY, workbook, type Entry } from "../helpers/builders";

/**
 * A register whose headers are words stacked over two rows in separate cells, bold and
 * unmerged ("Risk" / "No.", "Lead" / "Officer", "Risk" / "Rating", "Action" / "planned"), with or
 * without a scale hint ("(L/M/H)") under Likelihood and Impact, or with only the rating's words
 * stacked and every other header in one cell. The second row is header: the columns are "Risk
 * No.", "Risk Rating" (the council's priority), the hints are no values; and the first risk, all
 * rating words (Medium / High / High), is a line, never a third header row.
 */

type Layout = "stacked with hints" | "stacked without hints" | "bare hints" | "only rating stacked";

/** Line: id, description, officer, likelihood, impact (null: blank), typed rating. */
const LINES: [string, string, string, string, string | null, string][] = [
  ["CR01", "Loss of key staff", "Head of Paid Service", "Medium", "High", "High"],
  ["CR02", "Homelessness demand", "Housing Manager", "High", "High", "High"],
  ["CR03", "Waste contract renewal", "Environment Manager", "Medium", "Medium", "Medium"],
  ["CR04", "Leisure trust viability", "Client Officer", "Medium", "High", "Low"], // planted: 6 is High
  ["CR05", "Planning appeal costs", "Planning Manager", "Low", "Medium", "Low"],
  ["CR06", "Council tax collection", "Revenues Manager", "High", "Low", "Medium"],
  ["CR07", "Fraud", "Audit Manager", "Low", "Low", "Low"],
  ["CR08", "Local plan examination", "Policy Manager", "Medium", null, "High"], // planted: blank
];

function register(layout: Layout) {
  const rows: Entry[][] = [["Eastbridge Borough Council - Corporate Risk Register"], []];
  if (layout === "only rating stacked") {
    rows.push(["Risk No.", "Description", "Lead Officer", "Likelihood", "Impact", "Risk"]);
    rows[2]!.push("Action planned");
    rows.push([null, null, null, null, null, "Rating"]);
  } else {
    const hints: Record<string, string | null> = {
      "stacked with hints": "(L/M/H)",
      "stacked without hints": null,
      "bare hints": "L/M/H",
    };
    rows.push(["Risk", "Risk", "Lead", "Likelihood", "Impact", "Risk", "Action"]);
    const hint = hints[layout] ?? null;
    rows.push(["No.", "Description", "Officer", hint, hint, "Rating", "planned"]);
  }
  for (const [id, text, officer, likelihood, impact, rating] of LINES)
    rows.push([id, text, officer, likelihood, impact, rating, "Yes"]);
  rows.push([], ["Rating: 1-2 Low | 3-4 Medium | 6-9 High"]);
  return sheet("Corporate Risks", rows);
}

const analyse = (layout: Layout): Analysis =>
  analyseWorkbook(workbook(register(layout)), { asOf: TODAY });

const layouts: Layout[] = [
  "stacked with hints",
  "stacked without hints",
  "bare hints",
  "only rating stacked",
];

describe("risk register: header words stacked over two unmerged rows", () => {
  it.each(layouts)("reads rows 3-4 as the header and every risk as a line (%s)", (layout) => {
    const a = analyse(layout);
    const risks = a.tables.filter(isRiskReport);
    expect(a.tables).toHaveLength(1);
    expect(risks[0]).toMatchObject({ range: "A3:G12", headerRows: [3, 4], rows: 8, scale: 3 });
    expect(risks[0]?.columns).toEqual({
      id: "A",
      title: "B",
      owner: "C",
      likelihood: "D",
      impact: "E",
      priority: "F",
    });
  });

  it.each(layouts)("finds the planted errors and only them (%s)", (layout) => {
    const a = analyse(layout);
    expect(
      a.findings.filter((x) => x.code !== "layout-not-found").map((x) => [x.code, x.cell]),
    ).toEqual([
      ["priority-mismatch", "F8"],
      ["missing-value", "E12"],
    ]);
  });

  it.each(layouts)("adds one score column and writes nothing into the header (%s)", (layout) => {
    const a = analyse(layout);
    const writes = a.plan.operations.filter((o): o is ColumnWrite => o.kind === "column");
    // The council's Rating is the priority: no second one is added beside it.
    expect(writes.map((w) => [w.column, w.title, w.header?.text ?? null])).toEqual([
      [7, "Score", "Score"],
      [5, "Priority", null],
    ]);
    for (const w of writes) expect(Math.min(...w.cells.map((c) => c.row))).toBeGreaterThan(3);
    const scores = writes[0]!.cells.filter((c) => c.formula !== null);
    expect(scores.map((c) => [c.row + 1, c.value])).toEqual([
      [5, 6],
      [6, 9],
      [7, 4],
      [8, 6],
      [9, 2],
      [10, 3],
      [11, 1],
      [12, ""],
    ]);
  });
});
