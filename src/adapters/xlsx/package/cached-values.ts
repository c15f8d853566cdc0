import type { RecalculatedCell } from "../../../core";
import { valueParts } from "./column-writes";
import type { CellXml, SheetEdits } from "./sheet-patch";
import type { SheetXmlOffsets } from "./sheet-read";
import { PackageFormatError } from "./xml";

/**
 * A council formula's saved value replaced, and nothing else of its cell: the <f> element (a
 * shared formula's master or a cell pointing at it, an array formula) and every attribute but the
 * value's type stay byte for byte. A null value drops the saved value (Excel computes it on
 * opening). See core/recalculate-plan.ts for which cells and why.
 */
export function withCachedValue(cell: string, value: RecalculatedCell["value"]): string {
  const open = /^<([\w.-]+:)?c\b[^>]*?(\/?)>/.exec(cell);
  if (!open || open[2] === "/") throw new PackageFormatError("a formula cell without content");
  const p = open[1] ?? "";
  const formulaEnd = /<\/([\w.-]+:)?f>|<([\w.-]+:)?f\b[^>]*\/>/.exec(cell);
  if (!formulaEnd) throw new PackageFormatError("a recalculated cell without a formula");
  const cached = valueParts(value);
  const tag = open[0].replace(/\st\s*=\s*("[^"]*"|'[^']*')/, "");
  const typed = cached?.type ? `${tag.slice(0, -1)}${cached.type}>` : tag;
  const afterFormula = formulaEnd.index + formulaEnd[0].length;
  const rest = cell
    .slice(afterFormula)
    .replace(/^\s*<([\w.-]+:)?v(\s[^>]*)?(\/>|>[^<]*<\/([\w.-]+:)?v>)/, "");
  const v = cached ? `<${p}v>${cached.text}</${p}v>` : "";
  return typed + cell.slice(open[0].length, afterFormula) + v + rest;
}

/** The cells of `cells` that are on the sheet, in the sheet's XML, keyed by row. */
function cachedCellsByRow(
  offsets: SheetXmlOffsets,
  cells: readonly RecalculatedCell[],
): Map<number, CellXml[]> {
  const wanted = new Map<number, Map<number, RecalculatedCell["value"]>>();
  for (const c of cells) {
    const columns = wanted.get(c.row) ?? new Map<number, RecalculatedCell["value"]>();
    wanted.set(c.row, columns.set(c.column, c.value));
  }
  const byRow = new Map<number, CellXml[]>();
  offsets.rowNumber.forEach((number, k) => {
    const columns = wanted.get(number - 1);
    if (!columns) return;
    const found: CellXml[] = [];
    const last = offsets.rowFirstCell[k + 1] ?? offsets.cellColumn.length;
    for (let i = offsets.rowFirstCell[k] ?? 0; i < last; i++) {
      const column = offsets.cellColumn[i] ?? -1;
      if (!columns.has(column)) continue;
      const xml = offsets.xml.slice(offsets.cellStart[i], offsets.cellEnd[i]);
      found.push({ column, xml: withCachedValue(xml, columns.get(column) ?? null) });
    }
    if (found.length) byRow.set(number - 1, found);
  });
  return byRow;
}

/** The sheet's edits with the recalculated cells' saved values replaced too. */
export function withCachedValues(
  offsets: SheetXmlOffsets,
  edits: SheetEdits,
  cells: readonly RecalculatedCell[],
): SheetEdits {
  if (cells.length === 0) return edits;
  const cached = cachedCellsByRow(offsets, cells);
  const rows = [...new Set([...edits.rows, ...cached.keys()])].sort((a, b) => a - b);
  const written = new Set(edits.rows);
  return {
    ...edits,
    rows,
    cellsAt(row) {
      const planned = written.has(row) ? edits.cellsAt(row) : [];
      const own = (cached.get(row) ?? []).filter(
        (c) => !planned.some((p) => p.column === c.column),
      );
      return [...planned, ...own].sort((a, b) => a.column - b.column);
    },
  };
}
