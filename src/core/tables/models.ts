import type { SheetSnapshot } from "../snapshot";

/**
 * Every table of one kind on rows no earlier kind took, sheet by sheet, each modelled once: what
 * each kind's `…Models` does, with its own `detect` and `model`. With `beside` (the sheets whose
 * claimed tables have something beside them, claimed spans emptied: tables/claims.ts), only those
 * sheets are read, tables found on the emptied copy and modelled on the sheet itself.
 */
export function modelEach<Table, Model>(
  sheets: readonly SheetSnapshot[],
  taken: ReadonlyMap<string, ReadonlySet<number>>,
  detect: (sheet: SheetSnapshot, taken: ReadonlySet<number>) => Table[],
  model: (sheet: SheetSnapshot, table: Table) => Model,
  beside?: ReadonlyMap<string, SheetSnapshot>,
): Model[] {
  return sheets.flatMap((sheet) => {
    const read = beside ? beside.get(sheet.name) : sheet;
    if (!read) return [];
    return detect(read, taken.get(sheet.name) ?? new Set()).map((table) => model(sheet, table));
  });
}
