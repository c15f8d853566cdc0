import { AddressError, parseAddress } from "../a1";
import type { SheetSnapshot } from "../snapshot";
import type { FundingColumn } from "../tables/funding-columns";
import { parseMoney } from "../values";
import { sumPence, toPence, withinAPenny } from "../tables/money";

/**
 * The council's own total-across-years column, whatever it is called ("Both years", "Whole
 * programme"): a column right of every year column whose cells add the row's year columns — by
 * =SUM over exactly those columns of the same row, or by arithmetic — in most rows with figures
 * (two at least). Read as the total column, it is checked, and no second "Total all years" is
 * written beside it.
 */
export function withRowTotalColumn(
  sheet: SheetSnapshot,
  columns: Map<number, FundingColumn>,
  first: number,
  last: number,
  rows: readonly number[],
): Map<number, FundingColumn> {
  const roles = [...columns.values()];
  if (roles.some((r) => r.role === "total")) return columns;
  const years = [...columns]
    .filter(([, r]) => r.role === "money" && !r.total)
    .map(([c]) => c)
    .sort((a, b) => a - b);
  if (new Set(roles.flatMap((r) => (r.role === "money" ? [r.year] : []))).size < 2) return columns;
  const from = years[0];
  const to = years[years.length - 1];
  if (from === undefined || to === undefined) return columns;
  for (let c = to + 1; c <= last && c >= first; c++) {
    const role = columns.get(c);
    if (role && role.role !== "label" && role.role !== "note") continue;
    if (addsTheYears(sheet, c, years, from, to, rows)) {
      const out = new Map(columns);
      out.set(c, { role: "total" });
      return out;
    }
  }
  return columns;
}

function addsTheYears(
  sheet: SheetSnapshot,
  column: number,
  years: readonly number[],
  from: number,
  to: number,
  rows: readonly number[],
): boolean {
  let figures = 0;
  let agree = 0;
  for (const row of rows) {
    const cell = sheet.rows[row]?.[column];
    const stated = parseMoney(cell?.value ?? null);
    if (stated.kind !== "number") continue;
    figures++;
    if (cell?.formula && sumsAcross(cell.formula, row, from, to)) {
      agree++;
      continue;
    }
    const parts = years.map((c) => parseMoney(sheet.rows[row]?.[c]?.value ?? null));
    const sum = sumPence(parts.flatMap((part) => (part.kind === "number" ? [part.value] : [])));
    if (sum !== 0 && withinAPenny(sum, toPence(stated.value))) agree++;
  }
  return agree >= 2 && agree * 3 >= figures * 2;
}

/** "=SUM(D6:I6)": a sum along row `row` from column `from` to column `to`. */
function sumsAcross(formula: string, row: number, from: number, to: number): boolean {
  const m = /^=SUM\((\$?[A-Z]{1,3}\$?\d+):(\$?[A-Z]{1,3}\$?\d+)\)$/i.exec(
    formula.replace(/\s/g, ""),
  );
  if (!m?.[1] || !m[2]) return false;
  try {
    const a = parseAddress(m[1].replace(/\$/g, ""));
    const b = parseAddress(m[2].replace(/\$/g, ""));
    return a.row === row && b.row === row && a.column === from && b.column === to;
  } catch (error) {
    // Only "not an address" means "not this shape"; anything else is a bug to see.
    if (error instanceof AddressError) return false;
    throw error;
  }
}
