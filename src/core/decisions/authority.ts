import { dateToSerial } from "../values";
import { utcMsFromSerial } from "../serial-date";
import { sumPounds } from "../tables/money";
import type { DecisionRow, DecisionsTable } from "./register";

/**
 * What a decision in the register approved, in total and by financial year, as the checks tying
 * money to authority compare it: year columns where the register has them, else the whole amount
 * for a decision whose period lies within one April–March year.
 */

/** The last day of a financial year "2024/25", as a serial. */
export function yearEnd(year: string): number | null {
  const start = Number(year.slice(0, 4));
  return Number.isFinite(start) ? dateToSerial(start + 1, 3, 31) : null;
}

/** The first day of a financial year "2024/25", as a serial. */
export function yearStart(year: string): number | null {
  const start = Number(year.slice(0, 4));
  return Number.isFinite(start) ? dateToSerial(start, 4, 1) : null;
}

/** The year a one-year decision is for, when its period lies within one April–March year. */
function singleYear(d: DecisionRow): string | null {
  if (d.periodStart === null || d.periodEnd === null) return null;
  const fy = (serial: number) => {
    const iso = new Date(utcMsFromSerial(serial));
    const y = iso.getUTCFullYear();
    return iso.getUTCMonth() >= 3 ? y : y - 1;
  };
  const a = fy(d.periodStart);
  return a === fy(d.periodEnd) ? `${a}/${String((a + 1) % 100).padStart(2, "0")}` : null;
}

export interface Authority {
  /** Approved per year, where the decision states years (register year columns, or a one-year period). */
  yearly: Record<string, number>;
  approvedTotal: number | null;
}

const authorities = new WeakMap<DecisionRow, Authority>();

/**
 * What the rows holding one reference approved together: a variation held as a second row adds
 * to the original, in total and per year.
 */
export function combinedAuthority(rows: readonly DecisionRow[]): Authority {
  if (rows.length === 1 && rows[0]) return authorityOf(rows[0]);
  const yearly: Record<string, number> = {};
  let approvedTotal: number | null = null;
  for (const d of rows) {
    const a = authorityOf(d);
    for (const [year, amount] of Object.entries(a.yearly))
      yearly[year] = sumPounds([yearly[year] ?? 0, amount]);
    if (a.approvedTotal !== null) approvedTotal = sumPounds([approvedTotal ?? 0, a.approvedTotal]);
  }
  return { yearly, approvedTotal };
}

/** Whether the register says what a decision approved (an amount column, or year columns). */
export const registerStatesAmounts = (table: DecisionsTable) =>
  table.columns.amountApproved !== undefined || table.years.size > 0;

/** What a decision approved, in total and by year; worked out once per decision. */
export function authorityOf(d: DecisionRow): Authority {
  let a = authorities.get(d);
  if (!a) {
    const yearly: Record<string, number> = { ...d.byYear };
    const one = singleYear(d);
    const stated = Object.values(d.byYear);
    if (stated.length === 0 && one && d.amountApproved !== null) yearly[one] = d.amountApproved;
    a = {
      yearly,
      approvedTotal: d.amountApproved ?? (stated.length > 0 ? sumPounds(stated) : null),
    };
    authorities.set(d, a);
  }
  return a;
}
