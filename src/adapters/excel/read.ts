/*
 * Reading a workbook through Office.js: the first two round trips plan each sheet (read-plan.ts),
 * then its cells are loaded in budgeted blocks (read-blocks.ts) and made a snapshot (read-cells.ts).
 */
import {
  type ExcelTable,
  ownSheetsFromNames,
  type ProgressListener,
  rangeAddress,
  type WorkbookSnapshot,
} from "../../core";
import { parseAreas } from "./addresses";
import { BLOCK_BUDGET } from "./blocks";
import { isPayloadTooLarge, toHostError } from "./errors";
import { queueWidths, readLooks } from "./looks";
import { readBlocks } from "./read-blocks";
import { toSheet } from "./read-cells";
import { formulaMap, visibility, type SheetPlan } from "./read-plan";
import { runOptions, type ExcelRuntime } from "./runtime";

/**
 * Reads the whole workbook as a snapshot in a fixed number of round trips: one for the sheet
 * names and defined names, one for every sheet's used range (and, on ExcelApi 1.9, where the
 * formulas and the visible cells of the used range are), then one per 4 MB of cells. The count
 * does not grow with rows until the data itself passes 4 MB.
 *
 * @throws {ExcelHostError} with Excel's code (Excel.ErrorCodes) and advice for a person.
 */
export async function readSnapshot(
  runtime: ExcelRuntime,
  budget = BLOCK_BUDGET,
  /** Hears each round trip as it starts (the pane shows "Reading Risks: 2 of 5 round trips"). */
  onProgress?: ProgressListener,
): Promise<WorkbookSnapshot> {
  try {
    return await runtime.run(runOptions(runtime), (context) =>
      readIn(context, runtime.supports("1.9"), runtime.supports("1.13"), budget, onProgress),
    );
  } catch (error) {
    // Our estimate was too low for this data (long text): try again with blocks a quarter the size.
    if (isPayloadTooLarge(error) && budget > 64 * 1024)
      return readSnapshot(runtime, Math.floor(budget / 4), onProgress);
    throw toHostError(error);
  }
}

async function readIn(
  context: Excel.RequestContext,
  modern: boolean,
  mergesKnown: boolean,
  budget: number,
  onProgress: ProgressListener | undefined,
): Promise<WorkbookSnapshot> {
  const trip = (subject: string) =>
    onProgress?.({ phase: "reading", subject, unit: "round trips", done: 0, total: null });
  trip("the list of sheets");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  // Excel tables (ListObjects): their names and whether the header and totals rows are shown come
  // with the sheet names; their ranges, columns and sheets with the used ranges below, so tables
  // cost no round trip of their own. Excel.Table name, showHeaders, showTotals, getRange() and
  // columns are ExcelApi 1.1, Table.worksheet 1.2:
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.table
  const tables = context.workbook.tables;
  tables.load("items/name,items/showHeaders,items/showTotals");
  await context.sync();
  const tableProbes = tables.items.map((table) => ({
    table,
    range: table.getRange().load("address"),
    columns: table.columns.load("items/name"),
    worksheet: table.worksheet.load("name"),
  }));
  const probes = worksheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    // Without special cells, rowHidden/columnHidden (true, false, or null when mixed) say whether
    // the rows and columns need asking one by one.
    used.load(modern ? "address" : "address,rowHidden,columnHidden");
    // Special cells are asked of the used range, never the whole sheet (OfficeDev/office-js#4245).
    const formulas = modern ? used.getSpecialCellsOrNullObject("Formulas") : null;
    const visible = modern ? used.getSpecialCellsOrNullObject("Visible") : null;
    formulas?.load("address,areaCount");
    visible?.load("address,areaCount");
    // Merged areas can be asked for from ExcelApi 1.13; before that they are not known. They are
    // asked of the whole sheet: Excel lists only merges whose top-left cell is in the range asked
    // (OfficeDev/office-js#3611), and a blank merge beside a table lies outside the used range.
    const merged = mergesKnown ? ws.getRange().getMergedAreasOrNullObject() : null;
    merged?.load("address,areaCount");
    return { ws, used, formulas, visible, merged };
  });
  trip(`the used range of ${probes.length} sheet${probes.length === 1 ? "" : "s"}`);
  await context.sync();
  const plans: SheetPlan[] = probes.map(({ ws, used, formulas, visible, merged }) => {
    const area = used.isNullObject ? null : (parseAreas(used.address)[0] ?? null);
    const hidden = modern
      ? visibility(area, visible)
      : {
          hiddenRows: area && used.rowHidden === false ? [] : area ? null : [],
          hiddenColumns: area && used.columnHidden === false ? [] : area ? null : [],
        };
    const merges =
      merged && !merged.isNullObject
        ? parseAreas(merged.address).map((a) =>
            rangeAddress(a.firstRow, a.firstColumn, a.lastRow, a.lastColumn),
          )
        : [];
    return {
      name: ws.name,
      used: area,
      ...formulaMap(formulas),
      ...hidden,
      merges,
      mergesUnknown: !merged,
    };
  });
  const excelTables = tablesBySheet(tableProbes);
  const own = ownSheetsFromNames(names.items.map((n) => ({ name: n.name, reference: n.formula })));
  const ownRole = (sheet: string) =>
    [...own].find(([name]) => name.toLowerCase() === sheet.toLowerCase())?.[1];
  const widths = queueWidths(context, plans);
  const loaded = await readBlocks(context, plans, budget, onProgress);
  const sheets = plans.map((p) => {
    const sheet = toSheet(p, loaded.get(p.name) ?? []);
    const role = ownRole(p.name);
    const listed = excelTables.get(p.name) ?? [];
    return {
      ...sheet,
      ...(role ? { ours: role } : {}),
      ...(listed.length > 0 ? { tables: listed } : {}),
    };
  });
  return { sheets: await readLooks(context, sheets, widths) };
}

interface TableProbe {
  table: Excel.Table;
  range: Excel.Range;
  columns: Excel.TableColumnCollection;
  worksheet: Excel.Worksheet;
}

/** Each sheet's Excel tables, top to bottom (the range's address names the whole table). */
function tablesBySheet(probes: readonly TableProbe[]): Map<string, ExcelTable[]> {
  const bySheet = new Map<string, ExcelTable[]>();
  for (const { table, range, columns, worksheet } of probes) {
    const area = parseAreas(range.address)[0];
    if (!area) continue;
    const list = bySheet.get(worksheet.name) ?? [];
    list.push({
      name: table.name,
      firstRow: area.firstRow,
      firstColumn: area.firstColumn,
      lastRow: area.lastRow,
      lastColumn: area.lastColumn,
      showHeaders: table.showHeaders,
      showTotals: table.showTotals,
      columns: columns.items.map((c) => c.name),
    });
    bySheet.set(worksheet.name, list);
  }
  for (const list of bySheet.values())
    list.sort((a, b) => a.firstRow - b.firstRow || a.firstColumn - b.firstColumn);
  return bySheet;
}
