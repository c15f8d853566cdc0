import { parseA1Ref, tokenize } from "@borgar/fx";
import { structuredArea, type CellArea, type PlacedTable } from "./tables/structured-refs";

/**
 * Which formulas of a workbook read which cells, so that the formulas a write makes stale can be
 * found: a council's =SUBTOTAL(109,Parks[Variance £]) under a corrected variance, a =SUM(E4:E9)
 * two sheets away, our own Variance % of that totals row. References are read with @borgar/fx's
 * tokenizer: A1 cells and ranges (on any sheet), whole columns and rows, and structured
 * references to the workbook's Excel tables. A defined name or another workbook is not followed
 * (such a formula is left to Excel, which recalculates the whole file on opening).
 */

/** Excel's last row and column (0-based), for whole-column and whole-row references. */
const LAST_ROW = 1_048_575;
const LAST_COLUMN = 16_383;

export interface FormulaCell {
  sheet: string;
  row: number;
  column: number;
  formula: string;
}

/** The areas a formula reads. */
export function precedentsOf(
  cell: FormulaCell,
  findTable: (name: string) => PlacedTable | undefined,
): CellArea[] {
  const areas: CellArea[] = [];
  let tokens: ReturnType<typeof tokenize>;
  try {
    tokens = tokenize(cell.formula, { allowTernary: false });
  } catch {
    return areas;
  }
  for (const token of tokens) {
    if (token.type === "structured") {
      const area = structuredArea(token.value, findTable, cell.row);
      if (area) areas.push(area);
      continue;
    }
    if (token.type !== "range" && token.type !== "range_beam") continue;
    const ref = parseA1Ref(token.value);
    if (!ref || !("range" in ref) || (ref.context?.length ?? 0) > 1) continue;
    const { top, left, bottom, right } = ref.range;
    areas.push({
      sheet: ref.context?.[0] ?? cell.sheet,
      top: top ?? 0,
      left: left ?? 0,
      bottom: bottom ?? (top === null ? LAST_ROW : top),
      right: right ?? (left === null ? LAST_COLUMN : left),
    });
  }
  return areas;
}

/** Cells marked by sheet and column, each column's rows kept sorted for range queries. */
class MarkedCells {
  private readonly rows = new Map<string, Map<number, number[]>>();
  private sorted = true;

  add(sheet: string, row: number, column: number): void {
    const key = sheet.toLowerCase();
    const columns = this.rows.get(key) ?? new Map<number, number[]>();
    this.rows.set(key, columns);
    const list = columns.get(column) ?? [];
    columns.set(column, list);
    list.push(row);
    this.sorted = false;
  }

  /** True when any marked cell lies in the area. */
  meets(area: CellArea): boolean {
    if (!this.sorted) {
      for (const columns of this.rows.values())
        for (const list of columns.values()) list.sort((a, b) => a - b);
      this.sorted = true;
    }
    const columns = this.rows.get(area.sheet.toLowerCase());
    if (!columns) return false;
    for (const [column, list] of columns) {
      if (column < area.left || column > area.right) continue;
      // The first marked row at or below the area's top.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid] ?? 0) < area.top) lo = mid + 1;
        else hi = mid;
      }
      if (lo < list.length && (list[lo] ?? Infinity) <= area.bottom) return true;
    }
    return false;
  }
}

/** How many rounds of "reads a stale cell" are followed: chains of formulas are short. */
const MAX_ROUNDS = 50;

/**
 * The formulas (indices into `formulas`) that read, directly or through other formulas, any of
 * the `changed` cells: the cells whose saved values a write makes stale.
 */
export function staleFormulas(
  formulas: readonly FormulaCell[],
  changed: readonly { sheet: string; row: number; column: number }[],
  findTable: (name: string) => PlacedTable | undefined,
): Set<number> {
  const marked = new MarkedCells();
  for (const c of changed) marked.add(c.sheet, c.row, c.column);
  const reads = formulas.map((f) => precedentsOf(f, findTable));
  const stale = new Set<number>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const found: number[] = [];
    formulas.forEach((f, i) => {
      if (!stale.has(i) && reads[i]?.some((area) => marked.meets(area))) found.push(i);
    });
    if (found.length === 0) break;
    for (const i of found) {
      stale.add(i);
      const f = formulas[i];
      if (f) marked.add(f.sheet, f.row, f.column);
    }
  }
  return stale;
}
