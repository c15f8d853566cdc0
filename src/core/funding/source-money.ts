import { rangeAddress } from "../a1";
import { cellText, type SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import type { At } from "../tables/money";
import { recalculatedSheet } from "../tables/recalculated";
import type { Allocated, Available, SourceMoneyTable } from "../tables/source-money";
import { structureOf } from "./check";
import type { FundingTable } from "./detect";
import { columnGroupsOf } from "./column-groups";

/** A funding table as reconciliation reads it (see tables/source-money.ts). */
export function sourceMoneyOf(sheet: SheetSnapshot, table: FundingTable): SourceMoneyTable {
  return {
    sheet,
    range: rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn),
    role:
      table.kind === "funding-sources" ? "sources" : spendsBySource(table) ? "spends" : "neither",
    available: () => availableFrom(sheet, table),
    allocated: () => allocatedFrom(sheet, table),
  };
}

/**
 * The tables whose lines spend sources' money: long allocations (a Source column) and wide
 * funding plans whose columns are source × year ("2025/26" over "UKSPF £ | Council match £").
 * A funding table of plain years (a grants register) names no source and spends none.
 */
function spendsBySource(table: FundingTable): boolean {
  if (table.kind === "allocations") return true;
  if (table.kind !== "funding") return false;
  return [...table.columns.values()].some((c) => c.role === "money" && c.source !== null);
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
          ...(parsed.kind === "unconfirmed"
            ? { stated: cellText(fresh.rows[row]?.[column] ?? undefined) }
            : {}),
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
