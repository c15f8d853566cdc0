import { rangeAddress } from "../a1";
import type { ColumnWrite, PlannedCell, WriteOperation } from "../plan";
import { guardWrites, newColumns } from "../plan-helpers";
import { cellText, type SheetSnapshot } from "../snapshot";
import { samePence, sumFormula, sumMoney, type At } from "../tables/money";
import type { Structure } from "../tables/sections";
import { grandParts } from "../tables/totals";
import { structureOf } from "./check";
import type { FundingTable } from "./detect";
import { columnGroupsOf, yearParts, type FundingColumnGroups } from "./column-groups";
import { sumScaled } from "../tables/money";
import { columnScale } from "../tables/scale";
import { textUnderSum } from "../tables/sum-over-text";
import { grantColumns } from "./grants";
import { planGrantBalance } from "./grant-balance";

export interface FundingPlanOptions {
  /** Replace typed totals (row, section, grand) with SUM formulas. */
  replaceTotals: boolean;
  /** Another table stands right of this one on its rows: new columns keep the gap to it. */
  keepApart?: boolean;
}

/**
 * Amounts as Excel's SUM adds them, with the cells this plan computes laid over the sheet: a
 * number typed as text ("£250,000", reported number-as-text) adds nothing, so every written total
 * is a live SUM whose value is what Excel shows after recalculating, and the totals over it agree
 * with the council's own SUMs. A typed total over text is left as typed (tables/sum-over-text.ts).
 */
/** One number per cell for the overlay's keys: a string per lookup shows in large tables. */
const key = (r: number, c: number) => r * 16384 + c;

class Values {
  private readonly overlay = new Map<number, number>();
  constructor(private readonly sheet: SheetSnapshot) {}
  get(r: number, c: number): number {
    const planned = this.overlay.get(key(r, c));
    if (planned !== undefined) return planned;
    // SUM skips text, "£45,000" as much as "tbc" ("text in the array or reference are ignored":
    // learn.microsoft.com/office/vba/api/excel.worksheetfunction.sum): never a figure Excel would
    // not add.
    const value = this.sheet.rows[r]?.[c]?.value;
    return typeof value === "number" ? value : 0;
  }
  /** What SUM over these cells would miss: text the plan does not overwrite (tables/sum-over-text.ts). */
  textUnder(cells: readonly At[]): "none" | "read" | "unread" {
    return textUnderSum(this.sheet, cells, (r, c) => this.overlay.has(key(r, c)));
  }
  /** In the cells' unit, added as pence of the pound (0.125 in £'000 is £125, not £130). */
  sum(cells: readonly At[], multiplier: number): number {
    return sumScaled(
      cells.map(([r, c]) => this.get(r, c)),
      multiplier,
    );
  }
  set(r: number, c: number, v: number): void {
    this.overlay.set(key(r, c), v);
  }
}

interface Column {
  column: number;
  title: string;
  isNew: boolean;
  cells: PlannedCell[];
}

function formatOf(sheet: SheetSnapshot, table: FundingTable, groups: FundingColumnGroups): string {
  for (const c of groups.money) {
    for (const r of table.dataRows) {
      const f = sheet.rows[r]?.[c]?.numberFormat;
      if (f && f !== "General") return f;
    }
  }
  return "#,##0";
}

/**
 * A row-total column whose lines carry formulas is a calculated column (in an Excel table, one
 * formula for the whole column, e.g. =SUM(GrantsRegister[[#This Row],[2025/26 £]:[2026/27 £]])).
 * A line where a typed number has replaced that formula and disagrees with its parts gets a
 * formula back, the check reporting the typed figure as a total-mismatch. It is written as a
 * plain A1 SUM of the line's parts, the form every engine reads (DESIGN.md: A1 is the safest
 * choice); the table's own [#This Row] form would restore the column's consistency in Excel but
 * is not evaluated by every engine that reads our output. Typed columns (a raw export with no
 * formulas) are left as typed.
 */
function restoredLineTotals(
  sheet: SheetSnapshot,
  lines: readonly number[],
  column: number,
  parts: readonly number[],
): PlannedCell[] {
  const formulas = lines.filter((r) => sheet.rows[r]?.[column]?.formula).length;
  if (formulas * 2 <= lines.length) return [];
  const out: PlannedCell[] = [];
  for (const row of lines) {
    const cell = sheet.rows[row]?.[column];
    if (!cell || cell.formula || typeof cell.value !== "number") continue;
    const cells = parts.map((c) => [row, c] as const);
    // A SUM over text would not give the council's figure either (tables/sum-over-text.ts).
    if (textUnderSum(sheet, cells) !== "none") continue;
    const sum = sumMoney(sheet, cells);
    if (samePence(sum.total, cell.value)) continue;
    out.push({ row, formula: sumFormula(cells), value: sum.total });
  }
  return out;
}

/**
 * Year totals where a wide table lacks them, a total across the years, and — when asked — SUM
 * formulas in place of typed totals. Cells are computed in dependency order (section totals,
 * grand totals, then row totals) so every cached value is what Excel will compute.
 */
