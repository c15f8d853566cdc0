import {
  type Cell,
  type ExcelTable,
  columnLetter,
  ownSheetsFromNames,
  type ProgressListener,
  rangeAddress,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../core";
import { notCovered, parseAreas, type Area } from "./addresses";
import { batches, BLOCK_BUDGET, type Block } from "./blocks";
import { isPayloadTooLarge, toHostError } from "./errors";
import { queueWidths, readLooks } from "./looks";
import { runOptions, type ExcelRuntime } from "./runtime";

/** Estimated response bytes per cell: formula or value text, and its number format. */
const BASE_BYTES = 28;
/** Extra bytes where values and value types are loaded too (formula cells). */
const VALUE_BYTES = 26;
/** Request bytes of one row or column visibility probe. */
const PROBE_BYTES = 120;

interface SheetPlan {
  name: string;
  used: Area | null;
  /** Where the formulas are (ExcelApi 1.9); null when unknown, and values are loaded everywhere. */
  formulas: Area[] | null;
  /** Known hidden rows and columns, or null when they are probed one by one (ExcelApi < 1.9). */
  hiddenRows: number[] | null;
  hiddenColumns: number[] | null;
  merges: string[];
  /** No way to ask for merged areas (ExcelApi < 1.13): `merges` is empty without meaning none. */
  mergesUnknown: boolean;
}

interface Loaded {
  block: Block;
  formulas: Excel.Range;
  numberFormats: Excel.Range;
  values: Excel.Range | null;
}

interface Probe {
  index: number;
  range: Excel.Range;
}

function toCell(
  formula: unknown,
  value: unknown,
  type: unknown,
  numberFormat: unknown,
  hasFormula: boolean,
): Cell | null {
  const format =
    typeof numberFormat === "string" && numberFormat !== "" && numberFormat !== "General"
      ? { numberFormat }
      : {};
  if (hasFormula && typeof formula === "string" && formula.startsWith("=")) {
    // Errors are told by valueTypes, not by matching their (localisable) text.
    if (type === "Error") return { value: null, formula, error: String(value), ...format };
    const v = value === "" || value === undefined ? null : (value as Cell["value"]);
    return { value: v, formula, ...format };
  }
  if (formula === "" || formula === null || formula === undefined) return null;
  // Text that merely starts with "=" (typed with an apostrophe) stays text.
  return { value: formula as Cell["value"], ...format };
}

const overlaps = (a: Area, b: Block) =>
  a.firstRow <= b.lastRow &&
  a.lastRow >= b.firstRow &&
  a.firstColumn <= b.lastColumn &&
  a.lastColumn >= b.firstColumn;

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

/** The formula map, unless its address does not account for every area (then load values everywhere). */
function formulaMap(formulas: Excel.RangeAreas | null): Pick<SheetPlan, "formulas"> {
  if (!formulas) return { formulas: null };
  if (formulas.isNullObject) return { formulas: [] };
  const areas = parseAreas(formulas.address);
  return { formulas: areas.length === formulas.areaCount ? areas : null };
}

function visibility(
  used: Area | null,
  visible: Excel.RangeAreas | null,
): Pick<SheetPlan, "hiddenRows" | "hiddenColumns"> {
  if (!used) return { hiddenRows: [], hiddenColumns: [] };
  if (!visible || visible.isNullObject) return { hiddenRows: null, hiddenColumns: null };
  const areas = parseAreas(visible.address);
  if (areas.length !== visible.areaCount) return { hiddenRows: null, hiddenColumns: null };
  return {
    hiddenRows: notCovered(areas, used.firstRow, used.lastRow, "rows"),
    hiddenColumns: notCovered(areas, used.firstColumn, used.lastColumn, "columns"),
  };
}

/**
 * Row bands of a sheet's used range, top to bottom, each estimated under the budget: a band as
 * long as cells without formulas allow (formulas and number formats loaded), or, where that band
 * would meet a formula, as long as cells with values loaded too allow. Sizing every band for
 * values, as if every cell were a formula, would double the round trips of a sheet of typed data.
 */
function sizedBlocks(plan: SheetPlan, area: Block, budget: number): Block[] {
  const width = area.lastColumn - area.firstColumn + 1;
  const rowsFor = (bytes: number) => Math.max(1, Math.floor(budget / (width * bytes)));
  const blocks: Block[] = [];
  for (let r = area.firstRow; r <= area.lastRow;) {
    let block: Block = {
      ...area,
      firstRow: r,
      lastRow: Math.min(area.lastRow, r + rowsFor(BASE_BYTES) - 1),
    };
    if (!plan.formulas || plan.formulas.some((a) => overlaps(a, block)))
      block = {
        ...block,
        lastRow: Math.min(area.lastRow, r + rowsFor(BASE_BYTES + VALUE_BYTES) - 1),
      };
    blocks.push(block);
    r = block.lastRow + 1;
  }
  return blocks;
}

type Work =
  | { kind: "block"; block: Block; plan: SheetPlan }
  | { kind: "row" | "column"; sheet: string; index: number };

async function readBlocks(
  context: Excel.RequestContext,
  plans: SheetPlan[],
  budget: number,
  onProgress: ProgressListener | undefined,
): Promise<Map<string, Loaded[]>> {
  const perCell = (plan: SheetPlan, block: Block) =>
    !plan.formulas || plan.formulas.some((a) => overlaps(a, block))
      ? BASE_BYTES + VALUE_BYTES
      : BASE_BYTES;
  const work: Work[] = plans.flatMap((p): Work[] => {
    if (!p.used) return [];
    const blocks = sizedBlocks(p, { sheet: p.name, ...p.used }, budget);
    // Without the visible-cells map (ExcelApi < 1.9), each row and column says if it is hidden.
    const rows: Work[] =
      p.hiddenRows === null
        ? range(p.used.firstRow, p.used.lastRow).map((index) => ({
            kind: "row",
            sheet: p.name,
            index,
          }))
        : [];
    const columns: Work[] =
      p.hiddenColumns === null
        ? range(p.used.firstColumn, p.used.lastColumn).map((index) => ({
            kind: "column",
            sheet: p.name,
            index,
          }))
        : [];
    return [
      ...blocks.map((block): Work => ({ kind: "block", block, plan: p })),
      ...rows,
      ...columns,
    ];
  });
  const cost = (w: Work) =>
    w.kind === "block"
      ? (w.block.lastRow - w.block.firstRow + 1) *
        (w.block.lastColumn - w.block.firstColumn + 1) *
        perCell(w.plan, w.block)
      : PROBE_BYTES;
  const cells = new Map<string, Loaded[]>();
  const probes = new Map<string, Probe[]>();
  const add = <T>(map: Map<string, T[]>, k: string, v: T) => {
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  };
  const trips = batches(work, cost, budget);
  for (const [n, batch] of trips.entries()) {
    const sheets = [...new Set(batch.map((w) => (w.kind === "block" ? w.plan.name : w.sheet)))];
    onProgress?.({
      phase: "reading",
      subject: sheets.join(", "),
      unit: "round trips",
      done: n,
      total: trips.length,
    });
    for (const w of batch) {
      if (w.kind !== "block") {
        const ws = context.workbook.worksheets.getItem(w.sheet);
        const address = w.kind === "row" ? `${w.index + 1}:${w.index + 1}` : columnRange(w.index);
        const r = ws.getRange(address);
        r.load(w.kind === "row" ? "rowHidden" : "columnHidden");
        add(probes, `${w.sheet}\u0000${w.kind}`, { index: w.index, range: r });
        continue;
      }
      const { block, plan } = w;
      const ws = context.workbook.worksheets.getItem(plan.name);
      const address = rangeAddress(
        block.firstRow,
        block.firstColumn,
        block.lastRow,
        block.lastColumn,
      );
      const formulas = ws.getRange(address).load("formulas");
      const numberFormats = ws.getRange(address).load("numberFormat");
      const needsValues = plan.formulas === null || plan.formulas.some((a) => overlaps(a, block));
      const values = needsValues ? ws.getRange(address).load("values,valueTypes") : null;
      add(cells, plan.name, { block, formulas, numberFormats, values });
    }
    await context.sync();
  }
  for (const p of plans) {
    const hiddenRows = probes.get(`${p.name}\u0000row`);
    const hiddenColumns = probes.get(`${p.name}\u0000column`);
    if (hiddenRows) p.hiddenRows = hiddenRows.filter((x) => x.range.rowHidden).map((x) => x.index);
    if (hiddenColumns)
      p.hiddenColumns = hiddenColumns.filter((x) => x.range.columnHidden).map((x) => x.index);
  }
  return cells;
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

const columnRange = (index: number) => `${columnLetter(index)}:${columnLetter(index)}`;

/**
 * `formulas` gives a text cell's text, so text typed as "'=HYPERLINK(…)" reads like a formula.
 * A cell is a formula only if the formula map says so (1.9) or, without it, if its value differs
 * from its formula text.
 */
function isFormula(plan: SheetPlan, row: number, column: number, formula: unknown, value: unknown) {
  if (typeof formula !== "string" || !formula.startsWith("=")) return false;
  if (plan.formulas)
    return plan.formulas.some(
      (a) =>
        row >= a.firstRow && row <= a.lastRow && column >= a.firstColumn && column <= a.lastColumn,
    );
  return formula !== value;
}

function toSheet(plan: SheetPlan, loaded: Loaded[]): SheetSnapshot {
  const rows: (Cell | null)[][] = [];
  for (const { block, formulas, numberFormats, values } of loaded) {
    const f = formulas.formulas;
    const nf = numberFormats.numberFormat;
    const v = values?.values;
    const t = values?.valueTypes;
    for (let r = 0; r < f.length; r++) {
      const out: (Cell | null)[] = rows[block.firstRow + r] ?? [];
      const fr = f[r] ?? [];
      for (let c = 0; c < fr.length; c++) {
        const formula = fr[c];
        const value = v?.[r]?.[c];
        const cell = toCell(
          formula,
          value,
          t?.[r]?.[c],
          nf[r]?.[c],
          isFormula(plan, block.firstRow + r, block.firstColumn + c, formula, value),
        );
        if (cell) out[block.firstColumn + c] = cell;
      }
      if (out.length > 0) rows[block.firstRow + r] = Array.from(out, (x) => x ?? null);
    }
  }
  return {
    name: plan.name,
    rows: Array.from(rows, (r) => r ?? []),
    hiddenRows: plan.hiddenRows ?? [],
    hiddenColumns: plan.hiddenColumns ?? [],
    merges: plan.merges,
    ...(plan.mergesUnknown ? { mergesUnknown: true } : {}),
  };
}
