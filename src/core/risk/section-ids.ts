import { cellText, type SheetSnapshot } from "../snapshot";
import type { RiskTable } from "./detect";

/** A register's rows with the table they sit in: one section of a sheet's register. */
export interface IdSection {
  table: RiskTable;
  lines: readonly number[];
}

/** The words of a register's header block, column by column: sections of one register share them. */
function headerWords(sheet: SheetSnapshot, table: RiskTable): string {
  const words: string[] = [];
  for (const r of table.headerRows)
    for (let c = table.firstColumn; c <= table.lastColumn; c++)
      words.push(cellText(sheet.rows[r]?.[c] ?? undefined).toLowerCase());
  return words.join("|");
}

/** Each line's id (lower case, as duplicates compare them), blank ids left out. */
function idsOf(sheet: SheetSnapshot, section: IdSection, column: number): Map<string, number> {
  const ids = new Map<string, number>();
  for (const r of section.lines) {
    const id = cellText(sheet.rows[r]?.[column] ?? undefined).toLowerCase();
    if (id && !ids.has(id)) ids.set(id, r);
  }
  return ids;
}

/**
 * The ids the earlier sections of the same register hold, for each section of a sheet: id (lower
 * case) → the first row holding it. Sections are registers under the same header words with the
 * id in the same column, one after another down the sheet (a project log split by a heading
 * per project). A section that numbers its risks afresh (most of its ids met above: R1, R2 … in
 * each) is a register of its own, not a run of duplicates: it gets none. A reused id is then one
 * risk given another's reference, as a repeat within one section is.
 */
export function idsAboveBySection(
  sheet: SheetSnapshot,
  sections: readonly IdSection[],
): (ReadonlyMap<string, number> | undefined)[] {
  const headers = sections.map((s) => headerWords(sheet, s.table));
  return sections.map((section, k) => {
    const column = section.table.columns.id;
    if (column === undefined) return undefined;
    const above = new Map<string, number>();
    sections.slice(0, k).forEach((earlier, e) => {
      if (earlier.table.columns.id !== column || headers[e] !== headers[k]) return;
      for (const [id, row] of idsOf(sheet, earlier, column)) if (!above.has(id)) above.set(id, row);
    });
    if (above.size === 0) return undefined;
    const own = [...idsOf(sheet, section, column).keys()];
    const met = own.filter((id) => above.has(id)).length;
    return met > 0 && met * 2 < own.length ? above : undefined;
  });
}
