import { cellText } from "../snapshot";
import type { Finding } from "../findings";
import type { Structure } from "../tables/sections";
import { headerText, type TableRef } from "../tables/totals";
import { unconfirmedLineNotes, unconfirmedRows } from "../tables/unconfirmed-lines";
import type { FundingTable } from "./detect";
import type { FundingColumnGroups } from "./column-groups";

/** The title apply gives the total across years it adds (funding/plan.ts). */
const ACROSS_YEARS = "Total all years";

/** The line's total across years: the council's column, else the one apply adds (two years up). */
export function acrossYearsName(ref: TableRef, groups: FundingColumnGroups): string | null {
  if (groups.totalColumn !== null) return headerText(ref, groups.totalColumn);
  return groups.years.length > 1 ? ACROSS_YEARS : null;
}

/**
 * A "tbc" amount on a line of a funding table (a council match not yet agreed in a wide plan, a
 * grant not yet announced in a sources table) is not an error, but every SUM over it counts it as
 * nil: the year's total beside it, the total across years (the council's, or the one apply adds)
 * and the column's total below. One info note per such cell says which totals leave it out, as a
 * "tbc" budget is noted in the kinds with budgets (tables/unconfirmed-lines.ts).
 */
export function unconfirmedAmountNotes(
  ref: TableRef,
  table: FundingTable,
  groups: FundingColumnGroups,
  structure: Structure,
): Finding[] {
  const lines = table.dataRows.filter((r) => structure.kinds.get(r) === "line");
  // A header block may leave the name column unclassified ("Intervention" merged down over
  // both rows): the text left of the first money column names the line then.
  const firstMoney = groups.money.length > 0 ? Math.min(...groups.money) : table.firstColumn;
  const named =
    groups.labels.length > 0
      ? groups.labels
      : Array.from(
          { length: Math.max(0, firstMoney - table.firstColumn) },
          (_, k) => table.firstColumn + k,
        );
  const name = (row: number) =>
    named
      .map((c) => cellText(ref.sheet.rows[row]?.[c] ?? undefined))
      .filter(Boolean)
      .join(" ");
  const across = acrossYearsName(ref, groups);
  const notes: Finding[] = [];
  for (const year of groups.years) {
    const parts: [number, boolean][] = [
      ...year.sources.map((s): [number, boolean] => [s.column, true]),
      ...year.plain.map((c): [number, boolean] => [c, false]),
    ];
    for (const [column, isSource] of parts) {
      for (const row of unconfirmedRows(ref, lines, column)) {
        const totals = [
          ...(isSource && year.total !== null ? [headerText(ref, year.total)] : []),
          ...(across === null ? [] : [across]),
          ...(hasColumnTotal(structure, row) ? ["its column's total"] : []),
        ];
        const leftOut = totals.length === 0 ? "nothing: no total adds it" : listOf(totals);
        notes.push(
          ...unconfirmedLineNotes(ref, [row], column, name, headerText(ref, column), leftOut),
        );
      }
    }
  }
  return notes;
}

/** Whether a section total or a grand total below adds the line. */
function hasColumnTotal(structure: Structure, row: number): boolean {
  if (structure.grandTotals.some((g) => g > row)) return true;
  return structure.sections.some((s) => s.totalRow !== null && s.lines.includes(row));
}

const listOf = (items: readonly string[]) =>
  items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} and ${items.at(-1)!}`;
