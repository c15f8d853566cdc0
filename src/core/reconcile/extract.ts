import { cellText, type SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import { structureOf } from "../funding/check";
import type { At } from "../tables/money";
import { recalculatedSheet } from "../tables/recalculated";
import type { FundingTable } from "../funding/detect";
import { columnGroupsOf } from "../funding/column-groups";

/** What a sources table says is available: per source and year, an amount, "tbc", or nothing. */
export interface Available {
  source: string;
  year: string;
  cell: At;
  amount: number | null;
  unconfirmed: boolean;
}

/** What an allocations table spends: per source name (as that table spells it) and year. */
export interface Allocated {
  name: string;
  year: string;
  cells: At[];
  /** Where to point a person: the column header (wide) or the first amount (long). */
  anchor: At;
  sheet: string;
}

export function availableFrom(sheet: SheetSnapshot, table: FundingTable): Available[] {
  const groups = columnGroupsOf(table);
  const structure = structureOf(sheet, table, groups);
  // A source's amount as Excel shows it after recalculating (see tables/recalculated.ts).
  const fresh = recalculatedSheet(sheet);
  const nameColumn = groups.sourceColumn ?? groups.labels[0];
  const out: Available[] = [];
  for (const row of table.dataRows) {
    if (structure.kinds.get(row) !== "line" || nameColumn === undefined) continue;
    const source = cellText(sheet.rows[row]?.[nameColumn] ?? undefined);
    if (!source) continue;
    for (const year of groups.years) {
      for (const column of year.plain) {
        const parsed = parseMoney(fresh.rows[row]?.[column]?.value ?? null);
        out.push({
          source,
          year: year.year,
          cell: [row, column],
          amount: parsed.kind === "number" ? parsed.value : null,
          unconfirmed: parsed.kind === "unconfirmed",
        });
      }
    }
  }
  return out;
}

export function allocatedFrom(sheet: SheetSnapshot, table: FundingTable): Allocated[] {
  const groups = columnGroupsOf(table);
  const structure = structureOf(sheet, table, groups);
  const lines = table.dataRows.filter((r) => structure.kinds.get(r) === "line");
  const byKey = new Map<string, Allocated>();
  const add = (name: string, year: string, cell: At, anchor: At) => {
    const key = `${name.toLowerCase()}|${year}`;
    const entry = byKey.get(key) ?? { name, year, cells: [], anchor, sheet: sheet.name };
    entry.cells.push(cell);
    byKey.set(key, entry);
  };
  for (const year of groups.years) {
    for (const s of year.sources)
      for (const row of lines)
        add(s.source, year.year, [row, s.column], [table.headerRow, s.column]);
    if (groups.sourceColumn === null) continue;
    for (const column of year.plain) {
      for (const row of lines) {
        const name = cellText(sheet.rows[row]?.[groups.sourceColumn] ?? undefined);
        if (name) add(name, year.year, [row, column], [row, column]);
      }
    }
  }
  return [...byKey.values()];
}
