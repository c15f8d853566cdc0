import { normaliseHeader } from "../headers";
import type { SheetSnapshot } from "../snapshot";
import type { DecisionsTable } from "./register";

/*
 * A register's own year column ("Year", "Financial year"): the UK financial year (April to
 * March) a decision was taken in, written by an import in the way the column already writes it.
 */

const YEAR_HEADERS = new Set(["year", "financial year", "fin year", "fy", "budget year"]);

/** The register's year column, if its header names one and no other field reads it. */
export function financialYearColumn(
  sheet: SheetSnapshot | undefined,
  table: DecisionsTable,
): number | null {
  const claimed = new Set([...Object.values(table.columns), ...table.years.keys()]);
  const header = sheet?.rows[table.headerRow] ?? [];
  for (let c = table.firstColumn; c <= table.lastColumn; c++) {
    const text = header[c]?.value;
    if (claimed.has(c) || typeof text !== "string") continue;
    if (YEAR_HEADERS.has(normaliseHeader(text))) return c;
  }
  return null;
}

/** "2023/24", "2023-24", "23/24": how a year is laid out (start digits, separator). */
const YEAR_SHAPE = /^(\d{2}|\d{4})\s*([/-])\s*\d{2}$/;

/**
 * The financial year of an ISO date, in the shape of the column's first year ("2023-24",
 * "23/24"); "2023/24" when the column holds none. 15 February 2024 is in 2023/24.
 */
export function financialYearText(
  iso: string,
  sheet: SheetSnapshot | undefined,
  table: DecisionsTable,
  column: number,
): string | null {
  const [year, month] = iso.split("-").map(Number);
  if (!year || !month) return null;
  const start = month >= 4 ? year : year - 1;
  let shape: RegExpExecArray | null = null;
  for (const r of table.dataRows) {
    const held = sheet?.rows[r]?.[column]?.value;
    shape = typeof held === "string" ? YEAR_SHAPE.exec(held.trim()) : null;
    if (shape) break;
  }
  const first = shape?.[1]?.length === 2 ? String(start % 100).padStart(2, "0") : String(start);
  const end = String((start + 1) % 100).padStart(2, "0");
  return `${first}${shape?.[2] ?? "/"}${end}`;
}
