import type { Finding } from "./findings";
import { finding } from "./findings";
import type { WritePlan } from "./plan";
import { analyseRisk, type RiskTableReport } from "./risk";
import type { RiskContext } from "./risk/check";
import type { Band } from "./risk/bands";
import type { WorkbookSnapshot } from "./snapshot";
import { orderOperations } from "./apply-plan";

export type TableKind =
  "risk-register" | "funding" | "funding-sources" | "allocations" | "budget" | "projects";

export type TableReport = RiskTableReport;

export interface AnalyseOptions {
  /** Today, as an Excel serial date (the core never reads the clock). */
  asOf: number;
  bands?: Band[];
}

export interface Analysis {
  tables: TableReport[];
  findings: Finding[];
  plan: WritePlan;
  riskContexts: RiskContext[];
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

/** The whole analysis of a workbook: tables found, findings, and the plan of calculated columns. */
export function analyseWorkbook(snapshot: WorkbookSnapshot, options: AnalyseOptions): Analysis {
  const risk = analyseRisk(snapshot.sheets, {
    asOf: options.asOf,
    ...(options.bands ? { bands: options.bands } : {}),
  });
  const findings = [...risk.findings];
  const withTables = new Set(risk.tables.map((t) => t.sheet));
  for (const sheet of snapshot.sheets) {
    if (!withTables.has(sheet.name)) {
      findings.push(
        finding(
          "layout-not-found",
          sheet.name,
          0,
          0,
          `No table Council Sheets recognises on "${sheet.name}"`,
        ),
      );
    }
  }
  const sheetOrder = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  return {
    tables: risk.tables,
    findings: sortFindings(findings, sheetOrder),
    plan: { operations: orderOperations(risk.operations) },
    riskContexts: risk.contexts,
  };
}
