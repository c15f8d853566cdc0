import { cellAddress, parseAddress } from "../../src/core/a1";
import type { Cell, CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { f, sheet } from "./builders";

/**
 * Capital programme sheets for tests: a title, a header of years over "Revised"/"Estimate", a
 * units row, sections of scheme lines with totals, a grand total and a financing block. Totals are
 * live formulas with their cached values (as Excel saves them); `override` plants an error by
 * replacing one cell ("G12": 999 types a figure over a total, or a Cell with a wrong formula).
 */
export interface ProgrammeSection {
  name: string;
  /** Per line: scheme name and one amount per year. */
  lines: ProgrammeLine[];
}

export interface ProgrammeSpec {
  years?: string[];
  /** Second header row under each year. */
  qualifiers?: string[];
  units?: string;
  /** Row total header over two rows; null leaves the table without one. */
  total?: [string, string] | null;
  sections: ProgrammeSection[];
  /** Section totals labelled "Total <name>" (default) or left unlabelled (bold figures only). */
  labelledTotals?: boolean;
  grandLabel?: string;
  /** Financing sources: label and one amount (or "tbc") per year; null for no block. */
  financing?: ProgrammeLine[] | null;
  financingHeading?: string;
  override?: Record<string, CellValue | Cell>;
  /** Cells beside the table (a note): address → value. */
  beside?: Record<string, CellValue>;
}

const num = (v: number | string): number => (typeof v === "number" ? v : 0);
const round = (v: number) => Math.round(v * 1e6) / 1e6;

export function programmeSheet(spec: ProgrammeSpec, name = "Capital Programme"): SheetSnapshot {
  const years = spec.years ?? ["2025/26", "2026/27", "2027/28"];
  const qualifiers = spec.qualifiers ?? years.map((_, k) => (k === 0 ? "Revised" : "Estimate"));
  const units = spec.units ?? "£'000";
  const total: [string, string] | null =
    spec.total === undefined ? ["Total", "2025-28"] : spec.total;
  const first = 2; // first year column (C)
  const totalColumn = total ? first + years.length : null;
  const rows: (CellValue | Cell)[][] = [];
  rows.push(["Anytown Council General Fund Capital Programme"]);
  rows.push([]);
  rows.push(["Scheme", "Status", ...years, ...(total ? [total[0]] : [])]);
  // A header in one row ("2025/26 Revised", "Total 2025-29") has no second row.
  if (qualifiers.length > 0 || (total && total[1] !== ""))
    rows.push([null, null, ...qualifiers, ...(total ? [total[1] || null] : [])]);
  rows.push([null, null, ...years.map(() => units), ...(total ? [units] : [])]);
  const yearCols = years.map((_, k) => first + k);
  const sumAcross = (r: number, values: number[]) =>
    f(
      `=SUM(${cellAddress(r, first)}:${cellAddress(r, first + years.length - 1)})`,
      round(values.reduce((a, b) => a + b, 0)),
    );
  const sectionTotals: { row: number; values: number[] }[] = [];
  for (const section of spec.sections) {
    rows.push([section.name]);
    const start = rows.length;
    const sums = years.map(() => 0);
    for (const [scheme, ...amounts] of section.lines) {
      const r = rows.length;
      amounts.forEach((a, k) => (sums[k] = round((sums[k] ?? 0) + num(a))));
      rows.push([
        scheme,
        "Approved",
        ...amounts,
        ...(total ? [sumAcross(r, amounts.map(num))] : []),
      ]);
    }
    const end = rows.length - 1;
    const withTotal = [...sums, round(sums.reduce((a, b) => a + b, 0))];
    const columns = total ? [...yearCols, totalColumn ?? 0] : yearCols;
    rows.push([
      spec.labelledTotals === false ? null : `Total ${section.name}`,
      null,
      ...columns.map((c, k) =>
        f(`=SUM(${cellAddress(start, c)}:${cellAddress(end, c)})`, withTotal[k] ?? 0),
      ),
    ]);
    sectionTotals.push({ row: rows.length - 1, values: withTotal });
    rows.push([]);
  }
  const columns = total ? [...yearCols, totalColumn ?? 0] : yearCols;
  rows.push([
    spec.grandLabel ?? "TOTAL CAPITAL PROGRAMME",
    null,
    ...columns.map((c, k) =>
      f(
        `=${sectionTotals.map((s) => cellAddress(s.row, c)).join("+")}`,
        round(sectionTotals.reduce((a, s) => a + (s.values[k] ?? 0), 0)),
      ),
    ),
  ]);
  if (spec.financing !== null) {
    rows.push([]);
    rows.push([spec.financingHeading ?? "Financing"]);
    const start = rows.length;
    const sums = years.map(() => 0);
    for (const [label, ...amounts] of spec.financing ?? []) {
      const r = rows.length;
      amounts.forEach((a, k) => (sums[k] = round((sums[k] ?? 0) + num(a))));
      rows.push([label, null, ...amounts, ...(total ? [sumAcross(r, amounts.map(num))] : [])]);
    }
    const end = rows.length - 1;
    const withTotal = [...sums, round(sums.reduce((a, b) => a + b, 0))];
    rows.push([
      "TOTAL FINANCING",
      null,
      ...columns.map((c, k) =>
        f(`=SUM(${cellAddress(start, c)}:${cellAddress(end, c)})`, withTotal[k] ?? 0),
      ),
    ]);
  }
  const built = sheet(name, rows);
  for (const [address, value] of Object.entries({ ...spec.override, ...spec.beside })) {
    const { row: r, column: c } = parseAddress(address);
    while (built.rows.length <= r) built.rows.push([]);
    const row = built.rows[r] ?? [];
    built.rows[r] = row;
    while (row.length <= c) row.push(null);
    row[c] = value !== null && typeof value === "object" ? value : { value };
  }
  return built;
}

type ProgrammeLine = [string, ...(number | string)[]];

/**
 * A programme spec from its sections by name (lines of [scheme, amount per year]) and its
 * financing (lines of [source, amount per year]); `extra` sets the rest (units, totals).
 */
export function programme(
  sections: Record<string, ProgrammeLine[]>,
  financing: ProgrammeLine[],
  extra: Omit<ProgrammeSpec, "sections" | "financing"> = {},
): ProgrammeSpec {
  return {
    ...extra,
    sections: Object.entries(sections).map(([name, lines]) => ({ name, lines })),
    financing,
  };
}

/**
 * `spec` with one financing figure changed: `source`'s amount in year `year` (0-based) becomes
 * `amount` (a number, or "tbc"), every other source and year as they were.
 */
export function withFinancing(
  spec: ProgrammeSpec,
  source: string,
  year: number,
  amount: number | string,
): ProgrammeSpec {
  return {
    ...spec,
    financing: (spec.financing ?? []).map(([label, ...amounts]) =>
      label === source
        ? [label, ...amounts.map((a, k) => (k === year ? amount : a))]
        : [label, ...amounts],
    ),
  };
}

/**
 * Rows (1-based): 3 header, 4 Revised/Estimate, 5 units; Children's Services heading 6, lines
 * 7–8, total 9; Place heading 11, lines 12–14, total 15; grand total 17; Financing heading 19,
 * sources 20–22, TOTAL FINANCING 23. Programme by year: 565, 570, 585 (£'000).
 */
export const BASE_PROGRAMME: ProgrammeSpec = programme(
  {
    "Children's Services": [
      ["School expansion", 100, 200, 300],
      ["Schools condition", 50, 50, 50],
    ],
    Place: [
      ["Highways maintenance", 400, 300, 200],
      ["Flood alleviation", 10, 20, 30],
      ["Fleet replacement", 5, 0, 5],
    ],
  },
  [
    ["Prudential borrowing", 300, 300, 300],
    ["Government grants", 200, 200, 200],
    ["Capital receipts", 65, 70, 85],
  ],
);

/**
 * A programme in £m with unlabelled section totals (bold figures only), amounts with three
 * decimals (0.185 is £185,000). Rows (1-based): Housing heading 6, lines 7–8, total 9; Leisure
 * heading 11, lines 12–14, total 15; grand total 17. Programme by year: 7.905, 8.63, 2.18, all
 * financed.
 */
export const GBPM_PROGRAMME: ProgrammeSpec = programme(
  {
    Housing: [
      ["Affordable homes", 3.4, 4.1, 0.85],
      ["Disabled facilities", 1.18, 1.18, 1.18],
    ],
    Leisure: [
      ["Leisure decarbonisation", 2.875, 0.96, 0],
      ["Play areas", 0.185, 0.15, 0.15],
      ["Car parks", 0.265, 0.24, 0],
    ],
  },
  [
    ["Prudential borrowing", 5.0, 4.0, 1.0],
    ["Grants and contributions", 2.905, 2.63, 1.18],
  ],
  { units: "£m", labelledTotals: false },
);
