import { columnIndex, columnLetter, type ColumnWrite } from "../../../core";

/** Whether the written `columns` (0-based) would print, per sheet index (localSheetId). */
export interface PrintedColumns {
  sheetIndex: number;
  /** New columns written on the sheet, with the row of their header. */
  columns: { column: number; headerRow: number }[];
}

const AREA = /^((?:'(?:[^']|'')+'|[^'!]+)!)\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/;

/**
 * A sheet's print area (defined name _xlnm.Print_Area, ECMA-376 Part 1 §18.2.6) that covers the
 * register but stops just left of the columns we add would print the register without them: the
 * area is widened over new columns that follow its right edge (one spacer column allowed) and
 * whose header lies inside its rows. Areas of several ranges, and columns further right, are
 * left as they are.
 */
export function widenPrintAreas(xml: string, sheets: readonly PrintedColumns[]): string {
  return xml.replace(
    /(<(?:[\w.-]+:)?definedName\b([^>]*)>)([^<]*)(<\/(?:[\w.-]+:)?definedName>)/g,
    (whole, open: string, attributes: string, text: string, close: string) => {
      if (!/\bname="_xlnm\.Print_Area"/.test(attributes)) return whole;
      const id = /\blocalSheetId="(\d+)"/.exec(attributes)?.[1];
      const sheet = sheets.find((s) => String(s.sheetIndex) === id);
      const area = AREA.exec(text.replace(/&apos;/g, "'").trim());
      if (!sheet || !area) return whole;
      const [, prefix = "", first = "A", top = "1", lastLetters = "A", bottom = "1"] = area;
      const rows = [Number(top) - 1, Number(bottom) - 1];
      let last = columnIndex(lastLetters);
      const beyond = sheet.columns
        .filter(
          (c) => c.column > last && c.headerRow >= (rows[0] ?? 0) && c.headerRow <= (rows[1] ?? 0),
        )
        .map((c) => c.column)
        .sort((a, b) => a - b);
      for (const column of beyond) if (column <= last + 2) last = column;
      if (last === columnIndex(lastLetters)) return whole;
      const escapedPrefix = text.includes("&apos;") ? prefix.replace(/'/g, "&apos;") : prefix;
      return `${open}${escapedPrefix}$${first}$${top}:$${columnLetter(last)}$${bottom}${close}`;
    },
  );
}

/** The new columns of `ops` (those the plan writes a header for), by column and header row. */
export function newColumnsOf(ops: readonly ColumnWrite[]): PrintedColumns["columns"] {
  return ops.flatMap((op) => (op.header ? [{ column: op.column, headerRow: op.header.row }] : []));
}
