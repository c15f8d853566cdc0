import { repeatedRows } from "../tables/repeated-rows";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import { finding, type Finding } from "../findings";
import { cellText, isEmptyCell, type CellValue, type SheetSnapshot } from "../snapshot";
import { computed, formulaError } from "./formula-shown";
import { parseDate, parseScaleValue, serialToUkDate, type ParsedValue } from "../values";
import { bandOf, describeScorePlace, sameBandLabel, type BandSet } from "../bands";
import type { RiskPair, RiskTable } from "./detect";
import { pairTitle, type PairName } from "./fields";
import type { WordScale } from "../tables/keys";
import { parseRating, type AxisWords, type RatingWords } from "./scales";
import type { TotalRow } from "../tables/arithmetic";
import { checkRiskTotals } from "./money";
import { saidOnUnratedInput } from "./input-consequence";

export interface RiskContext {
  table: RiskTable;
  scale: number;
  /** Where the scale's top came from: a key's words or bands, the register's words, or its data. */
  scaleSource: "key" | "words" | "data";
  bands: BandSet;
  /** Word scales of the likelihood and impact columns, when they hold words. */
  words: RatingWords;
  /** The scale's words as the workbook's key states them: the heat map's axis words. */
  keyWords?: AxisWords;
  /**
   * The data rows that are risks (headings and totals rows left out), found once when the model
   * is built: the check, the plan and the PID read them instead of each re-scanning every row.
   */
  lines: readonly number[];
  /** Other sheets whose key or word scales this register was read by ("Risk Key", "Scoring"). */
  keySheets?: readonly string[];
  /**
   * The workbook's key states no bands we can read (a coloured matrix whose colours overlap in
   * score): priorities are neither judged nor written, and one warning says why. `at` is
   * "Sheet!A1".
   */
  unreadKey?: { reason: string; at: string };
  /**
   * Ids the earlier sections of the same register on this sheet hold (lower case → first row):
   * one reused here is a duplicate across sections (see section-ids.ts).
   */
  idsAbove?: ReadonlyMap<string, number>;
  /** Money columns beside the ratings (cost, allowance £) and the total rows under them. */
  money: readonly number[];
  totals: readonly TotalRow[];
}

export interface CheckOptions {
  /** Today as an Excel serial; review dates before it are overdue. */
  asOf: number;
  /** `asOf` is a date the officer set, not today: the message says "as at". */
  asOfChosen?: boolean;
  /** Every sheet of the workbook, for formulas reading another sheet (a MATCH over "Scoring"). */
  sheets?: readonly SheetSnapshot[];
}

/**
 * What a score or priority cell shows: its saved value, or, for a formula saved without one (a
 * file written by a tool that never calculates), what the formula computes. `undefined` when the
 * formula is beyond the evaluator: counted per column, never read as blank.
 */
function shownValue(
  sheet: SheetSnapshot,
  row: number,
  column: number,
  unevaluated: Map<number, number>,
  sheets: readonly SheetSnapshot[] | undefined,
): CellValue | undefined {
  const cell = sheet.rows[row]?.[column];
  if (!cell?.formula || cell.value !== null || cell.error) return cell?.value ?? null;
  const v = computed(sheet, cell.formula, sheets);
  if (v === undefined) {
    unevaluated.set(column, (unevaluated.get(column) ?? 0) + 1);
    return undefined;
  }
  // An error the formula computes is Excel's to show; the rule is judged on values only.
  return typeof v === "object" && v !== null ? undefined : v;
}

function fieldName(pair: PairName, field: string): string {
  return pair ? `${pairTitle(pair)} ${field}` : field.charAt(0).toUpperCase() + field.slice(1);
}

function shown(parsed: ParsedValue, raw: unknown): string {
  return parsed.kind === "text" || parsed.kind === "unconfirmed" ? `"${parsed.text}"` : String(raw);
}

const TOTAL_LABEL = /^(grand\s+)?totals?\b/i;

