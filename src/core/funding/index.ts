import { columnLetter, reportRow } from "../a1";
import type { SheetSnapshot } from "../snapshot";
import { structureOf } from "./check";
import type { Structure } from "../tables/sections";
import { detectFundingTables, type FundingKind, type FundingTable } from "./detect";
import { columnGroupsOf, yearParts, type FundingColumnGroups } from "./column-groups";
import { placement } from "../tables/bounds";
import { modelEach } from "../tables/models";
import { cellText } from "../snapshot";
import { unconfirmedNote } from "../tables/variance-lines";
import { unconfirmedWords } from "../tables/unconfirmed-lines";
import { parseMoney } from "../values";

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
  /** Lines with a "tbc" year, left out of the total across years (counted as nil by its SUM). */
  notes?: string[];
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
  beside?: ReadonlyMap<string, SheetSnapshot>,
): FundingTableModel[] {
  return modelEach(
    sheets,
    taken,
    detectFundingTables,
    (sheet, table) => {
      const groups = columnGroupsOf(table);
      return { sheet, table, groups, structure: structureOf(sheet, table, groups) };
    },
    beside,
  );
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
    ...(table.headerRows ? { headerRows: table.headerRows.map(reportRow) } : {}),
    kind: table.kind,
    columns,
    years: groups.years.map((y) => y.year),
    ...(sources.length > 0 ? { sources } : {}),
    sections: structure.sections.map((s) => s.name),
    totalRows:
      structure.sections.filter((s) => s.totalRow !== null).length + structure.grandTotals.length,
    ...withNotes(unconfirmedYearNotes(m)),
  };
}

const withNotes = (notes: string[]) => (notes.length > 0 ? { notes } : {});

/**
 * A line's total across years is a SUM of its years (stated, or the "Total all years" apply
 * adds), and SUM counts a "tbc" as nil: each such line is noted, as a "tbc" budget is.
 */
function unconfirmedYearNotes(m: FundingTableModel): string[] {
  const { sheet, table, groups, structure } = m;
  if (groups.years.length < 2) return [];
  const stated = groups.totalColumn;
  const total =
    stated === null
      ? "Total all years"
      : cellText(sheet.rows[table.headerRow]?.[stated] ?? undefined) || "the total across years";
  const notes: string[] = [];
  for (const row of table.dataRows) {
    if (structure.kinds.get(row) !== "line") continue;
    // Each year said as its cell says it: 2026/27 (tbc), 2027/28 ("awaiting").
    const tbc = groups.years.flatMap((y) => {
      const cell = yearParts(y).find(
        (c) => parseMoney(sheet.rows[row]?.[c]?.value ?? null).kind === "unconfirmed",
      );
      if (cell === undefined) return [];
      const typed = cellText(sheet.rows[row]?.[cell] ?? undefined);
      return [`${y.year} (${unconfirmedWords(typed)})`];
    });
    if (tbc.length > 0) notes.push(unconfirmedNote(row, tbc.join(", "), total));
  }
  return notes;
}
