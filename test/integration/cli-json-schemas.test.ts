import path from "node:path";
import type { z } from "zod";
import {
  ApplyJsonSchema,
  BudgetTableReportSchema,
  CapitalProgrammeReportSchema,
  CheckJsonSchema,
  DecisionsImportJsonSchema,
  DecisionsTableReportSchema,
  FundingTableReportSchema,
  HeatMapJsonSchema,
  MonthlyTableReportSchema,
  PidJsonSchema,
  ProjectsTableReportSchema,
  RiskTableReportSchema,
} from "../../src/cli/json-schemas";
import type { BudgetTableReport } from "../../src/core/budget";
import type { CapitalProgrammeReport } from "../../src/core/capital";
import type { MonthlyTableReport } from "../../src/core/monthly";
import type { DecisionsTableReport } from "../../src/core/decisions/register";
import type { FundingTableReport } from "../../src/core/funding";
import type { ProjectsTableReport } from "../../src/core/pid/projects";
import type { RiskTableReport } from "../../src/core/risk";
import { FIXTURES } from "../helpers/builders";
import { cli } from "../helpers/cli";
import { ALL_WORKBOOKS } from "../helpers/workbooks";
import { tempDir } from "../helpers/xlsx";

/**
 * The `--json` schemas (src/cli/json-schemas.ts) parse what the CLI really prints, over every
 * fixture and corpus workbook: a field renamed, dropped or retyped in the core fails here.
 */

// Compile time: what the core's kinds report fits the contract's schema (tsc checks these lines).
const fits = <Contract>(report: Contract) => report;
export const reportsFitTheContract = [
  (r: RiskTableReport) => fits<z.infer<typeof RiskTableReportSchema>>(r),
  (r: FundingTableReport) => fits<z.infer<typeof FundingTableReportSchema>>(r),
  (r: BudgetTableReport) => fits<z.infer<typeof BudgetTableReportSchema>>(r),
  (r: ProjectsTableReport) => fits<z.infer<typeof ProjectsTableReportSchema>>(r),
  (r: DecisionsTableReport) => fits<z.infer<typeof DecisionsTableReportSchema>>(r),
  (r: MonthlyTableReport) => fits<z.infer<typeof MonthlyTableReportSchema>>(r),
  (r: CapitalProgrammeReport) => fits<z.infer<typeof CapitalProgrammeReportSchema>>(r),
];

const workbooks = ALL_WORKBOOKS;
const SEEDS = `${__dirname}/../../../shared/seeds`;

/** Parses with the schema; on failure, names the paths that did not fit. */
function parsed<S extends z.ZodType>(schema: S, stdout: string): z.infer<S> {
  const result = schema.safeParse(JSON.parse(stdout));
  if (!result.success)
    throw new Error(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  return result.data;
}

describe("--json outputs parse with their schemas", () => {
  const dir = tempDir("cs-json-schemas-");

  it("found the workbooks to run on", () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(20);
  });

  it.each(workbooks.map((f) => [path.basename(f), f]))("check --json %s", async (_name, file) => {
    const { out, err } = await cli("check", file, "--json");
    expect(err).toBe("");
    const doc = parsed(CheckJsonSchema, out);
    expect(doc.file).toBe(file);
  });

  it.each(workbooks.map((f) => [path.basename(f), f]))("apply --json %s", async (name, file) => {
    const target = path.join(dir, `applied-${name}`);
    const { out, err } = await cli("apply", file, "--out", target, "--json", "--allow-rebuild");
    expect(err).toBe("");
    const doc = parsed(ApplyJsonSchema, out);
    expect(doc.out).toBe(target);
  });

  it("the tables of every kind the corpus holds parse with their kind's schema", async () => {
    const kinds = new Set<string>();
    for (const file of workbooks) {
      const doc = parsed(CheckJsonSchema, (await cli("check", file, "--json")).out);
      for (const t of doc.tables) kinds.add(t.kind);
    }
    // Risk registers, funding (all three shapes), budgets, projects and decisions each appear.
    for (const kind of ["risk-register", "allocations", "funding-sources", "budget", "projects"])
      expect(kinds).toContain(kind);
  });

  it("pid --json", async () => {
    const target = path.join(dir, "pids.xlsx");
    const { out, err } = await cli(
      "pid",
      path.join(FIXTURES, "bcp-pid-inputs.xlsx"),
      "--all",
      "--out",
      target,
      "--json",
    );
    expect(err).toBe("");
    expect(parsed(PidJsonSchema, out).sheets.length).toBeGreaterThan(0);
  });

  it("heatmap --json, written and then refreshed", async () => {
    const first = path.join(dir, "heatmap.xlsx");
    const bcp = path.join(FIXTURES, "bcp-risk-registers.xlsx");
    const once = await cli("heatmap", bcp, "--out", first, "--json");
    expect(once.err).toBe("");
    const doc = parsed(HeatMapJsonSchema, once.out);
    expect(doc.sheets.length).toBeGreaterThan(0);
    expect(doc.sheets.every((s) => !s.refreshed)).toBe(true);
    const again = await cli("heatmap", first, "--out", path.join(dir, "heatmap-2.xlsx"), "--json");
    expect(parsed(HeatMapJsonSchema, again.out).sheets.every((s) => s.refreshed)).toBe(true);
  });

  it("decisions import --json", async () => {
    const target = path.join(dir, "decisions.xlsx");
    const { out, err } = await cli(
      "decisions",
      "import",
      `${SEEDS}/000_27967092dd3fa8cc.txt`,
      `${SEEDS}/001_f88c53d8f01fb2f7.txt`,
      "--into",
      path.join(FIXTURES, "emiep-funding-2008.xlsx"),
      "--out",
      target,
      "--json",
    );
    expect(err).toBe("");
    const doc = parsed(DecisionsImportJsonSchema, out);
    expect(doc.records).toHaveLength(2);
    expect(doc.rows).toHaveLength(2);
  });
});