/**
 * A row that is not a risk: a heading with one filled cell and no ratings ("Strategic risks"), or
 * a totals row ("Total risks", an Excel table's totals row) without ratings.
 */
export function isHeadingRow(sheet: SheetSnapshot, table: RiskTable, row: number): boolean {
  const cells = sheet.rows[row] ?? [];
  const lead = cellText(cells[table.firstColumn] ?? undefined);
  if (
    TOTAL_LABEL.test(lead) &&
    table.pairs.every((p) => isEmptyCell(cells[p.likelihood] ?? undefined))
  )
    return true;
  let filled = 0;
  // A formula counts as filled even while it shows "", so writing one never turns a row into a heading.
  for (let c = table.firstColumn; c <= table.lastColumn; c++)
    if (!isEmptyCell(cells[c] ?? undefined)) filled++;
  const rated = table.pairs.some(
    (p) => cellText(cells[p.likelihood] ?? undefined) || cellText(cells[p.impact] ?? undefined),
  );
  return filled === 1 && !rated;
}

/**
 * A word scale as the message names it: one word per step, lowest first, capitalised as a
 * heading ("Low, Medium, High"); the first word read for a step stands for its synonyms.
 */
function scaleWordsText(scale: WordScale): string {
  const byStep = new Map<number, string>();
  for (const [word, step] of scale) if (!byStep.has(step)) byStep.set(step, word);
  return [...byStep]
    .sort((a, b) => a[0] - b[0])
    .map(([, word]) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(", ");
}

/** The valid rating of one likelihood/impact cell, with the findings it earns. */
function rating(
  ctx: RiskContext,
  sheet: SheetSnapshot,
  row: number,
  column: number,
  label: string,
  out: Finding[],
): number | null {
  const raw = sheet.rows[row]?.[column]?.value ?? null;
  const axis = /likelihood$/i.test(label) ? ctx.words.likelihood : ctx.words.impact;
  const parsed = parseRating(raw, axis);
  const table = rangeOf(ctx.table);
  const at = (code: Parameters<typeof finding>[0], message: string, extra = {}) =>
    out.push(finding(code, sheet.name, row, column, message, { table, ...extra }));
  if (parsed.kind === "blank") {
    at("missing-value", `${label} is blank`);
    return null;
  }
  if (parsed.kind === "unconfirmed") {
    at("missing-value", `${label} is ${shown(parsed, raw)}, not yet a rating`, {
      actual: parsed.text,
    });
    return null;
  }
  if (parsed.kind === "text") {
    const expected = axis
      ? `is not one of the scale's words (${scaleWordsText(axis)})`
      : `is not a number on the 1–${ctx.scale} scale`;
    at("not-a-number", `${label} ${shown(parsed, raw)} ${expected}`, { actual: parsed.text });
    return null;
  }
  if (parsed.fromText && parsed.label === undefined) {
    at("number-as-text", `${label} ${parsed.value} is stored as text; it is read as the number`, {
      actual: String(raw),
    });
  }
  const v = parsed.value;
  if (!Number.isInteger(v) || v < 1 || v > ctx.scale) {
    at("out-of-range", `${label} ${v} is outside the 1–${ctx.scale} scale`, { actual: v });
    return null;
  }
  return v;
}

function checkStated(
  ctx: RiskContext,
  sheet: SheetSnapshot,
  row: number,
  pair: RiskPair,
  l: number,
  i: number,
  out: Finding[],
  shown: (column: number) => CellValue | undefined,
): void {
  const expected = l * i;
  const table = rangeOf(ctx.table);
  // A formula saved without a value is quoted with what it computes: the figure Excel will show.
  const computed = (column: number) => {
    const cell = sheet.rows[row]?.[column];
    return cell?.formula && cell.value === null ? `formula ${cell.formula.slice(1)} gives ` : "is ";
  };
  if (pair.score !== null) {
    const raw = shown(pair.score) ?? null;
    const stated = parseScaleValue(raw);
    const label = fieldName(pair.name, "score");
    if (stated.kind === "text") {
      out.push(
        finding(
          "not-a-number",
          sheet.name,
          row,
          pair.score,
          `${label} "${stated.text}" is not a number`,
          { table, actual: stated.text },
        ),
      );
    } else if (stated.kind === "number" && Math.abs(stated.value - expected) > 1e-9) {
      const what = `${label} ${computed(pair.score)}${stated.value} but ${fieldName(pair.name, "likelihood").toLowerCase()} ${l} × ${fieldName(pair.name, "impact").toLowerCase()} ${i} = ${expected}`;
      out.push(
        finding("score-mismatch", sheet.name, row, pair.score, what, {
          table,
          expected,
          actual: stated.value,
        }),
      );
    }
  }
  if (pair.priority !== null && !ctx.unreadKey) {
    const value = shown(pair.priority);
    const stated = value === undefined || value === null ? "" : String(value).trim();
    const band = bandOf(expected, ctx.bands.bands);
    if (stated && !sameBandLabel(stated, band.label)) {
      const label = fieldName(pair.name, "priority");
      // Bands read from the register's own ratings are no key: the message says where they came from.
      const from = ctx.bands.source === "ratings" ? " of the register's own ratings" : "";
      const what = `${label} ${computed(pair.priority)}"${stated}" but score ${expected} ${describeScorePlace(expected, ctx.bands.bands)}${from}`;
      out.push(
        finding("priority-mismatch", sheet.name, row, pair.priority, what, {
          table,
          expected: band.label,
          actual: stated,
        }),
      );
    }
  }
}

/**
 * The council's own score formula showing an error (`formulaError`): the score is no number, so
 * it is one finding on its cell, whatever the ratings; the plan leaves the council's formula alone
 * and claims no value for it.
 */
function checkScoreError(
  ctx: RiskContext,
  sheet: SheetSnapshot,
  row: number,
  pair: RiskPair,
  out: Finding[],
  sheets: readonly SheetSnapshot[] | undefined,
  inputsFrom: number,
): void {
  const shows = pair.score === null ? null : formulaError(sheet, row, pair.score, sheets);
  if (!shows || pair.score === null) return;
  const label = fieldName(pair.name, "score");
  const inputs = [pair.likelihood, pair.impact];
  const consequence = `the ${label.toLowerCase()} formula at ${cellAddress(row, pair.score)} gives ${shows.error} from it`;
  if (saidOnUnratedInput(out, inputsFrom, sheet, row, inputs, pair.score, consequence)) return;
  const message = `${label} formula ${shows.formula} gives ${shows.error}, not a score`;
  out.push(
    finding("score-mismatch", sheet.name, row, pair.score, message, {
      table: rangeOf(ctx.table),
      actual: shows.error,
    }),
  );
}

/** Each register's range, written once: every finding on every row names it. */
const ranges = new WeakMap<RiskTable, string>();
function rangeOf(t: RiskTable): string {
  let range = ranges.get(t);
  if (range === undefined) {
    range = rangeAddress(t.headerRow, t.firstColumn, t.lastRow, t.lastColumn);
    ranges.set(t, range);
  }
  return range;
}

function checkIds(
  sheet: SheetSnapshot,
  ctx: RiskContext,
  rows: readonly number[],
  out: Finding[],
): void {
  const column = ctx.table.columns.id;
  if (column === undefined) return;
  const idOf = (row: number) => cellText(sheet.rows[row]?.[column] ?? undefined);
  // Ids an earlier section of the register holds are met first: a reuse here repeats that row.
  const above = [...(ctx.idsAbove?.values() ?? [])];
  const own = new Set(rows);
  const repeats = repeatedRows([...above, ...rows], (r) => idOf(r).toLowerCase());
  for (const { row, first } of repeats.filter((x) => own.has(x.row))) {
    const id = idOf(row);
    const where = cellAddress(first, column);
    out.push(
      finding("duplicate-id", sheet.name, row, column, `Id ${id} is also used at ${where}`, {
        table: rangeOf(ctx.table),
        actual: id,
      }),
    );
  }
}

function checkReview(
  sheet: SheetSnapshot,
  ctx: RiskContext,
  row: number,
  { asOf, asOfChosen }: CheckOptions,
  out: Finding[],
): void {
  const column = ctx.table.columns.reviewDate;
  if (column === undefined) return;
  const serial = parseDate(sheet.rows[row]?.[column]?.value ?? null);
  if (serial !== null && Math.floor(serial) < Math.floor(asOf)) {
    const message = `Review date ${serialToUkDate(serial)} has passed (${asOfChosen ? "as at" : "today is"} ${serialToUkDate(asOf)})`;
    out.push(
      finding("review-overdue", sheet.name, row, column, message, {
        table: rangeOf(ctx.table),
        actual: serialToUkDate(serial),
      }),
    );
  }
}

/** Every finding for one register: exactly the rows that are wrong, nothing on rows that are right. */
export function checkRiskTable(
  sheet: SheetSnapshot,
  ctx: RiskContext,
  options: CheckOptions,
): Finding[] {
  const out: Finding[] = [];
  const rows = ctx.lines;
  const unevaluated = new Map<number, number>();
  for (const row of rows) {
    const titleColumn = ctx.table.columns.title;
    if (titleColumn !== undefined && !cellText(sheet.rows[row]?.[titleColumn] ?? undefined)) {
      out.push(
        finding("missing-value", sheet.name, row, titleColumn, "Risk title is blank", {
          table: rangeOf(ctx.table),
        }),
      );
    }
    for (const pair of ctx.table.pairs) {
      const cells = sheet.rows[row] ?? [];
      const unrated =
        !cellText(cells[pair.likelihood] ?? undefined) &&
        !cellText(cells[pair.impact] ?? undefined);
      // A target rating is often set later; an empty pair there is not a fault.
      if (pair.name === "target" && unrated) continue;
      const before = out.length;
      const l = rating(ctx, sheet, row, pair.likelihood, fieldName(pair.name, "likelihood"), out);
      const i = rating(ctx, sheet, row, pair.impact, fieldName(pair.name, "impact"), out);
      const shown = (column: number) => shownValue(sheet, row, column, unevaluated, options.sheets);
      if (l !== null && i !== null) checkStated(ctx, sheet, row, pair, l, i, out, shown);
      checkScoreError(ctx, sheet, row, pair, out, options.sheets, before);
    }
    checkReview(sheet, ctx, row, options, out);
  }
  for (const [column, count] of unevaluated) {
    const first = rows.find((r) => sheet.rows[r]?.[column]?.formula) ?? ctx.table.headerRow;
    const what = `${count} formula${count === 1 ? "" : "s"} in column ${columnLetter(column)}`;
    out.push(
      finding(
        "formula-not-evaluated",
        sheet.name,
        first,
        column,
        `${what} had no saved result and could not be checked (open and save the workbook in Excel to check them)`,
        { table: rangeOf(ctx.table) },
      ),
    );
  }
  checkIds(sheet, ctx, rows, out);
  if (ctx.unreadKey) out.push(...unreadKeyWarnings(sheet, ctx, ctx.unreadKey));
  checkRiskTotals(sheet, ctx.table, ctx.money, ctx.totals, out);
  return out;
}

/** One warning per priority column a key we could not read leaves unjudged (and unwritten). */
function unreadKeyWarnings(
  sheet: SheetSnapshot,
  ctx: RiskContext,
  key: { reason: string; at: string },
): Finding[] {
  return ctx.table.pairs.flatMap((pair) => {
    if (pair.priority === null) return [];
    const label = fieldName(pair.name, "priority");
    const message = `${label} not checked: the risk matrix key at ${key.at} gives no bands (${key.reason}); nothing written`;
    const found = finding(
      "priority-mismatch",
      sheet.name,
      ctx.table.headerRow,
      pair.priority,
      message,
      {
        table: rangeOf(ctx.table),
        expected: null,
        actual: null,
      },
    );
    return [{ ...found, severity: "warning" as const }];
  });
}
