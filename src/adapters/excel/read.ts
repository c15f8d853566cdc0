import { rangeAddress } from "../../core/a1";
import type { Cell, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { parseAreas, rowsNotCovered, type Area } from "./addresses";
import { batches, BLOCK_BUDGET, BYTES_PER_CELL, rowBlocks, type Block } from "./blocks";
import { isPayloadTooLarge, toHostError } from "./errors";
import { runOptions, type ExcelRuntime } from "./runtime";

const ERROR =
  /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

interface SheetPlan {
  name: string;
  used: Area | null;
  formulas: Area[] | null;
  hiddenRows: number[];
}

interface Loaded {
  block: Block;
  formulas: Excel.Range;
  values: Excel.Range | null;
}

function toCell(formula: unknown, value: unknown, hasFormula: boolean): Cell | null {
  if (hasFormula && typeof formula === "string" && formula.startsWith("=")) {
    const v = value === "" || value === undefined ? null : (value as Cell["value"]);
    return typeof v === "string" && ERROR.test(v)
      ? { value: null, formula, error: v }
      : { value: v, formula };
  }
  if (formula === "" || formula === null || formula === undefined) return null;
  // Text that merely starts with "=" (typed with an apostrophe) stays text.
  return { value: formula as Cell["value"] };
}

function overlaps(a: Area, b: Block): boolean {
  return (
    a.firstRow <= b.lastRow &&
    a.lastRow >= b.firstRow &&
    a.firstColumn <= b.lastColumn &&
    a.lastColumn >= b.firstColumn
  );
}

/**
 * Reads the whole workbook as a snapshot in a fixed number of round trips: one for the sheet
 * names, one for every sheet's used range (and, on ExcelApi 1.9, where the formulas and the
 * visible rows are), then one per 4 MB of cells. The count does not grow with rows until the
 * data itself passes 4 MB.
 */
export async function readSnapshot(
  runtime: ExcelRuntime,
  budget = BLOCK_BUDGET,
): Promise<WorkbookSnapshot> {
  try {
    return await runtime.run(runOptions(runtime), (context) =>
      readIn(context, runtime.supports("1.9"), budget),
    );
  } catch (error) {
    // Our estimate was too low for this data (long text): try again with blocks a quarter the size.
    if (isPayloadTooLarge(error) && budget > 64 * 1024)
      return readSnapshot(runtime, Math.floor(budget / 4));
    throw toHostError(error);
  }
}

async function readIn(
  context: Excel.RequestContext,
  special: boolean,
  budget: number,
): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const probes = worksheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address");
    const whole = ws.getRange();
    const formulas = special ? whole.getSpecialCellsOrNullObject("Formulas") : null;
    const visible = special ? whole.getSpecialCellsOrNullObject("Visible") : null;
    formulas?.load("address");
    visible?.load("address");
    return { ws, used, formulas, visible };
  });
  await context.sync();
  const plans: SheetPlan[] = probes.map(({ ws, used, formulas, visible }) => {
    const area = used.isNullObject ? null : (parseAreas(used.address)[0] ?? null);
    const visibleAreas = visible && !visible.isNullObject ? parseAreas(visible.address) : null;
    return {
      name: ws.name,
      used: area,
      formulas: formulas ? (formulas.isNullObject ? [] : parseAreas(formulas.address)) : null,
      hiddenRows: area && visibleAreas ? rowsNotCovered(visibleAreas, 0, area.lastRow) : [],
    };
  });
  const blocks = plans.flatMap((p) => {
    if (!p.used) return [];
    // Without the formula map we must load values everywhere, so each cell costs twice as much.
    const perCell = p.formulas ? BYTES_PER_CELL : 2 * BYTES_PER_CELL;
    return rowBlocks({ sheet: p.name, ...p.used }, perCell, budget).map((block) => ({
      block,
      plan: p,
    }));
  });
  const loaded = new Map<string, Loaded[]>();
  const cost = ({ block, plan }: (typeof blocks)[number]) =>
    (block.lastRow - block.firstRow + 1) *
    (block.lastColumn - block.firstColumn + 1) *
    (plan.formulas ? BYTES_PER_CELL : 2 * BYTES_PER_CELL);
  for (const batch of batches(blocks, cost, budget)) {
    for (const { block, plan } of batch) {
      const ws = worksheets.getItem(plan.name);
      const range = ws.getRange(
        rangeAddress(block.firstRow, block.firstColumn, block.lastRow, block.lastColumn),
      );
      range.load("formulas");
      const needsValues = plan.formulas === null || plan.formulas.some((a) => overlaps(a, block));
      const values = needsValues
        ? ws.getRange(
            rangeAddress(block.firstRow, block.firstColumn, block.lastRow, block.lastColumn),
          )
        : null;
      values?.load("values");
      loaded.set(plan.name, [...(loaded.get(plan.name) ?? []), { block, formulas: range, values }]);
    }
    await context.sync();
  }
  return { sheets: plans.map((p) => toSheet(p, loaded.get(p.name) ?? [])) };
}

/**
 * `formulas` gives a text cell's text, so text typed as "'=HYPERLINK(…)" reads like a formula.
 * A cell is a formula only if the formula map says so (1.9) or, without it, if its value differs
 * from its formula text.
 */
function isFormula(
  plan: SheetPlan,
  row: number,
  column: number,
  formula: unknown,
  value: unknown,
): boolean {
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
  for (const { block, formulas, values } of loaded) {
    const f = formulas.formulas;
    const v = values?.values;
    for (let r = 0; r < f.length; r++) {
      const out: (Cell | null)[] = rows[block.firstRow + r] ?? [];
      const fr = f[r] ?? [];
      for (let c = 0; c < fr.length; c++) {
        const formula = fr[c];
        const value = v?.[r]?.[c];
        const cell = toCell(
          formula,
          value,
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
    hiddenRows: plan.hiddenRows,
    hiddenColumns: [],
    merges: [],
  };
}
