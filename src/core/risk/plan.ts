import { cellAddress } from "../a1";
import type { ColumnWrite, PlannedCell, WriteOperation } from "../plan";
import type { CellValue, SheetSnapshot } from "../snapshot";
import { guardWrites, newColumns } from "../plan-helpers";
import { parseScaleValue } from "../values";
import type { RiskContext } from "./check";
import type { RiskPair } from "./detect";
import { pairTitle } from "./fields";
import {
  priorityFormula,
  priorityFormulaValue,
  scoreFormula,
  scoreFormulaValue,
  wordScoreFormula,
  wordScoreFormulaValue,
  readValue,
  type AxisRead,
} from "./formulas";
import { councilRowFormula } from "./row-formula";
import { parseRating } from "./scales";
import { sameBandLabel } from "../bands";
import { priorityHighlight } from "../highlight";
import type { WordScale } from "../tables/keys";
import { scaleWord } from "../tables/keys";

/** Drop-down labels or numbers typed as text in a pair switch its score formula to label mode. */
export function usesLabels(sheet: SheetSnapshot, rows: readonly number[], pair: RiskPair): boolean {
  return rows.some((r) =>
    [pair.likelihood, pair.impact].some((c) => {
      const value = sheet.rows[r]?.[c]?.value ?? null;
      return typeof value === "string" && parseScaleValue(value).kind === "number";
    }),
  );
}

/**
 * How the score formula reads one axis when the register scores in words: the scale's words in
 * order 1..n, each named as the sheet writes it where the sheet uses it.
 */
function axisRead(
  sheet: SheetSnapshot,
  rows: readonly number[],
  column: number,
  scale: WordScale | null,
): AxisRead | null {
  if (!scale) return null;
  const used = new Map<string, string>();
  for (const r of rows) {
    const value = sheet.rows[r]?.[column]?.value;
    if (typeof value === "string" && value.trim()) used.set(scaleWord(value), value.trim());
  }
  const top = Math.max(...scale.values());
  const words: string[] = [];
  for (let n = 1; n <= top; n++) {
    const names = [...scale.entries()].filter(([, v]) => v === n).map(([w]) => w);
    const name = names.find((w) => used.has(w));
    const spare = names[0];
    // Words the sheet does not use are written as a reader would (MATCH ignores case anyway).
    const shown = name ? used.get(name) : spare && spare.charAt(0).toUpperCase() + spare.slice(1);
    if (shown === undefined) return null;
    words.push(shown);
  }
  return { kind: "words", words };
}

/**
 * The guard: a score formula is written only in a form that reads every cell of the column as
 * check reads it. Where the general reading falls short (a label form it cannot express), the
 * axis is read by a lookup of the labels the column holds, each to the number check gives it.
 */
function expressibleRead(
  sheet: SheetSnapshot,
  rows: readonly number[],
  column: number,
  mode: AxisRead,
  scale: WordScale | null,
): AxisRead {
  const labels: string[] = [];
  const numbers: number[] = [];
  let agrees = true;
  for (const r of rows) {
    const value = sheet.rows[r]?.[column]?.value ?? null;
    const parsed = parseRating(value, scale);
    const checked = parsed.kind === "number" ? parsed.value : null;
    if (readValue(value, mode) !== checked) agrees = false;
    if (checked === null || typeof value !== "string") continue;
    const text = value.trim();
    if (labels.some((l) => l.toLowerCase() === text.toLowerCase())) continue;
    labels.push(text);
    numbers.push(checked);
  }
  return agrees ? mode : { kind: "lookup", labels, numbers };
}

/**
 * A council's own formula that already gives the right result stays as it is ("=D7*E7", a MATCH
 * over its word lists): only typed cells and formulas giving a wrong result are written.
 */
function keepsOwnFormula(
  sheet: SheetSnapshot,
  row: number,
  column: number,
  value: number | string,
): boolean {
  const cell = sheet.rows[row]?.[column];
  if (!cell?.formula) return false;
  const shown = cell.value ?? "";
  if (typeof value === "number") return typeof shown === "number" && Math.abs(shown - value) < 1e-9;
  return (
    typeof shown === "string" && (shown === value || (value !== "" && sameBandLabel(shown, value)))
  );
}

