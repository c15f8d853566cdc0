import { type Entry } from "../helpers/builders";
import { analyseProjects, columnWrite, projectFindings, projectsOf } from "../helpers/projects";

/**
 * A projects table keeping a to-date block beside its full-year money (Budget to date, Spend to
 * date, Variance to date, then the approved budget, forecast and forecast variance): the
 * variance checked and written is the forecast's against the approved budget; the to-date budget
 * and variance are never taken for the full-year pair's.
 */
const PROJECTS: Entry[][] = [
  [
    "Ref",
    "Project",
    "Project manager",
    "Budget to date £",
    "Spend to date £",
    "Variance to date £",
    "Approved budget £",
    "Forecast £",
    "Forecast variance £",
  ],
  ["P1", "Library refurb", "A Smith", 100000, 110000, 10000, 400000, 410000, 10000],
  ["P2", "Depot roof", "B Jones", 50000, 45000, -5000, 200000, 190000, -10000],
  // Forecast variance typed 5,000 where forecast equals budget.
  ["P3", "Town hall boiler", "C Brown", 80000, 80000, 0, 80000, 80000, 5000],
  ["P4", "Play park", "D Green", 20000, 30000, 10000, 120000, 126000, 6000],
];

/** "YTD" wording, the full-year variance budget less forecast by its header. */
const YTD: Entry[][] = [
  [
    "Ref",
    "Scheme",
    "SRO",
    "YTD budget £",
    "YTD actual £",
    "YTD variance £",
    "Approved budget £",
    "Forecast outturn £",
    "Variance Under/(Over) £",
  ],
  ["S1", "Library refurb", "Director A", 100000, 110000, 10000, 400000, 410000, -10000],
  ["S2", "Depot roof", "Director B", 50000, 45000, -5000, 200000, 190000, 10000],
  ["S3", "Town hall boiler", "Director C", 80000, 80000, 0, 80000, 80000, 0],
  // Typed 6,000 where 120,000 − 126,000 = (6,000), an overspend: the sign is reversed.
  ["S4", "Play park", "Director D", 20000, 30000, 10000, 120000, 126000, 6000],
];

describe("projects with money beside a to-date block", () => {
  it("flat headers: the forecast variance is the variance", () => {
    const a = analyseProjects(PROJECTS);
    expect(projectsOf(a)?.money?.columns).toMatchObject({
      budget: "G",
      actual: "E",
      forecast: "H",
      variance: "I",
    });
    expect(projectFindings(a)).toEqual([
      { code: "variance-mismatch", cell: "I4", expected: 0, actual: 5000 },
    ]);
    expect(columnWrite(a, "Variance")?.column).toBe(8);
  });

  it("YTD wording: the forecast variance in its own header's convention", () => {
    const a = analyseProjects(YTD);
    expect(projectsOf(a)?.money?.columns).toMatchObject({
      budget: "G",
      forecast: "H",
      variance: "I",
    });
    expect(projectFindings(a)).toEqual([
      { code: "variance-mismatch", cell: "I5", expected: -6000, actual: 6000 },
    ]);
  });
});
