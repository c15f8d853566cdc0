import { cellAddress, columnIndex } from "../a1";
import type { Analysis } from "../analyse";
import type { BudgetTableReport } from "../budget";
import { CouncilSheetsError } from "../errors";
import type { AddSheet } from "../plan";
import type { RiskContext } from "../risk/check";
import {
  priorityFormula,
  priorityFormulaValue,
  scoreFormula,
  scoreFormulaValue,
} from "../risk/formulas";
import { uniqueSheetName } from "../sheet-names";
import { cellText, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";
import { parseMoney, serialToUkDate } from "../values";
import { parseRating } from "../risk/scales";
import type { WordScale } from "../tables/keys";
import { PID_WIDTHS, PidLayout } from "./printable-form";
import { sameProject, type Project } from "./projects";
import { projectDecision } from "../decisions/project-decision";

/** A fault in what was asked for (a project that is not there); `code` is stable. */
export class PidError extends CouncilSheetsError<"no-projects" | "unknown-project"> {}

export interface PidSummary {
  project: string;
  sheet: string;
  sro: string | null;
  leadOfficer: string | null;
  risks: number;
  fundingLines: number;
}

const MONEY = '"£"#,##0';
const IMPACT = ["High", "Medium", "Low"];
const FREQUENCY = ["Monthly", "Fortnightly", "Weekly", "Other"];

function risksOf(analysis: Analysis, snapshot: WorkbookSnapshot, name: string) {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const own = analysis.riskContexts.filter(
    (c) => c.table.projectName && sameProject(c.table.projectName, name),
  );
  const contexts =
    own.length > 0
      ? own
      : analysis.riskContexts.filter((c) => c.table.columns.project !== undefined);
  const rows: { ctx: RiskContext; sheet: SheetSnapshot; row: number }[] = [];
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
      rows.push({ ctx, sheet, row });
    }
  }
  return rows;
}

