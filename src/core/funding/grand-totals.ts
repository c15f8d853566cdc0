import { AddressError, parseAddress } from "../a1";
import { cellText, type SheetSnapshot } from "../snapshot";
import type { Section, Structure } from "../tables/sections";
import { parseMoney } from "../values";
import { toPence, withinAPenny, type Pence } from "../tables/money";

/**
 * Subtotals and grand totals of a funding plan read by their structure, so that one wrong typed
 * subtotal does not change what the rows are:
 * - "Skills subtotal" under lines with no heading closes those lines as a section of their own
 *   (the labels-only reading takes a total with no open section for a grand total);
 * - "All schemes" (=D9+D13+D14, or =SUM(D9,D13,D14)) adds the subtotals and any lines outside
 *   them: a row whose formulas add single cells of rows above, at least one of them a total, is
 *   a grand total whatever its label; failing formulas, a last row whose figures equal the sum
 *   of the stated subtotals and loose lines, or of every line, in all its columns but at most one.
 */

const SUBTOTAL_LABEL = /\bsub-?\s?totals?\b/i;
const GRAND_LABEL = /\b(grand|overall|all)\b/i;

/** Labelled subtotals read as grand totals because no heading opened their block. */
export function headinglessSubtotals(
  sheet: SheetSnapshot,
  structure: Structure,
  labels: readonly number[],
): Structure {
  const label = (row: number) =>
    labels.map((c) => cellText(sheet.rows[row]?.[c] ?? undefined)).join(" ");
  const rows = [...structure.kinds.keys()].sort((a, b) => a - b);
  const kinds = new Map(structure.kinds);
  const added: Section[] = [];
  const grandTotals = [...structure.grandTotals];
  const loose = new Set(structure.looseLines);
  let pending: number[] = [];
  for (const row of rows) {
    const kind = kinds.get(row);
    if (kind === "line" && loose.has(row)) pending.push(row);
    else if (kind === "grand-total") {
      const text = label(row);
      if (pending.length > 0 && SUBTOTAL_LABEL.test(text) && !GRAND_LABEL.test(text)) {
        added.push({ name: "", headingRow: null, lines: pending, totalRow: row });
        kinds.set(row, "section-total");
        grandTotals.splice(grandTotals.indexOf(row), 1);
        for (const r of pending) loose.delete(r);
      }
      pending = [];
    } else if (kind !== "line") pending = [];
  }
  if (added.length === 0) return structure;
  const sections = [...structure.sections, ...added].sort(
    (a, b) => (a.headingRow ?? a.lines[0] ?? 0) - (b.headingRow ?? b.lines[0] ?? 0),
  );
  return {
    kinds,
    sections,
    looseLines: structure.looseLines.filter((r) => loose.has(r)),
    grandTotals,
  };
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/i;

/** The rows a formula adds as single cells of `column` (=D9+D13, =SUM(D9,D13)), or null. */
function addedRows(formula: string, column: number): number[] | null {
  const body = formula.replace(/\s/g, "").replace(/^=/, "");
  const inner = /^SUM\((.*)\)$/i.exec(body)?.[1];
  const parts = inner !== undefined ? inner.split(",") : body.split("+");
  const rows: number[] = [];
  for (const part of parts) {
    if (!CELL.test(part)) return null;
    try {
      const at = parseAddress(part.replace(/\$/g, ""));
      if (at.column !== column) return null;
      rows.push(at.row);
    } catch (error) {
      // Only "not an address" means "not this shape"; anything else is a bug to see.
      if (error instanceof AddressError) return null;
      throw error;
    }
  }
  return rows.length >= 2 ? rows : null;
}

/** The row's figures are formulas adding single cells above it, at least one a total row. */
export function addsTotalsByFormula(
  sheet: SheetSnapshot,
  row: number,
  money: readonly number[],
  structure: Structure,
): boolean {
  let formulas = 0;
  let reachesTotal = false;
  for (const c of money) {
    const formula = sheet.rows[row]?.[c]?.formula;
    if (!formula) continue;
    const rows = addedRows(formula, c);
    if (!rows || rows.some((r) => r >= row)) return false;
    formulas++;
    const kinds = rows.map((r) => structure.kinds.get(r));
    if (kinds.some((k) => k === "section-total" || k === "grand-total")) reachesTotal = true;
  }
  return formulas > 0 && reachesTotal;
}

/**
 * The last row's figures are the sum of the stated subtotals and loose lines above it, or of
 * every line, in each column with a figure but at most one (two figures other than nil at least).
 */
export function addsTotalsByArithmetic(
  sheet: SheetSnapshot,
  row: number,
  money: readonly number[],
  structure: Structure,
): boolean {
  if (!structure.sections.some((s) => s.totalRow !== null && s.totalRow < row)) return false;
  const above = (r: number) => r < row;
  const lines = [
    ...structure.sections.flatMap((s) => s.lines),
    ...structure.looseLines.filter((r) => r !== row),
  ].filter(above);
  const stated = [
    ...structure.sections.flatMap((s) => (s.totalRow === null ? s.lines : [s.totalRow])),
    ...structure.looseLines.filter((r) => r !== row),
  ].filter(above);
  const pence = (r: number, c: number) => {
    const v = parseMoney(sheet.rows[r]?.[c]?.value ?? null);
    return v.kind === "number" ? toPence(v.value) : 0;
  };
  let figures = 0;
  let telling = 0;
  let wrong = 0;
  for (const c of money) {
    const value = parseMoney(sheet.rows[row]?.[c]?.value ?? null);
    if (value.kind === "blank") continue;
    if (value.kind !== "number") return false;
    figures++;
    const own = toPence(value.value);
    const sum = (rows: number[]) => rows.reduce((s, r) => s + pence(r, c), 0) as Pence;
    if (withinAPenny(sum(stated), own) || withinAPenny(sum(lines), own)) {
      if (own !== 0) telling++;
    } else wrong++;
  }
  return figures >= 2 && telling >= 2 && wrong <= 1;
}
