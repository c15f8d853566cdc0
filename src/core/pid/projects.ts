import { reportRow } from "../a1";
import type { Finding } from "../findings";
import { matchField, normaliseHeader, type FieldSpec } from "../headers";
import {
  columnLetters,
  holdsNumber,
  leadingText,
  placement,
  scanTables,
  type TableBounds,
} from "../tables/bounds";
import type { WriteOperation } from "../plan";
import { cellText, type SheetSnapshot } from "../snapshot";
import { excelHeaderTop, excelTableFor } from "../tables/excel-tables";
import { readHeaderBlock } from "../tables/header-block";
import { withOtherSheetRule } from "../tables/rag-rule-elsewhere";
import { unconfirmedBudgetNote, type RagRule } from "../tables/variance-lines";
import type { VarianceConvention } from "../tables/variance";
import {
  checkProjectsMoney,
  duplicateIds,
  moneyColumnsOf,
  planProjectsMoney,
  projectsMoney,
  type ProjectsMoney,
} from "./projects-money";

export type ProjectField =
  | "id"
  | "name"
  | "sro"
  | "ppmOfficer"
  | "leadOfficer"
  | "programme"
  | "objectives"
  | "approach"
  | "highlight"
  | "approver"
  | "approvalDate"
  | "decisionRef";

const SPECS: readonly FieldSpec<ProjectField>[] = [
  {
    field: "id",
    synonyms: [
      "ref",
      "reference",
      "project ref",
      "scheme ref",
      "project id",
      "ref no",
      "project no",
    ],
  },
  {
    field: "name",
    synonyms: [
      "project name",
      "project",
      "name of project",
      "project title",
      "scheme",
      "scheme name",
    ],
  },
  {
    field: "sro",
    synonyms: [
      "sro",
      "senior responsible officer",
      "senior responsible owner",
      "project sponsor",
      "sponsor",
    ],
  },
  { field: "ppmOfficer", synonyms: ["ppm officer", "project manager", "ppm", "programme manager"] },
  { field: "leadOfficer", synonyms: ["lead officer", "lead", "project lead"] },
  { field: "programme", synonyms: ["programme", "program", "portfolio"] },
  { field: "objectives", synonyms: ["objectives", "project objectives", "aims", "key objectives"] },
  { field: "approach", synonyms: ["approach", "project approach", "delivery approach"] },
  {
    field: "highlight",
    synonyms: [
      "highlight report",
      "highlight report frequency",
      "reporting frequency",
      "highlight",
    ],
  },
  { field: "approver", synonyms: ["approver", "approved by", "approval by"] },
  {
    field: "approvalDate",
    synonyms: ["approval date", "date approved", "approved on", "date of approval"],
  },
  {
    field: "decisionRef",
    synonyms: ["decision ref", "decision reference", "approval ref", "decision no"],
  },
];

export interface Project {
  row: number;
  values: Partial<Record<ProjectField, string>>;
  /** The approval date as an Excel serial, when the cell holds one. */
  approvalSerial: number | null;
}

export interface ProjectsTable extends TableBounds {
  kind: "projects";
  columns: Partial<Record<ProjectField, number>>;
  /** The header block's rows (0-based): the header row and any units row under it. */
  headerRows: number[];
  projects: Project[];
  /** Budget, spend, forecast and variance columns, when the table keeps a budget and a forecast. */
  money: ProjectsMoney | null;
}

function matchHeader(
  sheet: SheetSnapshot,
  row: number,
): Partial<Record<ProjectField, number>> | null {
  const cells = sheet.rows[row];
  if (!cells || holdsNumber(sheet, row, 0, cells.length - 1)) return null;
  const columns: Partial<Record<ProjectField, number>> = {};
  cells.forEach((cell, c) => {
    if (!cell || typeof cell.value !== "string") return;
    const m = matchField(normaliseHeader(cell.value), SPECS);
    if (m && m.quality >= 0.9 && columns[m.field] === undefined) columns[m.field] = c;
  });
  if (columns.name === undefined) return null;
  const people = ["sro", "ppmOfficer", "leadOfficer", "approver"].filter(
    (f) => columns[f as ProjectField] !== undefined,
  ).length;
  if (people === 0) return null;
  // A reference column alone does not make a projects table (a funding plan has Ref, Project and
  // Lead): three descriptive columns do, or a name and an officer beside a budget and a forecast.
  const described = Object.keys(columns).filter((f) => f !== "id").length;
  if (described >= 3) return columns;
  const money = moneyColumnsOf(readHeaderBlock(sheet, row, 0, cells.length - 1));
  return money.budget !== undefined && money.forecast !== undefined ? columns : null;
}

/** "RAG: Red = …", "Key: …", "Note: …" on its own under a table: a key, not a project. */
const KEY_LINE = /^(rag|key|notes?|source|rag key|rag rule)\s*[:=-]/i;

