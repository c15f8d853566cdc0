import type { Finding } from "./findings";
import type { WriteOperation } from "./plan";
import type { AnalyseOptions } from "./analyse";
import type { SheetSnapshot } from "./snapshot";
import type { ProgressListener } from "./progress";
import { collapseSuspectColumns, withoutSuspectWrites } from "./tables/suspect-columns";
import { collapseKeptGreen } from "./tables/rag-kept-green";
import { SheetClaims } from "./tables/claims";
import {
  TABLE_KINDS,
  type KindInput,
  type TableKindDefinition,
  type TableModel,
  type TableReport,
} from "./registry";

/*
 * Running the table kinds over a workbook: every kind claims its tables in claim order (on the
 * rows still free, then beside the tables claimed so far), then each kind's tables are reported,
 * checked and planned, with progress for the pane. What the kinds are, and their order, is
 * registry.ts.
 */

export interface KindRun {
  models: TableModel[];
  tables: TableReport[];
  findings: Finding[];
  operations: WriteOperation[];
}

type AnyKind = TableKindDefinition<TableModel["kind"], unknown, TableReport>;

/** One kind's tables once claimed, to be reported, checked and planned. */
interface Claimed {
  definition: AnyKind;
  models: unknown[];
}

/**
 * Detects one kind's tables on the rows still free, then beside the tables claimed so far (on the
 * sheet with their spans emptied: a second table on the same rows, past a blank column), and
 * claims each table's rows and columns. A table read beside others must stand apart from them.
 */
function claimKind(definition: AnyKind, options: AnalyseOptions, claims: SheetClaims): unknown[] {
  const sheets = claims.sheetsRead;
  const models = definition.detect({ sheets, options, taken: claims.taken });
  for (const m of models) claims.claim(definition.rows(m));
  const beside = claims.besideSheets();
  if (beside.size === 0) return models;
  const more = definition
    .detect({ sheets, options, taken: new Map(), beside })
    .filter((m) => claims.standsApart(definition.rows(m)));
  for (const m of more) claims.claim(definition.rows(m));
  return [...models, ...more];
}

/** Reports, checks and plans one kind's claimed tables, each from its one model. */
function runKind(
  { definition, models }: Claimed,
  kindInput: KindInput,
  out: KindRun,
  tablesDone: (done: number, of: number) => void,
): void {
  tablesDone(0, models.length);
  for (const [n, model] of models.entries()) {
    out.models.push({ kind: definition.kind, model } as TableModel);
    out.tables.push(definition.report(model, kindInput));
    // Appended one by one: a spread of a 100,000-row register's findings can overflow the
    // stack of a Web Worker, where the standalone pane runs this.
    // A stated column we disagree with on most lines was misread: one warning, nothing written.
    // A RAG column keeping small overspends Green under one threshold: one warning, left as typed.
    const keptGreen = collapseKeptGreen(
      kindInput.sheets,
      definition.check(model, kindInput),
      definition.ragColumn?.(model, kindInput) ?? null,
    );
    const { findings, suspect } = collapseSuspectColumns(
      kindInput.sheets,
      keptGreen.findings,
      definition.suspectHint?.(model, kindInput),
    );
    for (const f of findings) out.findings.push(f);
    const leftAsTyped = [...suspect, ...keptGreen.suspect];
    for (const op of withoutSuspectWrites(definition.plan(model, kindInput), leftAsTyped))
      out.operations.push(op);
    tablesDone(n + 1, models.length);
  }
  if (definition.across) for (const f of definition.across(models, kindInput)) out.findings.push(f);
}

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
  const out: KindRun = { models: [], tables: [], findings: [], operations: [] };
  const total = TABLE_KINDS.length * STEPS_PER_KIND;
  const progress = (k: number, kind: TableModel["kind"]) => (done: number, of: number) =>
    onProgress?.({
      phase: "checking",
      subject:
        of > 0 ? `${KIND_WORDS[kind]}, table ${Math.min(done + 1, of)} of ${of}` : KIND_WORDS[kind],
      unit: "steps",
      // Finding the tables is one step; each table checked is an equal share of the rest.
      done: k * STEPS_PER_KIND + Math.round((STEPS_PER_KIND * (done + 1)) / (of + 1)),
      total,
    });
  // Every kind claims its tables first, in claim order; then each is checked and planned, so a
  // plan knows the tables beside its own (found by a later kind) and keeps its gap to them.
  const claims = new SheetClaims(sheets);
  // Progress is heard from the checking on: finding every kind's tables comes first, unheard.
  const claimed: Claimed[] = TABLE_KINDS.map((kind) => {
    const definition = kind as AnyKind;
    return { definition, models: claimKind(definition, options, claims) };
  });
  claimed.forEach((c, k) =>
    runKind(
      c,
      { sheets, options, taken: claims.taken, claims: claims.claims },
      out,
      progress(k, c.definition.kind),
    ),
  );
  return out;
}
