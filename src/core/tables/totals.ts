import { cellAddress, columnLetter, reportRow } from "../a1";
import { isNilMark } from "./nil-money";
import { finding, type Finding } from "../findings";
import { cellText, type SheetSnapshot } from "../snapshot";
import { parseMoney } from "../values";
import { missedColumns, missedRows, sumsExactlyItsParts } from "./adding-formulas";
import { formulaEvaluator, type TotalRow } from "./arithmetic";
import { blankTotals } from "./blank-totals";
import {
  formatMoney,
  samePence,
  sumMoney,
  withoutFloatNoise,
  type At,
  type Resolve,
} from "./money";
import { formatScaled, type MoneyScale } from "./scale";
import type { Structure } from "./sections";

/*
 * A table's totals checked against their parts: section and grand totals down each money column
 * (checkColumnTotals), totals found by arithmetic (checkTotalRows), one stated total
 * (checkTotal), money cells that hold text (checkMoneyCells), and how their messages name
 * columns, amounts and rows. Reading a total's own SUM formula is adding-formulas.ts.
 */

/** Where a table sits, for messages and the findings' `table` field. */
export interface TableRef {
  sheet: SheetSnapshot;
  headerRow: number;
  range: string;
  /** Column names from a header block ("Current year 2025/26 › Actual to date"), for messages. */
  names?: ReadonlyMap<number, string>;
  /** The scale a column is kept in (£'000, £m): messages then speak in pounds. */
  scale?: (column: number) => MoneyScale;
  /**
   * Lines whose budget is "tbc" (tables/unconfirmed-lines.ts): left out of totals. A council may
   * have added their other figures or not, so a total is right either way.
   */
  unconfirmedLines?: ReadonlySet<number>;
}

/**
 * Equal to the penny in pounds: 1.167 and 1.168 in a £m column are £1,000 apart, which the
 * sheet's own units would round together.
 */
export function sameAmount(t: TableRef, column: number, a: number, b: number): boolean {
  return samePence(a, b, t.scale?.(column).multiplier ?? 1);
}

/** An amount of a column said in pounds, whatever scale the column is kept in. */
export function moneyText(t: TableRef, column: number, amount: number): string {
  return t.scale ? formatScaled(amount, t.scale(column)) : formatMoney(amount);
}

export function headerText(t: TableRef, column: number): string {
  const named = t.names?.get(column);
  if (named) return named;
  return cellText(t.sheet.rows[t.headerRow]?.[column] ?? undefined) || columnLetter(column);
}

function unconfirmedNote(count: number): string {
  return count === 0 ? "" : ` (${count} unconfirmed amount${count === 1 ? "" : "s"} left out)`;
}

export function rowsText(rows: readonly number[]): string {
  if (rows.length === 0) return "no rows";
  const first = (rows[0] ?? 0) + 1;
  const last = (rows[rows.length - 1] ?? 0) + 1;
  return first === last ? `row ${first}` : `rows ${first}–${last}`;
}

/** The sum of parts of a column, exact to the pound's penny whatever scale the column is kept in. */
function sumOf(t: TableRef, column: number, parts: readonly At[], resolve?: Resolve) {
  return sumMoney(t.sheet, parts, resolve, t.scale?.(column).multiplier);
}

/** True when the total adds its parts once the lines whose budget is "tbc" are left out. */
function addsWithoutUnconfirmed(
  t: TableRef,
  row: number,
  column: number,
  parts: readonly At[],
  stated: number,
  resolve?: Resolve,
): boolean {
  const tbc = t.unconfirmedLines;
  if (!tbc || tbc.size === 0) return false;
  const kept = parts.filter(([r]) => r === row || !tbc.has(r));
  return (
    kept.length !== parts.length &&
    sameAmount(t, column, sumOf(t, column, kept, resolve).total, stated)
  );
}

/**
 * Compares a stated total with the sum of its parts; text or "tbc" totals are not checked.
 * `note` ends the message (say, the year columns a row's SUM leaves out).
 */
