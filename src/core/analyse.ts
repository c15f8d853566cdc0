import type { Finding } from "./findings";
import { finding } from "./findings";
import type { AddSheet, WritePlan } from "./plan";
import { analyseRisk, type RiskTableReport } from "./risk";
import { analyseFunding, type FundingTableReport } from "./funding";
import { analyseBudgets, type BudgetTableReport } from "./budget";
import { DEFAULT_RAG, type RagThresholds } from "./budget/model";
import { reconcile, type Reconciliation } from "./reconcile";
import {
  detectProjects,
  projectsReport,
  type ProjectsTable,
  type ProjectsTableReport,
} from "./pid/projects";
import { planReconciliationSheet } from "./reconcile/sheet";
import type { RiskContext } from "./risk/check";
import type { Band } from "./risk/bands";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { orderOperations } from "./apply-plan";
import {
  analyseDecisions,
  type DecisionCheckOptions,
  type DecisionsTableReport,
} from "./decisions";

export type TableKind =
  | "risk-register"
  | "funding"
  | "funding-sources"
  | "allocations"
  | "budget"
  | "projects"
  | "decisions";

export type TableReport =
  | RiskTableReport
  | FundingTableReport
  | BudgetTableReport
  | ProjectsTableReport
  | DecisionsTableReport;

export function isRiskReport(table: TableReport): table is RiskTableReport {
  return table.kind === "risk-register";
}

export interface AnalyseOptions {
  /** Today, as an Excel serial date (the core never reads the clock). */
  asOf: number;
  bands?: Band[];
  /** Replace typed totals in funding tables with SUM formulas. */
  replaceTotals?: boolean;
  rag?: RagThresholds;
  /** Allocation source name → sources-table name, beating the automatic matching. */
  sourceMap?: Record<string, string>;
  /** Add a "Reconciliation" sheet to the plan when sources and allocations were matched. */
  reconciliationSheet?: boolean;
  /** Decisions checks: the key-decision threshold (£) and the late-publication threshold (days). */
  decisions?: DecisionCheckOptions;
}

export interface Analysis {
  tables: TableReport[];
  findings: Finding[];
  plan: WritePlan;
  riskContexts: RiskContext[];
  projects: ProjectsTable[];
  reconciliation: Reconciliation | null;
}

/** Sheet order, then top to bottom, then left to right: the order a reader meets them. */
function sortFindings(findings: Finding[], sheetOrder: Map<string, number>): Finding[] {
  const key = (f: Finding) => {
    const m = /^([A-Z]+)(\d+)$/.exec(f.cell);
    const col = m?.[1] ?? "";
    return [sheetOrder.get(f.sheet) ?? 0, Number(m?.[2] ?? 0), col.length, col] as const;
  };
  return [...findings].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i] as number | string;
      const y = kb[i] as number | string;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

function sortTables(tables: TableReport[], sheetOrder: Map<string, number>): TableReport[] {
  return [...tables].sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.headerRow - b.headerRow,
  );
}

/** The whole analysis of a workbook: tables found, findings, and the plan of calculated columns. */
export function analyseWorkbook(whole: WorkbookSnapshot, options: AnalyseOptions): Analysis {
  // Sheets we wrote (Reconciliation, PIDs, backups, the log) are not council tables.
  const snapshot = { ...whole, sheets: whole.sheets.filter((s) => s.ours === undefined) };
  const risk = analyseRisk(snapshot.sheets, {
    asOf: options.asOf,
    ...(options.bands ? { bands: options.bands } : {}),
  });
  const taken = new Map<string, Set<number>>();
  for (const { table } of risk.contexts) {
    const rows = taken.get(table.sheet) ?? new Set<number>();
    for (let r = table.headerRow; r <= table.lastRow; r++) rows.add(r);
    taken.set(table.sheet, rows);
  }
  const projects = snapshot.sheets.flatMap((sheet) =>
    detectProjects(sheet, taken.get(sheet.name) ?? new Set()),
  );
  const claim = (sheet: string, from: number, to: number) => {
    const rows = taken.get(sheet) ?? new Set<number>();
    for (let r = from; r <= to; r++) rows.add(r);
    taken.set(sheet, rows);
  };
  for (const p of projects) claim(p.sheet, p.headerRow, p.lastRow);
  // Decisions kind (src/core/decisions): registers claim their rows before budgets and funding
  // look; every table citing a decision reference is checked against them.
  const decisions = analyseDecisions(snapshot.sheets, taken, options.decisions);
  for (const [sheet, rows] of decisions.claimed) for (const r of rows) claim(sheet, r, r);
  const budgets = analyseBudgets(snapshot.sheets, taken, options.rag ?? DEFAULT_RAG);
  for (const { table } of budgets.found) {
    const rows = taken.get(table.sheet) ?? new Set<number>();
    for (let r = table.headerRow; r <= table.lastRow; r++) rows.add(r);
    taken.set(table.sheet, rows);
  }
  const funding = analyseFunding(snapshot.sheets, taken, {
    replaceTotals: options.replaceTotals === true,
  });
  const tables: TableReport[] = [
    ...risk.tables,
    ...budgets.tables,
    ...funding.tables,
    ...projects.map(projectsReport),
    ...decisions.tables,
  ];
  const matched = reconcile(funding.found, options.sourceMap ?? {});
  const findings = [
    ...risk.findings,
    ...budgets.findings,
    ...funding.findings,
    ...(matched?.findings ?? []),
    ...decisions.findings,
  ];
  const withTables = new Set(tables.map((t) => t.sheet));
  for (const sheet of snapshot.sheets) {
    if (!withTables.has(sheet.name)) {
      findings.push(
        finding(
          "layout-not-found",
          sheet.name,
          0,
          0,
          `No table Council Sheets recognises on "${sheet.name}"`,
        ),
      );
    }
  }
  const sheetOrder = new Map(whole.sheets.map((s, i) => [s.name, i]));
  return {
    tables: sortTables(tables, sheetOrder),
    findings: sortFindings(findings, sheetOrder),
    plan: {
      operations: orderOperations([
        ...risk.operations,
        ...budgets.operations,
        ...funding.operations,
        ...(matched && options.reconciliationSheet !== false
          ? reconciliationSheetOperations(whole, matched.reconciliation)
          : []),
      ]),
    },
    riskContexts: risk.contexts,
    projects,
    reconciliation: matched?.reconciliation ?? null,
  };
}

/** The Reconciliation sheet to write: none when the one we wrote earlier already says the same. */
function reconciliationSheetOperations(
  snapshot: WorkbookSnapshot,
  reconciliation: Reconciliation,
): AddSheet[] {
  const op = planReconciliationSheet(snapshot, reconciliation);
  const earlier = op.replaces ? snapshot.sheets.find((s) => s.name === op.replaces) : undefined;
  return earlier && sheetHolds(earlier, op) ? [] : [op];
}

/** True when the sheet holds exactly the planned cells (formulas, or values where no formula). */
function sheetHolds(sheet: SheetSnapshot, op: AddSheet): boolean {
  const planned = new Map(op.cells.map((c) => [`${c.row},${c.column}`, c]));
  for (const [r, row] of sheet.rows.entries()) {
    for (const [c, cell] of (row ?? []).entries()) {
      if (!cell || (cell.value === null && !cell.formula)) continue;
      const want = planned.get(`${r},${c}`);
      if (!want) return false;
      planned.delete(`${r},${c}`);
      if (want.formula ? cell.formula !== want.formula : cell.value !== want.value) return false;
    }
  }
  return [...planned.values()].every(
    (c) => c.formula === null && (c.value === "" || c.value === null),
  );
}
