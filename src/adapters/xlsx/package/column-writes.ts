import { columnLetter } from "../../../core/a1";
import { writtenCell, type ApplyOptions } from "../../../core/apply-plan";
import { filledDownRuns } from "../../../core/formula-shift";
import type { ColumnWrite } from "../../../core/plan";
import type { CellValue } from "../../../core/snapshot";
import type { CellXml, SheetEdits } from "./sheet-patch";
import type { SheetLayout } from "./sheet-read";
import type { Styles } from "./styles";
import { escapeXml } from "./xml";

interface Content {
  formula?: string;
  value: CellValue;
  /** Shared formula: the master carries the range, the rest only the index. */
  shared?: { si: number; ref?: string };
}

/** The cached result of a formula, or a plain value: its type attribute and <v> text. */
function valueParts(value: CellValue): { type: string; text: string } | null {
  if (typeof value === "number")
    return Number.isFinite(value) ? { type: "", text: String(value) } : null;
  if (typeof value === "boolean") return { type: ' t="b"', text: value ? "1" : "0" };
  if (typeof value === "string" && value !== "")
    return { type: ' t="str"', text: escapeXml(value) };
  return null;
}

/** One <c> element. Text is always a string cell, never a formula, whatever it starts with. */
export function cellXml(p: string, ref: string, style: number, content: Content): string {
  const s = style > 0 ? ` s="${style}"` : "";
  const { value, shared } = content;
  if (content.formula) {
    // Only a shared formula's first cell spells the formula out; the rest point at it.
    const f =
      shared && shared.ref === undefined
        ? `<${p}f t="shared" si="${shared.si}"/>`
        : `<${p}f${shared ? ` t="shared" ref="${shared.ref}" si="${shared.si}"` : ""}>${escapeXml(content.formula.slice(1))}</${p}f>`;
    const cached = valueParts(value);
    return cached
      ? `<${p}c r="${ref}"${s}${cached.type}>${f}<${p}v>${cached.text}</${p}v></${p}c>`
      : `<${p}c r="${ref}"${s}>${f}</${p}c>`;
  }
  if (typeof value === "string" && value !== "")
    return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(value)}</${p}t></${p}is></${p}c>`;
  const plain = valueParts(value);
  if (plain) return `<${p}c r="${ref}"${s}${plain.type}><${p}v>${plain.text}</${p}v></${p}c>`;
  return s ? `<${p}c r="${ref}"${s}/>` : "";
}

/** Finds existing cells' styles and column widths in a sheet's layout. */
class LayoutLookup {
  private readonly rowIndex = new Map<number, number>();
  constructor(private readonly layout: SheetLayout) {
    layout.rowNumber.forEach((n, k) => this.rowIndex.set(n - 1, k));
  }

  style(row: number, column: number): number {
    const k = this.rowIndex.get(row);
    if (k === undefined) return 0;
    const { rowFirstCell, cellColumn, cellStyle } = this.layout;
    for (let i = rowFirstCell[k] ?? 0; i < (rowFirstCell[k + 1] ?? 0); i++)
      if (cellColumn[i] === column) return cellStyle[i] ?? 0;
    return 0;
  }

  width(column: number): number | undefined {
    return this.layout.columns.find((c) => c.min <= column && column <= c.max)?.width;
  }
}

/**
 * The cells the plan's column operations put into one sheet, as XML: the neighbour's look (or the
 * cell's own) with the plan's number format, and each filled-down run as one shared formula.
 */
export function columnEdits(
  layout: SheetLayout,
  ops: readonly ColumnWrite[],
  styles: Styles,
  options: ApplyOptions,
  prefix: string,
): SheetEdits {
  const lookup = new LayoutLookup(layout);
  const rows = new Map<number, CellXml[]>();
  const widths: SheetEdits["widths"] = [];
  let nextShared = layout.maxSharedIndex + 1;
  const put = (row: number, column: number, xml: string) => {
    const cells = rows.get(row) ?? [];
    rows.set(row, cells);
    cells.push({ column, xml });
  };
  for (const op of ops) {
    const letter = columnLetter(op.column);
    const styleOf = (row: number, numberFormat: string | undefined, keepOwn: boolean) => {
      // Styles derives each (style, format) pair once and remembers it.
      if (op.styleFrom !== undefined)
        return styles.withNumberFormat(lookup.style(row, op.styleFrom), numberFormat);
      const own = lookup.style(row, op.column);
      return keepOwn ? own : styles.withNumberFormat(own, numberFormat);
    };
    if (op.header) {
      const { row, text } = op.header;
      put(
        row,
        op.column,
        cellXml(prefix, `${letter}${row + 1}`, styleOf(row, undefined, true), { value: text }),
      );
      const width = op.styleFrom === undefined ? undefined : lookup.width(op.styleFrom);
      if (width) widths.push({ column: op.column, width: Math.min(width, 14) });
    }
    const roles = options.valuesOnly ? new Map<number, string>() : filledDownRuns(op);
    const runs = new Map<string, number>();
    for (const planned of op.cells) {
      const content: Content = writtenCell(op, planned, options);
      const role = roles.get(planned.row);
      if (role && content.formula) {
        if (role.includes(":")) {
          runs.set(role.split(":")[0] ?? "", nextShared);
          content.shared = { si: nextShared++, ref: role };
        } else {
          const si = runs.get(role);
          if (si !== undefined) content.shared = { si };
        }
      }
      const style = styleOf(planned.row, op.numberFormat, op.numberFormat === undefined);
      put(planned.row, op.column, cellXml(prefix, `${letter}${planned.row + 1}`, style, content));
    }
  }
  for (const cells of rows.values()) {
    cells.sort((a, b) => a.column - b.column);
    // A later write to the same cell wins.
    for (let i = cells.length - 2; i >= 0; i--)
      if (cells[i]?.column === cells[i + 1]?.column) cells.splice(i, 1);
  }
  return { rows, widths };
}
