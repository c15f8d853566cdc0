import { type NewColumn, widenedPrintArea } from "../../../core";

/** Whether the written `columns` (0-based) would print, per sheet index (localSheetId). */
export interface PrintedColumns {
  sheetIndex: number;
  /** New columns written on the sheet, with the row of their header. */
  columns: NewColumn[];
}

const AREA = /^((?:'(?:[^']|'')+'|[^'!]+)!)(\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+)$/;

/**
 * The workbook part's print areas (defined names _xlnm.Print_Area, ECMA-376 Part 1 §18.2.6)
 * widened over the new columns as widenedPrintArea says.
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
      const [, prefix = "", range = ""] = area;
      const widened = widenedPrintArea(range, sheet.columns);
      if (!widened) return whole;
      const escapedPrefix = text.includes("&apos;") ? prefix.replace(/'/g, "&apos;") : prefix;
      return `${open}${escapedPrefix}${widened}${close}`;
    },
  );
}
