import type { Finding } from "./findings";
import type { WriteOperation } from "./plan";
import type { AnalyseOptions } from "./analyse";
import type { SheetSnapshot } from "./snapshot";
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
import { projectsRagHint } from "./pid/projects-money";
import {
  budgetModels,
  budgetReport,
  type BudgetTableModel,
  type BudgetTableReport,
} from "./budget";
import { budgetRagHint, checkBudgetTable } from "./budget/check";
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
import type { ProgressListener } from "./progress";
import { collapseSuspectColumns, withoutSuspectWrites } from "./tables/suspect-columns";

/**
 * The table kinds, in claim order: each kind detects its tables on the rows earlier kinds left,
 * builds one model per table, and reports, checks and plans from that model — never re-deriving
 * it. `analyseWorkbook` runs them in this order; the PID, heat map and reconciliation read the
 * models from the analysis.
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
}

export interface TableKindDefinition<K extends string, M, R> {
  kind: K;
  /** Every table of this kind in the workbook, each modelled once. */
  detect(input: KindInput): M[];
  /** The sheet and rows the table takes, header to last row (0-based). */
  rows(model: M): { sheet: string; first: number; last: number };
  report(model: M, input: KindInput): R;
  check(model: M, input: KindInput): Finding[];
  plan(model: M, input: KindInput): WriteOperation[];
  /** What a suspect column's warning can add: the setting that would read the column, say. */
  suspectHint?(model: M, input: KindInput): (column: number) => string | null;
  /**
   * Rules across tables, run once right after this kind has claimed its tables, with `taken`
   * as it then stands (this kind's rows and every earlier kind's).
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
  detect: ({ sheets, options }) =>
    riskModels(sheets, { asOf: options.asOf, ...(options.bands ? { bands: options.bands } : {}) }),
  rows: (m) => ({ sheet: m.table.sheet, first: m.table.headerRow, last: m.table.lastRow }),
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
  detect: ({ sheets, taken }) =>
    sheets.flatMap((sheet) => detectProjects(sheet, taken.get(sheet.name) ?? new Set(), sheets)),
  rows: (m) => ({ sheet: m.sheet, first: m.headerRow, last: m.lastRow }),
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
  detect: ({ sheets, taken }) =>
    sheets.flatMap((sheet) => detectDecisionRegisters(sheet, taken.get(sheet.name) ?? new Set())),
  rows: (m) => ({ sheet: m.sheet, first: m.headerRow, last: m.lastRow }),
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
  detect: ({ sheets, taken }) => monthlyModels(sheets, taken),
  rows: (m) => ({ sheet: m.table.sheet, first: m.table.headerRow, last: m.table.lastRow }),
  report: (m) => monthlyReport(m),
  check: (m, { options }) =>
    checkMonthlyTable(m.sheet, m.table, m.model, options.rag ?? DEFAULT_RAG),
  plan: (m, { options }) => planMonthlyTable(m.sheet, m.table, m.model, options.rag ?? DEFAULT_RAG),
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
  detect: ({ sheets, taken }) => capitalModels(sheets, taken),
  rows: (m) => ({ sheet: m.table.sheet, first: m.table.headerRow, last: m.table.lastClaimed }),
  report: (m) => capitalReport(m),
  check: (m) => checkCapitalProgramme(m.sheet, m.table),
  plan: (m) => planCapitalProgramme(m.sheet, m.table),
};

const budgetKind: TableKindDefinition<"budget", BudgetTableModel, BudgetTableReport> = {
  kind: "budget",
  detect: ({ sheets, taken }) => budgetModels(sheets, taken),
  // The header block may start above the table's own header row (group labels over an Excel table).
  rows: (m) => ({
    sheet: m.table.sheet,
    first: Math.min(m.table.headerRow, ...(m.table.headerRows ?? [])),
    last: m.table.lastRow,
  }),
  report: (m, { options }) => budgetReport(m, options.rag ?? DEFAULT_RAG),
  check: (m, { options }) =>
    checkBudgetTable(m.sheet, m.table, m.model, options.rag ?? DEFAULT_RAG),
  plan: (m, { options }) => planBudgetTable(m.sheet, m.table, options.rag ?? DEFAULT_RAG, m.model),
  suspectHint: (m, { options }) =>
    budgetRagHint(m.sheet, m.table, m.model, options.rag ?? DEFAULT_RAG),
};

const fundingKind: TableKindDefinition<"funding", FundingTableModel, FundingTableReport> = {
  kind: "funding",
  detect: ({ sheets, taken }) => fundingModels(sheets, taken),
  rows: (m) => ({ sheet: m.table.sheet, first: m.table.headerRow, last: m.table.lastRow }),
  report: (m) => fundingReport(m),
  check: (m) => checkFundingTable(m.sheet, m.table, m.groups, m.structure),
  plan: (m, { options }) =>
    planFundingTable(
      m.sheet,
      m.table,
      { replaceTotals: options.replaceTotals === true },
      m.groups,
      m.structure,
    ),
};

export interface KindRun {
  models: TableModel[];
  tables: TableReport[];
  findings: Finding[];
  operations: WriteOperation[];
}

/** Runs one kind on the rows still free, and claims the rows of every table it found. */
function runKind<K extends TableModel["kind"], M, R extends TableReport>(
  definition: TableKindDefinition<K, M, R>,
  input: KindInput,
  taken: Map<string, Set<number>>,
  out: KindRun,
  tablesDone: (done: number, of: number) => void = () => undefined,
): void {
  const models = definition.detect(input);
  tablesDone(0, models.length);
  for (const [n, model] of models.entries()) {
    const { sheet, first, last } = definition.rows(model);
    const rows = taken.get(sheet) ?? new Set<number>();
    for (let r = first; r <= last; r++) rows.add(r);
    taken.set(sheet, rows);
    out.models.push({ kind: definition.kind, model } as TableModel);
    out.tables.push(definition.report(model, input));
    // Appended one by one: a spread of a 100,000-row register's findings can overflow the
    // stack of a Web Worker, where the standalone pane runs this.
    // A stated column we disagree with on most lines was misread: one warning, nothing written.
    const { findings, suspect } = collapseSuspectColumns(
      input.sheets,
      definition.check(model, input),
      definition.suspectHint?.(model, input),
    );
    for (const f of findings) out.findings.push(f);
    for (const op of withoutSuspectWrites(definition.plan(model, input), suspect))
      out.operations.push(op);
    tablesDone(n + 1, models.length);
  }
  if (definition.across) for (const f of definition.across(models, input)) out.findings.push(f);
}

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

