import { columnLetter } from "../a1";
import type { Finding } from "../findings";
import type { WriteOperation } from "../plan";
import type { SheetSnapshot } from "../snapshot";
import { checkFundingTable, structureOf } from "./check";
import { detectFundingTables, type FundingKind, type FundingTable } from "./detect";
import { layoutOf } from "./layout";
import { placement } from "../layout";
import { planFundingTable, type FundingPlanOptions } from "./plan";

export interface FundingTableReport {
  sheet: string;
  kind: FundingKind;
  range: string;
  headerRow: number;
  columns: Record<string, string>;
  rows: number;
  years: string[];
  sources?: string[];
  sections: string[];
  totalRows: number;
}

export interface FundingResult {
  tables: FundingTableReport[];
  found: { sheet: SheetSnapshot; table: FundingTable }[];
  findings: Finding[];
  operations: WriteOperation[];
}

function report(sheet: SheetSnapshot, table: FundingTable): FundingTableReport {
  const layout = layoutOf(table);
  const structure = structureOf(sheet, table, layout);
  const columns: Record<string, string> = {};
  for (const [column, role] of table.columns) {
    const key =
      role.role === "money"
        ? `${role.total ? "total " : role.source ? `${role.source} ` : ""}${role.year}`
        : role.role === "ambiguous-year"
          ? `ambiguous ${role.text}`
          : role.role;
    columns[key] ??= columnLetter(column);
  }
  const byName = new Map<string, string>();
  for (const y of layout.years)
    for (const s of y.sources)
      if (!byName.has(s.source.toLowerCase())) byName.set(s.source.toLowerCase(), s.source);
  const sources = [...byName.values()];
  return {
    ...placement(table),
    kind: table.kind,
    columns,
    years: layout.years.map((y) => y.year),
    ...(sources.length > 0 ? { sources } : {}),
    sections: structure.sections.map((s) => s.name),
    totalRows:
      structure.sections.filter((s) => s.totalRow !== null).length + structure.grandTotals.length,
  };
}

/** Finds, checks and plans every funding table not already claimed by another kind of table. */
export function analyseFunding(
  sheets: readonly SheetSnapshot[],
  taken: ReadonlyMap<string, ReadonlySet<number>>,
  options: FundingPlanOptions,
): FundingResult {
  const result: FundingResult = { tables: [], found: [], findings: [], operations: [] };
  for (const sheet of sheets) {
    for (const table of detectFundingTables(sheet, taken.get(sheet.name) ?? new Set())) {
      result.found.push({ sheet, table });
      result.tables.push(report(sheet, table));
      result.findings.push(...checkFundingTable(sheet, table));
      result.operations.push(...planFundingTable(sheet, table, options));
    }
  }
  return result;
}
