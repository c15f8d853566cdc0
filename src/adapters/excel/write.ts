import { cellAddress, columnLetter } from "../../core/a1";
import { writtenCell, type Change } from "../../core/apply-plan";
import type { AddSheet, ColumnWrite, WritePlan } from "../../core/plan";
import { uniqueSheetName } from "../../core/sheet-names";
import { isFilledDown } from "../../core/formula-shift";
import type { CellValue } from "../../core/snapshot";
import { BLOCK_BUDGET, batches } from "./blocks";
import { toHostError } from "./errors";
import { runOptions, type ExcelRuntime } from "./runtime";

export const LOG_SHEET = "Council Sheets log";
const LOG_HEADER = ["Sheet", "Cell", "Before", "After", "When"];

export interface ExcelApplyOptions {
  valuesOnly: boolean;
  /** Copy each sheet the plan changes before changing it (on by default in the task pane). */
  backup: boolean;
  /** Every changed cell, for the log sheet. */
  changes: readonly Change[];
  /** When, for the log: "2026-11-22 14:05". */
  when: string;
}

export interface ExcelApplyResult {
  backups: string[];
  logged: number;
}

/** A value as Office.js must receive it so that text stays text: "=x", "+44", "@x", "-2" get a quote. */
export function asInput(value: CellValue): string | number | boolean {
  if (value === null) return "";
  return typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** Consecutive rows of a column write, each written as one 2-D array. */
function runs(op: ColumnWrite): ColumnWrite["cells"][] {
  const sorted = [...op.cells].sort((a, b) => a.row - b.row);
  const out: ColumnWrite["cells"][] = [];
  for (const cell of sorted) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && cell.row === prev.row + 1) last.push(cell);
    else out.push([cell]);
  }
  return out;
}

const bytes = (data: unknown) => JSON.stringify(data).length;

/** Splits rows into pieces of at most `budget` bytes each, so no single write passes the limit. */
const pieces = <T>(rows: readonly T[], budget: number): T[][] =>
  batches(rows, (row) => bytes(row) + 1, budget);

/** Carries queued work to Excel whenever the request would pass the budget. */
class Batcher {
  private used = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number,
  ) {}
  async add(size: number): Promise<void> {
    if (this.used > 0 && this.used + size > this.budget) await this.flush();
    this.used += size;
  }
  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.context.sync();
    this.used = 0;
    this.context.workbook.application.suspendApiCalculationUntilNextSync();
  }
}

type Planned = ColumnWrite["cells"][number];

/**
 * Writes one run of a column. A run whose formulas are the first one filled down is sent as that
 * one formula plus an AutoFill (ExcelApi 1.9), so the request does not grow with the rows; other
 * runs go as one 2-D array.
 */
async function writeRun(
  ws: Excel.Worksheet,
  op: ColumnWrite,
  run: Planned[],
  valuesOnly: boolean,
  batcher: Batcher,
  modern: boolean,
): Promise<void> {
  const letter = columnLetter(op.column);
  const first = run[0]?.row ?? 0;
  const last = run[run.length - 1]?.row ?? first;
  const range = ws.getRange(`${letter}${first + 1}:${letter}${last + 1}`);
  const fill =
    modern &&
    !valuesOnly &&
    run.length > 2 &&
    run.every((c) => c.formula) &&
    (op.filledDown === true ||
      isFilledDown(run.map((c) => ({ row: c.row, formula: c.formula ?? "" }))));
  if (fill) {
    await batcher.add(bytes(run[0]?.formula) + 200);
    const head = ws.getRange(`${letter}${first + 1}`);
    head.formulas = [[run[0]?.formula ?? ""]];
    head.autoFill(range, "FillCopy");
  } else {
    const data = run.map((cell) => {
      const content = writtenCell(op, cell, { valuesOnly });
      return [content.formula ?? asInput(content.value)];
    });
    await batcher.add(bytes(data));
    range.formulas = data;
  }
  // Formats after values: borders and fill from the neighbouring column, then our number format.
  if (op.styleFrom !== undefined && modern) {
    range.copyFrom(
      ws.getRange(
        `${columnLetter(op.styleFrom)}${first + 1}:${columnLetter(op.styleFrom)}${last + 1}`,
      ),
      "Formats",
    );
  }
  if (op.numberFormat) {
    const formats = run.map(() => [op.numberFormat]);
    await batcher.add(bytes(formats));
    range.numberFormat = formats;
  }
}

async function writeColumn(
  ws: Excel.Worksheet,
  op: ColumnWrite,
  valuesOnly: boolean,
  batcher: Batcher,
  modern: boolean,
): Promise<void> {
  if (op.header) {
    const header = ws.getRange(cellAddress(op.header.row, op.column));
    header.values = [[asInput(op.header.text)]];
    if (op.styleFrom !== undefined && modern)
      header.copyFrom(ws.getRange(cellAddress(op.header.row, op.styleFrom)), "Formats");
    else header.format.font.bold = true;
  }
  for (const run of runs(op).flatMap((r) => pieces(r, batcher.budget / 2))) {
    await writeRun(ws, op, run, valuesOnly, batcher, modern);
  }
}

