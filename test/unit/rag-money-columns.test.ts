import { analyseWorkbook } from "../../src/core/analyse";
import type { BudgetTableReport } from "../../src/core/budget";
import type { ColumnWrite } from "../../src/core/plan";
import type { ProjectsTableReport } from "../../src/core/pid/projects";
import { ragColumnOf } from "../../src/core/tables/money-columns";
import { sheet, TODAY, workbook } from "../helpers/builders";

/**
 * A money RAG by the names councils give it ("Budget RAG", "Cost RAG", "Financial RAG",
 * "RAG (budget)") is the table's RAG column: checked, never written twice. A RAG of something
 * else ("Delivery RAG") is no money column. A rule stated on another sheet of the workbook (a
 * "Notes" sheet) applies where the table's sheet states none and exactly one other sheet does.
 */
type Rows = Parameters<typeof sheet>[1];
const analyse = (...sheets: ReturnType<typeof sheet>[]) =>
  analyseWorkbook(workbook(...sheets), { asOf: TODAY });
const errors = (a: ReturnType<typeof analyse>) =>
  a.findings
    .filter((x) => x.severity !== "info")
    .map((x) => ({ code: x.code, cell: x.cell, expected: x.expected, actual: x.actual }));
const ragWrites = (a: ReturnType<typeof analyse>) =>
  a.plan.operations
    .filter((o): o is ColumnWrite => o.kind === "column" && /RAG/.test(o.title))
    .map((o) => ({ column: o.column, header: o.header }));

describe("ragColumnOf", () => {
  it.each([
    "RAG",
    "Budget RAG",
    "Cost RAG",
    "Financial RAG",
    "Finance RAG status",
    "RAG (budget)",
    "RAG - Budget",
    "Budget RAG 2025/26",
    "RAG rating",
    "R/A/G",
  ])("reads %p as the money's RAG", (header) => {
    expect(ragColumnOf(header)).toBe("money");
  });

  it.each(["Delivery RAG", "Overall RAG", "RAG (delivery)", "Schedule RAG status"])(
    "reads %p as a RAG of something else",
    (header) => {
      expect(ragColumnOf(header)).toBe("other");
    },
  );

  it.each(["Budget", "Ragwort clearance", "Status", "Forecast outturn £"])(
    "reads %p as no RAG",
    (header) => {
      expect(ragColumnOf(header)).toBeNull();
    },
  );
});

/** PR1 is £40,000 over on £650,000 (6.2%): Red under the settings' 5% / £100,000 rule. */
const budgetRows = (ragHeader: string): Rows => [
  ["Fictional Council budget monitoring (£)"],
  [],
  ["Ref", "Project", "Approved budget £", "Forecast outturn £", "Variance £", ragHeader],
  ["PR1", "Depot roof", 650000, 690000, 40000, "Amber"],
  ["PR2", "Pool filters", 200000, 195000, -5000, "Green"],
  ["PR3", "Car park lighting", 90000, 90000, 0, "Green"],
];

describe("a budget table's money RAG by its many names", () => {
  it.each(["Budget RAG", "Cost RAG", "Financial RAG", "RAG (budget)"])(
    "checks %p and writes it in place, adding no second RAG column",
    (header) => {
      const a = analyse(sheet("Budget", budgetRows(header)));
      expect(errors(a)).toEqual([
        { code: "variance-mismatch", cell: "F4", expected: "Red", actual: "Amber" },
      ]);
      expect(ragWrites(a)).toEqual([{ column: 5, header: null }]);
    },
  );
});

/** A revenue monitor in £'000 whose RAG rule is stated on a "Notes" sheet. */
const MONITOR: Rows = [
  ["Fictional Council revenue monitoring"],
  [],
  ["Service", "Revised budget", "Forecast outturn", "Variance Over/(Under)", "RAG"],
  [null, "£'000", "£'000", "£'000"],
  // Adults: £150,000 over on £5m: Amber under the Notes rule (lower of £250k and 5% = £250k),
  // Red under the settings'. Housing: £120,000 over on £1.2m (10%): Red, typed Green.
  ["Adults", 5000, 5150, 150, "Amber"],
  ["Children", 3000, 2940, -60, "Green"],
  ["Housing", 1200, 1320, 120, "Green"],
];
const NOTES = (text: string) => sheet("Notes", [[text]]);
const RULE =
  "RAG rating: Red if overspend over £250k or 5% of budget; Amber for smaller overspends; Green otherwise";

describe("a RAG rule stated on another sheet", () => {
  it("applies where the table's sheet states none, and the message names that sheet", () => {
    const a = analyse(sheet("Monitoring", MONITOR), NOTES(RULE));
    expect(errors(a)).toEqual([
      { code: "variance-mismatch", cell: "E7", expected: "Red", actual: "Green" },
    ]);
    expect(a.findings.find((x) => x.cell === "E7")?.message).toContain(
      '(the rule stated on sheet "Notes" at A1; this sheet states none)',
    );
    const report = a.tables.find((t): t is BudgetTableReport => t.kind === "budget");
    expect(report).toMatchObject({ ragRule: RULE, ragRuleSheet: "Notes" });
  });

  it("gives way to a rule the table's own sheet states", () => {
    const own: Rows = [...MONITOR, [], ["RAG: Red over 2% of budget"]];
    const a = analyse(sheet("Monitoring", own), NOTES(RULE));
    // Adults 3% over: Red under the sheet's own 2% rule.
    expect(errors(a).map((x) => x.cell)).toEqual(["E5", "E7"]);
  });

  it("is not used when two other sheets state rules: the settings' rule applies", () => {
    const a = analyse(
      sheet("Monitoring", MONITOR),
      NOTES(RULE),
      sheet("Key", [["RAG: Red over 2%; Amber any overspend"]]),
    );
    expect(a.findings.find((x) => x.cell === "E5")?.message).toContain(
      "(the settings' rule; the sheet states none)",
    );
  });

  it("applies to a projects table's Budget RAG", () => {
    const rows: Rows = [
      ["Project", "SRO", "Budget £", "Forecast £", "Variance £", "Budget RAG"],
      ["Depot", "Director A", 5000000, 5150000, 150000, "Amber"],
      ["Hub", "Director B", 1200000, 1320000, 120000, "Amber"],
    ];
    const a = analyse(sheet("Projects", rows), NOTES(RULE));
    const projects = a.tables.find((t): t is ProjectsTableReport => t.kind === "projects");
    expect(projects?.money).toMatchObject({ ragRule: RULE, ragRuleSheet: "Notes" });
    expect(errors(a)).toEqual([
      { code: "variance-mismatch", cell: "F3", expected: "Red", actual: "Amber" },
    ]);
  });
});
