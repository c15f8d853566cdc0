/*
 * The cells of every sheet in as few round trips as the byte budget allows: row bands of each
 * used range (values loaded only where formulas may be) and, before ExcelApi 1.9, one probe per
 * row and column for whether it is hidden.
 */
import { columnLetter, type ProgressListener, rangeAddress } from "../../core";
import type { Area } from "./addresses";
import { batches, type Block } from "./blocks";
import type { SheetPlan } from "./read-plan";

/** Estimated response bytes per cell: formula or value text, and its number format. */
const BASE_BYTES = 28;
/** Extra bytes where values and value types are loaded too (formula cells). */
const VALUE_BYTES = 26;
/** Request bytes of one row or column visibility probe. */
const PROBE_BYTES = 120;

/** One block's ranges, loaded in its round trip. */
export interface Loaded {
  block: Block;
  formulas: Excel.Range;
  numberFormats: Excel.Range;
  values: Excel.Range | null;
}

interface Probe {
  index: number;
  range: Excel.Range;
}

const overlaps = (a: Area, b: Block) =>
  a.firstRow <= b.lastRow &&
  a.lastRow >= b.firstRow &&
  a.firstColumn <= b.lastColumn &&
  a.lastColumn >= b.firstColumn;

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

/**
 * Loads every sheet's blocks and visibility probes, one round trip per batch; fills in the
 * plans' hidden rows and columns where they were probed.
 */
export async function readBlocks(
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
