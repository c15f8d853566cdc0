import { columnLetter, reportRow } from "../a1";
import type { SheetSnapshot } from "../snapshot";
import { parseScaleValue } from "../values";
import { DEFAULT_BANDS, type Band, type BandSet } from "../bands";
import { isHeadingRow, type RiskContext } from "./check";
import {
  keyWordsOf,
  ratingWords,
  statedScales,
  wordScaleTop,
  type RatingWords,
  type StatedScales,
} from "./scales";
import { detectRiskTables, type RiskTable } from "./detect";
import { readLegend, type Legend } from "./legend";
import { bandsFromRatings, type RatedRegister } from "./rating-bands";
import { idsAboveBySection } from "./section-ids";
import { withScoresFromData } from "./score-column";
import { riskMoneyColumns, riskTotalRows } from "./money";
import { ruleFillsFor } from "../rule-fills";
import { columnLetters, placement } from "../tables/bounds";
import { isExcelTotalsRow } from "../tables/excel-tables";
import type { TotalRow } from "../tables/arithmetic";
import { cellText } from "../snapshot";

export interface RiskOptions {
  asOf: number;
  /** Bands from the workbook's settings; they beat the sheet's key and the defaults. */
  bands?: Band[];
}

export interface RiskTableReport {
  sheet: string;
  kind: "risk-register";
  range: string;
  headerRow: number;
  /** Every row of the header block, 1-based, when the header spans rows. */
  headerRows: number[];
  columns: Record<string, string>;
  rows: number;
  scale: number;
  scaleSource: "key" | "words" | "data";
  bands: BandSet;
  pairs: string[];
  project?: string;
  projects?: string[];
}

function dataScale(sheet: SheetSnapshot, table: RiskTable): number {
  let max = 0;
  for (const r of table.dataRows) {
    for (const p of table.pairs) {
      for (const c of [p.likelihood, p.impact]) {
        const v = parseScaleValue(sheet.rows[r]?.[c]?.value ?? null);
        if (v.kind === "number" && Number.isInteger(v.value) && v.value <= 5)
          max = Math.max(max, v.value);
      }
    }
  }
  return max <= 4 ? 4 : 5;
}

/** An open top band ("16+") the key states no scale for ends at the register's own top score. */
function closedAt(legend: Legend, scale: number): Band[] {
  const bands = legend.bands ?? [];
  if (!legend.openTop || legend.scale !== null) return bands;
  const top = bands[bands.length - 1];
  return bands.map((b) => (b === top ? { ...b, to: Math.max(b.from, scale * scale) } : b));
}

/** The fill of each band's key cells on `sheet`, by label: the first filled cell of each band. */
function keyFillsOf(sheet: SheetSnapshot, legend: Legend): Record<string, string> | undefined {
  const filled = sheet.keyFills;
  if (!filled || !legend.bands || !legend.cells) return undefined;
  const fills: Record<string, string> = {};
  legend.bands.forEach((band, i) => {
    const fill = (legend.cells?.[i] ?? []).map((a) => filled[a]).find(Boolean);
    if (fill) fills[band.label] = fill;
  });
  return Object.keys(fills).length > 0 ? fills : undefined;
}

/**
 * Bands the key's own cells do not colour take the colour the sheet's own conditional formats give
 * its score or priority columns (a council that colours "≥ 15" red by rule): the written column
 * then matches the columns beside it. Key-cell fills come first; settings bands are left alone.
 */
function withRuleFills(sheet: SheetSnapshot, table: RiskTable, set: BandSet): BandSet {
  if (set.source === "settings") return set;
  const scores = table.pairs.flatMap((p) => (p.score === null ? [] : [p.score]));
  const priorities = table.pairs.flatMap((p) => (p.priority === null ? [] : [p.priority]));
  const fromRules = ruleFillsFor(sheet, set.bands, scores, priorities);
  if (!fromRules) return set;
  return { ...set, fills: { ...fromRules, ...(set.fills ?? {}) } };
}

