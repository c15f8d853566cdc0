import { cellAddress, columnIndex } from "../a1";
import type { Analysis } from "../analyse";
import type { BudgetTableReport } from "../budget";
import { CouncilSheetsError } from "../errors";
import type { AddSheet } from "../plan";
import type { RiskContext } from "../risk/check";
import { isHeadingRow } from "../risk/check";
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
import { PID_WIDTHS, PrintableForm } from "./printable-form";
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
    for (const row of ctx.table.dataRows) {
      if (isHeadingRow(sheet, ctx.table, row)) continue;
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

function keyRows(form: PrintableForm, ctx: RiskContext | undefined): void {
  if (!ctx) return;
  form.put(0, "Risk Key:", { bold: true });
  form.row++;
  form.put(0, "Definitions:", { bold: true });
  form.put(1, `L = Likelihood (1-${ctx.scale})`);
  form.put(2, `I = Impact (1-${ctx.scale})`);
  form.put(3, "S = Score (I x L)");
  form.row++;
  form.put(0, "Priority Ratings:", { bold: true });
  [...ctx.bands.bands]
    .sort((a, b) => a.from - b.from)
    .forEach((b, i) => form.put(1 + i, `${b.from}-${b.to} ${b.label}`));
  form.row++;
}

function risksSection(form: PrintableForm, risks: ReturnType<typeof risksOf>): void {
  form.heading("Risks");
  form.tableHeader(["Title", "Likelihood", "Impact", "Score", "Priority"]);
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
    form.put(0, title, { wrap: true });
    form.fit(title, 0);
    form.put(1, l);
    form.put(2, i);
    form.cells.push({
      row: form.row,
      column: 3,
      formula: scoreFormula(cellAddress(form.row, 1), cellAddress(form.row, 2), false),
      value: score,
    });
    form.cells.push({
      row: form.row,
      column: 4,
      formula: priorityFormula(cellAddress(form.row, 3), ctx.bands.bands),
      value: priorityFormulaValue(score, ctx.bands.bands),
    });
    form.row++;
  }
  if (risks.length === 0) form.emptyRows(3, 5);
  form.endTable();
  form.row++;
  keyRows(form, risks[0]?.ctx);
}

function fundingSection(form: PrintableForm, lines: ReturnType<typeof fundingOf>): void {
  form.heading("Funding Approach");
  form.tableHeader(["Item", "Cost", "Budget", "Cost Code", "Variance"]);
  for (const line of lines) {
    form.put(0, line.item, { wrap: true });
    form.fit(line.item, 0);
    form.put(1, line.cost ?? "", { numberFormat: MONEY });
    form.put(2, line.budget ?? "", { numberFormat: MONEY });
    form.put(3, line.code);
    if (line.anchor && line.budget !== null) {
      // A budget stated once for several lines is compared with all their costs (project level).
      const end = form.row + line.rows.length - 1;
      const costs = line.rows.length > 1 ? `SUM(B${form.row + 1}:B${end + 1})` : `B${form.row + 1}`;
      const total = lines
        .slice(lines.indexOf(line), lines.indexOf(line) + line.rows.length)
        .reduce((s, l) => s + (l.cost ?? 0), 0);
      form.cells.push({
        row: form.row,
        column: 4,
        formula: `=IF(ISNUMBER(C${form.row + 1}),${costs}-C${form.row + 1},"")`,
        value: total - line.budget,
        numberFormat: MONEY,
      });
    }
    form.row++;
  }
  if (lines.length === 0) form.emptyRows(3, 5);
  form.endTable();
  if (lines.length > 0) {
    const note =
      "Variance = cost − budget; where one budget covers several lines it is compared at project level.";
    form.put(0, note, { italic: true });
  }
  form.row++;
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
  const form = new PrintableForm();
  form.put(0, "Project Initiation Document (PID)", { bold: true });
  form.row++;
  form.put(0, name, { bold: true });
  form.row++;
  form.text(
    `Prepared by Council Sheets from ${source}. Sections left empty are for the project team to complete before approval.`,
    "",
  );
  form.heading("Programmes & Project Management");
  form.field("Project Name", name);
  form.field("SRO", v.sro ?? "");
  form.field("PPM Officer", v.ppmOfficer ?? "");
  form.field("Lead Officer", v.leadOfficer ?? "");
  if (v.programme) form.field("Programme", v.programme);
  form.heading("Project Objectives");
  form.text(v.objectives ?? "", "To complete: what the project will achieve.");
  form.heading("Project Approach");
  form.text(v.approach ?? "", "To complete: how the project will be delivered.");
  form.heading("Quality Approach");
  form.tableHeader(["Workstream", "Deliverable", "Quality Activity", "Responsible"]);
  form.emptyRows(3, 4);
  form.heading("Stakeholder Approach");
  form.tableHeader(["Stakeholder", "Impact", "Influence", "Engagement Approach"]);
  form.emptyRows(5, 4, [
    { column: 1, values: IMPACT },
    { column: 2, values: IMPACT },
  ]);
  form.heading("Communications Approach");
  form.tableHeader(["Channel", "Content", "Frequency", "Responsible"]);
  form.emptyRows(5, 4, [{ column: 2, values: FREQUENCY }]);
  const risks = risksOf(analysis, snapshot, name);
  risksSection(form, risks);
  const funding = fundingOf(analysis, snapshot, name);
  fundingSection(form, funding);
  form.heading("Highlight Report");
  form.field("Frequency", v.highlight ?? "");
  form.validations.push({ range: cellAddress(form.row - 1, 1), values: FREQUENCY });
  form.heading("Project Governance");
  form.tableHeader(["Body", "Members", "Reporting"]);
  form.emptyRows(2, 3);
  form.heading("Handover Approach");
  form.text("", "To complete: how deliverables pass to business as usual.");
  form.heading("Approval");
  form.field("Approver", v.approver ?? "");
  if (project.approvalSerial !== null)
    form.field("Date", project.approvalSerial, { numberFormat: "dd/mm/yyyy" });
  else form.field("Date", v.approvalDate ?? "");
  // The decision the project rests on, where the workbook's decisions register holds it.
  const decision = projectDecision(snapshot, { name, cited: v.decisionRef ?? null });
  if (decision) {
    form.field("Decision", decision.reference || decision.title);
    form.field("Decision maker", decision.decisionMaker);
    if (decision.dateOfDecision !== null)
      form.field("Decision date", decision.dateOfDecision, { numberFormat: "dd/mm/yyyy" });
  } else if (v.decisionRef) form.field("Decision", v.decisionRef);
  const op: AddSheet = {
    kind: "add-sheet",
    sheet: sheetName,
    role: "pid",
    table: name,
    title: `PID ${name}`,
    cells: form.cells,
    columnWidths: PID_WIDTHS,
    print: { portrait: true, fitToWidth: true, titleRows: "1:2" },
    validations: form.validations,
    merges: form.merges,
    boxes: form.boxes,
    rowHeights: form.heights,
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
