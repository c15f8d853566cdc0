import { translateFormulaToR1C1 } from "@borgar/fx";
import {
  cellAddress,
  type Change,
  columnLetter,
  type ColumnWrite,
  isFilledDown,
  ownSheetsFromNames,
  parseAddress,
  type ProgressListener,
  type TableJoin,
  type WritePlan,
  writtenCell,
} from "../../core";
import { asInput, Batcher, bytes, pieces } from "./batcher";
import { BLOCK_BUDGET } from "./blocks";
import { ExcelHostError, toHostError } from "./errors";
import { LOG_SHEET, logRows, openLog, type Log } from "./log";
import { addSheet, markSheet } from "./new-sheets";
import { addHighlight, HIGHLIGHT_API, lookAtHighlights } from "./highlight";
import { lookAtPrintAreas, PRINT_AREA_API } from "./print-area";
import {
  backupName,
  lookAtColumns,
  refuseProtected,
  refuseStructure,
  refuseTakenNames,
  sheetsWritten,
  structureChanges,
  writesNothingNew,
} from "./preflight";
import { runOptions, type ExcelRuntime } from "./runtime";

export { asInput, LOG_SHEET };

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
  /** Every range written ("Register!D2:D90"). */
  written: string[];
}

/** Consecutive rows of a column write, each written as one piece. */
function runs(op: ColumnWrite): ColumnWrite["cells"][] {
  const sorted = [...op.cells].sort((a, b) => a.row - b.row);
  const out: ColumnWrite["cells"][] = [];
  for (const cell of sorted) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    // A lone text cell over formulas (the unit a header block's units row states) is a run of
    // its own, so the formulas under it still go as one filled-down formula.
    const loneText = last?.length === 1 && prev?.formula === null && cell.formula !== null;
    if (last && prev && cell.row === prev.row + 1 && !loneText) last.push(cell);
    else out.push([cell]);
  }
  return out;
}

type Planned = ColumnWrite["cells"][number];

/**
 * Writes one run of a column. A run whose formulas are the first one filled down is sent as one
 * R1C1 formula for the whole range ("single input copy", which Excel applies to every cell as
 * Ctrl+Enter does): the request does not grow with the rows, every row gets its formula (rows
 * hidden by a filter too, which AutoFill would skip), and no cell's formatting is copied from
 * the first row. Other runs go as one 2-D array.
 */
