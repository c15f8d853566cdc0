import { analyseWorkbook } from "../../src/core/analyse";
import type { ProjectsTableReport } from "../../src/core/pid/projects";
import { f, sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A projects table's last row "All projects" (=SUM over the projects, no word "Total") is a
 * total by its arithmetic: it is not a project, and its variance (a sum) raises nothing.
 */
const rows = [
  ["Project", "Sponsor", "Approved budget", "Forecast final cost", "Variance (under)/over"],
  ["Town Hall roof", "Director A", 2450, 2510, 60],
  ["Leisure centre", "Director B", 8900, 9480, 480],
  ["Depot", "Director B", 5600, 5600, 0],
  ["All projects", null, f("=SUM(C2:C4)", 16950), f("=SUM(D2:D4)", 17590), f("=SUM(E2:E4)", 540)],
];

describe("a projects total without the word Total", () => {
  const analysis = analyseWorkbook(workbook(sheet("Projects", rows)), { asOf: TODAY });

  it("is not read as a project", () => {
    const table = analysis.tables.find((t): t is ProjectsTableReport => t.kind === "projects");
    expect(JSON.stringify(table)).not.toContain("All projects");
  });

  it("only the wrong typed variance is reported", () => {
    expect(
      analysis.findings.filter((x) => x.severity !== "info").map((x) => [x.code, x.cell]),
    ).toEqual([["variance-mismatch", "E3"]]);
  });
});
