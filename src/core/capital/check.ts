import { cellAddress, rangeAddress } from "../a1";
import { finding, type Finding } from "../findings";
import { cellText, type SheetSnapshot } from "../snapshot";
import { unconfirmedLineNotes, unconfirmedRows } from "../tables/unconfirmed-lines";
import { recalculatedSheet } from "../tables/recalculated";
import { sumMoney } from "../tables/money";
import {
  checkColumnTotals,
  checkMoneyCells,
  checkTotal,
  headerText,
  moneyText,
  sameAmount,
  type TableRef,
} from "../tables/totals";
import { parseMoney } from "../values";
import { totalParts, type CapitalProgramme } from "./detect";
import { balanceFinancing } from "./financing-balance";
import { SOURCE } from "./financing";

/**
 * The rules of a capital programme:
 * - row totals on scheme lines (and financing lines): the total column adds the year columns, the
 *   total scheme cost adds prior years and the total;
 * - section totals (labelled or not) add their lines, the grand total adds the sections;
 * - the financing block adds up, and in each year it pays for exactly the programme, worked from
 *   the scheme lines (so a wrong subtotal is reported once, where it is wrong);
 * - a "tbc" source of finance is a warning, and that year's balance is not judged on it.
 * Messages speak in pounds; `expected`/`actual`/`difference` stay in the sheet's units.
 */
export function tableRef(sheet: SheetSnapshot, t: CapitalProgramme): TableRef {
  return {
    sheet,
    names: t.columns.names,
    scale: () => t.scale,
    headerRow: t.headerRow,
    range: rangeAddress(t.headerRow, t.firstColumn, t.lastRow, t.lastColumn),
  };
}

/** The programme's line rows (every scheme, whatever section it sits in). */
export function lineRows(t: CapitalProgramme): number[] {
  return t.dataRows.filter((r) => t.structure.kinds.get(r) === "line");
}

function checkRowTotals(
  ref: TableRef,
  t: CapitalProgramme,
  rows: readonly number[],
  out: Finding[],
): void {
  const parts = totalParts(t);
  const years = parts.map((y) => y.column);
  const total = t.columns.total;
  for (const row of rows) {
    const before = out.length;
    if (total) {
      checkTotal(
        ref,
        row,
        total.column,
        years.map((c) => [row, c] as const),
        (sum) => `the years ${parts[0]?.year} to ${parts.at(-1)?.year} add to ${sum}`,
        out,
      );
    }
    if (t.columns.schemeCost !== null && t.columns.prior !== null && total) {
      checkTotal(
        ref,
        row,
        t.columns.schemeCost,
        [
          [row, t.columns.prior],
          [row, total.column],
        ],
        (sum) => `prior years and the total add to ${sum}`,
        out,
      );
      const wrongTotal = out.slice(before).find((f) => f.cell === cellAddress(row, total.column));
      if (wrongTotal && out.length === before + 1)
        keyedFromWrongTotal(ref, row, t.columns.schemeCost, t.columns.prior, years, out);
    }
  }
}

/**
 * A total scheme cost typed as prior years plus a total that is itself wrong adds its stated
 * parts, so the check above passes it; but it carries the total's error, and once the total is
 * put right (apply writes it as the SUM of the years) it no longer adds up. It is judged against
 * prior years and the years themselves, so that the knock-on rule (consequences.ts) names it in
 * the total's message as following from it: the officer re-keys it with the total.
 */
function keyedFromWrongTotal(
  ref: TableRef,
  row: number,
  schemeCost: number,
  prior: number,
  years: readonly number[],
  out: Finding[],
): void {
  const stated = parseMoney(ref.sheet.rows[row]?.[schemeCost]?.value ?? null);
  if (stated.kind !== "number") return;
  const parts = [prior, ...years].map((c) => [row, c] as const);
  const multiplier = ref.scale?.(schemeCost).multiplier;
  const sum = sumMoney(ref.sheet, parts, undefined, multiplier).total;
  if (sameAmount(ref, schemeCost, sum, stated.value)) return;
  const message =
    `${headerText(ref, schemeCost)} is ${moneyText(ref, schemeCost, stated.value)} but prior ` +
    `years and the years add to ${moneyText(ref, schemeCost, sum)}`;
  out.push(
    finding("total-mismatch", ref.sheet.name, row, schemeCost, message, {
      table: ref.range,
      expected: sum,
      actual: stated.value,
      partCells: parts.map(([r, c]) => cellAddress(r, c)),
    }),
  );
}

function checkFinancing(ref: TableRef, t: CapitalProgramme, out: Finding[]): void {
  const financing = t.financing;
  if (!financing) return;
  const sourceRows = financing.sources.map((s) => s.row);
  checkMoneyCells(
    ref,
    sourceRows,
    t.columns.years.map((y) => y.column),
    out,
  );
  checkRowTotals(ref, t, sourceRows, out);
  if (financing.totalRow !== null) {
    const columns = [
      ...t.columns.years.map((y) => y.column),
      ...(t.columns.total ? [t.columns.total.column] : []),
    ];
    for (const column of columns)
      checkTotal(
        ref,
        financing.totalRow,
        column,
        sourceRows.map((r) => [r, column] as const),
        (sum) => `the sources of finance add to ${sum}`,
        out,
      );
  }
  balanceFinancing(
    ref,
    t,
    {
      sheet: ref.sheet,
      financing,
      columnOf: (year) => t.columns.years.find((y) => y.year === year)?.column ?? null,
      scale: t.scale,
      range: ref.range,
    },
    out,
  );
}

export function checkCapitalProgramme(sheet: SheetSnapshot, t: CapitalProgramme): Finding[] {
  // Council formulas judged by what they compute: a SUM over a line apply rewrote is not stale.
  const ref = tableRef(recalculatedSheet(sheet), t);
  const out: Finding[] = [];
  const lines = lineRows(t);
  const figureRows = t.dataRows.filter((r) => t.structure.kinds.get(r) !== "heading");
  checkMoneyCells(ref, figureRows, t.columns.money, out);
  checkRowTotals(ref, t, lines, out);
  checkColumnTotals(ref, t.structure, t.columns.money, out);
  checkFinancing(ref, t, out);
  out.push(...unconfirmedSchemeYears(ref, t, lines));
  return out;
}

/**
 * A scheme year typed "tbc" is money not yet known: a note per cell, said as the budget and
 * projects kinds say it (tables/unconfirmed-lines.ts), since the row and column totals add
 * nothing for it.
 */
function unconfirmedSchemeYears(
  ref: TableRef,
  t: CapitalProgramme,
  lines: readonly number[],
): Finding[] {
  const scheme = t.columns.scheme;
  const nameOf = (row: number) =>
    scheme === null ? "" : cellText(ref.sheet.rows[row]?.[scheme] ?? undefined);
  // A financing table read as a programme (every line a source of finance) warns of its own tbc
  // lines against the programme's balance (financing-balance.ts): no second note.
  if (lines.length > 0 && lines.every((r) => SOURCE.test(nameOf(r)))) return [];
  return t.columns.years.flatMap((y) =>
    unconfirmedLineNotes(
      ref,
      unconfirmedRows(ref, lines, y.column),
      y.column,
      nameOf,
      y.label,
      "the totals",
    ),
  );
}
