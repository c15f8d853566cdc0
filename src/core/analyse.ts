import { finding } from "./findings";
import type { Finding } from "./findings";
import type { AddSheet, WritePlan } from "./plan";
import type { RiskTableReport } from "./risk";
import type { RagThresholds } from "./budget/model";
import { sourceMoneyOf } from "./funding/source-money";
import { reconcile, type Reconciliation } from "./reconcile";
import type { ProjectsTable } from "./pid/projects";
import { planReconciliationSheet } from "./reconcile/sheet";
import { oneNotePerUnconfirmedCell } from "./reconcile/notes";
import type { RiskContext } from "./risk/check";
import type { Band } from "./bands";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { orderOperations } from "./plan-preview";
import { withTableJoins } from "./table-joins";
import { citesDecisions, type DecisionCheckOptions } from "./decisions";
import type { TableModel, TableReport } from "./registry";
import { runKinds } from "./run-kinds";
import type { ProgressListener } from "./progress";
import type { SerialValue } from "./serial-date";
import { recalculatedSheet } from "./tables/recalculated";
import { foldConsequences } from "./consequences";
import { balanceFinancingElsewhere } from "./capital/financing-elsewhere";
import { withFinancingListed } from "./capital";

export type { TableModel, TableReport } from "./registry";

export type TableKind =
  | "risk-register"
  | "funding"
  | "funding-sources"
  | "allocations"
  | "budget"
  | "projects"
  | "monthly-profile"
  | "capital-programme"
  | "decisions";

export function isRiskReport(table: TableReport): table is RiskTableReport {
  return table.kind === "risk-register";
}

export interface AnalyseOptions {
  /** Today, as an Excel serial date (the core never reads the clock); never a row. */
  asOf: SerialValue;
  /**
   * The officer chose `asOf` (an "as at" date, --as-of) rather than it being today: messages
   * then say "as at 31/03/2026", not "today is".
   */
  asOfChosen?: boolean;
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
  /** One model per table, in claim order: what reports, checks, plans, PIDs and heat maps read. */
  models: TableModel[];
  findings: Finding[];
  plan: WritePlan;
  /** The risk registers' models (also in `models`), for the heat map and the PID. */
  riskContexts: RiskContext[];
  /** The projects tables' models (also in `models`), for the PID. */
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

/** Per sheet lending a key or word scale, the registers' sheets it keys: "sheet \"Risks\"". */
function registersKeyedBy(models: readonly TableModel[]): Map<string, string> {
  const keyed = new Map<string, Set<string>>();
  for (const m of models) {
    if (m.kind !== "risk-register") continue;
    for (const key of m.model.keySheets ?? []) {
      const sheets = keyed.get(key) ?? new Set<string>();
      sheets.add(m.model.table.sheet);
      keyed.set(key, sheets);
    }
  }
  const named = new Map<string, string>();
  for (const [key, sheets] of keyed) {
    const quoted = [...sheets].map((s) => `"${s}"`);
    named.set(key, `${quoted.length > 1 ? "sheets" : "sheet"} ${quoted.join(", ")}`);
  }
  return named;
}

/**
 * The whole analysis of a workbook: tables found, findings, and the plan of calculated columns.
 *
 * @throws nothing of its own for any workbook: what is wrong in a table is a finding, never an
 * exception. An error thrown by `onProgress` (the task pane's Cancel) passes through unchanged.
 */
export function analyseWorkbook(
  whole: WorkbookSnapshot,
  options: AnalyseOptions,
  /** Hears how far the checking has got (the pane's progress bar); see progress.ts. */
  onProgress?: ProgressListener,
): Analysis {
  // Sheets we wrote (Reconciliation, PIDs, backups, the log) are not council tables. Formulas that
  // only add are read by what they compute (see recalculatedSheet): one saved without a value (by
  // another tool), and one whose cached value went stale — a council total over a column apply
  // rewrote keeps its old cache until Excel recalculates, and checking apply's own output must
  // judge it as Excel will show it, exactly as apply's re-check judged it.
  const snapshot = {
    ...whole,
    sheets: whole.sheets.filter((s) => s.ours === undefined).map(recalculatedSheet),
  };
  const run = runKinds(snapshot.sheets, options, onProgress);
  // Reconciliation reads funding tables through the shared model (tables/source-money.ts).
  const funding = run.models.flatMap((m) =>
    m.kind === "funding" ? [sourceMoneyOf(m.model.sheet, m.model.table)] : [],
  );
  const matched = reconcile(funding, options.sourceMap ?? {});
  // Capital programmes whose financing is a table of its own (another sheet, beside or below),
  // paired once every kind has read the workbook.
  const financing = balanceFinancingElsewhere(
    run.models.flatMap((m) => (m.kind === "capital-programme" ? [m.model] : [])),
    snapshot.sheets,
  );
  const tables = withFinancingListed(run.tables, financing.paired);
  // A figure wrong only because a cell already reported is wrong is said once, at that cell.
  const findings = foldConsequences(
    [
      ...oneNotePerUnconfirmedCell([...run.findings, ...(matched?.findings ?? [])]),
      ...financing.findings,
    ],
    snapshot.sheets,
  );
  const withTables = new Set([...tables.map((t) => t.sheet), ...financing.sheets]);
  const keyFor = registersKeyedBy(run.models);
  for (const sheet of snapshot.sheets) {
    // A table citing decisions that no other kind claims is still recognised (and checked).
    if (!withTables.has(sheet.name) && !citesDecisions(sheet)) {
      // A sheet that holds a register's key is no table, but it was read: say for which.
      const registers = keyFor.get(sheet.name);
      const message = registers
        ? `"${sheet.name}" holds no table to check: it was read as the key for ${registers}`
        : `No table Council Sheets recognises on "${sheet.name}"`;
      findings.push(finding("layout-not-found", sheet.name, 0, 0, message));
    }
  }
  const sheetOrder = new Map(whole.sheets.map((s, i) => [s.name, i]));
  return {
    tables: sortTables(tables, sheetOrder),
    findings: sortFindings(findings, sheetOrder),
    models: run.models,
    plan: withTableJoins(whole, {
      operations: orderOperations([
        ...run.operations,
        ...(matched && options.reconciliationSheet !== false
          ? reconciliationSheetOperations(whole, matched.reconciliation)
          : []),
      ]),
    }),
    riskContexts: run.models.flatMap((m) => (m.kind === "risk-register" ? [m.model] : [])),
    projects: run.models.flatMap((m) => (m.kind === "projects" ? [m.model] : [])),
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
