import { columnLetter } from "../a1";
import type { Finding } from "../findings";
import type { WriteOperation } from "../plan";
import type { SheetSnapshot } from "../snapshot";
import { parseScaleValue } from "../values";
import { DEFAULT_BANDS, type Band, type BandSet } from "./bands";
import { checkRiskTable, type RiskContext } from "./check";
import { detectRiskTables, type RiskTable } from "./detect";
import { readLegend, type Legend } from "./legend";
import { planRiskTable } from "./plan";
import { columnLetters, placement } from "../layout";
import { cellText } from "../snapshot";

export interface RiskOptions {
  asOf: number;
  /** Bands from the workbook's settings; they beat the sheet's key and the defaults. */
  bands?: Band[];
}

export interface RiskTableReport {
  sheet: string;
  kind: "risk-register";
  range: string;
  headerRow: number;
  columns: Record<string, string>;
  rows: number;
  scale: number;
  scaleSource: "key" | "data";
  bands: BandSet;
  pairs: string[];
  project?: string;
  projects?: string[];
}

export interface RiskResult {
  tables: RiskTableReport[];
  findings: Finding[];
  operations: WriteOperation[];
  /** Per table, for the task pane's heat map and the PID. */
  contexts: RiskContext[];
}

function dataScale(sheet: SheetSnapshot, table: RiskTable): number {
  let max = 0;
  for (const r of table.dataRows) {
    for (const p of table.pairs) {
      for (const c of [p.likelihood, p.impact]) {
        const v = parseScaleValue(sheet.rows[r]?.[c]?.value ?? null);
        if (v.kind === "number" && Number.isInteger(v.value) && v.value <= 5)
          max = Math.max(max, v.value);
      }
    }
  }
  return max <= 4 ? 4 : 5;
}

function bandsFor(
  legend: Legend,
  fallback: { legend: Legend; sheet: string } | null,
  scale: number,
  options: RiskOptions,
): BandSet {
  if (options.bands && options.bands.length > 0)
    return { bands: options.bands, source: "settings" };
  if (legend.bands)
    return { bands: legend.bands, source: "sheet", ...(legend.at ? { at: legend.at } : {}) };
  if (fallback?.legend.bands) {
    return {
      bands: fallback.legend.bands,
      source: "workbook",
      at: `${fallback.sheet}!${fallback.legend.at ?? "A1"}`,
    };
  }
  return { bands: DEFAULT_BANDS[scale === 4 ? 4 : 5], source: "default" };
}

function columnsReport(table: RiskTable): Record<string, string> {
  const columns = columnLetters(table.columns);
  for (const pair of table.pairs) {
    for (const field of ["likelihood", "impact", "score", "priority"] as const) {
      const column = pair[field];
      if (column === null) continue;
      const key = pair.name
        ? `${pair.name}${field.charAt(0).toUpperCase()}${field.slice(1)}`
        : field;
      columns[key] = columnLetter(column);
    }
  }
  return columns;
}

function projectsOf(sheet: SheetSnapshot, table: RiskTable): string[] | undefined {
  const column = table.columns.project;
  if (column === undefined) return undefined;
  const names = new Set<string>();
  for (const r of table.dataRows) {
    const name = cellText(sheet.rows[r]?.[column] ?? undefined);
    if (name) names.add(name);
  }
  return [...names];
}

/** Finds, checks and plans every risk register in the workbook. */
export function analyseRisk(sheets: readonly SheetSnapshot[], options: RiskOptions): RiskResult {
  const found = sheets.map((sheet) => {
    const tables = detectRiskTables(sheet);
    const rows = new Set<number>();
    for (const t of tables) for (let r = t.headerRow; r <= t.lastRow; r++) rows.add(r);
    return { sheet, tables, legend: readLegend(sheet, rows) };
  });
  // A workbook that keeps its key on one sheet ("Risk Key") lends it to registers without one.
  const keyed = found.filter((f) => f.legend.bands);
  const fallback =
    keyed.length === 1 && keyed[0] ? { legend: keyed[0].legend, sheet: keyed[0].sheet.name } : null;
  const result: RiskResult = { tables: [], findings: [], operations: [], contexts: [] };
  for (const { sheet, tables, legend } of found) {
    for (const table of tables) {
      const stated = legend.scale === 4 || legend.scale === 5 ? legend.scale : null;
      const scale = stated ?? dataScale(sheet, table);
      const ctx: RiskContext = {
        table,
        scale,
        scaleSource: stated ? "key" : "data",
        bands: bandsFor(legend, fallback, scale, options),
      };
      const projects = projectsOf(sheet, table);
      result.contexts.push(ctx);
      result.tables.push({
        ...placement(table),
        kind: "risk-register",
        columns: columnsReport(table),
        scale,
        scaleSource: ctx.scaleSource,
        bands: ctx.bands,
        pairs: table.pairs.map((p) => p.name || "rating"),
        ...(table.projectName ? { project: table.projectName } : {}),
        ...(projects ? { projects } : {}),
      });
      result.findings.push(...checkRiskTable(sheet, ctx, { asOf: options.asOf }));
      result.operations.push(...planRiskTable(sheet, ctx));
    }
  }
  return result;
}
