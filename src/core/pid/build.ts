import { cellAddress, columnRangeAddress } from "../a1";
import { describeBand, sortBands } from "../bands";
import { CouncilSheetsError } from "../errors";
import type { AddSheet } from "../plan";
import { uniqueSheetName } from "../sheet-names";
import type { SerialValue } from "../serial-date";
import { fromPence, sumPounds, toPence } from "../tables/money";
import { serialToUkDate } from "../values";
import { PID_WIDTHS, PrintableForm } from "./printable-form";
import { sameProject, type Project, type ProjectsTable } from "./projects";
import type { PidFundingLine, PidRisk, PidRiskKey, PidSources } from "./sources";

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

function keyRows(form: PrintableForm, key: PidRiskKey | null): void {
  if (!key) return;
  form.put(0, "Risk Key:", { bold: true });
  form.row++;
  form.put(0, "Definitions:", { bold: true });
  form.put(1, `L = Likelihood (1-${key.scale})`);
  form.put(2, `I = Impact (1-${key.scale})`);
  form.put(3, "S = Score (I x L)");
  form.row++;
  form.put(0, "Priority Ratings:", { bold: true });
  sortBands(key.bands).forEach((b, i) => form.put(1 + i, describeBand(b)));
  form.row++;
}

function risksSection(
  form: PrintableForm,
  risks: { rows: PidRisk[]; key: PidRiskKey | null },
): void {
  form.heading("Risks");
  form.tableHeader(["Title", "Likelihood", "Impact", "Score", "Priority"]);
  for (const risk of risks.rows) {
    form.put(0, risk.title, { wrap: true });
    form.fit(risk.title, 0);
    form.put(1, risk.likelihood);
    form.put(2, risk.impact);
    form.cells.push({
      row: form.row,
      column: 3,
      formula: risk.scoreFormula(cellAddress(form.row, 1), cellAddress(form.row, 2)),
      value: risk.score,
    });
    form.cells.push({
      row: form.row,
      column: 4,
      formula: risk.priorityFormula(cellAddress(form.row, 3)),
      value: risk.priority,
    });
    form.row++;
  }
  if (risks.rows.length === 0) form.emptyRows(3, 5);
  form.endTable();
  form.row++;
  keyRows(form, risks.key);
}

function fundingSection(form: PrintableForm, lines: readonly PidFundingLine[]): void {
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
      const costs =
        line.rows.length > 1
          ? `SUM(${columnRangeAddress(1, form.row, end)})`
          : cellAddress(form.row, 1);
      const budget = cellAddress(form.row, 2);
      const total = sumPounds(
        lines
          .slice(lines.indexOf(line), lines.indexOf(line) + line.rows.length)
          .map((l) => l.cost ?? 0),
      );
      form.cells.push({
        row: form.row,
        column: 4,
        formula: `=IF(ISNUMBER(${budget}),${costs}-${budget},"")`,
        value: fromPence(toPence(total) - toPence(line.budget)),
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
  sources: PidSources,
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
  const risks = sources.risks(name);
  risksSection(form, risks);
  const funding = sources.funding(name);
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
  const decision = sources.decision({ name, cited: v.decisionRef ?? null });
  if (decision) {
    form.field("Decision", decision.reference || decision.title);
    form.field("Decision maker", decision.decisionMaker);
    if (decision.dateOfDecision !== null)
      form.field("Decision date", decision.dateOfDecision, { numberFormat: "dd/mm/yyyy" });
  } else if (v.decisionRef)
    // A register that lacks the cited reference does not back it: the PID says so.
    form.field(
      "Decision",
      sources.hasDecisionRegister
        ? `${v.decisionRef} (not in the decisions register)`
        : v.decisionRef,
    );
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
      risks: risks.rows.length,
      fundingLines: funding.length,
    },
  };
}

/**
 * PID sheets for the named projects (or all of them), as add-sheet operations, from what
 * `sources` says of each project (src/core/pid-sources-from-kinds.ts gathers it from the other kinds).
 *
 * @throws {PidError} "no-projects" when the workbook names no project, "unknown-project" for a
 * name it does not hold.
 */
export function planPidSheets(
  projects: readonly ProjectsTable[],
  sheetNames: readonly string[],
  sources: PidSources,
  wanted: string[] | "all",
  today: SerialValue,
): { operations: AddSheet[]; summaries: PidSummary[] } {
  const all = projects.flatMap((t) => t.projects.map((p) => ({ table: t, project: p })));
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
  const names = [...sheetNames];
  const operations: AddSheet[] = [];
  const summaries: PidSummary[] = [];
  for (const { table, project } of chosen) {
    const sheetName = uniqueSheetName(`PID - ${project.values.name ?? "project"}`, names);
    names.push(sheetName);
    const { op, summary } = buildOne(
      sources,
      project,
      sheetName,
      `the "${table.sheet}" sheet on ${serialToUkDate(today)}`,
    );
    operations.push(op);
    summaries.push(summary);
  }
  return { operations, summaries };
}
