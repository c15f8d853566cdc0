import { columnLetter } from "../a1";
import type { SheetSnapshot } from "../snapshot";
import { structureOf } from "./check";
import type { Structure } from "../tables/sections";
import { detectFundingTables, type FundingKind, type FundingTable } from "./detect";
import { columnGroupsOf, type FundingColumnGroups } from "./column-groups";
import { placement } from "../tables/bounds";
import { modelEach } from "../tables/models";

export interface FundingTableReport {
  sheet: string;
  kind: FundingKind;
  range: string;
  headerRow: number;
  /** Every header row, 1-based, when the header is a block of rows. */
  headerRows?: number[];
  columns: Record<string, string>;
  rows: number;
  years: string[];
  sources?: string[];
  sections: string[];
  totalRows: number;
}

/** A funding table read once: its columns, years and sources, and its sections and totals. */
export interface FundingTableModel {
  sheet: SheetSnapshot;
  table: FundingTable;
  groups: FundingColumnGroups;
  structure: Structure;
}

/** Every funding table not already claimed by another kind of table, each modelled once. */
export function fundingModels(
  sheets: readonly SheetSnapshot[],
  taken: ReadonlyMap<string, ReadonlySet<number>>,
): FundingTableModel[] {
  return modelEach(sheets, taken, detectFundingTables, (sheet, table) => {
    const groups = columnGroupsOf(table);
    return { sheet, table, groups, structure: structureOf(sheet, table, groups) };
  });
}

/** What check --json says about a funding, sources or allocations table. */
export function fundingReport(m: FundingTableModel): FundingTableReport {
  const { table, groups, structure } = m;
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
  for (const y of groups.years)
    for (const s of y.sources)
      if (!byName.has(s.source.toLowerCase())) byName.set(s.source.toLowerCase(), s.source);
  const sources = [...byName.values()];
  return {
    ...placement(table),
    ...(table.headerRows ? { headerRows: table.headerRows.map((r) => r + 1) } : {}),
    kind: table.kind,
    columns,
    years: groups.years.map((y) => y.year),
    ...(sources.length > 0 ? { sources } : {}),
    sections: structure.sections.map((s) => s.name),
    totalRows:
      structure.sections.filter((s) => s.totalRow !== null).length + structure.grandTotals.length,
  };
}
