import type { Finding } from "./findings";
import type { WriteOperation } from "./plan";
import type { AnalyseOptions } from "./analyse";
import type { SheetSnapshot } from "./snapshot";
import type { TableBounds } from "./tables/bounds";
import { riskModels, riskReport, type RiskTableReport } from "./risk";
import type { RiskContext } from "./risk/check";
import { checkRiskTable } from "./risk/check";
import { planRiskTable } from "./risk/plan";
import {
  checkProjects,
  detectProjects,
  planProjects,
  projectsReport,
  type ProjectsTable,
  type ProjectsTableReport,
} from "./pid/projects";
import { projectsRagColumn, projectsRagHint } from "./pid/projects-money";
import { monthlyRagColumn } from "./monthly/rag";
import type { RatedColumn } from "./tables/rag-kept-green";
import {
  budgetModels,
  budgetReport,
  type BudgetTableModel,
  type BudgetTableReport,
} from "./budget";
import { budgetRagColumn, budgetRagHint, checkBudgetTable } from "./budget/check";
import { planBudgetTable } from "./budget/plan";
import { DEFAULT_RAG } from "./budget/model";
import {
  fundingModels,
  fundingReport,
  type FundingTableModel,
  type FundingTableReport,
} from "./funding";
import { checkFundingTable } from "./funding/check";
import {
  checkCitations,
  decisionsReport,
  detectDecisionRegisters,
  type DecisionsTable,
  type DecisionsTableReport,
} from "./decisions";
import { planFundingTable } from "./funding/plan";
import {
  checkMonthlyTable,
  monthlyModels,
  monthlyReport,
  planMonthlyTable,
  type MonthlyTableModel,
  type MonthlyTableReport,
} from "./monthly";
import {
  capitalModels,
  capitalReport,
  checkCapitalProgramme,
  planCapitalProgramme,
  type CapitalProgrammeModel,
  type CapitalProgrammeReport,
} from "./capital";
import { claimOf, tableOnTheRight, type Claim } from "./tables/claims";

/**
 * The table kinds, in claim order: each kind detects its tables on the rows earlier kinds left,
 * builds one model per table, and reports, checks and plans from that model — never re-deriving
 * it. `runKinds` (run-kinds.ts) runs them in this order for `analyseWorkbook`; the PID, heat map
 * and reconciliation read the models from the analysis.
 *
 * Adding a kind: a folder with its detector and rules, a `TableKindDefinition` value, and one line in
 * `TABLE_KINDS` at the place in the claim order where it should win over the kinds after it;
 * its model and report types join the `TableModel` and `TableReport` unions below.
 */
export interface KindInput {
  /** The sheets to read (sheets Council Sheets wrote are already left out). */
  sheets: readonly SheetSnapshot[];
  options: AnalyseOptions;
  /** Per sheet, the rows taken by tables of kinds earlier in the claim order. */
  taken: ReadonlyMap<string, ReadonlySet<number>>;
  /**
   * When reading beside claimed tables: the sheets with something beside them, claimed spans
   * emptied (tables/claims.ts). Only these are read; tables are modelled on the sheets themselves.
   */
  beside?: ReadonlyMap<string, SheetSnapshot>;
  /** Once every kind has claimed its tables: every table's span, for plans to keep apart. */
  claims?: readonly Claim[];
}

/** The sheets a kind detects its tables on: all of them, or the emptied copies when reading beside. */
const readSheets = ({ sheets, beside }: KindInput): readonly SheetSnapshot[] =>
  beside ? sheets.flatMap((s) => beside.get(s.name) ?? []) : sheets;

/** Another table claimed right of this one on its rows: new columns keep the gap to it. */
const keepsApart = (t: TableBounds, { claims }: KindInput): boolean =>
  tableOnTheRight(claimOf(t), claims ?? []);

