import { cellAddress, type ColumnWrite, highlightCondition, type WritePlan } from "../../core";
import { bytes, type Batcher } from "./batcher";

/**
 * Band colours (priority, RAG) as Excel conditional formats. ConditionalFormatCollection.add and
 * the custom type (a rule formula with its own font and fill) are ExcelApi 1.6:
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformatcollection ,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.customconditionalformat ;
 * ConditionalFormatRule.formula is the rule's formula, written as for the top-left cell of the
 * range (Microsoft's sample builds it from `range.getCell(0, 0)`'s address):
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.conditionalformatrule ;
 * ConditionalRangeFill.color and ConditionalRangeFont.color take "#RRGGBB".
 * Callers gate on ExcelApi 1.6 (Office 2016 RTM stops at 1.2; Office 2019 has 1.8).
 */
export const HIGHLIGHT_API = "1.6";

function rangeOf(op: ColumnWrite): { address: string; formulas: string[] } | null {
  const h = op.highlight;
  if (!h) return null;
  const first = cellAddress(h.fromRow, op.column);
  return {
    address: `${first}:${cellAddress(h.toRow, op.column)}`,
    formulas: h.rules.map((rule) => `=${highlightCondition(rule, first)}`),
  };
}

const sameFormula = (a: string, b: string) =>
  a.replace(/^=/, "").toLowerCase() === b.replace(/^=/, "").toLowerCase();

/**
 * Queues a look at the conditional formats already on each highlighted column, so that a
 * second Write does not add a second set of rules. Columns on sheets the plan inserts columns
 * into are not looked at: before the insert their letters name other cells (and a column that
 * gets inserted holds no formats yet). `settle`, after the caller's sync, returns the columns
 * whose rules are all there already; it syncs once more only when custom formats were found.
 */
export function lookAtHighlights(
  worksheets: Excel.WorksheetCollection,
  plan: WritePlan,
): { settle(context: Excel.RequestContext): Promise<Set<ColumnWrite>> } {
  const moved = new Set(
    plan.operations.filter((op) => op.kind === "insert-columns").map((op) => op.sheet),
  );
  const looks: { op: ColumnWrite; formulas: string[]; cfs: Excel.ConditionalFormatCollection }[] =
    [];
  for (const op of plan.operations) {
    if (op.kind !== "column" || moved.has(op.sheet)) continue;
    const target = rangeOf(op);
    if (!target) continue;
    const cfs = worksheets.getItem(op.sheet).getRange(target.address).conditionalFormats;
    cfs.load("items/type");
    looks.push({ op, formulas: target.formulas, cfs });
  }
  return {
    async settle(context) {
      const rules = looks.map((look) =>
        look.cfs.items
          .filter((cf) => cf.type === "Custom")
          .map((cf) => {
            const rule = cf.custom.rule;
            rule.load("formula");
            return rule;
          }),
      );
      const done = new Set<ColumnWrite>();
      if (rules.every((r) => r.length === 0)) return done;
      await context.sync();
      looks.forEach((look, i) => {
        const there = (rules[i] ?? []).map((r) => r.formula);
        if (look.formulas.every((f) => there.some((t) => sameFormula(t, f)))) done.add(look.op);
      });
      return done;
    },
  };
}

/** Adds the column's rules: one custom conditional format per band, its fill and font colour. */
export async function addHighlight(
  ws: Excel.Worksheet,
  op: ColumnWrite,
  batcher: Batcher,
): Promise<void> {
  const target = rangeOf(op);
  const h = op.highlight;
  if (!target || !h) return;
  const range = ws.getRange(target.address);
  for (const [i, rule] of h.rules.entries()) {
    const formula = target.formulas[i] ?? "";
    await batcher.add(bytes(formula) + 40);
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = rule.fill;
    cf.custom.format.font.color = rule.text;
  }
}
