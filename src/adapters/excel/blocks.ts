/**
 * Splitting reads and writes so every request and response stays under Excel on the web's 5 MB
 * limit. We aim at 4 MB, estimated from cell counts before anything is read.
 */
export const BLOCK_BUDGET = 4 * 1024 * 1024;

/** A generous guess at one cell's share of a JSON response: value, quotes, comma. */
export const BYTES_PER_CELL = 16;

export interface Block {
  sheet: string;
  /** 0-based, inclusive, in sheet coordinates. */
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

/** Row bands of a used range, each under the budget for `bytesPerCell`. */
export function rowBlocks(area: Block, bytesPerCell: number, budget = BLOCK_BUDGET): Block[] {
  const width = area.lastColumn - area.firstColumn + 1;
  const rowsPerBlock = Math.max(1, Math.floor(budget / (width * bytesPerCell)));
  const blocks: Block[] = [];
  for (let r = area.firstRow; r <= area.lastRow; r += rowsPerBlock) {
    blocks.push({ ...area, firstRow: r, lastRow: Math.min(area.lastRow, r + rowsPerBlock - 1) });
  }
  return blocks;
}

/** Packs blocks into batches whose estimated size stays under the budget: one sync per batch. */
export function batches<T>(
  items: readonly T[],
  size: (item: T) => number,
  budget = BLOCK_BUDGET,
): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const bytes = size(item);
    if (current.length > 0 && used + bytes > budget) {
      out.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}
