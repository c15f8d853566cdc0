import { columnLetter, rangeAddress, reportRow } from "../a1";
import { placement } from "../tables/bounds";
import type { SheetSnapshot } from "../snapshot";
import { detectCapitalProgrammes, type CapitalProgramme } from "./detect";
import { modelEach } from "../tables/models";
import type { PairedFinancing } from "./financing-elsewhere";

export type { CapitalProgramme } from "./detect";
export { checkCapitalProgramme } from "./check";
export { planCapitalProgramme } from "./plan";

/** A capital programme read once, with the sheet it sits on. */
export interface CapitalProgrammeModel {
  sheet: SheetSnapshot;
  table: CapitalProgramme;
}

/** What check --json says about a capital programme (DESIGN.md's table report, plus its parts). */
export interface CapitalProgrammeReport {
  sheet: string;
  kind: "capital-programme";
  range: string;
  headerRow: number;
  /** Every header row, 1-based (year over "Revised", a units row…). */
  headerRows: number[];
  rows: number;
  columns: Record<string, string>;
  /** The programme's years, canonical ("2025/26"), left to right. */
  years: string[];
  /** The sources of finance in the financing block, top to bottom. */
  sources?: string[];
  /** "£", "£'000" or "£m", and what one unit is in pounds. */
  unit: string;
  multiplier: number;
  sections: string[];
  totalRows: number;
  /** Section totals with no label, recognised by arithmetic (1-based rows). */
  unlabelledTotalRows: number[];
  /** Money columns that are no year of the programme, with why (a hidden superseded column). */
  ignoredColumns?: Record<string, string>;
  /** The financing block, or the financing table kept apart (then on `sheet`). */
  financing?: { sheet?: string; range: string; totalRow: number | null };
}

interface ListedTable {
  kind: string;
  sheet: string;
  headerRow: number;
}

/**
 * The table list once financing kept apart is paired: a financing table (which the programme
 * reading may have taken for a programme of its own, its title saying "Capital") is listed as
 * its programme's financing, not as a programme.
 */
export function withFinancingListed<T extends ListedTable>(
  tables: readonly T[],
  paired: readonly PairedFinancing[],
): T[] {
  const at = (t: ListedTable, sheet: string, row: number) =>
    t.kind === "capital-programme" && t.sheet === sheet && t.headerRow === row + 1;
  const out: T[] = [];
  for (const t of tables) {
    if (paired.some((p) => at(t, p.sheet, p.headerRow))) continue;
    const pair = paired.find((p) => at(t, p.programme.sheet, p.programme.headerRow));
    if (!pair) {
      out.push(t);
      continue;
    }
    const financing = {
      sheet: pair.sheet,
      range: pair.range,
      totalRow: pair.totalRow === null ? null : pair.totalRow + 1,
    };
    out.push({ ...t, sources: pair.sources, financing });
  }
  return out;
}

/** Every capital programme not already claimed by an earlier kind, each modelled once. */
export function capitalModels(
  sheets: readonly SheetSnapshot[],
  taken: ReadonlyMap<string, ReadonlySet<number>>,
  beside?: ReadonlyMap<string, SheetSnapshot>,
): CapitalProgrammeModel[] {
  return modelEach(
    sheets,
    taken,
    detectCapitalProgrammes,
    (sheet, table) => ({ sheet, table }),
    beside,
  );
}

export function capitalReport(m: CapitalProgrammeModel): CapitalProgrammeReport {
  const t = m.table;
  const c = t.columns;
  const columns: Record<string, string> = {};
  if (c.ref !== null) columns.ref = columnLetter(c.ref);
  if (c.scheme !== null) columns.scheme = columnLetter(c.scheme);
  if (c.status !== null) columns.status = columnLetter(c.status);
  if (c.prior !== null) columns["prior years"] = columnLetter(c.prior);
  for (const y of c.years) columns[y.year] = columnLetter(y.column);
  if (c.total) columns.total = columnLetter(c.total.column);
  if (c.schemeCost !== null) columns["scheme cost"] = columnLetter(c.schemeCost);
  const s = t.structure;
  const f = t.financing;
  return {
    ...placement(t),
    kind: "capital-programme",
    headerRows: t.headerRows.map(reportRow),
    columns,
    years: c.years.map((y) => y.year),
    ...(f ? { sources: f.sources.map((x) => x.label) } : {}),
    unit: t.scale.unit,
    multiplier: t.scale.multiplier,
    sections: s.sections.map((x) => x.name),
    totalRows: s.sections.filter((x) => x.totalRow !== null).length + s.grandTotals.length,
    unlabelledTotalRows: s.unlabelledTotals.map(reportRow),
    ...(c.ignored.length > 0
      ? {
          ignoredColumns: Object.fromEntries(
            c.ignored.map((i) => [columnLetter(i.column), i.reason]),
          ),
        }
      : {}),
    ...(f
      ? {
          financing: {
            range: rangeAddress(f.first, t.firstColumn, f.last, t.lastColumn),
            totalRow: f.totalRow === null ? null : f.totalRow + 1,
          },
        }
      : {}),
  };
}
