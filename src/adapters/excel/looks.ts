import { columnLetter, keyCells, SPACER_WIDTH, type SheetSnapshot } from "../../core";

/**
 * Two looks of a sheet the core needs beside its cells. The fills of the sheet's key cells
 * (`keyCells`: a few at most, never every cell), so that priority colours follow the council's
 * own key: one more round trip, only when a sheet has a key. The widths of the columns in use
 * and two beyond, so that no new column goes into a narrow spacer: loaded with the cells, no
 * trip of their own. Range.format.fill.color is "#RRGGBB" (ExcelApi 1.1:
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangefill); a cell without a fill
 * reads as white, which names no band. Range.format.columnWidth is in points (ExcelApi 1.1:
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeformat).
 */

/** Columns read per sheet at most: a register is tens of columns wide. */
const MAX_COLUMNS = 256;
/** SPACER_WIDTH characters in points: 7 px a character and 5 px of padding, at 0.75 pt a px. */
const SPACER_POINTS = (SPACER_WIDTH * 7 + 5) * 0.75;

type Widths = Map<string, { column: number; format: Excel.RangeFormat }[]>;

/**
 * Queues the width of each column of every used range and two beyond (at most MAX_COLUMNS a
 * sheet). No sync of its own: the loads ride on the first round trip that reads the cells.
 */
export function queueWidths(
  context: Excel.RequestContext,
  plans: readonly { name: string; used: { lastColumn: number } | null }[],
): Widths {
  const widths: Widths = new Map();
  for (const plan of plans) {
    if (!plan.used) continue;
    const ws = context.workbook.worksheets.getItem(plan.name);
    const count = Math.min(plan.used.lastColumn + 3, MAX_COLUMNS);
    widths.set(
      plan.name,
      Array.from({ length: count }, (_, column) => {
        const letter = columnLetter(column);
        return { column, format: ws.getRange(`${letter}:${letter}`).format.load("columnWidth") };
      }),
    );
  }
  return widths;
}

function narrowOf(
  sheet: SheetSnapshot,
  widths: readonly { column: number; format: Excel.RangeFormat }[],
): { first: number; last: number }[] {
  const hidden = new Set(sheet.hiddenColumns);
  const narrow: { first: number; last: number }[] = [];
  for (const { column, format } of widths) {
    const points = format.columnWidth;
    if (hidden.has(column) || typeof points !== "number" || points >= SPACER_POINTS) continue;
    const last = narrow[narrow.length - 1];
    if (last && last.last === column - 1) last.last = column;
    else narrow.push({ first: column, last: column });
  }
  return narrow;
}

/**
 * The sheets with their narrow columns (from `queueWidths`, loaded by now) and the fills of their
 * key cells: one more round trip, only when some sheet has a key.
 */
export async function readLooks(
  context: Excel.RequestContext,
  sheets: readonly SheetSnapshot[],
  widths: Widths,
): Promise<SheetSnapshot[]> {
  const probes = sheets.map((sheet) => {
    if (sheet.ours) return { sheet, fills: [] };
    const ws = context.workbook.worksheets.getItem(sheet.name);
    const fills = keyCells(sheet).map((address) => ({
      address,
      fill: ws.getRange(address).format.fill.load("color"),
    }));
    return { sheet, fills };
  });
  if (probes.some((p) => p.fills.length > 0)) await context.sync();
  return probes.map(({ sheet, fills }) => {
    const keyFills: Record<string, string> = {};
    for (const { address, fill } of fills) {
      const color = typeof fill.color === "string" ? fill.color.toLowerCase() : "";
      if (/^#[0-9a-f]{6}$/.test(color) && color !== "#ffffff") keyFills[address] = color;
    }
    const narrowColumns = narrowOf(sheet, widths.get(sheet.name) ?? []);
    return {
      ...sheet,
      ...(Object.keys(keyFills).length > 0 ? { keyFills } : {}),
      ...(narrowColumns.length > 0 ? { narrowColumns } : {}),
    };
  });
}
