import { cellAddress, columnLetter } from "../../src/core/a1";
import { analyseWorkbook, type Analysis } from "../../src/core/analyse";
import type { MonthlyTableReport } from "../../src/core/monthly";
import type { Cell, CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { dateToSerial } from "../../src/core/values";
import { TODAY, workbook } from "./builders";

/**
 * Monthly profiles as councils lay them out, for unit and property tests: a title, a header of
 * twelve months (dates shown mmm-yy, or month names in one of the forms councils type), an
 * optional Actual/Forecast row above or below the months, an optional units row, then sections
 * of lines (heading row, lines, total row) and a grand total. Every formula carries the value
 * Excel would cache, computed here from the stated cells.
 */
export type MonthForm = "dates" | "Apr" | "April" | "Apr-25" | "April 2025";

export interface ProfileLine {
  code: string;
  label: string;
  /** null: the budget cell is left blank. */
  budget: number | null;
  /** Twelve months; strings are typed as they are ("-", "57,9OO"). */
  months: (number | string | null)[];
  /** A typed full year in place of the SUM formula. */
  fullYear?: number;
  /** A typed variance in place of the formula. */
  variance?: number;
}

export interface ProfileSection {
  /** A heading row above the lines; null for none. */
  heading: string | null;
  lines: ProfileLine[];
  /** The label of the total row under the lines; null for none. "" for an unlabelled one. */
  total: string | null;
  /** Typed figures over the total row's SUM formulas, by column offset from the budget (0). */
  typedTotals?: Record<number, number>;
}

export interface ProfileSpec {
  months?: MonthForm;
  status?: "above" | "below" | null;
  units?: string | null;
  budgetHeader?: string;
  /** null: no full-year column. */
  fullYearHeader?: string | null;
  /** null: no variance column. */
  varianceHeader?: string | null;
  /** How stated variances are worked: forecast − budget (true, default) or budget − forecast. */
  forecastLessBudget?: boolean;
  sections: ProfileSection[];
  /** A grand total over the section totals, with this label. */
  grandTotal?: string | null;
  /** Text and formulas in the two columns after the next free one (a chart-data block). */
  besideBlock?: boolean;
}

export interface BuiltProfile {
  sheet: SheetSnapshot;
  headerRow: number;
  budget: number;
  firstMonth: number;
  fullYear: number | null;
  variance: number | null;
  lastColumn: number;
  /** 0-based row of each line, by section and line index. */
  lineRows: number[][];
  /** 0-based row of each section's total (null where none). */
  totalRows: (number | null)[];
  grandRow: number | null;
}

/** The months of a financial year as councils head them, April first. */
export const MONTH_NAMES = [
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
  "January",
  "February",
  "March",
];
export const MONEY_FORMAT = '#,##0;(#,##0);"-"';

function monthHeader(form: MonthForm, k: number): Cell {
  const year = k < 9 ? 2025 : 2026;
  const name = MONTH_NAMES[k] as string;
  if (form === "dates")
    return { value: dateToSerial(year, ((k + 3) % 12) + 1, 1) ?? 0, numberFormat: "mmm-yy" };
  if (form === "Apr") return { value: name.slice(0, 3) };
  if (form === "April") return { value: name };
  if (form === "Apr-25") return { value: `${name.slice(0, 3)}-${year % 100}` };
  return { value: `${name} ${year}` };
}

const num = (v: CellValue | undefined) => (typeof v === "number" ? v : 0);
const round = (n: number) => Math.round(n * 100) / 100;

export function buildProfile(spec: ProfileSpec): BuiltProfile {
  const rows: (Cell | null)[][] = [];
  const set = (r: number, c: number, cell: Cell | null) => {
    while (rows.length <= r) rows.push([]);
    const row = rows[r] as (Cell | null)[];
    while (row.length <= c) row.push(null);
    row[c] = cell;
  };
  const at = (r: number, c: number) => rows[r]?.[c] ?? null;
  const form = spec.months ?? "dates";
  const budget = 2;
  const firstMonth = 3;
  const fullYear = spec.fullYearHeader === null ? null : firstMonth + 12;
  const variance = spec.varianceHeader === null ? null : (fullYear ?? firstMonth + 11) + 1;
  const lastColumn = variance ?? fullYear ?? firstMonth + 11;
  const usual = spec.forecastLessBudget !== false;
  set(0, 0, { value: "Anyshire Council – monthly budget profile 2025/26" });
  let r = 2;
  const status = (row: number) => {
    for (let k = 0; k < 12; k++) set(row, firstMonth + k, { value: k < 7 ? "Actual" : "Forecast" });
  };
  if (spec.status === "above") status(r++);
  const headerRow = spec.status === "above" ? r - 1 : r;
  set(r, 0, { value: "Cost centre" });
  set(r, 1, { value: "Description" });
  set(r, budget, { value: spec.budgetHeader ?? "Working budget" });
  for (let k = 0; k < 12; k++) set(r, firstMonth + k, monthHeader(form, k));
  if (fullYear !== null) set(r, fullYear, { value: spec.fullYearHeader ?? "Full year" });
  if (variance !== null)
    set(r, variance, { value: spec.varianceHeader ?? "Forecast variance £ Over/(Under)" });
  r++;
  if (spec.status === "below") status(r++);
  if (spec.units) {
    for (let c = budget; c <= lastColumn; c++) set(r, c, { value: spec.units });
    r++;
  }
  const moneyCols = [budget, ...Array.from({ length: 12 }, (_, k) => firstMonth + k)];
  if (fullYear !== null) moneyCols.push(fullYear);
  if (variance !== null) moneyCols.push(variance);
  const lineRows: number[][] = [];
  const totalRows: (number | null)[] = [];
  for (const section of spec.sections) {
    if (section.heading !== null) set(r++, 0, { value: section.heading });
    const rowsHere: number[] = [];
    for (const line of section.lines) {
      set(r, 0, { value: line.code });
      set(r, 1, { value: line.label });
      if (line.budget !== null) set(r, budget, { value: line.budget, numberFormat: MONEY_FORMAT });
      line.months.forEach((m, k) => {
        if (m !== null)
          set(
            r,
            firstMonth + k,
            typeof m === "number" ? { value: m, numberFormat: MONEY_FORMAT } : { value: m },
          );
      });
      let shownFullYear = 0;
      for (let k = 0; k < 12; k++) shownFullYear += num(at(r, firstMonth + k)?.value);
      shownFullYear = round(shownFullYear);
      if (fullYear !== null) {
        const first = cellAddress(r, firstMonth);
        const last = cellAddress(r, firstMonth + 11);
        if (line.fullYear !== undefined) shownFullYear = line.fullYear;
        set(
          r,
          fullYear,
          line.fullYear !== undefined
            ? { value: line.fullYear, numberFormat: MONEY_FORMAT }
            : {
                value: shownFullYear,
                formula: `=SUM(${first}:${last})`,
                numberFormat: MONEY_FORMAT,
              },
        );
      }
      if (variance !== null) {
        const F = fullYear === null ? null : cellAddress(r, fullYear);
        const B = cellAddress(r, budget);
        const b = line.budget ?? 0;
        const worked = round(usual ? shownFullYear - b : b - shownFullYear);
        set(
          r,
          variance,
          line.variance !== undefined
            ? { value: line.variance, numberFormat: MONEY_FORMAT }
            : F === null
              ? { value: worked, numberFormat: MONEY_FORMAT }
              : {
                  value: worked,
                  formula: usual ? `=${F}-${B}` : `=${B}-${F}`,
                  numberFormat: MONEY_FORMAT,
                },
        );
      }
      rowsHere.push(r++);
    }
    lineRows.push(rowsHere);
    if (section.total !== null && rowsHere.length > 0) {
      if (section.total !== "") set(r, 0, { value: section.total });
      for (const c of moneyCols) {
        const typed = section.typedTotals?.[c - budget];
        const sum = round(rowsHere.reduce((s, row) => s + num(at(row, c)?.value), 0));
        const range = `${columnLetter(c)}${(rowsHere[0] ?? 0) + 1}:${columnLetter(c)}${(rowsHere[rowsHere.length - 1] ?? 0) + 1}`;
        set(
          r,
          c,
          typed !== undefined
            ? { value: typed, numberFormat: MONEY_FORMAT }
            : { value: sum, formula: `=SUM(${range})`, numberFormat: MONEY_FORMAT },
        );
      }
      totalRows.push(r++);
    } else totalRows.push(null);
    r++; // a blank row between sections
  }
  let grandRow: number | null = null;
  if (spec.grandTotal) {
    grandRow = r;
    set(r, 0, { value: spec.grandTotal });
    const parts = totalRows.filter((t): t is number => t !== null);
    for (const c of moneyCols) {
      const sum = round(parts.reduce((s, row) => s + num(at(row, c)?.value), 0));
      set(r, c, {
        value: sum,
        formula: `=${parts.map((p) => cellAddress(p, c)).join("+")}`,
        numberFormat: MONEY_FORMAT,
      });
    }
  }
  if (spec.besideBlock) {
    // A chart-data block: one free column after the table, then labels and formulas.
    const from = lastColumn + 2;
    set(headerRow, from, { value: "Chart data" });
    for (let row = headerRow + 1; row < rows.length; row++) {
      set(row, from, { value: `Point ${row}` });
      set(row, from + 1, { value: 1, formula: `=${cellAddress(headerRow + 1, budget)}/12` });
    }
  }
  return {
    sheet: { name: "Profile", rows, hiddenRows: [], hiddenColumns: [], merges: [] },
    headerRow,
    budget,
    firstMonth,
    fullYear,
    variance,
    lastColumn,
    lineRows,
    totalRows,
    grandRow,
  };
}

/** Twelve months adding to `total` (whole pounds), with a season: more in the winter. */
export function monthsOf(total: number): number[] {
  const weights = [7, 7, 7, 8, 8, 8, 9, 9, 10, 10, 9, 8];
  const sum = weights.reduce((a, b) => a + b, 0);
  const months = weights.map((w) => Math.round((total * w) / sum));
  const drift = total - months.reduce((a, b) => a + b, 0);
  months[11] = (months[11] ?? 0) + drift;
  return months;
}

export function line(
  code: string,
  budget: number | null,
  total: number,
  extra: Partial<ProfileLine> = {},
): ProfileLine {
  return { code, label: `Service line ${code}`, budget, months: monthsOf(total), ...extra };
}

/** Two sections of two lines each, each with its labelled total, and a grand total under them. */
export const twoSections = (overrides: Partial<ProfileSpec> = {}): ProfileSpec => ({
  sections: [
    {
      heading: "Highway maintenance",
      lines: [line("HM01", 240_000, 252_000), line("HM02", 120_000, 118_800)],
      total: "Total highway maintenance",
    },
    {
      heading: "Transport",
      lines: [line("TR01", 500_000, 512_300), line("TR02", 90_000, 90_000)],
      total: "Total transport",
    },
  ],
  grandTotal: "Total Highways and Transport",
  ...overrides,
});

/** A built profile analysed alone in a workbook, as of the tests' day. */
export function analyseProfile(built: BuiltProfile): Analysis {
  return analyseWorkbook(workbook(built.sheet), { asOf: TODAY });
}

/** The findings as "code cell" ("total-mismatch H9"). */
export const findingsOf = (a: Analysis) => a.findings.map((f) => `${f.code} ${f.cell}`);

/** The one table of a profile's analysis. */
export const profileReport = (a: Analysis) => a.tables[0] as MonthlyTableReport;
