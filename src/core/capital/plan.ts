import type { ColumnWrite, PlannedCell, WriteOperation } from "../plan";
import { guardWrites, newColumns } from "../plan-helpers";
import { isEmptyCell, type SheetSnapshot } from "../snapshot";
import { sumFormula, type At } from "../tables/money";
import { grandParts } from "../tables/totals";
import { parseMoney, roundMoney } from "../values";
import { tableRef } from "./check";
import { totalParts, type CapitalProgramme } from "./detect";

/** "Total 2025-29" for 2025/26 to 2028/29, as councils name a programme's row total. */
export function rangeTitle(first: number, last: number): string {
  return `Total ${first}-${String((last + 1) % 100).padStart(2, "0")}`;
}

const amount = (sheet: SheetSnapshot, r: number, c: number): number => {
  const parsed = parseMoney(sheet.rows[r]?.[c]?.value ?? null);
  return parsed.kind === "number" ? parsed.value : 0;
};

function cellOver(sheet: SheetSnapshot, row: number, cells: readonly At[]): PlannedCell {
  const value = roundMoney(cells.reduce((s, [r, c]) => s + amount(sheet, r, c), 0) * 1000) / 1000;
  // SUM skips a number typed as text in a reference ("text in the array or reference [is]
  // ignored": learn.microsoft.com/office/vba/api/excel.worksheetfunction.sum), so a total over
  // one is written as its value instead of a formula that would disagree.
  const textNumber = cells.some(
    ([r, c]) =>
      typeof sheet.rows[r]?.[c]?.value === "string" &&
      parseMoney(sheet.rows[r]?.[c]?.value ?? null).kind === "number",
  );
  return { row, formula: textNumber ? null : sumFormula(cells), value };
}

function numberFormatOf(sheet: SheetSnapshot, t: CapitalProgramme): string {
  for (const y of t.columns.years)
    for (const r of t.dataRows) {
      const f = sheet.rows[r]?.[y.column]?.numberFormat;
      if (f && f !== "General") return f;
    }
  return "#,##0";
}

/** The financing block's source rows and its total financing row, top to bottom. */
function financingRows(t: CapitalProgramme): number[] {
  const f = t.financing;
  if (!f) return [];
  return [...f.sources.map((s) => s.row), ...(f.totalRow === null ? [] : [f.totalRow])];
}

/**
 * The row total as a live SUM of the year columns. A programme without one gets a new "Total
 * 2025-29" column (beside the table when free, never over anything: plan-helpers decides); an
 * existing one has its typed or blank line cells written (a council's formula there is checked,
 * never replaced). Section and grand totals of a new column add down it; financing lines and the
 * total financing row get their row totals too.
 */
export function planCapitalProgramme(sheet: SheetSnapshot, t: CapitalProgramme): WriteOperation[] {
  const years = totalParts(t).map((y) => y.column);
  const ref = tableRef(sheet, t);
  const lines = t.dataRows.filter((r) => t.structure.kinds.get(r) === "line");
  const across = (row: number): At[] => years.map((c) => [row, c] as const);
  const existing = t.columns.total;
  if (existing) {
    const cells = lines
      .filter((r) => typeof sheet.rows[r]?.[existing.column]?.value !== "string")
      .map((r) => cellOver(sheet, r, across(r)));
    // The financing lines and total financing get their row totals only where the cell is blank:
    // a figure the council typed there is checked (check.ts), never written over.
    for (const row of financingRows(t))
      if (isEmptyCell(sheet.rows[row]?.[existing.column] ?? undefined))
        cells.push(cellOver(sheet, row, across(row)));
    const op: ColumnWrite = {
      kind: "column",
      sheet: sheet.name,
      table: ref.range,
      column: existing.column,
      title: existing.label,
      header: null,
      cells,
      money: true,
    };
    return guardWrites(sheet, { ...t, lastRow: t.lastClaimed }, [op], { money: true });
  }
  const first = t.columns.years[0];
  const last = t.columns.years.at(-1);
  if (!first || !last) return [];
  const title = rangeTitle(first.start, last.start);
  const placed = newColumns(sheet, { ...t, lastRow: t.lastClaimed }, 1, "edge", [title]);
  const column = placed.first;
  const cells: PlannedCell[] = lines.map((r) => cellOver(sheet, r, across(r)));
  const planned = new Map(cells.map((c) => [c.row, typeof c.value === "number" ? c.value : 0]));
  const down = (row: number, parts: readonly number[]) => {
    const value = roundMoney(parts.reduce((s, r) => s + (planned.get(r) ?? 0), 0) * 1000) / 1000;
    planned.set(row, value);
    cells.push({ row, formula: sumFormula(parts.map((r) => [r, column] as const)), value });
  };
  for (const s of t.structure.sections) if (s.totalRow !== null) down(s.totalRow, s.lines);
  for (const g of t.structure.grandTotals) down(g, grandParts(t.structure, g));
  for (const row of financingRows(t)) cells.push(cellOver(sheet, row, across(row)));
  const op: ColumnWrite = {
    kind: "column",
    sheet: sheet.name,
    table: placed.range,
    column,
    title,
    header: { row: t.headerRow, text: title },
    cells: cells.sort((a, b) => a.row - b.row),
    numberFormat: numberFormatOf(sheet, t),
    money: true,
    styleFrom: years.at(-1) ?? t.lastColumn,
  };
  return guardWrites(sheet, { ...t, lastRow: t.lastClaimed }, [...placed.operations, op], {
    money: true,
  });
}
