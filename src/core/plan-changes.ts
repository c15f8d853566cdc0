import { displayedValue, showSameFigure } from "./number-format-shown";
import { cellAddress, columnRangeAddress } from "./a1";
import type { WritePlan } from "./plan";
import type { Cell, CellValue, WorkbookSnapshot } from "./snapshot";
import { applyPlanToSnapshot, writtenCell, type ApplyOptions } from "./plan-preview";

/*
 * The change list of a plan: which cells it rewrites, what they held and will hold (as the cells'
 * number formats show them), and which ranges it writes. What the plan does to a snapshot is
 * plan-preview.ts; this file only says it to a person.
 */
export interface Change {
  sheet: string;
  cell: string;
  /** The formula or value the cell held. */
  before: CellValue;
  /** The formula or value it holds now. */
  after: CellValue;
  /** The value it shows now. */
  afterValue: CellValue;
  /** False when a typed value became a formula that shows the same value. */
  valueChanged: boolean;
  /**
   * True when the figure changed only beyond what the cell's number format shows (0.044 to
   * 0.0437 under "0.0%": 4.4% both): not a different value to the officer, only a rounded one.
   */
  rounded?: boolean;
}

/**
 * A change as a person reads it: both values as the cell shows them through its number format
 * (£61,731.46, 30%, (280)), where `before` and `afterValue` are the bare figures and `before` may
 * be the formula the cell held. Lists for people (the CLI's, the pane's) print `shown`; `--json`
 * reports the Change alone (changeRecord), so its machine values stay as the contract states.
 */
export interface ShownChange extends Change {
  shown: { before: string; after: string };
}

/** The change as `--json` reports it: its machine values, without the display text. */
export function changeRecord(change: ShownChange): Change {
  const { sheet, cell, before, after, afterValue, valueChanged, rounded } = change;
  return {
    sheet,
    cell,
    before,
    after,
    afterValue,
    valueChanged,
    ...(rounded === undefined ? {} : { rounded }),
  };
}

export interface Written {
  sheet: string;
  range: string;
  column: string;
}

function shown(cell: Cell | null | undefined): CellValue {
  if (!cell) return null;
  return cell.formula ?? cell.value;
}

/**
 * Whether two values show the same: numbers that differ only by float noise (−0.7 against
 * −0.7000000000000028, a sum of decimals) are the same figure. The bound is under a penny in every
 * scale councils keep money in (£m to eight decimals is 1e-8) and relative to the size beyond that,
 * so a real change of a penny is always a change.
 */
function sameShownValue(before: CellValue, after: CellValue): boolean {
  if (typeof before === "number" && typeof after === "number") {
    const gap = Math.abs(before - after);
    return gap < 1e-9 || gap <= 1e-12 * Math.max(Math.abs(before), Math.abs(after));
  }
  return before === after;
}

/**
 * The change with its display text, made when first read and kept: formatting every figure
 * through its number format is most of the cost of a 100,000-cell list, and the lists people read
 * print only their first rows (the CLI twenty, the pane a page at a time); `--json` none.
 */
function withShownText(
  change: Change,
  previous: Cell | null | undefined,
  after: Cell,
  money: boolean,
): ShownChange {
  let text: ShownChange["shown"] | undefined;
  return Object.defineProperty(change, "shown", {
    enumerable: true,
    get: () =>
      (text ??= {
        before: displayedValue(previous, { money }),
        // The written cell keeps the cell's own number format unless the plan sets one.
        after: displayedValue(
          { ...after, numberFormat: after.numberFormat ?? previous?.numberFormat },
          { money },
        ),
      }),
  }) as ShownChange;
}

/** Every cell that held something before and holds something else after, and every range written. */
export function describePlan(
  snapshot: WorkbookSnapshot,
  plan: WritePlan,
  options: ApplyOptions,
): { changed: ShownChange[]; written: Written[] } {
  const inserts: WritePlan = {
    operations: plan.operations.filter((op) => op.kind === "insert-columns"),
  };
  const before = applyPlanToSnapshot(snapshot, inserts, options);
  const sheets = new Map(before.sheets.map((s) => [s.name, s]));
  const changed: ShownChange[] = [];
  const written: Written[] = [];
  for (const op of plan.operations) {
    if (op.kind === "add-sheet") {
      const last = op.cells.reduce(
        (m, c) => ({ row: Math.max(m.row, c.row), column: Math.max(m.column, c.column) }),
        { row: 0, column: 0 },
      );
      written.push({
        sheet: op.sheet,
        range: `A1:${cellAddress(last.row, last.column)}`,
        column: op.title,
      });
      continue;
    }
    if (op.kind !== "column") continue;
    const sheet = sheets.get(op.sheet);
    const rows = [...(op.header ? [op.header.row] : []), ...op.cells.map((c) => c.row)];
    if (rows.length === 0) continue;
    // A loop, not Math.min(...rows): a 100,000-row column's spread overflows a Web Worker's stack.
    const top = rows.reduce((a, b) => Math.min(a, b));
    const bottom = rows.reduce((a, b) => Math.max(a, b));
    written.push({
      sheet: op.sheet,
      range: columnRangeAddress(op.column, top, bottom),
      column: op.title,
    });
    const entries: [number, Cell][] = op.cells.map((c) => [c.row, writtenCell(op, c, options)]);
    if (op.header) entries.unshift([op.header.row, { value: op.header.text }]);
    for (const [row, after] of entries) {
      const previous = sheet?.rows[row]?.[op.column];
      const old = shown(previous);
      const now = shown(after);
      if (old === null || old === "" || old === now) continue;
      const same = sameShownValue(previous?.value ?? null, after.value);
      const rounded =
        !same &&
        typeof previous?.value === "number" &&
        typeof after.value === "number" &&
        showSameFigure(
          previous.value,
          previous.numberFormat,
          after.value,
          after.numberFormat ?? previous.numberFormat,
        );
      const change: Change = {
        sheet: op.sheet,
        cell: cellAddress(row, op.column),
        before: old,
        after: now,
        afterValue: after.value,
        valueChanged: !same && !rounded,
        ...(rounded ? { rounded: true } : {}),
      };
      changed.push(withShownText(change, previous, after, op.money === true));
    }
  }
  return { changed, written };
}
