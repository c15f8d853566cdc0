import { keyCells, parseAddress, type SheetSnapshot } from "../../../core";
import type { SheetXmlOffsets } from "./sheet-read";
import type { Styles } from "./styles";

/**
 * The legacy palette's first colours (ECMA-376 Part 1, §18.8.27 indexedColors): the ones a key
 * cell filled in an old file names by index. Others are passed over (our own colours are used).
 */
export const INDEXED_COLOURS: Record<number, string> = {
  8: "#000000",
  9: "#ffffff",
  10: "#ff0000",
  11: "#00ff00",
  12: "#0000ff",
  13: "#ffff00",
  17: "#008000",
  50: "#99cc00",
  51: "#ffcc00",
  52: "#ff9900",
  53: "#ff6600",
};

/**
 * The colour of a `<fill>` entry of styles.xml when it is a solid fill of an ARGB or indexed
 * colour, "#rrggbb"; undefined for no fill, patterns, gradients and theme colours (the theme's
 * palette is not read: a key filled in a theme colour keeps our colours).
 */
export function solidColour(fill: string): string | undefined {
  if (!/patternType="solid"/.test(fill)) return undefined;
  const fg = /<(?:\w+:)?fgColor\b([^>]*)>/.exec(fill)?.[1] ?? "";
  const rgb = /\brgb="(?:[0-9A-Fa-f]{2})?([0-9A-Fa-f]{6})"/.exec(fg)?.[1];
  if (rgb) return `#${rgb.toLowerCase()}`;
  const indexed = /\bindexed="(\d+)"/.exec(fg)?.[1];
  return indexed === undefined ? undefined : INDEXED_COLOURS[Number(indexed)];
}

/** The style index of the cell at (row, column), 0-based, from the sheet's offsets; -1 if none. */
function styleAt(offsets: SheetXmlOffsets, row: number, column: number): number {
  const rows = offsets.rowNumber;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const n = (rows[mid] ?? 0) - 1;
    if (n === row) {
      const end = offsets.rowFirstCell[mid + 1] ?? offsets.cellColumn.length;
      for (let i = offsets.rowFirstCell[mid] ?? end; i < end; i++)
        if (offsets.cellColumn[i] === column) return offsets.cellStyle[i] ?? -1;
      return -1;
    }
    if (n < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The rows (0-based) holding a cell with a solid fill other than white, read from the style index
 * the sheet's offsets keep for every cell: each style's fill is looked up once.
 */
function filledRows(offsets: SheetXmlOffsets, styles: Styles): number[] {
  const filledStyle = new Map<number, boolean>();
  const rows: number[] = [];
  for (let i = 0; i < offsets.rowNumber.length; i++) {
    const end = offsets.rowFirstCell[i + 1] ?? offsets.cellStyle.length;
    for (let j = offsets.rowFirstCell[i] ?? end; j < end; j++) {
      const style = offsets.cellStyle[j] ?? -1;
      if (style < 0) continue;
      let filled = filledStyle.get(style);
      if (filled === undefined) {
        const fill = styles.solidFillOf(style);
        filled = fill !== undefined && fill !== "#ffffff";
        filledStyle.set(style, filled);
      }
      if (filled) {
        rows.push((offsets.rowNumber[i] ?? 0) - 1);
        break;
      }
    }
  }
  return rows;
}

/**
 * The solid fills of the sheet's key cells (`keyCells`), by address: only those few cells' styles
 * are looked up, never every cell's. White is no band colour (a key on a white grid) and is left out.
 * Only a key through a row with a filled cell can have a fill: a sheet without one has no key
 * fills, and the key search reads only the rows around the filled ones.
 */
export function keyFillsOf(
  sheet: SheetSnapshot,
  offsets: SheetXmlOffsets,
  styles: Styles,
): Record<string, string> | undefined {
  const rows = filledRows(offsets, styles);
  if (rows.length === 0) return undefined;
  const fills: Record<string, string> = {};
  for (const address of keyCells(sheet, rows)) {
    const { row, column } = parseAddress(address);
    const style = styleAt(offsets, row, column);
    const fill = style >= 0 ? styles.solidFillOf(style) : undefined;
    if (fill && fill !== "#ffffff") fills[address] = fill;
  }
  return Object.keys(fills).length > 0 ? fills : undefined;
}
