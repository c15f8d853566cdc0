import type { SheetSnapshot } from "../snapshot";

/**
 * Every table of one kind on rows no earlier kind took, sheet by sheet, each modelled once: what
 * each kind's `…Models` does, with its own `detect` and `model`.
 */
export function modelEach<Table, Model>(
  sheets: readonly SheetSnapshot[],
  taken: ReadonlyMap<string, ReadonlySet<number>>,
  detect: (sheet: SheetSnapshot, taken: ReadonlySet<number>) => Table[],
  model: (sheet: SheetSnapshot, table: Table) => Model,
): Model[] {
  return sheets.flatMap((sheet) =>
    detect(sheet, taken.get(sheet.name) ?? new Set()).map((table) => model(sheet, table)),
  );
}