/** A typed rating check reports as words of no scale ("text") or as off the 1..scale range. */
function unreadable(
  value: CellValue,
  scale: number,
  words: WordScale | null,
): "text" | "range" | null {
  const parsed = parseRating(value, words);
  if (parsed.kind === "text") return "text";
  if (parsed.kind !== "number") return null;
  const off = !Number.isInteger(parsed.value) || parsed.value < 1 || parsed.value > scale;
  return off ? "range" : null;
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
  const rows = ctx.lines;
  const missing: NewColumn[] = [];
  for (const pair of table.pairs) {
    if (pair.score === null) missing.push({ pair, field: "score" });
    // A key we could not read leaves the priority to the council: no column is added for it.
    if (pair.priority === null && !ctx.unreadKey) missing.push({ pair, field: "priority" });
  }
  const {
    first: firstNew,
    range,
    operations,
  } = newColumns(
    sheet,
    table,
    missing.length,
    "beside",
    missing.map((m) => titleFor(m.pair, m.field)),
    true,
  );
  const placed = new Map<string, number>();
  missing.forEach((m, k) => placed.set(`${m.pair.name}|${m.field}`, firstNew + k));
  const columnOf = (pair: RiskPair, field: "score" | "priority") =>
    pair[field] ?? placed.get(`${pair.name}|${field}`) ?? -1;

  for (const pair of table.pairs) {
    const scoreColumn = columnOf(pair, "score");
    const priorityColumn = columnOf(pair, "priority");
    const labels = usesLabels(sheet, rows, pair);
    const lWords = axisRead(sheet, rows, pair.likelihood, ctx.words.likelihood);
    const iWords = axisRead(sheet, rows, pair.impact, ctx.words.impact);
    const label: AxisRead = { kind: "label" };
    const words = lWords !== null || iWords !== null;
    const lRead =
      words || labels
        ? expressibleRead(sheet, rows, pair.likelihood, lWords ?? label, ctx.words.likelihood)
        : label;
    const iRead =
      words || labels
        ? expressibleRead(sheet, rows, pair.impact, iWords ?? label, ctx.words.impact)
        : label;
    const general = words || lRead.kind === "lookup" || iRead.kind === "lookup";
    const scores: PlannedCell[] = [];
    const priorities: PlannedCell[] = [];
    const keptScores: number[] = [];
    for (const row of rows) {
      const l = sheet.rows[row]?.[pair.likelihood]?.value ?? null;
      const i = sheet.rows[row]?.[pair.impact]?.value ?? null;
      // A rating check cannot read is reported on its cell; the row's score and priority stay as
      // the council left them rather than be computed from it. A column we add shows "" there
      // for words of no scale (so it computes once the word is put right); a rating off the
      // scale would give a product, so that row is left out of it.
      const lBad = unreadable(l, ctx.scale, ctx.words.likelihood);
      const iBad = unreadable(i, ctx.scale, ctx.words.impact);
      const bad = lBad === "range" || iBad === "range" ? "range" : (lBad ?? iBad);
      const skip = (own: number | null) => bad === "range" || (bad === "text" && own !== null);
      const lAt = cellAddress(row, pair.likelihood);
      const iAt = cellAddress(row, pair.impact);
      const score = general
        ? wordScoreFormulaValue(l, i, lRead, iRead)
        : scoreFormulaValue(l, i, labels);
      const formula = general
        ? wordScoreFormula(lAt, iAt, lRead, iRead)
        : scoreFormula(lAt, iAt, labels);
      const priority = priorityFormulaValue(score, ctx.bands.bands);
      if (keepsOwnFormula(sheet, row, scoreColumn, score)) keptScores.push(row);
      else if (!skip(pair.score)) scores.push({ row, formula, value: score });
      const sAt = cellAddress(row, scoreColumn);
      if (skip(pair.priority) || ctx.unreadKey) continue;
      if (pair.priority === null || !keepsOwnFormula(sheet, row, priorityColumn, priority))
        priorities.push({ row, formula: priorityFormula(sAt, ctx.bands.bands), value: priority });
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
    // A council's structured-reference formula, right on its other rows, is the column's form.
    const own = pair.score === null ? null : councilRowFormula(sheet, keptScores, scoreColumn);
    const scoreCells = own ? scores.map((c) => ({ ...c, formula: own })) : scores;
    if (scores.length > 0) operations.push(write("score", scoreColumn, scoreCells));
    if (priorities.length > 0) {
      const shown =
        pair.priority === null ? [] : rows.map((r) => sheet.rows[r]?.[priorityColumn]?.value);
      const highlight = priorityHighlight(ctx.bands.bands, rows, shown, ctx.bands.fills);
      operations.push({
        ...write("priority", priorityColumn, priorities),
        ...(highlight ? { highlight } : {}),
      });
    }
  }
  return guardWrites(sheet, table, operations);
}
