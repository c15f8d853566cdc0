/** A row whose key an earlier row already held, and that earlier row (0-based model rows). */
export interface RepeatedRow {
  row: number;
  first: number;
}

/**
 * The rows that repeat an earlier row's key, in order, each with the first row that held it: the
 * "seen before" walk behind every `duplicate-id` check (risk ids, budget line codes, funding
 * references, project references). A blank key is no key, so such a row is never a repeat. Keys
 * compare exactly: callers fold case as the identity they read demands.
 */
export function repeatedRows(
  rows: Iterable<number>,
  keyOf: (row: number) => string,
): RepeatedRow[] {
  const firstRow = new Map<string, number>();
  const repeats: RepeatedRow[] = [];
  for (const row of rows) {
    const key = keyOf(row);
    if (key === "") continue;
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, row);
    else repeats.push({ row, first });
  }
  return repeats;
}