export function planFundingTable(
  sheet: SheetSnapshot,
  table: FundingTable,
  options: FundingPlanOptions,
  groups: FundingColumnGroups = columnGroupsOf(table),
  structure: Structure = structureOf(sheet, table, groups),
): WriteOperation[] {
  const grant = grantColumns(table.columns);
  if (grant) return planGrantBalance(sheet, table, structure, grant);
  const valueRows = table.dataRows.filter((r) => structure.kinds.get(r) !== "heading");
  const values = new Values(sheet);
  const range = rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn);
  const columns = new Map<number, Column>();
  const columnFor = (column: number, title: string, isNew: boolean) => {
    const existing = columns.get(column) ?? { column, title, isNew, cells: [] };
    columns.set(column, existing);
    return existing;
  };
  const write = (target: Column, row: number, cells: readonly At[]) => {
    // Only typed amounts become formulas: a "tbc" total says something a SUM would hide.
    if (!target.isNew && typeof sheet.rows[row]?.[target.column]?.value !== "number") return;
    // Over text (an amount typed as text or not) a SUM gives less than the council's typed
    // figure: that is left as typed, the text reported; a new total is the live SUM.
    if (!target.isNew && values.textUnder(cells) !== "none") return;
    // The unit of the amounts added (a new total column has no header of its own yet).
    const scale = columnScale(sheet, table.headerRow, cells[0]?.[1] ?? target.column);
    const value = values.sum(cells, scale.multiplier);
    values.set(row, target.column, value);
    target.cells.push({ row, formula: sumFormula(cells), value });
  };

  const newYears = groups.years.filter((y) => y.total === null && y.sources.length >= 2);
  const needsGrand = groups.years.length >= 2 && groups.totalColumn === null;
  const count = newYears.length + (needsGrand ? 1 : 0);
  const { first: firstNew, operations } = newColumns(
    sheet,
    table,
    count,
    "edge",
    [],
    options.keepApart === true,
  );
  const yearTotalColumn = new Map<string, number>();
  newYears.forEach((y, i) => yearTotalColumn.set(y.year, firstNew + i));
  for (const y of groups.years) if (y.total !== null) yearTotalColumn.set(y.year, y.total);

  if (options.replaceTotals) {
    const parts = groups.years.flatMap(yearParts);
    for (const section of structure.sections) {
      if (section.totalRow === null) continue;
      for (const c of parts)
        write(
          columnFor(c, "Totals", false),
          section.totalRow,
          section.lines.map((r) => [r, c] as const),
        );
    }
    for (const grand of structure.grandTotals) {
      const rows = grandParts(structure, grand);
      for (const c of parts)
        write(
          columnFor(c, "Totals", false),
          grand,
          rows.map((r) => [r, c] as const),
        );
    }
  }
  // Lines add across; TOTAL rows add down their own column, so a "tbc" typed in a stated total
  // never makes the new total wrong.
  const lines = valueRows.filter((r) => structure.kinds.get(r) === "line");
  const fill = (target: Column, across: (row: number) => At[]) => {
    for (const row of lines) write(target, row, across(row));
    for (const section of structure.sections) {
      if (section.totalRow !== null)
        write(
          target,
          section.totalRow,
          section.lines.map((r) => [r, target.column] as const),
        );
    }
    for (const grand of structure.grandTotals)
      write(
        target,
        grand,
        grandParts(structure, grand).map((r) => [r, target.column] as const),
      );
  };
  for (const y of groups.years) {
    const column = yearTotalColumn.get(y.year);
    if (column === undefined || y.sources.length === 0) continue;
    const isNew = y.total === null;
    if (!isNew && !options.replaceTotals) continue;
    fill(columnFor(column, `Total ${y.year}`, isNew), (row) =>
      y.sources.map((s) => [row, s.column] as const),
    );
  }
  const grandColumn = needsGrand
    ? firstNew + newYears.length
    : options.replaceTotals
      ? groups.totalColumn
      : null;
  if (grandColumn !== null) {
    const perYear = groups.years.flatMap((y) => {
      const total = yearTotalColumn.get(y.year);
      return total !== undefined ? [total] : yearParts(y);
    });
    fill(columnFor(grandColumn, "Total all years", needsGrand), (row) =>
      perYear.map((c) => [row, c] as const),
    );
  }

  if (!options.replaceTotals) {
    const targets: { column: number; title: string; parts: number[] }[] = [];
    for (const y of groups.years)
      if (y.total !== null && y.sources.length > 0)
        targets.push({
          column: y.total,
          title: `Total ${y.year}`,
          parts: y.sources.map((s) => s.column),
        });
    if (groups.totalColumn !== null)
      targets.push({
        column: groups.totalColumn,
        title: "Total all years",
        parts: groups.years.flatMap((y) => (y.total !== null ? [y.total] : yearParts(y))),
      });
    for (const target of targets) {
      const header = cellText(sheet.rows[table.headerRow]?.[target.column] ?? undefined);
      for (const cell of restoredLineTotals(sheet, lines, target.column, target.parts))
        columnFor(target.column, header || target.title, false).cells.push(cell);
    }
  }

  const numberFormat = formatOf(sheet, table, groups);
  for (const c of columns.values()) {
    const op: ColumnWrite = {
      kind: "column",
      sheet: sheet.name,
      table: range,
      column: c.column,
      title: c.title,
      header: c.isNew ? { row: table.headerRow, text: c.title } : null,
      cells: c.cells.sort((a, b) => a.row - b.row),
      money: true,
      ...(c.isNew ? { numberFormat, styleFrom: table.lastColumn } : {}),
    };
    operations.push(op);
  }
  return guardWrites(sheet, table, operations, { money: true });
}
