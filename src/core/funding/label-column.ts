import type { SheetSnapshot } from "../snapshot";
import type { TableBounds } from "../tables/bounds";
import type { FundingColumn } from "../tables/funding-columns";

/**
 * A wide plan may head its lines with a word no list knows ("Intervention", "Theme") over
 * section headings, lines and "Sub-total" rows. With no column naming the lines (a "Ref" only
 * numbers them), the first other column left of the money whose cells are words on most rows
 * names them: without it, a section's heading reads as a line and its "Sub-total" as a total
 * of everything above.
 */
export function withUnnamedLabelColumn(
  sheet: SheetSnapshot,
  columns: Map<number, FundingColumn>,
  bounds: TableBounds,
): Map<number, FundingColumn> {
  const roles = [...columns.values()].map((r) => r.role);
  // A reference column numbers the lines but does not name them (headings have no number).
  if (roles.some((r) => r === "label" || r === "source")) return columns;
  const money = [...columns].filter(([, r]) => r.role === "money").map(([c]) => c);
  if (money.length === 0) return columns;
  const firstMoney = Math.min(...money);
  for (let c = bounds.firstColumn; c < firstMoney; c++) {
    if (columns.has(c)) continue;
    const words = bounds.dataRows.filter((r) => {
      const value = sheet.rows[r]?.[c]?.value;
      return typeof value === "string" && /[a-z]/i.test(value);
    }).length;
    if (words * 2 < bounds.dataRows.length) continue;
    return new Map([...columns, [c, { role: "label" }]]);
  }
  return columns;
}