async function addSheet(
  context: Excel.RequestContext,
  op: AddSheet,
  valuesOnly: boolean,
  batcher: Batcher,
  runtime: ExcelRuntime,
): Promise<void> {
  const ws = context.workbook.worksheets.add(op.sheet);
  const rows = Math.max(...op.cells.map((c) => c.row)) + 1;
  const columns = Math.max(...op.cells.map((c) => c.column)) + 1;
  const grid: (string | number | boolean)[][] = Array.from({ length: rows }, () =>
    Array<string | number | boolean>(columns).fill(""),
  );
  for (const c of op.cells)
    (grid[c.row] as (string | number | boolean)[])[c.column] =
      c.formula && !valuesOnly ? c.formula : asInput(c.value);
  await batcher.add(bytes(grid));
  ws.getRange(`A1:${cellAddress(rows - 1, columns - 1)}`).formulas = grid;
  for (const m of op.merges ?? []) ws.getRange(m).merge(false);
  for (const box of op.boxes ?? []) {
    const borders = ws.getRange(box).format.borders;
    for (const edge of [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideHorizontal",
      "InsideVertical",
    ] as const)
      borders.getItem(edge).style = "Continuous";
  }
  for (const h of op.rowHeights ?? []) ws.getRange(`A${h.row + 1}`).format.rowHeight = h.height;
  for (const c of op.cells) {
    if (!c.bold && !c.italic && !c.numberFormat && !c.wrap && !c.shade) continue;
    const cell = ws.getRange(cellAddress(c.row, c.column));
    if (c.bold) cell.format.font.bold = true;
    if (c.italic) cell.format.font.italic = true;
    if (c.shade) cell.format.fill.color = "#DDE7F3";
    if (c.wrap) cell.format.wrapText = true;
    if (c.numberFormat) cell.numberFormat = [[c.numberFormat]];
  }
  op.columnWidths.forEach(
    (width, i) =>
      (ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = width * 7),
  );
  if (runtime.supports("1.8")) {
    for (const v of op.validations ?? [])
      ws.getRange(v.range).dataValidation.rule = {
        list: { inCellDropDown: true, source: v.values.join(",") },
      };
  }
  if (op.print && runtime.supports("1.9")) {
    ws.pageLayout.orientation = op.print.portrait ? "Portrait" : "Landscape";
    ws.pageLayout.paperSize = "A4";
    if (op.print.fitToWidth)
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (op.print.titleRows) ws.pageLayout.setPrintTitleRows(op.print.titleRows);
  }
}

/**
 * Applies a plan inside Excel: optional backups, inserted columns, column writes as whole 2-D
 * arrays, new sheets, and a "Council Sheets log" row per changed cell. One sync to prepare, then
 * one per 4 MB written.
 */
export async function applyPlanInExcel(
  runtime: ExcelRuntime,
  plan: WritePlan,
  options: ExcelApplyOptions,
  budget = BLOCK_BUDGET,
): Promise<ExcelApplyResult> {
  try {
    return await runtime.run(runOptions(runtime), async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const log = worksheets.getItemOrNullObject(LOG_SHEET);
      log.load("name");
      const logUsed = log.getUsedRangeOrNullObject(true);
      logUsed.load("rowCount");
      await context.sync();
      const names = worksheets.items.map((w) => w.name);
      context.workbook.application.suspendApiCalculationUntilNextSync();
      const batcher = new Batcher(context, budget);
      const backups: string[] = [];
      if (options.backup) {
        const touched = [
          ...new Set(plan.operations.filter((op) => op.kind !== "add-sheet").map((op) => op.sheet)),
        ];
        for (const sheet of touched) {
          const name = uniqueSheetName(`${sheet} backup`, [...names, ...backups]);
          worksheets.getItem(sheet).copy("End").name = name;
          backups.push(name);
        }
      }
      const formats = runtime.supports("1.9");
      for (const op of plan.operations) {
        if (op.kind === "add-sheet")
          await addSheet(context, op, options.valuesOnly, batcher, runtime);
        else if (op.kind === "insert-columns") {
          worksheets
            .getItem(op.sheet)
            .getRange(`${columnLetter(op.column)}:${columnLetter(op.column + op.count - 1)}`)
            .insert("Right");
        } else
          await writeColumn(worksheets.getItem(op.sheet), op, options.valuesOnly, batcher, formats);
      }
      const logged = await writeLog(context, log, logUsed, options, batcher);
      await batcher.flush();
      await context.sync();
      return { backups, logged };
    });
  } catch (error) {
    throw toHostError(error);
  }
}

async function writeLog(
  context: Excel.RequestContext,
  log: Excel.Worksheet,
  used: Excel.Range,
  options: ExcelApplyOptions,
  batcher: Batcher,
): Promise<number> {
  if (options.changes.length === 0) return 0;
  const sheet = log.isNullObject ? context.workbook.worksheets.add(LOG_SHEET) : log;
  let next = log.isNullObject || used.isNullObject ? 0 : used.rowCount;
  if (next === 0) {
    sheet.getRange("A1:E1").values = [LOG_HEADER];
    sheet.getRange("A1:E1").format.font.bold = true;
    next = 1;
  }
  const rows = options.changes.map((c) => [
    c.sheet,
    c.cell,
    asInput(c.before),
    asInput(c.after),
    options.when,
  ]);
  for (const piece of pieces(rows, batcher.budget / 2)) {
    await batcher.add(bytes(piece));
    sheet.getRange(`A${next + 1}:E${next + piece.length}`).values = piece;
    next += piece.length;
  }
  return rows.length;
}

/** Selects a cell for the user, bringing its sheet to the front. */
export async function selectCell(
  runtime: ExcelRuntime,
  sheet: string,
  cell: string,
): Promise<void> {
  try {
    await runtime.run(runOptions(runtime), async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  } catch (error) {
    throw toHostError(error);
  }
}
