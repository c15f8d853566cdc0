import { finding, type Finding } from "../findings";
import { cellText, type SheetSnapshot } from "../snapshot";
import { roundToMicroUnits, sumMoney, type At } from "../tables/money";
import { formatScaled, type MoneyScale } from "../tables/scale";
import { grandLines, sameAmount, type TableRef } from "../tables/totals";
import { parseMoney } from "../values";
import { unconfirmedWords } from "../tables/unconfirmed-lines";
import type { CapitalProgramme } from "./detect";
import type { Financing } from "./financing";

/**
 * Where a programme's financing is kept: under it on its own sheet, in a separate table beside or
 * below it, or on another sheet ("Financing") in the same years, perhaps in other units.
 */
export interface FinancingSide {
  sheet: SheetSnapshot;
  financing: Financing;
  /** The financing's column for one of the programme's years ("2025/26"), null when it has none. */
  columnOf(year: string): number | null;
  scale: MoneyScale;
  /** The table the findings name (the financing's own range when it is a table of its own). */
  range: string;
}

/**
 * In each year the financing pays for exactly the programme, worked from the scheme lines (so a
 * wrong subtotal is reported once, where it is wrong). A "tbc" source is `unconfirmed-funding` and
 * that year's balance is not judged on it; otherwise a gap is `reconciliation-difference` on the
 * financing's total (or last source). Amounts in findings are in the programme's units.
 */
export function balanceFinancing(
  ref: TableRef,
  t: CapitalProgramme,
  side: FinancingSide,
  out: Finding[],
): void {
  const { financing, sheet } = side;
  const sourceRows = financing.sources.map((s) => s.row);
  const lines = grandLines(t.structure, t.lastRow + 1);
  const source = financing.totalLabel ?? "Financing";
  // Financing kept in other units (£m beside a £'000 programme) is read in the programme's.
  const toProgramme = side.scale.multiplier / t.scale.multiplier;
  for (const y of t.columns.years) {
    const column = side.columnOf(y.year);
    if (column === null) continue;
    const programme = sumMoney(
      ref.sheet,
      lines.map((r) => [r, y.column] as const),
      undefined,
      t.scale.multiplier,
    ).total;
    const cells: At[] = sourceRows.map((r) => [r, column] as const);
    const tbc = cells.filter(
      ([r, c]) => parseMoney(sheet.rows[r]?.[c]?.value ?? null).kind === "unconfirmed",
    );
    const stated = sumMoney(sheet, cells, undefined, side.scale.multiplier).total;
    const financed = toProgramme === 1 ? stated : roundToMicroUnits(stated * toProgramme);
    if (tbc.length > 0) {
      // The part of the year's programme the confirmed sources leave to the "tbc" ones.
      const resting = Math.max(0, roundToMicroUnits(programme - financed));
      for (const [r, c] of tbc) {
        const name = financing.sources.find((s) => s.row === r)?.label ?? source;
        // Said as the cell says it: "awaiting" or "n/a" is quoted as typed, not called "tbc".
        const words = unconfirmedWords(cellText(sheet.rows[r]?.[c] ?? undefined));
        const said = words === "tbc" ? '"tbc"' : words;
        out.push(
          finding(
            "unconfirmed-funding",
            sheet.name,
            r,
            c,
            resting > 0
              ? `${name} for ${y.year} is ${said}: ${formatScaled(resting, t.scale)} of the ${y.year} programme ` +
                  `(${formatScaled(programme, t.scale)}) rests on finance not yet confirmed`
              : // Nothing rests on it: "£0 of the programme rests on…" would say nothing true.
                `${name} for ${y.year} is ${said}: the confirmed sources (${formatScaled(financed, t.scale)}) ` +
                  `cover the ${y.year} programme (${formatScaled(programme, t.scale)}); the tbc line would over-fund it`,
            { table: side.range, source: name, year: y.year, amount: resting },
          ),
        );
      }
      continue;
    }
    if (sameAmount(ref, y.column, programme, financed)) continue;
    const difference = roundToMicroUnits(programme - financed);
    const at = financing.totalRow ?? financing.sources.at(-1)?.row ?? financing.first;
    const more = difference < 0 ? "exceeds the programme" : "falls short of the programme";
    out.push(
      finding(
        "reconciliation-difference",
        sheet.name,
        at,
        column,
        `${y.year} financing is ${formatScaled(financed, t.scale)} but the schemes add to ` +
          `${formatScaled(programme, t.scale)}: financing ${more} by ${formatScaled(Math.abs(difference), t.scale)}`,
        {
          table: side.range,
          source,
          year: y.year,
          difference,
          expected: programme,
          actual: financed,
        },
      ),
    );
  }
}