function fundingOf(analysis: Analysis, snapshot: WorkbookSnapshot, name: string) {
  const out: {
    item: string;
    cost: number | null;
    budget: number | null;
    code: string;
    rows: number[];
    anchor: boolean;
  }[] = [];
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

function keyRows(layout: PidLayout, ctx: RiskContext | undefined): void {
  if (!ctx) return;
  layout.put(0, "Risk Key:", { bold: true });
  layout.row++;
  layout.put(0, "Definitions:", { bold: true });
  layout.put(1, `L = Likelihood (1-${ctx.scale})`);
  layout.put(2, `I = Impact (1-${ctx.scale})`);
  layout.put(3, "S = Score (I x L)");
  layout.row++;
  layout.put(0, "Priority Ratings:", { bold: true });
  [...ctx.bands.bands]
    .sort((a, b) => a.from - b.from)
    .forEach((b, i) => layout.put(1 + i, `${b.from}-${b.to} ${b.label}`));
  layout.row++;
}

function risksSection(layout: PidLayout, risks: ReturnType<typeof risksOf>): void {
  layout.heading("Risks");
  layout.tableHeader(["Title", "Likelihood", "Impact", "Score", "Priority"]);
  for (const { ctx, sheet, row } of risks) {
    const pair = ctx.table.pairs[ctx.table.pairs.length - 1];
    if (!pair) continue;
    const cell = (c: number | undefined) =>
      c === undefined ? null : (sheet.rows[row]?.[c]?.value ?? null);
    // Words ("Likely") are read by the register's own scale, as its check reads them.
    const rating = (c: number, words: WordScale | null): CellValue => {
      const p = parseRating(cell(c), words);
      return p.kind === "number" ? p.value : (cell(c) ?? "");
    };
    const l = rating(pair.likelihood, ctx.words.likelihood);
    const i = rating(pair.impact, ctx.words.impact);
    const title = cellText(
      sheet.rows[row]?.[ctx.table.columns.title ?? ctx.table.columns.id ?? 0] ?? undefined,
    );
    const score = scoreFormulaValue(l, i, false);
    layout.put(0, title, { wrap: true });
    layout.fit(title, 0);
    layout.put(1, l);
    layout.put(2, i);
    layout.cells.push({
      row: layout.row,
      column: 3,
      formula: scoreFormula(cellAddress(layout.row, 1), cellAddress(layout.row, 2), false),
      value: score,
    });
    layout.cells.push({
      row: layout.row,
      column: 4,
      formula: priorityFormula(cellAddress(layout.row, 3), ctx.bands.bands),
      value: priorityFormulaValue(score, ctx.bands.bands),
    });
    layout.row++;
  }
  if (risks.length === 0) layout.emptyRows(3, 5);
  layout.endTable();
  layout.row++;
  keyRows(layout, risks[0]?.ctx);
}

function fundingSection(layout: PidLayout, lines: ReturnType<typeof fundingOf>): void {
  layout.heading("Funding Approach");
  layout.tableHeader(["Item", "Cost", "Budget", "Cost Code", "Variance"]);
  for (const line of lines) {
    layout.put(0, line.item, { wrap: true });
    layout.fit(line.item, 0);
    layout.put(1, line.cost ?? "", { numberFormat: MONEY });
    layout.put(2, line.budget ?? "", { numberFormat: MONEY });
    layout.put(3, line.code);
    if (line.anchor && line.budget !== null) {
      // A budget stated once for several lines is compared with all their costs (project level).
      const end = layout.row + line.rows.length - 1;
      const costs =
        line.rows.length > 1 ? `SUM(B${layout.row + 1}:B${end + 1})` : `B${layout.row + 1}`;
      const total = lines
        .slice(lines.indexOf(line), lines.indexOf(line) + line.rows.length)
        .reduce((s, l) => s + (l.cost ?? 0), 0);
      layout.cells.push({
        row: layout.row,
        column: 4,
        formula: `=IF(ISNUMBER(C${layout.row + 1}),${costs}-C${layout.row + 1},"")`,
        value: total - line.budget,
        numberFormat: MONEY,
      });
    }
    layout.row++;
  }
  if (lines.length === 0) layout.emptyRows(3, 5);
  layout.endTable();
  if (lines.length > 0) {
    const note =
      "Variance = cost − budget; where one budget covers several lines it is compared at project level.";
    layout.put(0, note, { italic: true });
  }
  layout.row++;
}

function buildOne(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  project: Project,
  sheetName: string,
  source: string,
): { op: AddSheet; summary: PidSummary } {
  const v = project.values;
  const name = v.name ?? "";
  const layout = new PidLayout();
  layout.put(0, "Project Initiation Document (PID)", { bold: true });
  layout.row++;
  layout.put(0, name, { bold: true });
  layout.row++;
  layout.text(
    `Prepared by Council Sheets from ${source}. Sections left empty are for the project team to complete before approval.`,
    "",
  );
  layout.heading("Programmes & Project Management");
  layout.field("Project Name", name);
  layout.field("SRO", v.sro ?? "");
  layout.field("PPM Officer", v.ppmOfficer ?? "");
  layout.field("Lead Officer", v.leadOfficer ?? "");
  if (v.programme) layout.field("Programme", v.programme);
  layout.heading("Project Objectives");
  layout.text(v.objectives ?? "", "To complete: what the project will achieve.");
  layout.heading("Project Approach");
  layout.text(v.approach ?? "", "To complete: how the project will be delivered.");
  layout.heading("Quality Approach");
  layout.tableHeader(["Workstream", "Deliverable", "Quality Activity", "Responsible"]);
  layout.emptyRows(3, 4);
  layout.heading("Stakeholder Approach");
  layout.tableHeader(["Stakeholder", "Impact", "Influence", "Engagement Approach"]);
  layout.emptyRows(5, 4, [
    { column: 1, values: IMPACT },
    { column: 2, values: IMPACT },
  ]);
  layout.heading("Communications Approach");
  layout.tableHeader(["Channel", "Content", "Frequency", "Responsible"]);
  layout.emptyRows(5, 4, [{ column: 2, values: FREQUENCY }]);
  const risks = risksOf(analysis, snapshot, name);
  risksSection(layout, risks);
  const funding = fundingOf(analysis, snapshot, name);
  fundingSection(layout, funding);
  layout.heading("Highlight Report");
  layout.field("Frequency", v.highlight ?? "");
  layout.validations.push({ range: cellAddress(layout.row - 1, 1), values: FREQUENCY });
  layout.heading("Project Governance");
  layout.tableHeader(["Body", "Members", "Reporting"]);
  layout.emptyRows(2, 3);
  layout.heading("Handover Approach");
  layout.text("", "To complete: how deliverables pass to business as usual.");
  layout.heading("Approval");
  layout.field("Approver", v.approver ?? "");
  if (project.approvalSerial !== null)
    layout.field("Date", project.approvalSerial, { numberFormat: "dd/mm/yyyy" });
  else layout.field("Date", v.approvalDate ?? "");
  // The decision the project rests on, where the workbook's decisions register holds it.
  const decision = projectDecision(snapshot, { name, cited: v.decisionRef ?? null });
  if (decision) {
    layout.field("Decision", decision.reference || decision.title);
    layout.field("Decision maker", decision.decisionMaker);
    if (decision.dateOfDecision !== null)
      layout.field("Decision date", decision.dateOfDecision, { numberFormat: "dd/mm/yyyy" });
  } else if (v.decisionRef) layout.field("Decision", v.decisionRef);
  const op: AddSheet = {
    kind: "add-sheet",
    sheet: sheetName,
    role: "pid",
    table: name,
    title: `PID ${name}`,
    cells: layout.cells,
    columnWidths: PID_WIDTHS,
    print: { portrait: true, fitToWidth: true, titleRows: "1:2" },
    validations: layout.validations,
    merges: layout.merges,
    boxes: layout.boxes,
    rowHeights: layout.heights,
  };
  return {
    op,
    summary: {
      project: name,
      sheet: sheetName,
      sro: v.sro ?? null,
      leadOfficer: v.leadOfficer ?? null,
      risks: risks.length,
      fundingLines: funding.length,
    },
  };
}

/**
 * PID sheets for the named projects (or all of them), as add-sheet operations.
 *
 * @throws {PidError} "no-projects" when the workbook names no project, "unknown-project" for a
 * name it does not hold.
 */
export function planPids(
  analysis: Analysis,
  snapshot: WorkbookSnapshot,
  wanted: string[] | "all",
  today: number,
): { operations: AddSheet[]; summaries: PidSummary[] } {
  const all = analysis.projects.flatMap((t) => t.projects.map((p) => ({ table: t, project: p })));
  if (all.length === 0)
    throw new PidError(
      "no-projects",
      "No projects table found: add a sheet with Project Name, SRO and Lead Officer columns, one row per project",
    );
  const chosen =
    wanted === "all"
      ? all
      : wanted.map((name) => {
          const hit = all.find((p) => sameProject(p.project.values.name ?? "", name));
          if (!hit)
            throw new PidError(
              "unknown-project",
              `No project named "${name}"; the projects are: ${all.map((p) => p.project.values.name).join(", ")}`,
            );
          return hit;
        });
  const names = snapshot.sheets.map((s) => s.name);
  const operations: AddSheet[] = [];
  const summaries: PidSummary[] = [];
  for (const { table, project } of chosen) {
    const sheetName = uniqueSheetName(`PID - ${project.values.name ?? "project"}`, names);
    names.push(sheetName);
    const { op, summary } = buildOne(
      analysis,
      snapshot,
      project,
      sheetName,
      `the "${table.sheet}" sheet on ${serialToUkDate(today)}`,
    );
    operations.push(op);
    summaries.push(summary);
  }
  return { operations, summaries };
}
