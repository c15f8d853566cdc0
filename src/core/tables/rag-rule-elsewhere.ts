import type { SheetSnapshot } from "../snapshot";
import { statedRagRule, type RagRule } from "./rag-rule";

/**
 * A RAG rule stated on another sheet of the workbook ("Notes", "Key"), for tables whose own sheet
 * states none.
 */

/** Rows of another sheet read for a rule: a "Notes" or "Key" sheet states it near its top. */
const OTHER_SHEET_ROWS = 200;
const ruleOfSheet = new WeakMap<SheetSnapshot, RagRule | null>();

/** The rule a sheet states anywhere in its first rows (a "Notes" or "Key" sheet), or null. */
function ruleAnywhereOn(sheet: SheetSnapshot): RagRule | null {
  const known = ruleOfSheet.get(sheet);
  if (known !== undefined) return known;
  const rows = Math.min(sheet.rows.length, OTHER_SHEET_ROWS);
  // An area below the rows read and with no columns: every cell above it is read as a title.
  const everything = { headerRow: rows, lastRow: rows - 1, firstColumn: 0, lastColumn: -1 };
  const rule = statedRagRule({ ...sheet, rows: sheet.rows.slice(0, rows) }, everything);
  ruleOfSheet.set(sheet, rule);
  return rule;
}

/**
 * For a table whose sheet states no rule: the rule another sheet of the workbook states ("Notes":
 * "RAG: Green under 2%, Amber 2-5%, Red over 5%"), when exactly one other sheet states one. Two
 * sheets stating rules leave no way to tell which is meant, so the settings' rule applies.
 */
export function otherSheetRagRule(
  sheets: readonly SheetSnapshot[],
  own: SheetSnapshot,
): RagRule | null {
  const stated: RagRule[] = [];
  for (const sheet of sheets) {
    if (sheet.name === own.name) continue;
    const rule = ruleAnywhereOn(sheet);
    if (rule) stated.push({ ...rule, sheet: sheet.name });
  }
  return stated.length === 1 ? (stated[0] as RagRule) : null;
}

/**
 * A table's rule read once: where its sheet states none (nor one we cannot read), the rule one
 * other sheet of the workbook states (otherSheetRagRule), else none, so the settings' applies.
 */
export function withOtherSheetRule<
  M extends { ragRule: RagRule | null; ragRuleUnread: { row: number; column: number } | null },
>(model: M, sheets: readonly SheetSnapshot[], own: SheetSnapshot): M {
  if (model.ragRule !== null || model.ragRuleUnread !== null) return model;
  const elsewhere = otherSheetRagRule(sheets, own);
  return elsewhere ? { ...model, ragRule: elsewhere } : model;
}