function bandsFor(
  legend: Legend & { fills?: Record<string, string> },
  fallback: { legend: Legend & { fills?: Record<string, string> }; sheet: string } | null,
  scale: number,
  options: RiskOptions,
): BandSet {
  if (options.bands && options.bands.length > 0)
    return { bands: options.bands, source: "settings" };
  if (legend.bands)
    return {
      bands: closedAt(legend, scale),
      source: "sheet",
      ...(legend.at ? { at: legend.at } : {}),
      ...(legend.fills ? { fills: legend.fills } : {}),
    };
  if (fallback?.legend.bands) {
    return {
      bands: closedAt(fallback.legend, scale),
      source: "workbook",
      at: `${fallback.sheet}!${fallback.legend.at ?? "A1"}`,
      ...(fallback.legend.fills ? { fills: fallback.legend.fills } : {}),
    };
  }
  return { bands: DEFAULT_BANDS[scale === 3 || scale === 4 ? scale : 5], source: "default" };
}

function columnsReport(table: RiskTable): Record<string, string> {
  const columns = columnLetters(table.columns);
  for (const pair of table.pairs) {
    for (const field of ["likelihood", "impact", "score", "priority"] as const) {
      const column = pair[field];
      if (column === null) continue;
      const key = pair.name
        ? `${pair.name}${field.charAt(0).toUpperCase()}${field.slice(1)}`
        : field;
      columns[key] = columnLetter(column);
    }
  }
  return columns;
}

/** The names in the project column, total rows ("Subtotal", "Total exposure") left out. */
function projectsOf(
  sheet: SheetSnapshot,
  table: RiskTable,
  totals: readonly TotalRow[],
): string[] | undefined {
  const column = table.columns.project;
  if (column === undefined) return undefined;
  const totalRows = new Set(totals.map((t) => t.row));
  const names = new Set<string>();
  for (const r of table.dataRows) {
    if (totalRows.has(r)) continue;
    const name = cellText(sheet.rows[r]?.[column] ?? undefined);
    if (name) names.add(name);
  }
  return [...names];
}

/** A "Likelihood | Score | Description" list that defines a word scale is a key, not a register. */
function isScaleKey(table: RiskTable, heads: ReadonlySet<string> | undefined): boolean {
  if (!heads) return false;
  return table.pairs.some((p) =>
    table.headerRows.some(
      (r) => heads.has(`${r},${p.likelihood}`) || heads.has(`${r},${p.impact}`),
    ),
  );
}

const RAG = ["green", "amber", "red"];

/**
 * Default bands in the register's own words: a priority column kept in Green / Amber / Red is
 * written in those words (as the sheet spells them), low to high, when the defaults have three bands.
 */
function inSheetWords(
  sheet: SheetSnapshot,
  table: RiskTable,
  rows: readonly number[],
  set: BandSet,
): BandSet {
  if (set.source !== "default" || set.bands.length !== RAG.length) return set;
  const spelled = new Map<string, string>();
  for (const pair of table.pairs) {
    if (pair.priority === null) continue;
    for (const r of rows) {
      const text = cellText(sheet.rows[r]?.[pair.priority] ?? undefined);
      if (!text) continue;
      if (!RAG.includes(text.toLowerCase())) return set;
      spelled.set(text.toLowerCase(), text);
    }
  }
  if (spelled.size === 0) return set;
  const label = (w: string) => spelled.get(w) ?? w.charAt(0).toUpperCase() + w.slice(1);
  return { ...set, bands: set.bands.map((b, i) => ({ ...b, label: label(RAG[i] ?? "") })) };
}

/** A register's context before its bands, with what the bands are read from. */
type Unbanded = Omit<RiskContext, "bands"> & { set: BandSet; register: RatedRegister };

/**
 * Where no key, setting or lent key decides, registers whose own ratings form one banding are
 * judged (and written) by it rather than by the defaults: the sheet's labels stay its own. The
 * sections of one sheet on one scale are one register split by headings, so they are read
 * together (a section rated all "Medium" says nothing alone); failing that, each on its own.
 */
