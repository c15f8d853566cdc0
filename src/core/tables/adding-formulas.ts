import { columnLetter, parseAddress, reportRow, type CellPosition } from "../a1";
import type { SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";

/*
 * What a total's own adding formula covers: the ranges of "=SUM(D5:D10)", "=SUM(E8,E11)" or
 * "=E8+E11", the rows or columns it leaves out (the inserted-row slip, said in a total's
 * message), and whether it adds exactly its parts. Checking a total against its parts is
 * totals.ts; this file only reads the formula.
 */

/** The corners of "=SUM(D5:D10)" (one range, nothing else), or null for any other formula. */
function sumRange(formula: string | undefined): { from: CellPosition; to: CellPosition } | null {
  const m = formula
    ? /^=SUM\(\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)\)$/i.exec(formula.replace(/\s/g, ""))
    : null;
  if (!m || !m[1] || !m[2] || !m[3] || !m[4]) return null;
  return { from: parseAddress(`${m[1]}${m[2]}`), to: parseAddress(`${m[3]}${m[4]}`) };
}

const REF = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i;

/**
 * The cells a plain adding formula covers, as ranges: "=SUM(D5:D10)", "=SUM(E8,E11,E15)",
 * "=E8+E11+E15" (a grand total over subtotals). Null for any other formula.
 */
function addedRanges(
  formula: string | undefined,
): { from: CellPosition; to: CellPosition }[] | null {
  if (!formula) return null;
  const body = formula.replace(/\s/g, "").replace(/^=/, "");
  const sum = /^SUM\((.*)\)$/i.exec(body);
  const pieces = sum ? (sum[1] ?? "").split(",") : body.split("+");
  const ranges: { from: CellPosition; to: CellPosition }[] = [];
  for (const piece of pieces) {
    const m = REF.exec(piece);
    if (!m || !m[1] || !m[2]) return null;
    const from = parseAddress(`${m[1]}${m[2]}`);
    ranges.push({ from, to: m[3] && m[4] ? parseAddress(`${m[3]}${m[4]}`) : from });
  }
  return ranges.length > 0 ? ranges : null;
}

/**
 * An adding formula down its column that leaves out rows it should add: the classic inserted-row
 * slip ("=SUM(D5:D10)" over a row inserted below), or a grand total "=E8+E11" missing a subtotal.
 */
export function missedRows(
  formula: string | undefined,
  column: number,
  rows: readonly number[],
): string {
  const ranges = addedRanges(formula);
  if (!ranges || ranges.some((r) => r.from.column !== column || r.to.column !== column)) return "";
  const covered = (row: number) => ranges.some((r) => row >= r.from.row && row <= r.to.row);
  const left = rows.filter((r) => !covered(r)).map((r) => reportRow(r));
  if (left.length === 0) return "";
  return `; its formula ${formula?.slice(1)} leaves out row${left.length === 1 ? "" : "s"} ${left.join(", ")}`;
}

/**
 * "=SUM(C23:E23)" across a row whose range leaves out columns it should add (a year column
 * added this year): the row form of the inserted-row slip.
 */
export function missedColumns(
  formula: string | undefined,
  row: number,
  columns: readonly number[],
  name: (column: number) => string = columnLetter,
): string {
  const range = sumRange(formula);
  if (!range) return "";
  const { from, to } = range;
  if (from.row !== row || to.row !== row) return "";
  const left = columns.filter((c) => c < from.column || c > to.column);
  if (left.length === 0) return "";
  return `; its formula ${formula?.slice(1)} leaves out ${left.map(name).join(", ")}`;
}

/**
 * True when the total is "=SUM(X5:X12)" down its own column over exactly its parts: every part
 * inside the range, and no other figure in it. Such a total is right by construction; a cached
 * value that disagrees with the parts is stale (the parts changed since the last recalculation,
 * as after an apply that replaced a wrong typed variance above a council's SUM) and Excel
 * recalculates it on opening.
 */
export function sumsExactlyItsParts(
  sheet: SheetSnapshot,
  formula: string | undefined,
  column: number,
  rows: readonly number[],
): boolean {
  const range = sumRange(formula);
  if (!range || rows.length === 0) return false;
  const { from, to } = range;
  if (from.column !== column || to.column !== column) return false;
  if (rows.some((r) => r < from.row || r > to.row)) return false;
  const parts = new Set(rows);
  for (let r = from.row; r <= to.row; r++)
    if (!parts.has(r) && parseMoney(sheet.rows[r]?.[column]?.value ?? null).kind === "number")
      return false;
  return true;
}
