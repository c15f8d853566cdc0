import { analyseWorkbook } from "../../src/core/analyse";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A second table one blank column away on the same rows (a key, a summary) is not part of the
 * table beside it, whatever kind that table is; a blank spacer column inside a register, with the
 * header carrying on over figures on both sides, does not split the register.
 */
const read = (...sheets: ReturnType<typeof sheet>[]) => {
  const a = analyseWorkbook(workbook(...sheets), { asOf: TODAY });
  return {
    tables: a.tables.map((t) => [t.kind, t.range]),
    findings: a.findings.filter((x) => x.severity !== "info").map((x) => [x.code, x.cell]),
    columns: a.plan.operations.flatMap((op) =>
      op.kind === "column" && op.header ? [[op.header.text, op.column]] : [],
    ),
  };
};

describe("a side table beside a table", () => {
  it("risk register: a Score | Rating key beside it is the key, not a second score", () => {
    const risks = sheet("Risks", [
      ["Ref", "Risk", "Likelihood", "Impact", "Score", null, "Score", "Rating"],
      ["R1", "Flood", 4, 5, 20, null, "1-4", "Low"],
      ["R2", "Fire", 3, 3, 9, null, "5-12", "Medium"],
      ["R3", "Cyber", 2, 2, 4, null, "15-25", "High"],
    ]);
    expect(read(risks)).toEqual({
      tables: [["risk-register", "A1:E4"]],
      findings: [],
      columns: [["Priority", 5]],
    });
  });

  it("budget: a summary by directorate computed from the lines is a view, left out", () => {
    const budget = sheet("Budget", [
      ["Service", "Budget", "Forecast", null, "Directorate", "Budget", "Forecast"],
      ["Libraries", 100, 110, null, "Communities", f("=B2+B3", 300), f("=C2+C3", 330)],
      ["Parks", 200, 220, null, "Place", f("=B4", 300), f("=C4", 310)],
      ["Museums", 300, 310],
    ]);
    expect(read(budget).tables).toEqual([["budget", "A1:C4"]]);
  });

  it("budget: a summary by directorate with typed figures is a budget table of its own", () => {
    const budget = sheet("Budget", [
      ["Service", "Budget", "Forecast", null, "Directorate", "Budget", "Forecast"],
      ["Libraries", 100, 110, null, "Communities", 300, 330],
      ["Parks", 200, 220, null, "Place", 500, 480],
      ["Museums", 300, 310],
    ]);
    expect(read(budget).tables).toEqual([
      ["budget", "A1:C4"],
      ["budget", "E1:G3"],
    ]);
  });

  it("risk register: a blank spacer column between its pairs does not split it", () => {
    const risks = sheet("Risks", [
      ["Ref", "Risk", "Likelihood", "Impact", null, "Residual likelihood", "Residual impact"],
      ["R1", "Flood", 4, 5, null, 2, 3],
      ["R2", "Fire", 3, 3, null, 1, 2],
    ]);
    const found = read(risks);
    expect(found.tables).toEqual([["risk-register", "A1:G3"]]);
    expect(found.findings).toEqual([]);
  });
});