export interface TableKindDefinition<K extends string, M, R> {
  kind: K;
  /** Every table of this kind in the workbook, each modelled once. */
  detect(input: KindInput): M[];
  /** The sheet, rows (header to last) and columns the table takes (0-based). */
  rows(model: M): Claim;
  report(model: M, input: KindInput): R;
  check(model: M, input: KindInput): Finding[];
  plan(model: M, input: KindInput): WriteOperation[];
  /** What a suspect column's warning can add: the setting that would read the column, say. */
  suspectHint?(model: M, input: KindInput): (column: number) => string | null;
  /**
   * The table's RAG column as rated by the settings' rule, where the sheet states none: for a
   * column keeping small overspends Green under one threshold (tables/rag-kept-green.ts).
   */
  ragColumn?(model: M, input: KindInput): RatedColumn | null;
  /**
   * Rules across tables, run once after this kind's tables are checked, with `taken` as it
   * stands once every kind has claimed its tables.
   */
  across?(models: readonly M[], input: KindInput): Finding[];
}

export type TableReport =
  | RiskTableReport
  | FundingTableReport
  | BudgetTableReport
  | MonthlyTableReport
  | ProjectsTableReport
  | DecisionsTableReport
  | CapitalProgrammeReport;

export type TableModel =
  | { kind: "risk-register"; model: RiskContext }
  | { kind: "projects"; model: ProjectsTable }
  | { kind: "monthly-profile"; model: MonthlyTableModel }
  | { kind: "budget"; model: BudgetTableModel }
  | { kind: "funding"; model: FundingTableModel }
  | { kind: "decisions"; model: DecisionsTable }
  | { kind: "capital-programme"; model: CapitalProgrammeModel };

const sheetOf = (sheets: readonly SheetSnapshot[], name: string): SheetSnapshot => {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`No sheet "${name}" in the analysed workbook`);
  return sheet;
};

const riskKind: TableKindDefinition<"risk-register", RiskContext, RiskTableReport> = {
  kind: "risk-register",
  detect: (input) =>
    riskModels(readSheets(input), {
      asOf: input.options.asOf,
      ...(input.options.bands ? { bands: input.options.bands } : {}),
    }),
  rows: (m) => claimOf(m.table),
  report: (m, { sheets }) => riskReport(sheetOf(sheets, m.table.sheet), m),
  check: (m, { sheets, options }) =>
    checkRiskTable(sheetOf(sheets, m.table.sheet), m, {
      asOf: options.asOf,
      asOfChosen: options.asOfChosen === true,
      sheets,
    }),
  plan: (m, { sheets }) => planRiskTable(sheetOf(sheets, m.table.sheet), m),
};

const projectsKind: TableKindDefinition<"projects", ProjectsTable, ProjectsTableReport> = {
  kind: "projects",
  detect: (input) =>
    readSheets(input).flatMap((sheet) =>
      detectProjects(sheet, input.taken.get(sheet.name) ?? new Set(), input.sheets),
    ),
  rows: (m) => claimOf(m),
  report: (m) => projectsReport(m),
  // Projects with money get the budget rules through tables/variance-lines.ts (shared with any
  // kind that keeps a budget and a forecast), not through budget/: kinds do not import each other.
  check: (m, { sheets, options }) =>
    checkProjects(sheetOf(sheets, m.sheet), m, options.rag ?? DEFAULT_RAG),
  plan: (m, { sheets, options }) =>
    planProjects(sheetOf(sheets, m.sheet), m, options.rag ?? DEFAULT_RAG),
  suspectHint: (m, { sheets, options }) =>
    m.money
      ? projectsRagHint(sheetOf(sheets, m.sheet), m.money, options.rag ?? DEFAULT_RAG)
      : () => null,
  ragColumn: (m, { sheets, options }) =>
    m.money
      ? projectsRagColumn(sheetOf(sheets, m.sheet), m.money, options.rag ?? DEFAULT_RAG)
      : null,
};

/**
 * Decisions registers claim their rows after projects and before budgets and funding look. Every
 * table citing a decision reference is checked against them, whatever kind it is otherwise
 * reported as: a projects table with a "Decision ref" column has its rows claimed by projects, and
 * its budgets still rest on decisions. Only the registers' own rows are left out.
 */
function registerRows(registers: readonly DecisionsTable[]): Map<string, Set<number>> {
  const rows = new Map<string, Set<number>>();
  for (const t of registers) {
    const set = rows.get(t.sheet) ?? new Set<number>();
    for (let r = t.headerRow; r <= t.lastRow; r++) set.add(r);
    rows.set(t.sheet, set);
  }
  return rows;
}