export function checkTotal(
  t: TableRef,
  row: number,
  column: number,
  parts: readonly At[],
  describe: (sum: string) => string,
  out: Finding[],
  resolve?: Resolve,
  note = "",
): void {
  const cell = t.sheet.rows[row]?.[column];
  const saved = parseMoney(cell?.value ?? null);
  if (saved.kind !== "number") return;
  const sum = sumOf(t, column, parts, resolve);
  if (sameAmount(t, column, sum.total, saved.value)) return;
  if (addsWithoutUnconfirmed(t, row, column, parts, saved.value, resolve)) return;
  const partRows = parts.filter(([, c]) => c === column).map(([r]) => r);
  if (sumsExactlyItsParts(t.sheet, cell?.formula, column, partRows)) return;
  // A total that adds its parts as stated is right even when a part is wrong: the part is
  // reported where it is wrong, not again in every total above it.
  if (resolve && sameAmount(t, column, sumOf(t, column, parts).total, saved.value)) return;
  // A formula total shows what it computes once Excel recalculates, not the figure it saved
  // last time: that is the figure the officer will see, so the message quotes it (and a
  // formula that computes the right sum behind a stale saved figure is right).
  const now = cell?.formula ? formulaEvaluator(t.sheet)(row, column) : null;
  const stated = typeof now === "number" ? withoutFloatNoise(now) : saved.value;
  if (stated !== saved.value && sameAmount(t, column, sum.total, stated)) return;
  const message =
    `${headerText(t, column)} is ${moneyText(t, column, stated)} but ${describe(moneyText(t, column, sum.total))}` +
    unconfirmedNote(sum.unconfirmed) +
    (missedRows(cell?.formula, column, partRows) ||
      missedColumns(
        cell?.formula,
        row,
        parts.filter(([r]) => r === row).map(([, c]) => c),
        (c) => `${headerText(t, c)} (column ${columnLetter(c)})`,
      )) +
    note;
  out.push(
    finding("total-mismatch", t.sheet.name, row, column, message, {
      table: t.range,
      expected: sum.total,
      actual: stated,
      partCells: parts.map(([r, c]) => cellAddress(r, c)),
    }),
  );
}

/** The parts of a grand total: each section's stated total where it has one, else its lines. */
export function grandParts(structure: Structure, before: number): number[] {
  const rows: number[] = structure.looseLines.filter((r) => r < before);
  for (const s of structure.sections) {
    if (s.totalRow !== null && s.totalRow < before) rows.push(s.totalRow);
    else for (const r of s.lines) if (r < before) rows.push(r);
  }
  return rows.sort((a, b) => a - b);
}

/** Every line a grand total covers, so that only wrong totals are flagged, not the right ones beside them. */
export function grandLines(structure: Structure, before: number): number[] {
  const rows = [...structure.looseLines, ...structure.sections.flatMap((s) => s.lines)];
  return rows.filter((r) => r < before).sort((a, b) => a - b);
}

/** Section and grand totals down each money column. */
export function checkColumnTotals(
  t: TableRef,
  structure: Structure,
  columns: readonly number[],
  out: Finding[],
  resolve?: Resolve,
): void {
  for (const section of structure.sections) {
    if (section.totalRow === null) continue;
    for (const column of columns) {
      const parts = section.lines.map((r) => [r, column] as const);
      checkTotal(
        t,
        section.totalRow,
        column,
        parts,
        (sum) => `its lines (${rowsText(section.lines)}) sum to ${sum}`,
        out,
        resolve,
      );
    }
  }
  const linesOf = linesWords(structure.sections.length);
  for (const grand of structure.grandTotals) {
    const rows = grandLines(structure, grand);
    const subtotals = grandParts(structure, grand);
    for (const column of columns) {
      // Either structure explains a grand total: the stated subtotals (a wrong subtotal is
      // reported at the subtotal, not again here) or every line beneath it.
      const stated = parseMoney(t.sheet.rows[grand]?.[column]?.value ?? null);
      const overSubtotals = sumOf(
        t,
        column,
        subtotals.map((r) => [r, column] as const),
        resolve,
      );
      if (stated.kind === "number" && sameAmount(t, column, overSubtotals.total, stated.value))
        continue;
      const parts = rows.map((r) => [r, column] as const);
      checkTotal(t, grand, column, parts, (sum) => `${linesOf} sum to ${sum}`, out, resolve);
    }
  }
}

