import { parseA1Ref, parseStructRef, tokenize } from "@borgar/fx";
import { cellAddress } from "../../src/core/a1";
import type { WritePlan } from "../../src/core/plan";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";

/** A block of cells a formula reads (0-based, inclusive). */
interface Read {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The block a structured reference reads ("GrantsRegister[Total £]", "[@Total]"): the named
 * columns (all when none is named) over the table's data rows, or over the formula's own row for
 * "#This Row"; the header and totals rows are counted in for #All, #Headers and #Totals.
 */
function structuredRead(
  snapshot: WorkbookSnapshot,
  sheet: SheetSnapshot,
  row: number,
  column: number,
  text: string,
): Read | undefined {
  const ref = parseStructRef(text);
  if (!ref) return undefined;
  const found = snapshot.sheets
    .flatMap((s) => (s.tables ?? []).map((table) => ({ s, table })))
    .find(({ s, table }) =>
      ref.table
        ? table.name.toLowerCase() === ref.table.toLowerCase()
        : s.name === sheet.name &&
          row >= table.firstRow &&
          row <= table.lastRow &&
          column >= table.firstColumn &&
          column <= table.lastColumn,
    );
  if (!found) return undefined;
  const { s, table } = found;
  const at = (ref.columns ?? [])
    .map((name) => table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase()))
    .filter((i) => i >= 0)
    .map((i) => table.firstColumn + i);
  const left = at.length > 0 ? Math.min(...at) : table.firstColumn;
  const right = at.length > 0 ? Math.max(...at) : table.lastColumn;
  const sections = ref.sections ?? [];
  if (sections.includes("this row")) return { sheet: s.name, top: row, bottom: row, left, right };
  const whole = sections.some((x) => ["all", "headers", "totals"].includes(x));
  const top = whole || !table.showHeaders ? table.firstRow : table.firstRow + 1;
  const bottom = whole || !table.showTotals ? table.lastRow : table.lastRow - 1;
  return { sheet: s.name, top, bottom, left, right };
}

/** The blocks a formula reads, A1 ranges and structured references alike (@borgar/fx's tokens). */
function readsOf(
  snapshot: WorkbookSnapshot,
  sheet: SheetSnapshot,
  row: number,
  column: number,
  formula: string,
): Read[] {
  const reads: Read[] = [];
  for (const token of tokenize(formula)) {
    if (token.type === "structured") {
      const read = structuredRead(snapshot, sheet, row, column, token.value);
      if (read) reads.push(read);
      continue;
    }
    if (!token.type.startsWith("range")) continue;
    const ref = parseA1Ref(token.value);
    const range = ref && "range" in ref ? ref.range : undefined;
    if (!range || range.top === null || range.left === null) continue;
    reads.push({
      sheet: ref?.context?.[0] ?? sheet.name,
      top: range.top,
      left: range.left,
      // Whole columns and rows are cut short: no council table runs past them.
      bottom: Math.min(range.bottom ?? range.top, range.top + 10_000),
      right: Math.min(range.right ?? range.left, range.left + 100),
    });
  }
  return reads;
}

/**
 * Formula cells ("Sheet!A1") that read, directly or through other formulas, a cell the plan writes
 * with a value other than the one it held: a council total over a figure apply corrects (a typed
 * variance of the wrong sign rewritten as its formula) is meant to change with it.
 */
export function readersOfCorrected(snapshot: WorkbookSnapshot, plan: WritePlan): Set<string> {
  const changed: string[] = [];
  for (const op of plan.operations) {
    if (op.kind !== "column") continue;
    const sheet = snapshot.sheets.find((s) => s.name === op.sheet);
    for (const cell of op.cells) {
      const held = sheet?.rows[cell.row]?.[op.column]?.value ?? null;
      if (held !== null && held !== cell.value)
        changed.push(`${op.sheet}!${cellAddress(cell.row, op.column)}`);
    }
  }
  const readers = new Map<string, string[]>();
  for (const sheet of snapshot.sheets) {
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.formula) return;
        const key = `${sheet.name}!${cellAddress(r, c)}`;
        for (const read of readsOf(snapshot, sheet, r, c, cell.formula))
          for (let rr = read.top; rr <= read.bottom; rr++)
            for (let cc = read.left; cc <= read.right; cc++) {
              const at = `${read.sheet}!${cellAddress(rr, cc)}`;
              readers.set(at, [...(readers.get(at) ?? []), key]);
            }
      }),
    );
  }
  const out = new Set<string>();
  const queue = [...changed];
  while (queue.length > 0) {
    for (const reader of readers.get(queue.pop() as string) ?? []) {
      if (out.has(reader)) continue;
      out.add(reader);
      queue.push(reader);
    }
  }
  return out;
}
