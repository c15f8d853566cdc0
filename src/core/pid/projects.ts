import { matchField, normaliseHeader, type FieldSpec } from "../headers";
import {
  columnLetters,
  holdsNumber,
  placement,
  scanTables,
  type TableBounds,
} from "../tables/bounds";
import { cellText, type SheetSnapshot } from "../snapshot";

export type ProjectField =
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
  { field: "name", synonyms: ["project name", "project", "name of project", "project title"] },
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
  projects: Project[];
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
  const people = ["sro", "ppmOfficer", "leadOfficer", "approver"].filter(
    (f) => columns[f as ProjectField] !== undefined,
  ).length;
  return columns.name !== undefined && people >= 1 && Object.keys(columns).length >= 3
    ? columns
    : null;
}

/** A projects table: one row per project with its SRO, officers, objectives and approval. */
export function detectProjects(sheet: SheetSnapshot, taken: ReadonlySet<number>): ProjectsTable[] {
  return scanTables(sheet, taken, (row) => matchHeader(sheet, row)).map((t) => {
    const { columns } = t;
    const name = columns.name as number;
    const projects = t.dataRows
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
    return { kind: "projects" as const, ...t, projects };
  });
}

export interface ProjectsTableReport {
  sheet: string;
  kind: "projects";
  range: string;
  headerRow: number;
  columns: Record<string, string>;
  rows: number;
  projects: string[];
}

export function projectsReport(t: ProjectsTable): ProjectsTableReport {
  return {
    ...placement(t),
    kind: "projects",
    columns: columnLetters(t.columns),
    projects: t.projects.map((p) => p.values.name ?? ""),
  };
}

/** Project names compare without case, spacing or punctuation. */
export function sameProject(a: string, b: string): boolean {
  return normaliseHeader(a) === normaliseHeader(b);
}