function fromOwnRatings(sheet: SheetSnapshot, registers: readonly Unbanded[]): BandSet[] {
  const open = (r: Unbanded) => r.set.source === "default" && !r.unreadKey;
  const pooled = new Map<number, ReturnType<typeof bandsFromRatings>>();
  for (const scale of new Set(registers.filter(open).map((r) => r.scale))) {
    const same = registers.filter((r) => open(r) && r.scale === scale);
    pooled.set(
      scale,
      same.length > 1
        ? bandsFromRatings(
            same.map((r) => r.register),
            scale,
          )
        : null,
    );
  }
  return registers.map((r) => {
    const read = open(r) ? (pooled.get(r.scale) ?? bandsFromRatings([r.register], r.scale)) : null;
    const set: BandSet = read ? { bands: read.bands, source: "ratings", rows: read.rows } : r.set;
    return withRuleFills(sheet, r.table, inSheetWords(sheet, r.table, r.lines, set));
  });
}

/**
 * A scoring guide laid out like a register ("Score | Likelihood | Impact" over 1 | Rare (1) |
 * Insignificant (1) … 5 | Almost certain (5) | Catastrophic (5)) defines the scale, row by row: each
 * row rates likelihood and impact alike, running 1, 2, 3 … down the table. No register does that.
 * A guide may describe each level ("Likelihood | Description | Impact | Description", read as a
 * title): it still is one where every rating carries its word ("1 - Rare", "1 - Negligible").
 */
function enumeratesScale(
  sheet: SheetSnapshot,
  table: RiskTable,
  lines: readonly number[],
): boolean {
  if (lines.length < 3 || table.columns.owner !== undefined) return false;
  const titled = table.columns.title !== undefined;
  return table.pairs.every((pair) =>
    lines.every((r, k) => {
      const l = parseScaleValue(sheet.rows[r]?.[pair.likelihood]?.value ?? null);
      const i = parseScaleValue(sheet.rows[r]?.[pair.impact]?.value ?? null);
      if (l.kind !== "number" || i.kind !== "number") return false;
      const worded = !titled || (l.label !== undefined && i.label !== undefined);
      return worded && l.value === k + 1 && i.value === k + 1;
    }),
  );
}

/** The top of a 1–n scale from bands a key states: 9, 16 or 25 at the top is 3, 4 or 5. */
function bandsTop(bands: BandSet): number | null {
  if (bands.source !== "sheet" && bands.source !== "workbook") return null;
  const top = Math.max(...bands.bands.map((b) => b.to));
  const root = Math.round(Math.sqrt(top));
  return root * root === top && root >= 3 && root <= 5 ? root : null;
}

/**
 * A key the workbook holds that states no bands we can read, where no other key or setting
 * decides: the register's own sheet's first, then another sheet's.
 */
function keyUnread(
  sheet: SheetSnapshot,
  legend: Legend,
  hasFallback: boolean,
  unread: { sheet: SheetSnapshot; legend: Legend } | undefined,
  options: RiskOptions,
): RiskContext["unreadKey"] {
  if ((options.bands && options.bands.length > 0) || legend.bands) return undefined;
  if (legend.unread) return { ...legend.unread, at: `${sheet.name}!${legend.unread.at}` };
  if (hasFallback || !unread?.legend.unread) return undefined;
  return { ...unread.legend.unread, at: `${unread.sheet.name}!${unread.legend.unread.at}` };
}

/** The other sheets a register was read by: the one lending its key, those stating its words. */
function keySheetsOf(
  sheet: SheetSnapshot,
  legend: Legend,
  fallback: { sheet: string } | null,
  words: RatingWords,
  stated: StatedScales,
  options: RiskOptions,
): string[] {
  const names = new Set<string>();
  const settings = options.bands !== undefined && options.bands.length > 0;
  if (!settings && !legend.bands && fallback) names.add(fallback.sheet);
  const fromLists =
    (words.likelihood !== null && words.likelihood === stated.likelihood) ||
    (words.impact !== null && words.impact === stated.impact);
  if (fromLists) for (const name of stated.listHeads.keys()) names.add(name);
  names.delete(sheet.name);
  return [...names];
}

/**
 * Every risk register in the workbook as its model: the table with its scale, bands and word
 * scales, read once. Keys and scales may sit on another sheet, so this reads all sheets together.
 */
