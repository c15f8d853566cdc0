import { rangeAddress } from "../a1";
import { finding, type Finding } from "../findings";
import type { SheetSnapshot } from "../snapshot";
import { classifyRows, type Structure } from "../tables/sections";
import { checkColumnTotals, checkMoneyCells, checkTotal, type TableRef } from "../tables/totals";
import type { FundingTable } from "./detect";
import { layoutOf, yearParts, type FundingLayout } from "./layout";

export function structureOf(
  sheet: SheetSnapshot,
  table: FundingTable,
  layout: FundingLayout,
): Structure {
  return classifyRows(sheet, table.dataRows, layout.labels, layout.money);
}

function yearChoices(text: string): string {
  const y = Number(text);
  const short = (n: number) => String(n % 100).padStart(2, "0");
  return `${y - 1}/${short(y)} or ${y}/${short(y + 1)}`;
}

/** Every stated total in a funding table re-summed from its parts; bad amounts; ambiguous years. */
export function checkFundingTable(sheet: SheetSnapshot, table: FundingTable): Finding[] {
  const out: Finding[] = [];
  const layout = layoutOf(table);
  const structure = structureOf(sheet, table, layout);
  const ref: TableRef = {
    sheet,
    headerRow: table.headerRow,
    range: rangeAddress(table.headerRow, table.firstColumn, table.lastRow, table.lastColumn),
  };
  const valueRows = table.dataRows.filter((r) => structure.kinds.get(r) !== "heading");
  for (const a of layout.ambiguous) {
    const message = `"${a.text}" could be ${yearChoices(a.text)}; write the financial year in full (e.g. 2025/26)`;
    out.push(
      finding("ambiguous-year", sheet.name, table.headerRow, a.column, message, {
        table: ref.range,
        actual: a.text,
      }),
    );
  }
  checkMoneyCells(ref, valueRows, layout.money, out);
  // Across each line; TOTAL rows are checked down their columns, which implies the rest (and a
  // "tbc" stated total would make an across-check misfire).
  for (const row of valueRows.filter((r) => structure.kinds.get(r) === "line")) {
    for (const year of layout.years) {
      if (year.total === null || year.sources.length === 0) continue;
      const parts = year.sources.map((s) => [row, s.column] as const);
      checkTotal(
        ref,
        row,
        year.total,
        parts,
        (sum) => `${year.sources.map((s) => s.source).join(" + ")} = ${sum}`,
        out,
      );
    }
    if (layout.totalColumn !== null) {
      const parts = layout.years
        .flatMap((y) => (y.total !== null ? [y.total] : yearParts(y)))
        .map((c) => [row, c] as const);
      checkTotal(ref, row, layout.totalColumn, parts, (sum) => `its years add up to ${sum}`, out);
    }
  }
  checkColumnTotals(ref, structure, layout.money, out);
  return out;
}
