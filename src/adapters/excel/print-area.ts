import { type ColumnWrite, newColumnsOf, type WritePlan, widenedPrintArea } from "../../core";
import type { Batcher } from "./batcher";

/**
 * Print areas widened over the columns a Write adds, by the rule every writer follows
 * (widenedPrintArea). PageLayout.getPrintAreaOrNullObject and setPrintArea (a Range, RangeAreas
 * or address string) are ExcelApi 1.9:
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayout ; the area comes back
 * as RangeAreas, whose address names the sheet before each block ("Sheet1!A1:B4, Sheet1!D1:D4")
 * and whose areaCount says how many blocks there are:
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeareas . Callers gate on 1.9.
 */
export const PRINT_AREA_API = "1.9";

/**
 * Queues a look at the print area of each sheet that gets new columns; `widen`, after the
 * caller's sync, sets each area that must grow. Sheets the plan inserts columns into are left
 * alone: Excel moves their print area with the insert itself.
 */
export function lookAtPrintAreas(
  worksheets: Excel.WorksheetCollection,
  plan: WritePlan,
): { widen(batcher: Batcher): Promise<void> } {
  const moved = new Set(
    plan.operations.filter((op) => op.kind === "insert-columns").map((op) => op.sheet),
  );
  const bySheet = new Map<string, ColumnWrite[]>();
  for (const op of plan.operations)
    if (op.kind === "column" && op.header && !moved.has(op.sheet))
      bySheet.set(op.sheet, [...(bySheet.get(op.sheet) ?? []), op]);
  const looks = [...bySheet].map(([sheet, ops]) => {
    const layout = worksheets.getItem(sheet).pageLayout;
    const area = layout.getPrintAreaOrNullObject();
    area.load("address,areaCount");
    return { sheet, ops, layout, area };
  });
  return {
    async widen(batcher) {
      for (const { sheet, ops, layout, area } of looks) {
        // No print area (the whole sheet prints), or several blocks: left as the council set it.
        if (area.isNullObject || area.areaCount !== 1) continue;
        const range = area.address.slice(area.address.lastIndexOf("!") + 1);
        const widened = widenedPrintArea(range, newColumnsOf(ops));
        if (!widened) continue;
        await batcher.add(0, `${sheet}!${widened.replace(/\$/g, "")} (print area)`);
        layout.setPrintArea(widened);
      }
    },
  };
}
