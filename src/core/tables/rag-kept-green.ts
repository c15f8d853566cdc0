import { cellAddress, parseAddress } from "../a1";
import type { Finding } from "../findings";
import type { SheetSnapshot } from "../snapshot";
import { HALF_PENNY } from "./money";
import { amberSettingHint, type RatedLine } from "./rag-amber-hint";
import { describeRagRule, ragByRule, type RagRule } from "./rag-rule";
import { cellList, headerOf, tableRows, type SuspectColumn } from "./suspect-columns";

/**
 * A council RAG column rated by the settings' rule (the sheet states none, the settings set no
 * Amber band) that keeps small overspends Green ("Green up to 2% over budget") disagrees with the
 * rule on each of those lines. When fewer than half do, suspect-columns.ts leaves them as one
 * error each: false errors, every one the same convention. Here, when the figures allow one
 * Amber threshold under which every such line falls (each Green overspend below every Amber or
 * Red one, by share of budget or by amount), those lines are one warning naming the setting and
 * the values the figures allow, and the column is left as typed. A line no threshold explains (a
 * Green overspend above a Red one, an underspend typed Red) stays an error on its line. One line
 * alone is no convention: a single Green overspend is reported as the error it most likely is.
 */

/** A line as the RAG column rates it, with its row. */
export interface RatedRow extends RatedLine {
  row: number;
}

/** A table's RAG column, the lines it rates and the rule they are checked by. */
export interface RatedColumn {
  column: number;
  lines: RatedRow[];
  rule: RagRule;
}

/** Lines needed to call a colouring a convention rather than an error. */
const CONVENTION_MINIMUM = 2;

/**
 * The lines one Amber threshold explains (Green overspends the rule rates Amber, each below every
 * overspend typed Amber or Red, by share or by amount, whichever explains more) and the hint.
 */
export function keptGreenLines(
  column: RatedColumn,
): { explained: RatedRow[]; hint: string } | null {
  const { lines, rule } = column;
  if (rule.source !== "settings" || rule.amber !== null) return null;
  const over = lines.filter((l) => l.overspend > HALF_PENNY);
  const greens = over.filter(
    (l) => l.typed === "Green" && ragByRule(l.overspend, l.budget, rule) === "Amber",
  );
  const others = over.filter((l) => l.typed !== "Green");
  const measures = [
    (l: RatedLine) =>
      l.budget === 0 ? Number.POSITIVE_INFINITY : l.overspend / Math.abs(l.budget),
    (l: RatedLine) => l.overspend,
  ];
  let best: RatedRow[] = [];
  for (const measure of measures) {
    const cut = Math.min(...others.map(measure));
    const explained = greens.filter((l) => measure(l) < cut);
    if (explained.length > best.length) best = explained;
  }
  if (best.length < CONVENTION_MINIMUM) return null;
  const kept = new Set(best);
  // The hint reads the lines the threshold explains and those the rule already agrees with.
  const fitting = lines.filter(
    (l) => kept.has(l) || ragByRule(l.overspend, l.budget, rule) === l.typed,
  );
  const hint = amberSettingHint(fitting, rule);
  return hint === null ? null : { explained: best, hint };
}

/**
 * The findings with a RAG column's explained lines (keptGreenLines) made one warning on its
 * header, and the column to leave as typed. Other findings pass through unchanged, in order.
 */
export function collapseKeptGreen(
  sheets: readonly SheetSnapshot[],
  findings: readonly Finding[],
  column: RatedColumn | null,
): { findings: Finding[]; suspect: SuspectColumn[] } {
  const unchanged = { findings: [...findings], suspect: [] };
  if (column === null) return unchanged;
  const kept = keptGreenLines(column);
  if (kept === null) return unchanged;
  const rows = new Set(kept.explained.map((l) => l.row));
  const isExplained = (f: Finding) => {
    if (f.code !== "variance-mismatch" || f.severity !== "error") return false;
    const at = parseAddress(f.cell);
    return at.column === column.column && rows.has(at.row);
  };
  const explained = findings.filter(isExplained);
  const first = explained[0];
  const range = first?.table && tableRows(first.table);
  const sheet = sheets.find((s) => s.name === first?.sheet);
  if (!first || !range || !sheet) return unchanged;
  const header = headerOf(sheet, range.first, column.column);
  // "… (the settings' rule; the sheet states none)" inside the brackets the message puts round it.
  const rule = describeRagRule(column.rule).replace(/\s*\(([^()]*)\)$/, "; $1");
  const warning: Finding = {
    severity: "warning",
    code: "variance-mismatch",
    sheet: first.sheet,
    cell: cellAddress(range.first, column.column),
    message:
      `${header} disagrees with the RAG rule (${rule}) on ${explained.length} lines ` +
      `(${cellList(explained)}), each an overspend it keeps Green: nothing written; ${kept.hint}`,
    table: first.table,
    expected: "Amber",
    actual: "Green",
  };
  const out: Finding[] = [];
  for (const f of findings) {
    if (f === first) out.push(warning);
    else if (!isExplained(f)) out.push(f);
  }
  const suspect = [
    { sheet: first.sheet, firstRow: range.first, lastRow: range.last, column: column.column },
  ];
  return { findings: out, suspect };
}
