import { columnLetter, rangeAddress } from "../a1";
import { placement } from "../tables/bounds";
import type { SheetSnapshot } from "../snapshot";
import { detectCapitalProgrammes, type CapitalProgramme } from "./detect";
import { modelEach } from "../tables/models";

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
  financing?: { range: string; totalRow: number | null };
}

/** Every capital programme not already claimed by an earlier kind, each modelled once. */
export function capitalModels(
  sheets: readonly SheetSnapshot[],
  taken: ReadonlyMap<string, ReadonlySet<number>>,
): CapitalProgrammeModel[] {
  return modelEach(sheets, taken, detectCapitalProgrammes, (sheet, table) => ({ sheet, table }));
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
    headerRows: t.headerRows.map((r) => r + 1),
    columns,
    years: c.years.map((y) => y.year),
    ...(f ? { sources: f.sources.map((x) => x.label) } : {}),
    unit: t.scale.unit,
    multiplier: t.scale.multiplier,
    sections: s.sections.map((x) => x.name),
    totalRows: s.sections.filter((x) => x.totalRow !== null).length + s.grandTotals.length,
    unlabelledTotalRows: s.unlabelledTotals.map((r) => r + 1),
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
