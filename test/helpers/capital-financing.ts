import type { CellValue } from "../../src/core/snapshot";

/**
 * A capital programme laid out as councils keep it (Scheme | Prior years | four years | "Total
 * 2025-29" | "Total scheme cost"), its row totals typed on the scheme lines and left blank on the
 * financing block under it ("Financed by:", three sources, "Total financing"). Amounts are
 * given in £m and multiplied for £'000. `gap` leaves a blank row above the financing heading;
 * `typed` types a figure in one financing row's total cell (row 1-based → amount in £m).
 */
export interface FinancingLayout {
  units: "£m" | "£'000";
  gap: boolean;
  typed?: Record<number, number>;
}

const SCHEMES: [string, number, number, number, number, number][] = [
  ["Oakfield Primary expansion", 1.2, 3.4, 2.1, 0, 0],
  ["Schools condition programme", 0, 2.5, 2.5, 2.5, 2.5],
  ["A-road resurfacing", 0, 6, 6, 6, 6],
];
const SOURCES: [string, number, number, number, number][] = [
  ["Prudential borrowing", 5, 4.6, 3.5, 3.5],
  ["Government grants", 4.9, 4, 3, 3],
  ["Capital receipts", 2, 2, 2, 2],
];

/** Rows (0-based) of the financing sources and the total financing row in a layout. */
export function financingRowsOf(layout: FinancingLayout): number[] {
  const heading = 4 + SCHEMES.length + 1 + (layout.gap ? 1 : 0);
  return [...SOURCES.map((_, k) => heading + 1 + k), heading + 1 + SOURCES.length];
}

/** The rows of the layout as plain values (row 0 is Excel row 1). */
export function financingLayoutRows(layout: FinancingLayout): CellValue[][] {
  const m = layout.units === "£m" ? 1 : 1000;
  const money = (v: number) => Math.round(v * m * 1e6) / 1e6;
  const add = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rows: CellValue[][] = [
    ["Capital Programme 2025/26 to 2028/29"],
    [],
    [
      "Scheme",
      "Prior years",
      "2025/26",
      "2026/27",
      "2027/28",
      "2028/29",
      "Total 2025-29",
      "Total scheme cost",
    ],
    [null, ...Array<string>(7).fill(layout.units)],
  ];
  for (const [name, prior, ...years] of SCHEMES)
    rows.push([
      name,
      money(prior),
      ...years.map(money),
      money(add(years)),
      money(prior + add(years)),
    ]);
  const column = (k: number) => add(SCHEMES.map(([, ...a]) => a[k - 1] ?? 0));
  const years = [2, 3, 4, 5].map(column);
  rows.push([
    "Total capital programme",
    money(column(1)),
    ...years.map(money),
    money(add(years)),
    money(column(1) + add(years)),
  ]);
  if (layout.gap) rows.push([]);
  rows.push(["Financed by:"]);
  for (const [name, ...amounts] of SOURCES) rows.push([name, null, ...amounts.map(money)]);
  const financed = [0, 1, 2, 3].map((k) => add(SOURCES.map(([, ...a]) => a[k] ?? 0)));
  rows.push(["Total financing", null, ...financed.map(money)]);
  for (const [row, amount] of Object.entries(layout.typed ?? {})) {
    const at = rows[Number(row) - 1];
    if (at) at[6] = money(amount);
  }
  rows.push([], ["Figures may not add due to rounding."]);
  return rows;
}

/** The row totals the financing rows should show (in the layout's units), top to bottom. */
export function financingTotals(layout: FinancingLayout): number[] {
  const m = layout.units === "£m" ? 1 : 1000;
  const rows = SOURCES.map(([, ...a]) => a.reduce((x, y) => x + y, 0));
  return [...rows, rows.reduce((a, b) => a + b, 0)].map((v) => Math.round(v * m * 1e6) / 1e6);
}