export function riskModels(sheets: readonly SheetSnapshot[], options: RiskOptions): RiskContext[] {
  const stated = statedScales(sheets);
  const found = sheets.map((sheet) => {
    const tables = detectRiskTables(sheet).filter(
      (t) =>
        !isScaleKey(t, stated.listHeads.get(sheet.name)) &&
        !enumeratesScale(
          sheet,
          t,
          t.dataRows.filter((r) => !isHeadingRow(sheet, t, r)),
        ),
    );
    const inTable = (row: number, column: number) =>
      tables.some(
        (t) =>
          row >= t.headerRow &&
          row <= t.lastRow &&
          column >= t.firstColumn &&
          column <= t.lastColumn,
      );
    const legend = readLegend(sheet, new Set(), inTable);
    const fills = keyFillsOf(sheet, legend);
    return { sheet, tables, legend: fills ? { ...legend, fills } : legend };
  });
  // A workbook that keeps its key on one sheet ("Risk Key") lends it to registers without one.
  const keyed = found.filter((f) => f.legend.bands);
  const fallback =
    keyed.length === 1 && keyed[0] ? { legend: keyed[0].legend, sheet: keyed[0].sheet.name } : null;
  const unread = found.find((f) => f.legend.unread);
  const contexts: RiskContext[] = [];
  for (const { sheet, tables, legend } of found) {
    const unbanded: Unbanded[] = [];
    for (const detected of tables) {
      const rows = detected.dataRows.filter((r) => !isHeadingRow(sheet, detected, r));
      const money = riskMoneyColumns(sheet, detected);
      const totals = riskTotalRows(sheet, detected, money, rows);
      const totalRows = new Set(totals.map((t) => t.row));
      const lines = rows.filter((r) => !totalRows.has(r));
      const words = ratingWords(sheet, detected, lines, stated);
      const table = withScoresFromData(sheet, detected, lines, words);
      const keyScale =
        legend.scale === 3 || legend.scale === 4 || legend.scale === 5 ? legend.scale : null;
      const wordTop = wordScaleTop(words);
      // An open top band ("16+") says where the top band starts, not where the scale ends.
      const openTop = legend.bands ? legend.openTop : fallback?.legend.openTop;
      const fromBands = openTop ? null : bandsTop(bandsFor(legend, fallback, 5, options));
      // The key's scale beats the data: a stray 5 on a 1–4 key is out of range, not a 1–5 scale.
      const scale = keyScale ?? wordTop ?? fromBands ?? dataScale(sheet, table);
      const keySheets = keySheetsOf(sheet, legend, fallback, words, stated, options);
      const unreadKey = keyUnread(sheet, legend, fallback !== null, unread, options);
      const lentUnread = unreadKey && !legend.unread && unread ? [unread.sheet.name] : [];
      const sheetsRead = [...new Set([...keySheets, ...lentUnread])];
      unbanded.push({
        ...(unreadKey ? { unreadKey } : {}),
        ...(sheetsRead.length > 0 ? { keySheets: sheetsRead } : {}),
        table,
        scale,
        scaleSource: keyScale || fromBands ? "key" : wordTop ? "words" : "data",
        set: bandsFor(legend, fallback, scale, options),
        register: { sheet, table, lines, words },
        words,
        keyWords: keyWordsOf(words, stated),
        lines,
        money,
        totals,
      });
    }
    const bands = fromOwnRatings(sheet, unbanded);
    const idsAbove = idsAboveBySection(sheet, unbanded);
    unbanded.forEach(({ set, register: _register, ...ctx }, k) => {
      const above = idsAbove[k];
      contexts.push({ ...ctx, bands: bands[k] ?? set, ...(above ? { idsAbove: above } : {}) });
    });
  }
  return contexts;
}

/** What check --json says about a register. */
export function riskReport(sheet: SheetSnapshot, ctx: RiskContext): RiskTableReport {
  const { table } = ctx;
  const projects = projectsOf(sheet, table, ctx.totals);
  return {
    ...placement(table),
    // An Excel table's totals row is within its bounds but is no risk: the count is of risks.
    rows: table.dataRows.filter((r) => !isExcelTotalsRow(sheet, r)).length,
    headerRows: table.headerRows.map((r) => reportRow(r)),
    kind: "risk-register",
    columns: columnsReport(table),
    scale: ctx.scale,
    scaleSource: ctx.scaleSource,
    bands: ctx.bands,
    pairs: table.pairs.map((p) => p.name || "rating"),
    ...(table.projectName ? { project: table.projectName } : {}),
    ...(projects ? { projects } : {}),
  };
}