/** A projects table: one row per project with its SRO, officers, objectives and approval. */
export function detectProjects(
  sheet: SheetSnapshot,
  taken: ReadonlySet<number>,
  /** The workbook's sheets: a RAG rule stated on another ("Notes") applies where this states none. */
  sheets: readonly SheetSnapshot[] = [sheet],
): ProjectsTable[] {
  const stops = (row: number, first: number, last: number) =>
    KEY_LINE.test(leadingText(sheet, row, first, last));
  return scanTables(sheet, taken, (row) => matchHeader(sheet, row), stops).map((found) => {
    // An Excel table's header is one row of unique names; group labels merged above it join it.
    const excel = excelTableFor(sheet, found.headerRow, found.firstColumn, found.lastColumn);
    const top =
      excel?.firstRow === found.headerRow ? excelHeaderTop(sheet, excel) : found.headerRow;
    const block = readHeaderBlock(sheet, top, found.firstColumn, found.lastColumn);
    const dataRows = found.dataRows.filter((r) => r > block.bottom);
    const t = { ...found, dataRows, lastRow: dataRows[dataRows.length - 1] ?? block.bottom };
    const { columns } = t;
    const labels = [columns.id, columns.name].filter((c): c is number => c !== undefined);
    const own = projectsMoney(sheet, t, block, labels);
    const money = own && withOtherSheetRule(own, sheets, sheet);
    const name = columns.name as number;
    const projectRows = money ? money.lines : t.dataRows;
    const projects = projectRows
      .filter((row) => cellText(sheet.rows[row]?.[name] ?? undefined))
      .map((row) => {
        const values: Partial<Record<ProjectField, string>> = {};
        for (const [field, column] of Object.entries(columns) as [ProjectField, number][]) {
          const text = cellText(sheet.rows[row]?.[column] ?? undefined);
          if (text) values[field] = text;
        }
        const date =
          columns.approvalDate === undefined
            ? null
            : sheet.rows[row]?.[columns.approvalDate]?.value;
        return { row, values, approvalSerial: typeof date === "number" ? date : null };
      });
    const headerRows = Array.from({ length: block.bottom - top + 1 }, (_, k) => top + k);
    return { kind: "projects" as const, ...t, headerRows, projects, money };
  });
}

const nameOf = (sheet: SheetSnapshot, t: ProjectsTable) => (row: number) =>
  t.columns.name === undefined ? "" : cellText(sheet.rows[row]?.[t.columns.name] ?? undefined);

/** Duplicate references, and the budget rules where the table keeps money (`rule`: the settings' RAG). */
export function checkProjects(sheet: SheetSnapshot, t: ProjectsTable, rule: RagRule): Finding[] {
  const rows = t.money ? t.money.lines : t.dataRows;
  return [
    ...(t.columns.id === undefined ? [] : duplicateIds(sheet, t, t.columns.id, rows)),
    ...(t.money ? checkProjectsMoney(sheet, t, t.money, rule, nameOf(sheet, t)) : []),
  ];
}

/** Variance, Variance %, Status and a budget RAG as formulas, where the table keeps money. */
export function planProjects(
  sheet: SheetSnapshot,
  t: ProjectsTable,
  rule: RagRule,
): WriteOperation[] {
  return t.money ? planProjectsMoney(sheet, t, t.money, rule, nameOf(sheet, t)) : [];
}

export interface ProjectsTableReport {
  sheet: string;
  kind: "projects";
  range: string;
  headerRow: number;
  /** Every header row (1-based) where the header spans more than one (a units row under it). */
  headerRows: number[];
  columns: Record<string, string>;
  rows: number;
  projects: string[];
  /** The money columns and how they are read, when the table keeps a budget and a forecast. */
  money?: {
    columns: Record<string, string>;
    unit: string;
    multiplier: number;
    varianceConvention: VarianceConvention;
    conventionFrom: "header" | "figures";
    /** The RAG rule the sheet states, as written there. */
    ragRule?: string;
    /** The other sheet that states the rule ("Notes"), when the table's own sheet states none. */
    ragRuleSheet?: string;
    /** Lines left out of variance and totals, and why ("Row 6: budget not confirmed, …"). */
    notes?: string[];
  };
}

export function projectsReport(t: ProjectsTable): ProjectsTableReport {
  return {
    ...placement(t),
    kind: "projects",
    headerRows: t.headerRows.map(reportRow),
    columns: columnLetters(t.columns),
    projects: t.projects.map((p) => p.values.name ?? ""),
    ...(t.money
      ? {
          money: {
            columns: columnLetters(t.money.columns),
            unit: t.money.scale.unit,
            multiplier: t.money.scale.multiplier,
            varianceConvention: t.money.convention,
            conventionFrom: t.money.conventionFrom,
            ...(t.money.ragRule ? { ragRule: t.money.ragRule.source } : {}),
            ...(t.money.ragRule?.sheet ? { ragRuleSheet: t.money.ragRule.sheet } : {}),
            ...(t.money.unconfirmed.length > 0
              ? { notes: t.money.unconfirmed.map(unconfirmedBudgetNote) }
              : {}),
          },
        }
      : {}),
  };
}

/** Project names compare without case, spacing or punctuation. */
export function sameProject(a: string, b: string): boolean {
  return normaliseHeader(a) === normaliseHeader(b);
}
