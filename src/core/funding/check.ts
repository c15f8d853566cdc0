import { repeatedRows } from "../tables/repeated-rows";
import { columnScale, POUNDS, titleScale, type MoneyScale } from "../tables/scale";
import { recalculatedSheet } from "../tables/recalculated";
import { cellAddress, parseAddress, rangeAddress, reportRow } from "../a1";
import { finding, type Finding } from "../findings";
import { cellText, type SheetSnapshot } from "../snapshot";
import type { Structure } from "../tables/sections";
import { structureOf } from "./structure";
import {
  checkColumnTotals,
  checkMoneyCells,
  checkTotal,
  headerText,
  type TableRef,
} from "../tables/totals";
import { cellMoney, sumMoney, type Resolve } from "../tables/money";
import { checkPercentCells } from "../tables/percent";
import { shownCell } from "../tables/header-spans";
import type { ParsedValue } from "../values";
import type { FundingTable } from "./detect";
import { columnGroupsOf, yearParts, type FundingColumnGroups } from "./column-groups";
import { checkBalances, grantColumns } from "./grants";
import { acrossYearsName, unconfirmedAmountNotes } from "./unconfirmed-amounts";

/** Where the funding folder and reconciliation have always found it. */
export { structureOf } from "./structure";

const COLUMN_SUBTOTAL = /^=\s*SUBTOTAL\(\s*(?:9|109)\s*,\s*[A-Za-z_\\][\w.]*\[([^\]#[]+)\]\s*\)$/i;

/**
 * SUBTOTAL(109, Table[Its own column]) adds every line of the column by construction: what it
 * shows differing from the lines is a cached value not yet recalculated (apply corrected a line;
 * the file asks Excel to recalculate on open), not an error in the sheet.
 */
function wholeColumnSubtotal(ref: TableRef, x: Finding): boolean {
  if (x.code !== "total-mismatch") return false;
  const { row, column } = parseAddress(x.cell);
  const m = COLUMN_SUBTOTAL.exec(ref.sheet.rows[row]?.[column]?.formula ?? "");
  const name = cellText(ref.sheet.rows[ref.headerRow]?.[column] ?? undefined);
  return m?.[1] !== undefined && name !== "" && m[1].trim().toLowerCase() === name.toLowerCase();
}

function yearChoices(text: string): string {
  // The header may say more than the year ("Grant 2009"): the choices come from its year.
  const y = Number(/(?<!\d)(?:19|20)\d{2}(?!\d)/.exec(text)?.[0]);
  if (!Number.isFinite(y)) return "more than one financial year";
  const short = (n: number) => String(n % 100).padStart(2, "0");
  return `${y - 1}/${short(y)} or ${y}/${short(y + 1)}`;
}

/**
 * Column totals of derived columns (year totals, the total across years) add up each line's
 * recomputed total, so a wrong line total is reported once, on its own row, not again on every
 * total below it.
 */
function recomputedLineTotals(
  sheet: SheetSnapshot,
  groups: FundingColumnGroups,
  structure: Structure,
): Resolve {
  const plain = cellMoney(sheet);
  const partsOf = new Map<number, number[]>();
  for (const y of groups.years)
    if (y.total !== null && y.sources.length > 0)
      partsOf.set(
        y.total,
        y.sources.map((s) => s.column),
      );
  const resolve: Resolve = (row, column): ParsedValue => {
    if (structure.kinds.get(row) !== "line") return plain(row, column);
    const parts =
      partsOf.get(column) ??
      (column === groups.totalColumn
        ? groups.years.flatMap((y) => (y.total !== null ? [y.total] : yearParts(y)))
        : null);
    if (!parts) return plain(row, column);
    const sum = sumMoney(
      sheet,
      parts.map((c) => [row, c] as const),
      resolve,
    );
    return { kind: "number", value: sum.total, fromText: false };
  };
  return resolve;
}

/** "2025/26 Total £": a column's words from every row of its header block, merges included. */
function blockNames(
  sheet: SheetSnapshot,
  headerRows: readonly number[],
  groups: FundingColumnGroups,
): Map<number, string> {
  const names = new Map<number, string>();
  for (const column of [...groups.money, ...groups.percents]) {
    const words: string[] = [];
    for (const row of headerRows) {
      const text = cellText(shownCell(sheet, row, column)).trim();
      if (text && words[words.length - 1] !== text) words.push(text);
    }
    if (words.length > 0) names.set(column, words.join(" "));
  }
  return names;
}

/** The scale of each money column: its own header or units row, else the title over the table. */
function scaleFor(sheet: SheetSnapshot, table: FundingTable): (column: number) => MoneyScale {
  const title = titleScale(sheet, table.headerRow) ?? POUNDS;
  return (column) => {
    const own = columnScale(sheet, table.headerRow, column);
    return own === POUNDS ? title : own;
  };
}

/** Every stated total in a funding table re-summed from its parts; bad amounts; ambiguous years. */
export function checkFundingTable(
  cached: SheetSnapshot,
  table: FundingTable,
  groups: FundingColumnGroups = columnGroupsOf(table),
  structure: Structure = structureOf(cached, table, groups),
): Finding[] {
  // Council formulas judged by what they compute: a SUM over a line apply rewrote is not stale.
  const sheet = recalculatedSheet(cached);
  const out: Finding[] = [];
  const ref: TableRef = {
    sheet,
    headerRow: table.headerRow,
    range: rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn),
    ...(table.headerRows ? { names: blockNames(sheet, table.headerRows, groups) } : {}),
    // Amounts said in pounds: a column's own unit, else the sheet's title ("… (£m)").
    scale: scaleFor(sheet, table),
  };
  const valueRows = table.dataRows.filter((r) => structure.kinds.get(r) !== "heading");
  for (const a of groups.ambiguous) {
    const message = `"${a.text}" could be ${yearChoices(a.text)}; write the financial year in full (e.g. 2025/26)`;
    out.push(
      finding("ambiguous-year", sheet.name, table.headerRow, a.column, message, {
        table: ref.range,
        actual: a.text,
      }),
    );
  }
  checkMoneyCells(ref, valueRows, groups.money, out);
  const lineRows = valueRows.filter((r) => structure.kinds.get(r) === "line");
  checkPercentCells(ref, lineRows, groups.percents, out);
  if (table.kind === "allocations") checkMissingAmounts(ref, groups, lineRows, out);
  const grant = grantColumns(table.columns);
  if (grant) checkBalances(ref, grant, lineRows, out);
  // Across each line; TOTAL rows are checked down their columns, which implies the rest (and a
  // "tbc" stated total would make an across-check misfire).
  for (const row of valueRows.filter((r) => structure.kinds.get(r) === "line")) {
    for (const year of groups.years) {
      if (year.total === null || year.sources.length === 0) continue;
      const parts = year.sources.map((s) => [row, s.column] as const);
      const before = out.length;
      checkTotal(
        ref,
        row,
        year.total,
        parts,
        (sum) => `${year.sources.map((s) => s.source).join(" + ")} = ${sum}`,
        out,
      );
      const wrong = out[before];
      const across = readsYearTotal(ref, groups, row, year.total);
      if (wrong && across) out[before] = { ...wrong, message: `${wrong.message}; ${across}` };
    }
    if (groups.totalColumn !== null) {
      const parts = groups.years
        .flatMap((y) => (y.total !== null ? [y.total] : yearParts(y)))
        .map((c) => [row, c] as const);
      checkTotal(ref, row, groups.totalColumn, parts, (sum) => `its years add up to ${sum}`, out);
    }
  }
  const columnTotals: Finding[] = [];
  checkColumnTotals(
    ref,
    structure,
    groups.money,
    columnTotals,
    recomputedLineTotals(sheet, groups, structure),
  );
  out.push(...columnTotals.filter((x) => !wholeColumnSubtotal(ref, x)));
  checkRefs(ref, table, structure, out);
  out.push(...unconfirmedAmountNotes(ref, table, groups, structure));
  return out;
}

/**
 * A typed year total that is wrong is read by the line's total across years to its right: the
 * council's, where its formula reads the cell, or the one apply adds (a SUM of the year totals,
 * the typed ones kept unless --replace-totals). Said on the wrong year total, since the total
 * across years is right about what it adds.
 */
function readsYearTotal(
  ref: TableRef,
  groups: FundingColumnGroups,
  row: number,
  yearTotal: number,
): string | null {
  const name = acrossYearsName(ref, groups);
  if (name === null) return null;
  const stated = groups.totalColumn;
  // Before it is written, the column is not on the sheet: say what it will do, not that it is there.
  if (stated === null) return `the new ${name} column will add this figure as typed`;
  const formula = ref.sheet.rows[row]?.[stated]?.formula?.replace(/\$/g, "") ?? "";
  if (!new RegExp(`\\b${cellAddress(row, yearTotal)}\\b`, "i").test(formula)) return null;
  return `${name} to its right adds this figure as typed`;
}

/**
 * A line of a long allocations table says what is funded and from which source; with no amount
 * in any of its years it allocates nothing it names, which is a gap, not a nil ("tbc" is stated
 * and is not a gap). Wide plans are different: a blank source column there means nil.
 */
function checkMissingAmounts(
  ref: TableRef,
  groups: FundingColumnGroups,
  lineRows: readonly number[],
  out: Finding[],
): void {
  const columns = groups.years.flatMap((y) => y.plain);
  const first = columns[0];
  if (groups.sourceColumn === null || first === undefined) return;
  const blank = (row: number, column: number) => {
    const value = ref.sheet.rows[row]?.[column]?.value ?? null;
    return value === null || (typeof value === "string" && value.trim() === "");
  };
  for (const row of lineRows) {
    const source = cellText(ref.sheet.rows[row]?.[groups.sourceColumn] ?? undefined);
    if (!source || !columns.every((c) => blank(row, c))) continue;
    out.push(
      finding(
        "missing-value",
        ref.sheet.name,
        row,
        first,
        `${headerText(ref, first)} is blank on a line funded from ${source}`,
        { table: ref.range },
      ),
    );
  }
}

/**
 * One reference on two lines that name different things is a duplicate ("2.3" for two
 * workstreams). The same reference over lines of one name is a scheme split into parts (a scheme
 * funded from several sources), not a duplicate.
 */
function checkRefs(ref: TableRef, table: FundingTable, structure: Structure, out: Finding[]): void {
  let refColumn: number | null = null;
  let labelColumn: number | null = null;
  let sourceColumn: number | null = null;
  for (const [column, role] of table.columns) {
    if (role.role === "ref" && refColumn === null) refColumn = column;
    if (role.role === "label" && labelColumn === null) labelColumn = column;
    if (role.role === "source" && sourceColumn === null) sourceColumn = column;
  }
  const text = (row: number, column: number) =>
    cellText(ref.sheet.rows[row]?.[column] ?? undefined).toLowerCase();
  const schemeColumn = refColumn ?? labelColumn;
  if (sourceColumn !== null && schemeColumn !== null)
    checkSchemeSources(ref, table, structure, { scheme: schemeColumn, source: sourceColumn }, out);
  if (refColumn === null || labelColumn === null) return;
  const lines = table.dataRows.filter((row) => structure.kinds.get(row) === "line");
  for (const { row, first: earlier } of repeatedRows(lines, (r) => text(r, refColumn))) {
    if (text(earlier, labelColumn) === text(row, labelColumn)) continue;
    const shown = cellText(ref.sheet.rows[row]?.[refColumn] ?? undefined);
    out.push(
      finding(
        "duplicate-id",
        ref.sheet.name,
        row,
        refColumn,
        `Reference ${shown} is also used at ${cellAddress(earlier, refColumn)} for another line`,
        { table: ref.range, actual: shown },
      ),
    );
  }
}

/**
 * A long allocations table keyed by "Source of funding" lists a scheme once per source: its key
 * is scheme + source. The same scheme from two sources is one scheme split; the same scheme and
 * source twice, with the same words in every other column (description, type, provider), is one
 * line entered twice: its money counted twice against that source. Lines of one scheme and source
 * that say different things are parts of the scheme (a BCF plan's "Scheme ID 1" over several
 * services), left to the reference check.
 */
function checkSchemeSources(
  ref: TableRef,
  table: FundingTable,
  structure: Structure,
  key: { scheme: number; source: number },
  out: Finding[],
): void {
  const text = (row: number, column: number) =>
    cellText(ref.sheet.rows[row]?.[column] ?? undefined);
  const words: number[] = [];
  for (let c = table.firstColumn; c <= table.lastColumn; c++) {
    const role = table.columns.get(c)?.role;
    if (role === undefined || role === "ref" || role === "label" || role === "source")
      words.push(c);
  }
  // A line without its scheme or its source has no key (blank), so it is never a repeat.
  const keyOf = (row: number) =>
    text(row, key.scheme) && text(row, key.source)
      ? words.map((c) => text(row, c).toLowerCase()).join("\u0000")
      : "";
  const lines = table.dataRows.filter((row) => structure.kinds.get(row) === "line");
  for (const { row, first: earlier } of repeatedRows(lines, keyOf)) {
    const scheme = text(row, key.scheme);
    const source = text(row, key.source);
    out.push(
      finding(
        "duplicate-id",
        ref.sheet.name,
        row,
        key.scheme,
        `${scheme} funded by ${source} is listed twice: also at row ${reportRow(earlier)}`,
        { table: ref.range, actual: `${scheme} + ${source}` },
      ),
    );
  }
}