/** How the pane names each kind while it is being checked ("Checking risk registers"). */
const KIND_WORDS: Record<TableModel["kind"], string> = {
  "risk-register": "risk registers",
  projects: "projects",
  decisions: "decisions registers",
  budget: "budgets",
  funding: "funding tables",
  "monthly-profile": "monthly profiles",
  "capital-programme": "capital programmes",
};

/** Progress steps per kind: detecting its tables is the first, checking them the rest. */
const STEPS_PER_KIND = 100;

/**
 * Every kind in claim order over the sheets: the models, reports, findings and plan.
 * `onProgress` hears, per kind, when its tables are found and as each is checked and planned:
 * the work inside one table is not divided further.
 */
export function runKinds(
  sheets: readonly SheetSnapshot[],
  options: AnalyseOptions,
  onProgress?: ProgressListener,
): KindRun {
  const taken = new Map<string, Set<number>>();
  const out: KindRun = { models: [], tables: [], findings: [], operations: [] };
  const total = TABLE_KINDS.length * STEPS_PER_KIND;
  for (const [k, definition] of TABLE_KINDS.entries()) {
    const tablesDone = (done: number, of: number) =>
      onProgress?.({
        phase: "checking",
        subject:
          of > 0
            ? `${KIND_WORDS[definition.kind]}, table ${Math.min(done + 1, of)} of ${of}`
            : KIND_WORDS[definition.kind],
        unit: "steps",
        // Finding the tables is one step; each table checked is an equal share of the rest.
        done: k * STEPS_PER_KIND + Math.round((STEPS_PER_KIND * (done + 1)) / (of + 1)),
        total,
      });
    runKind(
      definition as TableKindDefinition<TableModel["kind"], unknown, TableReport>,
      { sheets, options, taken },
      taken,
      out,
      tablesDone,
    );
  }
  return out;
}
