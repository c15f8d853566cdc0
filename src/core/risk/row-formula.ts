import type { SheetSnapshot } from "../snapshot";

/**
 * A structured reference to the formula's own row of an Excel table: "CorpRisks[[#This Row],
 * [Likelihood]]", or "[@Likelihood]" / "CorpRisks[@Impact]" (one bracket level nested at most).
 */
const STRUCTURED = /(?:[A-Za-z_\\][\w.\\]*)?\[(?:[^[\]]|\[[^\]]*\])*\]/g;
const THIS_ROW = /#this row|\[@/i;
/** An A1 cell reference ("D8", "$E$8"): a formula holding one is tied to its row. */
const CELL_REF = /(?<![A-Za-z_\d.])\$?[A-Za-z]{1,3}\$?\d+(?![\w(])/;

/**
 * The council's own formula of a calculated column, when it is written in a table's structured
 * references to its own row and nothing else: the same text is right on every row, so a cell that
 * must be replaced takes it, and the column stays one consistent calculated column (Excel flags
 * a cell whose formula differs from the rest of a table's calculated column: "Inconsistent
 * calculated column formula", support.microsoft.com, "Use calculated columns in an Excel
 * table"). Null unless every kept row (a formula already giving the right result) holds the same
 * such text.
 */
export function councilRowFormula(
  sheet: SheetSnapshot,
  keptRows: readonly number[],
  column: number,
): string | null {
  let found: string | null = null;
  for (const row of keptRows) {
    const formula = sheet.rows[row]?.[column]?.formula;
    if (!formula) return null;
    const text = formula.startsWith("=") ? formula : `=${formula}`;
    if (!THIS_ROW.test(text) || CELL_REF.test(text.replace(STRUCTURED, " "))) return null;
    if (found !== null && found !== text) return null;
    found = text;
  }
  return found;
}