const decisionsKind: TableKindDefinition<"decisions", DecisionsTable, DecisionsTableReport> = {
  kind: "decisions",
  detect: (input) =>
    readSheets(input).flatMap((sheet) =>
      detectDecisionRegisters(sheet, input.taken.get(sheet.name) ?? new Set()),
    ),
  rows: (m) => claimOf(m),
  report: (m) => decisionsReport(m),
  check: () => [],
  plan: () => [],
  across: (models, { sheets, options }) =>
    checkCitations(sheets, models, registerRows(models), options.decisions),
};

/**
 * Monthly profiles claim their rows before budgets look: a profile has a budget column and a full
 * year beside its months, and read as a budget its months would be lost (and its Full year taken
 * for an outturn with nothing to check it against).
 */
const monthlyKind: TableKindDefinition<"monthly-profile", MonthlyTableModel, MonthlyTableReport> = {
  kind: "monthly-profile",
  detect: ({ sheets, taken, beside }) => monthlyModels(sheets, taken, beside),
  rows: (m) => claimOf(m.table),
  report: (m) => monthlyReport(m),
  check: (m, { options }) =>
    checkMonthlyTable(m.sheet, m.table, m.model, options.rag ?? DEFAULT_RAG),
  plan: (m, input) =>
    planMonthlyTable(
      m.sheet,
      m.table,
      m.model,
      input.options.rag ?? DEFAULT_RAG,
      keepsApart(m.table, input),
    ),
  ragColumn: (m, { options }) =>
    monthlyRagColumn(m.sheet, m.table, m.model, options.rag ?? DEFAULT_RAG),
};

/**
 * Capital programmes claim their rows before budgets and funding look: a programme is a table of
 * years with sections and totals, which both would otherwise read as theirs. The rows claimed run
 * through the financing block under the programme (the kind's second part).
 */
const capitalKind: TableKindDefinition<
  "capital-programme",
  CapitalProgrammeModel,
  CapitalProgrammeReport
> = {
  kind: "capital-programme",
  detect: ({ sheets, taken, beside }) => capitalModels(sheets, taken, beside),
  rows: (m) => ({ ...claimOf(m.table), last: m.table.lastClaimed }),
  report: (m) => capitalReport(m),
  check: (m) => checkCapitalProgramme(m.sheet, m.table),
  plan: (m) => planCapitalProgramme(m.sheet, m.table),
};

const budgetKind: TableKindDefinition<"budget", BudgetTableModel, BudgetTableReport> = {
  kind: "budget",
  detect: ({ sheets, taken, beside }) => budgetModels(sheets, taken, beside),
  // The header block may start above the table's own header row (group labels over an Excel table).
  rows: (m) => ({
    ...claimOf(m.table),
    first: Math.min(m.table.headerRow, ...(m.table.headerRows ?? [])),
  }),
  report: (m, { options }) => budgetReport(m, options.rag ?? DEFAULT_RAG),
  check: (m, { options }) =>
    checkBudgetTable(m.sheet, m.table, m.model, options.rag ?? DEFAULT_RAG),
  // A budget table's new columns always keep the gap to whatever stands beside it (planBudgetTable).
  plan: (m, { options }) => planBudgetTable(m.sheet, m.table, options.rag ?? DEFAULT_RAG, m.model),
  suspectHint: (m, { options }) =>
    budgetRagHint(m.sheet, m.table, m.model, options.rag ?? DEFAULT_RAG),
  ragColumn: (m, { options }) =>
    budgetRagColumn(m.sheet, m.table, m.model, options.rag ?? DEFAULT_RAG),
};

const fundingKind: TableKindDefinition<"funding", FundingTableModel, FundingTableReport> = {
  kind: "funding",
  detect: ({ sheets, taken, beside }) => fundingModels(sheets, taken, beside),
  rows: (m) => claimOf(m.table),
  report: (m) => fundingReport(m),
  check: (m) => checkFundingTable(m.sheet, m.table, m.groups, m.structure),
  plan: (m, input) =>
    planFundingTable(
      m.sheet,
      m.table,
      {
        replaceTotals: input.options.replaceTotals === true,
        keepApart: keepsApart(m.table, input),
      },
      m.groups,
      m.structure,
    ),
};

/** The registry: one line per kind, in claim order. */
export const TABLE_KINDS = [
  riskKind,
  projectsKind,
  decisionsKind,
  capitalKind,
  monthlyKind,
  budgetKind,
  fundingKind,
] as const;
