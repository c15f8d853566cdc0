/** Which cells a used range or a SpecialCells query covers, computed from the sheet's state. */
import { contains, MAX_COLUMN, MAX_ROW, type Area } from "./a1";
import type { DoubleSheet } from "./model";

const position = (k: string) => k.split(",").map(Number) as [number, number];

/**
 * Worksheet.getUsedRange(valuesOnly): the smallest range holding every cell with a value (or,
 * when valuesOnly is false, any formatting). It starts at the first used cell, not at A1.
 */
export function usedArea(sheet: DoubleSheet, valuesOnly: boolean): Area | null {
  let a: Area | null = null;
  for (const [k, cell] of sheet.cells) {
    if (valuesOnly && !cell.formula && cell.value === "") continue;
    const [r, c] = position(k);
    a = a
      ? {
          r1: Math.min(a.r1, r),
          c1: Math.min(a.c1, c),
          r2: Math.max(a.r2, r),
          c2: Math.max(a.c2, c),
        }
      : { r1: r, c1: c, r2: r, c2: c };
  }
  return a;
}

/** Runs of indexes from..to that are not in `hidden`. */
function visibleRuns(from: number, to: number, hidden: ReadonlySet<number>): [number, number][] {
  const cut = [...hidden].filter((i) => i >= from && i <= to).sort((a, b) => a - b);
  const runs: [number, number][] = [];
  let start = from;
  for (const h of cut) {
    if (h > start) runs.push([start, h - 1]);
    start = h + 1;
  }
  if (start <= to) runs.push([start, to]);
  return runs;
}

/** SpecialCellType "Visible": the visible cells of `within`, as row runs × column runs. */
export function visibleAreas(sheet: DoubleSheet, within: Area): Area[] {
  const rows = visibleRuns(within.r1, within.r2, sheet.hiddenRows);
  const columns = visibleRuns(within.c1, within.c2, sheet.hiddenColumns ?? new Set());
  return rows.flatMap(([r1, r2]) => columns.map(([c1, c2]) => ({ r1, c1, r2, c2 })));
}

/**
 * SpecialCellType "Formulas": the formula cells of `within`, as rectangles: vertical runs per
 * column, joined across neighbouring columns that have the same run.
 */
export function formulaAreas(sheet: DoubleSheet, within: Area): Area[] {
  const byColumn = new Map<number, number[]>();
  for (const [k, cell] of sheet.cells) {
    if (!cell.formula) continue;
    const [r, c] = position(k);
    if (contains(within, r, c)) byColumn.set(c, [...(byColumn.get(c) ?? []), r]);
  }
  const runs: Area[] = [];
  for (const [c, rows] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0] ?? 0;
    rows.forEach((r, i) => {
      const next = rows[i + 1];
      if (next !== r + 1) {
        const left = runs.find((a) => a.r1 === start && a.r2 === r && a.c2 === c - 1);
        if (left) left.c2 = c;
        else runs.push({ r1: start, c1: c, r2: r, c2: c });
        if (next !== undefined) start = next;
      }
    });
  }
  return runs.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
}

export const isUnbounded = (a: Area) =>
  (a.c1 === 0 && a.c2 === MAX_COLUMN) || (a.r1 === 0 && a.r2 === MAX_ROW);