/** Amounts typed as text are read (and noted); other text in a money column is an error. */
export function checkMoneyCells(
  t: TableRef,
  rows: readonly number[],
  columns: readonly number[],
  out: Finding[],
): void {
  for (const row of rows) {
    for (const column of columns) {
      const raw = t.sheet.rows[row]?.[column]?.value ?? null;
      // "nil" is £0 as accountants write it (nil-money.ts), no stray text.
      if (isNilMark(raw)) continue;
      const parsed = parseMoney(raw);
      if (parsed.kind === "text") {
        out.push(
          finding(
            "not-a-number",
            t.sheet.name,
            row,
            column,
            `${headerText(t, column)} "${parsed.text}" is not an amount`,
            { table: t.range, actual: parsed.text },
          ),
        );
      } else if (parsed.kind === "number" && parsed.fromText) {
        out.push(
          finding(
            "number-as-text",
            t.sheet.name,
            row,
            column,
            `"${String(raw)}" is stored as text; it is read as ${moneyText(t, column, parsed.value)}`,
            { table: t.range, actual: String(raw) },
          ),
        );
      }
    }
  }
}

/**
 * Totals found by arithmetic (`classifyRowsByArithmetic`): each stated total against the sum of
 * the rows it adds. A total that equals the sum of its lines instead (a grand total worked from
 * the lines while a subtotal above it is wrong) is explained by that structure and not reported.
 */
export function checkTotalRows(
  t: TableRef,
  totals: readonly TotalRow[],
  columns: readonly number[],
  out: Finding[],
  resolve?: Resolve,
): void {
  // A blank total is the fault; the totals adding it are judged as if it held its sum.
  const blank = blankTotals(
    t.sheet,
    totals,
    columns,
    (column, parts, filled) => sumOf(t, column, atColumn(parts, column), filled).total,
    resolve,
  );
  for (const { row, column, sum } of blank.blanks) {
    const parts = totals.find((x) => x.row === row)?.parts ?? [];
    const message = `${headerText(t, column)} total is blank but ${partsWords(parts, row, totals)} sum to ${moneyText(t, column, sum)}`;
    out.push(
      finding("total-mismatch", t.sheet.name, row, column, message, {
        table: t.range,
        expected: sum,
        actual: null,
      }),
    );
  }
  const judged = blank.resolve;
  const evaluate = formulaEvaluator(t.sheet);
  const recomputed: Resolve = (r, c) => {
    const now = evaluate(r, c);
    return typeof now === "number" ? { kind: "number", value: now, fromText: false } : judged(r, c);
  };
  for (const total of totals) {
    for (const column of columns) {
      const stated = parseMoney(t.sheet.rows[total.row]?.[column]?.value ?? null);
      if (stated.kind !== "number") continue;
      // A formula total is checked by what it adds up to once recalculated, not by a cached
      // figure gone stale under a line rewritten since (SUM missing a row is still caught).
      const now = evaluate(total.row, column);
      if (now === "whole-column") continue;
      if (typeof now === "number" && !sameAmount(t, column, now, stated.value)) {
        const parts = total.parts.map((r) => [r, column] as const);
        if (sameAmount(t, column, sumOf(t, column, parts, recomputed).total, now)) continue;
      }
      if (total.parts.length !== total.lines.length) {
        const lines = sumOf(
          t,
          column,
          total.lines.map((r) => [r, column] as const),
          judged,
        );
        if (sameAmount(t, column, lines.total, stated.value)) continue;
      }
      const takenAsSum = blank.blanks
        .filter((b) => b.column === column && total.parts.includes(b.row))
        .map(
          (b) => ` (blank ${cellAddress(b.row, column)} taken as ${moneyText(t, column, b.sum)})`,
        );
      checkTotal(
        t,
        total.row,
        column,
        atColumn(total.parts, column),
        (sum) => `${partsWords(total.parts, total.row, totals)} sum to ${sum}`,
        out,
        judged,
        takenAsSum.join(""),
      );
    }
  }
}

const atColumn = (rows: readonly number[], column: number) => rows.map((r) => [r, column] as const);

/** What a total row adds, in words: "its lines (rows 7–9)" or "the totals it adds (rows 9, 13)". */
function partsWords(parts: readonly number[], row: number, totals: readonly TotalRow[]): string {
  const total = totals.find((x) => x.row === row);
  return total && total.parts.length !== total.lines.length
    ? `the totals it adds (rows ${parts.map((r) => reportRow(r)).join(", ")})`
    : `its lines (${rowsText(parts)})`;
}

/** How a grand total's lines are named: one section is not "all sections". */
export function linesWords(sections: number): string {
  return sections > 1
    ? "the lines of all sections"
    : sections === 1
      ? "the lines of its section"
      : "the lines above";
}
