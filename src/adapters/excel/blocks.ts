/**
 * Splitting reads and writes so every request and response stays under Excel on the web's 5 MB
 * limit. We aim at 4 MB, estimated from cell counts before anything is read.
 */
export const BLOCK_BUDGET = 4 * 1024 * 1024;

export interface Block {
  sheet: string;
  /** 0-based, inclusive, in sheet coordinates. */
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
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