async function writeRun(
  ws: Excel.Worksheet,
  op: ColumnWrite,
  run: Planned[],
  valuesOnly: boolean,
  batcher: Batcher,
  modern: boolean,
): Promise<void> {
  const first = run[0]?.row ?? 0;
  const last = run[run.length - 1]?.row ?? first;
  const address = `${cellAddress(first, op.column)}:${cellAddress(last, op.column)}`;
  const range = ws.getRange(address);
  const head = run[0]?.formula;
  const same =
    !valuesOnly &&
    head &&
    run.length > 2 &&
    run.every((c) => c.formula) &&
    (op.filledDown === true ||
      isFilledDown(run.map((c) => ({ row: c.row, formula: c.formula ?? "" }))));
  if (same) {
    const r1c1 = translateFormulaToR1C1(head, cellAddress(first, op.column));
    await batcher.add(bytes(r1c1), `${op.sheet}!${address}`);
    range.formulasR1C1 = r1c1 as unknown as string[][];
  } else {
    const data = run.map((cell) => {
      const content = writtenCell(op, cell, { valuesOnly });
      return [content.formula ?? asInput(content.value)];
    });
    await batcher.add(bytes(data), `${op.sheet}!${address}`);
    range.formulas = data;
  }
  // Formats after values: borders and fill from the neighbouring column, then our number format.
  if (op.styleFrom !== undefined && modern) {
    const from = `${cellAddress(first, op.styleFrom)}:${cellAddress(last, op.styleFrom)}`;
    await batcher.add(0);
    range.copyFrom(ws.getRange(from), "Formats");
  }
  if (op.numberFormat) {
    await batcher.add(bytes(op.numberFormat));
    range.numberFormat = op.numberFormat as unknown as string[][];
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
    await batcher.add(bytes(op.header.text));
    header.values = [[asInput(op.header.text)]];
    if (op.styleFrom !== undefined && modern)
      header.copyFrom(ws.getRange(cellAddress(op.header.row, op.styleFrom)), "Formats");
    else header.format.font.bold = true;
  }
  for (const run of runs(op).flatMap((r) => pieces(r, batcher.budget / 2)))
    await writeRun(ws, op, run, valuesOnly, batcher, modern);
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Changes of one column write: they go to the log in the same request as the cells. */
function changesOf(op: ColumnWrite, changes: readonly Change[]): Change[] {
  return changes.filter(
    (c) => sameName(c.sheet, op.sheet) && parseAddress(c.cell).column === op.column,
  );
}

/**
 * Applies a plan inside Excel: optional backups, inserted columns, column writes, new sheets, and
 * a "Council Sheets log" row per changed cell, written with its column. Checks protection before
 * anything is written. One sync to look, one to find the log's end, then one per 4 MB written.
 *
 * @throws {ExcelHostError} with Excel's code (Excel.ErrorCodes) or our own ("AccessDenied" for a
 * protected sheet, "WorkbookStructureProtected") found before writing; the message says what
 * may already have been written.
 */
export async function applyPlanInExcel(
  runtime: ExcelRuntime,
  plan: WritePlan,
  options: ExcelApplyOptions,
  budget = BLOCK_BUDGET,
  /** Hears each round trip as it starts (the pane shows "Writing Risks!F5:F900 (2)"). */
  onProgress?: ProgressListener,
): Promise<ExcelApplyResult> {
  const done: { batcher: Batcher | null; backups: string[] } = { batcher: null, backups: [] };
  const trip = (subject: string, n = 0) =>
    onProgress?.({ phase: "writing", subject, unit: "round trips", done: n, total: null });
  try {
    return await runtime.run(runOptions(runtime), async (context) => {
      trip("to the workbook (looking at the sheets first)");
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const names = context.workbook.names;
      names.load("items/name,items/formula");
      const touched = sheetsWritten(plan);
      const protections = touched.map((sheet) => {
        const p = worksheets.getItem(sheet).protection;
        p.load("protected");
        return { sheet, p };
      });
      const structure = runtime.supports("1.7") ? context.workbook.protection : null;
      structure?.load("protected");
      const looks = lookAtColumns(worksheets, plan, budget);
      const colours = runtime.supports(HIGHLIGHT_API) ? lookAtHighlights(worksheets, plan) : null;
      const printAreas = runtime.supports(PRINT_AREA_API)
        ? lookAtPrintAreas(worksheets, plan)
        : null;
      await context.sync();
      // Columns whose band colours an earlier Write added already: not added twice.
      const coloured = (await colours?.settle(context)) ?? new Set<ColumnWrite>();
      const sheetNames = worksheets.items.map((w) => w.name);
      const markNames = names.items.map((n) => n.name);
      const own = ownSheetsFromNames(
        names.items.map((n) => ({ name: n.name, reference: n.formula })),
      );
      // A column already holding what the plan writes is left alone (no rewrite, no new backup).
      const unchanged = new Set<ColumnWrite>(
        looks.filter((l) => writesNothingNew(l, options.valuesOnly)).map((l) => l.op),
      );
      const operations = plan.operations.filter(
        (op) => !(op.kind === "column" && unchanged.has(op)),
      );
      // Pre-flight: refuse before writing anything rather than stop half way.
      refuseProtected(protections.filter((x) => x.p.protected).map((x) => x.sheet));
      refuseTakenNames(plan, sheetNames);
      const toBackUp = options.backup
        ? [
            ...new Set(operations.filter((op) => op.kind !== "add-sheet").map((op) => op.sheet)),
          ].filter((sheet) => !own.has(sheet))
        : [];
      const hasLog =
        [...own.values()].includes("log") ||
        sheetNames.some((n) => n.toLowerCase() === LOG_SHEET.toLowerCase());
      if (structure?.protected)
        refuseStructure(
          structureChanges({ operations }, toBackUp, options.changes.length > 0 && !hasLog),
        );
      const log = await openLog(context, own, sheetNames, options.changes.length > 0);
      context.workbook.application.suspendApiCalculationUntilNextSync();
      const batcher = new Batcher(context, budget, (writes, n) =>
        trip(writes.length > 0 ? writes.slice(0, 2).join(", ") : "to the workbook", n),
      );
      done.batcher = batcher;
      for (const sheet of toBackUp) {
        const name = backupName(sheet, [...sheetNames, ...done.backups]);
        await batcher.add(0, `${name} (a copy of ${sheet})`);
        worksheets.getItem(sheet).copy("End").name = name;
        markSheet(context, name, "backup", markNames);
        done.backups.push(name);
      }
      if (log?.created) markSheet(context, log.name, "log", markNames);
      const modern = runtime.supports("1.9");
      const logged = new Set<Change>();
      for (const op of operations) {
        if (op.kind === "add-sheet")
          await addSheet(context, op, options.valuesOnly, batcher, runtime, markNames);
        else if (op.kind === "insert-columns") {
          const range = `${columnLetter(op.column)}:${columnLetter(op.column + op.count - 1)}`;
          await batcher.add(0, `${op.sheet}!${range} (inserted)`);
          worksheets.getItem(op.sheet).getRange(range).insert("Right");
        } else {
          const ws = worksheets.getItem(op.sheet);
          await writeColumn(ws, op, options.valuesOnly, batcher, modern);
          if (colours && !coloured.has(op)) await addHighlight(ws, op, batcher);
          const changes = changesOf(op, options.changes);
          if (log) await logRows(log, changes, options.when, batcher);
          changes.forEach((c) => logged.add(c));
        }
      }
      const joins = plan.tableJoins ?? [];
      await growTables(worksheets, operations, batcher, runtime.supports("1.13"), joins);
      await printAreas?.widen(batcher);
      const rest = options.changes.filter((c) => !logged.has(c));
      if (log) await logRows(log, rest, options.when, batcher);
      await batcher.flush();
      trip("to the workbook (finishing)");
      await context.sync();
      return { backups: done.backups, logged: options.changes.length, written: batcher.written };
    });
  } catch (error) {
    throw partly(toHostError(error), done.batcher?.written ?? [], done.batcher?.pending ?? []);
  }
}

/**
 * Excel tables the plan's rows extend (a decisions register kept as a table), and those its new
 * columns join (a budget kept as a table gaining Variance % and RAG), grow over them with
 * Table.resize (ExcelApi 1.13, "the new range must overlap with the original table range and the
 * headers must be in the same row": https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)).
 * Older Excel has no way to resize a table from an add-in; the rows are then written just below
 * it, where Excel's AutoCorrect expansion is not documented to apply to API writes.
 */
async function growTables(
  worksheets: Excel.WorksheetCollection,
  operations: WritePlan["operations"],
  batcher: Batcher,
  canResize: boolean,
  joins: readonly TableJoin[],
): Promise<void> {
  if (!canResize) return;
  const grown = new Map<string, { sheet: string; name: string; range: string }>();
  for (const op of operations)
    if (op.kind === "column" && op.growsTable)
      grown.set(`${op.sheet}|${op.growsTable.name}`, { sheet: op.sheet, ...op.growsTable });
  // New columns right of a table join it (core/table-joins.ts). Microsoft documents Excel's
  // automatic expansion for typing beside a table (AutoCorrect "Include new rows and columns in
  // table"), not for API writes, so the table is resized to take them in explicitly.
  for (const join of joins)
    grown.set(`${join.sheet}|${join.table}`, {
      sheet: join.sheet,
      name: join.table,
      range: join.range,
    });
  for (const { sheet, name, range } of grown.values()) {
    await batcher.add(0, `${sheet}!${range} (table ${name} grown)`);
    worksheets.getItem(sheet).tables.getItem(name).resize(range);
  }
}

const list = (items: readonly string[]) =>
  items.slice(0, 6).join("; ") + (items.length > 6 ? "; …" : "");

/**
 * A failure after some batches reached Excel says what they wrote: Excel keeps them. The batch
 * that failed may have done its commands before the failing one, so those are named as possibly
 * written.
 */
function partly(
  error: ExcelHostError,
  written: readonly string[],
  pending: readonly string[],
): ExcelHostError {
  if (written.length === 0 && pending.length === 0) return error;
  const done =
    written.length > 0
      ? ` Already written before the error (and listed on the "${LOG_SHEET}" sheet): ${list(written)}.`
      : "";
  const maybe =
    pending.length > 0
      ? ` Possibly written (Excel keeps what the failed step did before the error): ${list(pending)}.`
      : "";
  return new ExcelHostError(error.code, `${error.message}${done}${maybe}`);
}

export type { Log };

/**
 * Selects a cell for the user, bringing its sheet to the front.
 *
 * @throws {ExcelHostError} with Excel's code (Excel.ErrorCodes).
 */
export async function selectCell(
  runtime: ExcelRuntime,
  sheet: string,
  cell: string,
): Promise<void> {
  try {
    await runtime.run(runOptions(runtime), async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.load("visibility");
      await context.sync();
      // A hidden sheet cannot be activated; say so instead of failing with Excel's generic error.
      // A very hidden one is not in the Unhide dialog ("Hide sheets and use the xlVeryHidden
      // constant in a macro", learn.microsoft.com/office/troubleshoot/excel/hide-sheet-and-use-xlveryhidden).
      if (ws.visibility === "VeryHidden")
        throw new ExcelHostError(
          "SheetHidden",
          `"${sheet}" is very hidden: Excel's Unhide dialog does not list it, and only a macro can make it visible again. Ask whoever set up the workbook to show it, to go to ${cell}.`,
        );
      if (ws.visibility !== "Visible")
        throw new ExcelHostError(
          "SheetHidden",
          `"${sheet}" is hidden. Unhide it (right-click a sheet tab > Unhide) to go to ${cell}.`,
        );
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  } catch (error) {
    throw toHostError(error);
  }
}
