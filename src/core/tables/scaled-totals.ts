import { columnLetter, parseAddress } from "../a1";
import { finding, type Finding } from "../findings";
import { parseMoney } from "../values";
import type { SheetSnapshot } from "../snapshot";
import type { At, MoneySum } from "./money";
import { formatScaled, type MoneyScale } from "./scale";
import type { Structure } from "./sections";
import {
  grandLines,
  grandParts,
  headerText,
  linesWords,
  missedRows,
  rowsText,
  type TableRef,
} from "./totals";

/**
 * The sum of amounts kept in £'000 or £m, exact to the pound's penny: each part is taken to whole
 * pence of pounds (0.185 in £m is 18,500,000p) before adding, so 2.875 + 0.185 is 3.06 exactly,
 * where rounding each part to hundredths of a unit (money.ts's pence) would not be. In the sheet's
 * units; "tbc" parts are counted, text adds nothing (as SUM).
 */
export function sumScaled(sheet: SheetSnapshot, cells: readonly At[], scale: MoneyScale): MoneySum {
  let pence = 0;
  let unconfirmed = 0;
  for (const [r, c] of cells) {
    const parsed = parseMoney(sheet.rows[r]?.[c]?.value ?? null);
    if (parsed.kind === "number") pence += Math.round(parsed.value * scale.multiplier * 100);
    else if (parsed.kind === "unconfirmed") unconfirmed++;
  }
  return { total: pence / 100 / scale.multiplier, unconfirmed };
}

/** Equal to the pound's penny (within half a penny), for amounts in the sheet's units. */
export function sameScaled(a: number, b: number, scale: MoneyScale): boolean {
  return Math.abs(a - b) * scale.multiplier <= 0.005 + 1e-9;
}

/** A table for scaled checks; `columnName` names a column in messages (its full header words). */
export interface ScaledTableRef extends TableRef {
  columnName?: (column: number) => string | undefined;
}

const nameOf = (t: ScaledTableRef, column: number): string =>
  t.columnName?.(column) ?? headerText(t, column);

/**
 * Totals in a table kept in £'000 or £m, said in pounds. The same rules as totals.ts (a stated
 * total is re-summed from its stated parts; a total that adds its stated parts is not blamed for a
 * wrong part; a grand total is explained by the stated subtotals or by every line), with the
 * message in full pounds ("£12,995,000", not "£12,995") and `expected`/`actual` in the sheet's
 * units. Kept beside totals.ts rather than changing its signatures, which other kinds call.
 */
export function checkScaledTotal(
  t: ScaledTableRef,
  scale: MoneyScale,
  row: number,
  column: number,
  parts: readonly At[],
  describe: (sum: string) => string,
  out: Finding[],
  note = "",
): void {
  const cell = t.sheet.rows[row]?.[column];
  const stated = parseMoney(cell?.value ?? null);
  if (stated.kind !== "number") return;
  const sum = sumScaled(t.sheet, parts, scale);
  if (sameScaled(sum.total, stated.value, scale)) return;
  const left =
    sum.unconfirmed === 0
      ? ""
      : ` (${sum.unconfirmed} unconfirmed amount${sum.unconfirmed === 1 ? "" : "s"} left out)`;
  const message =
    `${nameOf(t, column)} is ${formatScaled(stated.value, scale)} but ` +
    `${describe(formatScaled(sum.total, scale))}${left}${note}`;
  out.push(
    finding("total-mismatch", t.sheet.name, row, column, message, {
      table: t.range,
      expected: sum.total,
      actual: stated.value,
    }),
  );
}

/** Section and grand totals down each money column, said in pounds. */
export function checkScaledColumnTotals(
  t: ScaledTableRef,
  structure: Structure,
  columns: readonly number[],
  scale: MoneyScale,
  out: Finding[],
): void {
  for (const section of structure.sections) {
    if (section.totalRow === null) continue;
    const total = section.totalRow;
    for (const column of columns) {
      checkScaledTotal(
        t,
        scale,
        total,
        column,
        section.lines.map((r) => [r, column] as const),
        (sum) => `its lines (${rowsText(section.lines)}) sum to ${sum}`,
        out,
        missedRows(t.sheet.rows[total]?.[column]?.formula, column, section.lines),
      );
    }
  }
  for (const grand of structure.grandTotals) {
    const subtotals = grandParts(structure, grand);
    const lines = grandLines(structure, grand);
    for (const column of columns) {
      const stated = parseMoney(t.sheet.rows[grand]?.[column]?.value ?? null);
      const over = sumScaled(
        t.sheet,
        subtotals.map((r) => [r, column] as const),
        scale,
      );
      if (stated.kind === "number" && sameScaled(over.total, stated.value, scale)) continue;
      checkScaledTotal(
        t,
        scale,
        grand,
        column,
        lines.map((r) => [r, column] as const),
        (sum) => `${linesWords(structure.sections.length)} sum to ${sum}`,
        out,
      );
    }
  }
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
  const m = formula
    ? /^=SUM\(\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)\)$/i.exec(formula.replace(/\s/g, ""))
    : null;
  if (!m || !m[1] || !m[2] || !m[3] || !m[4]) return "";
  const from = parseAddress(`${m[1]}${m[2]}`);
  const to = parseAddress(`${m[3]}${m[4]}`);
  if (from.row !== row || to.row !== row) return "";
  const left = columns.filter((c) => c < from.column || c > to.column);
  if (left.length === 0) return "";
  return `; its formula ${formula?.slice(1)} leaves out ${left.map(name).join(", ")}`;
}
