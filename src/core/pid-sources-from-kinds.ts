import { columnIndex } from "./a1";
import type { Analysis } from "./analyse";
import type { BudgetTableReport } from "./budget";
import { projectDecision } from "./decisions/project-decision";
import { planPidSheets, type PidSummary } from "./pid/build";
import { sameProject } from "./pid/projects";
import type { PidFundingLine, PidRisk, PidSources } from "./pid/sources";
import type { AddSheet } from "./plan";
import type { RiskContext } from "./risk/check";
import {
  priorityFormula,
  priorityFormulaValue,
  scoreFormula,
  scoreFormulaValue,
} from "./risk/formulas";
import { parseRating } from "./risk/scales";
import type { SerialValue } from "./serial-date";
import { cellText, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import type { WordScale } from "./tables/keys";
import { parseMoney } from "./values";

/**
 * PID sheets for the named projects (or all of them), as add-sheet operations. The PID is the one
 * operation that shows several kinds at once; this core-level module reads the risk, budget and
 * decisions models for it, so that pid/ itself imports no other kind (see pid/sources.ts).
 *
 * @throws {PidError} "no-projects" when the workbook names no project, "unknown-project" for a
 * name it does not hold.
 */
export function planPids(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  wanted: string[] | "all",
  today: SerialValue,
): { operations: AddSheet[]; summaries: PidSummary[] } {
  const sheetNames = snapshot.sheets.map((s) => s.name);
  const sources = pidSources(analysis, snapshot);
  return planPidSheets(analysis.projects, sheetNames, sources, wanted, today);
}

/** What the PID shows of each project, read from the other kinds' models. */
export function pidSources(analysis: Analysis, snapshot: WorkbookSnapshot): PidSources {
  return {
    risks: (name) => risksOf(analysis, snapshot, name),
    funding: (name) => fundingOf(analysis, snapshot, name),
    decision: (project) => projectDecision(snapshot, project),
    hasDecisionRegister: analysis.tables.some((t) => t.kind === "decisions"),
  };
}

function risksOf(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  name: string,
): ReturnType<PidSources["risks"]> {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const own = analysis.riskContexts.filter(
    (c) => c.table.projectName && sameProject(c.table.projectName, name),
  );
  const contexts =
    own.length > 0
      ? own
      : analysis.riskContexts.filter((c) => c.table.columns.project !== undefined);
  const rows: PidRisk[] = [];
  // The key shown is that of the register the first risk comes from.
  let keyFrom: RiskContext | undefined;
  for (const ctx of contexts) {
    const sheet = sheets.get(ctx.table.sheet);
    if (!sheet) continue;
    for (const row of ctx.lines) {
      const project = ctx.table.columns.project;
      if (
        own.length === 0 &&
        project !== undefined &&
        !sameProject(cellText(sheet.rows[row]?.[project] ?? undefined), name)
      )
        continue;
      const risk = riskRow(ctx, sheet, row);
      if (risk) rows.push(risk);
      keyFrom ??= ctx;
    }
  }
  return {
    rows,
    key: keyFrom ? { scale: keyFrom.scale, bands: keyFrom.bands.bands } : null,
  };
}

/** A register row as the PID shows it: ratings read by the register's own scale, as its check reads them. */
function riskRow(ctx: RiskContext, sheet: SheetSnapshot, row: number): PidRisk | null {
  const pair = ctx.table.pairs[ctx.table.pairs.length - 1];
  if (!pair) return null;
  const cell = (c: number | undefined) =>
    c === undefined ? null : (sheet.rows[row]?.[c]?.value ?? null);
  const rating = (c: number, words: WordScale | null): CellValue => {
    const p = parseRating(cell(c), words);
    return p.kind === "number" ? p.value : (cell(c) ?? "");
  };
  const likelihood = rating(pair.likelihood, ctx.words.likelihood);
  const impact = rating(pair.impact, ctx.words.impact);
  const score = scoreFormulaValue(likelihood, impact, false);
  const bands = ctx.bands.bands;
  return {
    title: cellText(
      sheet.rows[row]?.[ctx.table.columns.title ?? ctx.table.columns.id ?? 0] ?? undefined,
    ),
    likelihood,
    impact,
    score,
    priority: priorityFormulaValue(score, bands),
    scoreFormula: (l, i) => scoreFormula(l, i, false),
    priorityFormula: (at) => priorityFormula(at, bands),
  };
}

function fundingOf(analysis: Analysis, snapshot: WorkbookSnapshot, name: string) {
  const out: PidFundingLine[] = [];
  for (const t of analysis.tables.filter((x): x is BudgetTableReport => x.kind === "budget")) {
    const sheet = snapshot.sheets.find((s) => s.name === t.sheet);
    const col = (letter: string | undefined) =>
      letter === undefined ? undefined : columnIndex(letter);
    const item = col(t.columns.item);
    const cost = col(t.columns[t.compareWith]);
    const budget = col(t.columns.revisedBudget ?? t.columns.budget);
    const code = col(t.columns.costCode);
    const at = (r: number, c: number | undefined) =>
      c === undefined ? null : (sheet?.rows[r - 1]?.[c] ?? null);
    const money = (r: number, c: number | undefined) => {
      const p = parseMoney(at(r, c)?.value ?? null);
      return p.kind === "number" ? p.value : null;
    };
    for (const line of t.lines.filter((l) => l.project && sameProject(l.project, name))) {
      line.rows.forEach((r, i) =>
        out.push({
          item: cellText(at(r, item) ?? undefined),
          cost: money(r, cost),
          budget: i === 0 ? money(r, budget) : null,
          code: cellText(at(r, code) ?? undefined),
          rows: i === 0 ? line.rows : [],
          anchor: i === 0,
        }),
      );
    }
  }
  return out;
}
