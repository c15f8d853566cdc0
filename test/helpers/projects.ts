import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { ProjectsTableReport } from "../../src/core/pid/projects";
import type { ColumnWrite } from "../../src/core/plan";
import { sheet, TODAY, workbook, type Entry, type SheetExtras } from "./builders";

/** A "Projects" sheet of `rows` analysed as of the tests' fixed day. */
export function analyseProjects(rows: Entry[][], extras: SheetExtras = {}): Analysis {
  return analyseWorkbook(workbook(sheet("Projects", rows, extras)), { asOf: TODAY });
}

/** The findings that are not notes, each as code, cell and the figures it compares. */
export function projectFindings(a: Analysis) {
  return a.findings
    .filter((x) => x.severity !== "info")
    .map((x) => ({ code: x.code, cell: x.cell, expected: x.expected, actual: x.actual }));
}

/** The planned write of the column titled `title` ("Variance £", "Cost RAG"). */
export function columnWrite(a: Analysis, title: string): ColumnWrite | undefined {
  return a.plan.operations.find((o): o is ColumnWrite => o.kind === "column" && o.title === title);
}

/** The projects table the analysis found. */
export function projectsOf(a: Analysis): ProjectsTableReport | undefined {
  return a.tables.find((t): t is ProjectsTableReport => t.kind === "projects");
}
