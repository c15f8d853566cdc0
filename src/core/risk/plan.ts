import { cellAddress } from "../a1";
import type { ColumnWrite, PlannedCell, WriteOperation } from "../plan";
import type { SheetSnapshot } from "../snapshot";
import { guardWrites, newColumns } from "../plan-helpers";
import { parseScaleValue } from "../values";
import type { RiskContext } from "./check";
import { isHeadingRow } from "./check";
import type { RiskPair } from "./detect";
import { pairTitle } from "./fields";
import { priorityFormula, priorityFormulaValue, scoreFormula, scoreFormulaValue } from "./formulas";

/** Drop-down labels or numbers typed as text in a pair switch its score formula to label mode. */
export function usesLabels(sheet: SheetSnapshot, rows: readonly number[], pair: RiskPair): boolean {
  return rows.some((r) =>
    [pair.likelihood, pair.impact].some((c) => {
      const value = sheet.rows[r]?.[c]?.value ?? null;
      return typeof value === "string" && parseScaleValue(value).kind === "number";
    }),
  );
}

function titleFor(pair: RiskPair, field: "score" | "priority"): string {
  const name = pairTitle(pair.name);
  return name ? `${name} ${field}` : field === "score" ? "Score" : "Priority";
}

interface NewColumn {
  pair: RiskPair;
  field: "score" | "priority";
}

/**
 * The calculated columns of one register: the score and priority of every pair, as formulas
 * with cached values. Existing score/priority columns are turned into formulas in place; missing
 * ones are added to the right of the table, inserting columns if anything sits there.
 */
export function planRiskTable(sheet: SheetSnapshot, ctx: RiskContext): WriteOperation[] {
  const { table } = ctx;
  const rows = table.dataRows.filter((r) => !isHeadingRow(sheet, table, r));
  const missing: NewColumn[] = [];
  for (const pair of table.pairs) {
    if (pair.score === null) missing.push({ pair, field: "score" });
    if (pair.priority === null) missing.push({ pair, field: "priority" });
  }
  const { first: firstNew, range, operations } = newColumns(sheet, table, missing.length, "beside");
  const placed = new Map<string, number>();
  missing.forEach((m, k) => placed.set(`${m.pair.name}|${m.field}`, firstNew + k));
  const columnOf = (pair: RiskPair, field: "score" | "priority") =>
    pair[field] ?? placed.get(`${pair.name}|${field}`) ?? -1;

  for (const pair of table.pairs) {
    const scoreColumn = columnOf(pair, "score");
    const priorityColumn = columnOf(pair, "priority");
    const labels = usesLabels(sheet, rows, pair);
    const scores: PlannedCell[] = [];
    const priorities: PlannedCell[] = [];
    for (const row of rows) {
      const l = sheet.rows[row]?.[pair.likelihood]?.value ?? null;
      const i = sheet.rows[row]?.[pair.impact]?.value ?? null;
      const score = scoreFormulaValue(l, i, labels);
      const lAt = cellAddress(row, pair.likelihood);
      const iAt = cellAddress(row, pair.impact);
      scores.push({ row, formula: scoreFormula(lAt, iAt, labels), value: score });
      const sAt = cellAddress(row, scoreColumn);
      priorities.push({
        row,
        formula: priorityFormula(sAt, ctx.bands.bands),
        value: priorityFormulaValue(score, ctx.bands.bands),
      });
    }
    const write = (
      field: "score" | "priority",
      column: number,
      cells: PlannedCell[],
    ): ColumnWrite => ({
      kind: "column",
      sheet: sheet.name,
      table: range,
      column,
      title: titleFor(pair, field),
      header: pair[field] === null ? { row: table.headerRow, text: titleFor(pair, field) } : null,
      cells,
      filledDown: true,
      ...(field === "score" ? { numberFormat: "0" } : {}),
      ...(pair[field] === null ? { styleFrom: table.lastColumn } : {}),
    });
    operations.push(
      write("score", scoreColumn, scores),
      write("priority", priorityColumn, priorities),
    );
  }
  return guardWrites(sheet, table, operations);
}
