import { cellText, isEmptyCell, type SheetSnapshot } from "../snapshot";
import {
  holdsNumber,
  leadingText,
  tableBounds,
  tableExtent,
  type TableBounds,
} from "../tables/bounds";
import { normaliseHeader } from "../headers";
import {
  classifyRiskColumn,
  classifyRiskHeader,
  type PairName,
  type RiskColumnMatch,
} from "./fields";
import { headerRuns, readWidenedHeaderBlock, type HeaderBlock } from "../tables/header-block";
import { holdsDataUnder, splitBesideTables } from "../tables/side-tables";
import { bandsInOneCell, LEGEND_MARKER } from "../tables/keys";
import { bandInText } from "./legend";
import { keyListBelowGap } from "./key-below";
import { resolveRatings } from "./rating-columns";
import { keyLine, noteAfterGap, registerResumes, risksContinueBelow } from "./register-end";

export interface RiskPair {
  name: PairName;
  likelihood: number;
  impact: number;
  score: number | null;
  priority: number | null;
}

export interface RiskColumns {
  id?: number;
  title?: number;
  owner?: number;
  reviewDate?: number;
  project?: number;
}

/** A risk register found on a sheet. Rows and columns are 0-based. */
export interface RiskTable extends TableBounds {
  kind: "risk-register";
  columns: RiskColumns;
  pairs: RiskPair[];
  /** Every row of the header block (0-based), top to bottom: one to three rows. */
  headerRows: number[];
  /** "Project Name | Short Term Support" in the title block above the header, when present. */
  projectName: string | null;
}

interface HeaderMatch {
  columns: RiskColumns;
  pairs: RiskPair[];
  /** Columns the header's fields use, left to right. */
  recognised: number[];
  /**
   * Further columns that read as a pair's score or priority ("Level" and "RAG" under one group),
   * judged by their data (see resolveRatings).
   */
  spareRatings: Map<PairName, number[]>;
}

const PAIR_ORDER: readonly PairName[] = ["", "inherent", "current", "residual", "target"];

/** The fields of a register from its classified header columns: at least one pair, three fields. */
function matchColumns(
  classified: { column: number; match: RiskColumnMatch }[],
): HeaderMatch | null {
  if (classified.length < 3) return null;
  const matches = joinStandAloneRatings(classified);
  // Best column per (pair, field); the first of equals wins, as a reader would take it.
  const best = new Map<string, { column: number; quality: number }>();
  const spare = new Map<PairName, number[]>();
  const rating = (field: string) => field === "score" || field === "priority";
  for (const { column, match } of matches) {
    const key = `${match.pair}|${match.field}`;
    const seen = best.get(key);
    if (!seen || match.quality > seen.quality) {
      if (seen && rating(match.field))
        spare.set(match.pair, [...(spare.get(match.pair) ?? []), seen.column]);
      best.set(key, { column, quality: match.quality });
    } else if (rating(match.field)) {
      spare.set(match.pair, [...(spare.get(match.pair) ?? []), column]);
    }
  }
  const at = (pair: PairName, field: string) => best.get(`${pair}|${field}`)?.column;
  const pairs: RiskPair[] = [];
  for (const name of PAIR_ORDER) {
    const likelihood = at(name, "likelihood");
    const impact = at(name, "impact");
    if (likelihood === undefined || impact === undefined) continue;
    pairs.push({
      name,
      likelihood,
      impact,
      score: at(name, "score") ?? null,
      priority: at(name, "priority") ?? null,
    });
  }
  if (pairs.length === 0) return null;
  const columns: RiskColumns = {};
  for (const field of ["id", "title", "owner", "reviewDate", "project"] as const) {
    const column = at("", field);
    if (column !== undefined) columns[field] = column;
  }
  const used = new Set<number>(Object.values(columns));
  for (const p of pairs)
    for (const c of [p.likelihood, p.impact, p.score, p.priority]) if (c !== null) used.add(c);
  if (used.size < 3) return null;
  return { columns, pairs, recognised: [...used].sort((a, b) => a - b), spareRatings: spare };
}

/**
 * A "Rating" or "Priority" column standing alone beside a group ("Current assessment" over
 * Chance | Consequence | Score, then "Rating" merged down or typed in the sub-header row) names no
 * pair of its own, and the register has no unnamed pair to give it to: it belongs to the group it
 * stands against, immediately on its left.
 */
function joinStandAloneRatings(
  matches: { column: number; match: RiskColumnMatch }[],
): { column: number; match: RiskColumnMatch }[] {
  const has = (pair: PairName, field: string) =>
    matches.some((m) => m.match.pair === pair && m.match.field === field);
  if (has("", "likelihood") || has("", "impact")) return matches;
  const pairOfColumn = new Map<number, PairName>();
  for (const { column, match } of matches)
    if (match.pair && has(match.pair, "likelihood") && has(match.pair, "impact"))
      pairOfColumn.set(column, match.pair);
  return matches.map((m) => {
    const standsAlone =
      m.match.pair === "" && (m.match.field === "score" || m.match.field === "priority");
    const beside = pairOfColumn.get(m.column - 1);
    return standsAlone && beside ? { ...m, match: { ...m.match, pair: beside } } : m;
  });
}

/**
 * Recognises a one-row risk-register header in columns `from`..`to` of a row: at least one
 * likelihood/impact pair and three known columns.
 */
export function matchRiskHeader(
  sheet: SheetSnapshot,
  row: number,
  from = 0,
  to = Number.MAX_SAFE_INTEGER,
): HeaderMatch | null {
  const cells = sheet.rows[row];
  // Three recognised columns are needed, so a shorter run is never a header: skip the matching.
  if (!cells || Math.min(to, cells.length - 1) - from < 2 || holdsNumber(sheet, row, from, to))
    return null;
  const matches: { column: number; match: RiskColumnMatch }[] = [];
  for (let c = from; c <= to && c < cells.length; c++) {
    const cell = cells[c];
    if (!cell || typeof cell.value !== "string") continue;
    const match = classifyRiskHeader(cell.value.trim());
    if (match) matches.push({ column: c, match });
  }
  if (matches.length < 3) return null;
  if (LEGEND_MARKER.test(leadingText(sheet, row, from, Math.min(to, cells.length - 1))))
    return null;
  return matchColumns(matches);
}

/** A register header as a block of one to three rows (group labels, stacked words, units). */
function matchRiskBlock(
  sheet: SheetSnapshot,
  row: number,
  from: number,
  to: number,
): { header: HeaderMatch; block: HeaderBlock } | null {
  if (to - from < 2 || holdsNumber(sheet, row, from, to)) return null;
  if (LEGEND_MARKER.test(leadingText(sheet, row, from, to))) return null;
  const block = readWidenedHeaderBlock(sheet, row, from, to);
  const hidden = new Set(sheet.hiddenColumns);
  const matches: { column: number; match: RiskColumnMatch }[] = [];
  for (const column of block.columns) {
    // A hidden column is superseded ("Previous level (Mar 2025)"), not the register's own.
    if (hidden.has(column.column)) continue;
    const match = classifyRiskColumn(column.group, column.text);
    if (match) matches.push({ column: column.column, match });
  }
  const header = matchColumns(matches);
  return header && namesRisks(header, block) ? { header, block } : null;
}

/**
 * A register names the risks it rates: a reference, a title or description, an owner, a review
 * date, a project, or some column of its own the rating fields do not account for ("Cause",
 * "Area"). A block of rating fields only ("Score range | RAG | Likelihood | Impact", "Score |
 * Likelihood | Impact") is a key or scoring guide: it is read as a key and never written.
 */
function namesRisks(header: HeaderMatch, block: HeaderBlock): boolean {
  if (Object.keys(header.columns).length > 0) return true;
  const rating = new Set(header.recognised);
  for (const scores of header.spareRatings.values()) for (const c of scores) rating.add(c);
  return block.columns.some((c) => !rating.has(c.column));
}

function titleBlockProject(sheet: SheetSnapshot, headerRow: number): string | null {
  for (let r = 0; r < headerRow; r++) {
    const cells = sheet.rows[r] ?? [];
    for (let c = 0; c + 1 < cells.length; c++) {
      const label = normaliseHeader(cellText(cells[c] ?? undefined));
      if (label === "project name" || label === "project") {
        const value = cellText(cells[c + 1] ?? undefined);
        if (value) return value;
      }
    }
  }
  return null;
}

interface Area {
  top: number;
  bottom: number;
  first: number;
  last: number;
}

const overlaps = (a: Area, row: number, from: number, to: number) =>
  row >= a.top && row <= a.bottom && to >= a.first && from <= a.last;

/** True when every filled cell of the row lies in a register already found: nothing new starts. */
function coveredByClaims(sheet: SheetSnapshot, row: number, claimed: readonly Area[]): boolean {
  const areas = claimed.filter((a) => row >= a.top && row <= a.bottom);
  if (areas.length === 0) return false;
  const cells = sheet.rows[row] ?? [];
  for (let c = 0; c < cells.length; c++) {
    // Cells inside a claimed area are skipped whole: a register's own rows cost one look each.
    const inside = areas.find((a) => c >= a.first && c <= a.last);
    if (inside) c = inside.last;
    else if (!isEmptyCell(cells[c] ?? undefined)) return false;
  }
  return true;
}

/** Every risk register on the sheet, top to bottom, left to right. */
export function detectRiskTables(sheet: SheetSnapshot): RiskTable[] {
  const tables: RiskTable[] = [];
  const claimed: Area[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    if (coveredByClaims(sheet, r, claimed)) continue;
    for (const run of splitBesideTables(sheet, r, headerRuns(sheet, r))) {
      if (claimed.some((a) => overlaps(a, r, run.from, run.to))) continue;
      const found = matchRiskBlock(sheet, r, run.from, run.to);
      if (!found) continue;
      const { header, block } = found;
      const { first, last } = withBlankHeadedEdges(
        sheet,
        r,
        block.bottom,
        spanOf(block, header.recognised),
      );
      const extent = tableExtent(
        sheet,
        block.bottom,
        first,
        last,
        (row) => {
          const lead = leadingText(sheet, row, first, last);
          return (
            LEGEND_MARKER.test(lead) ||
            (noteAfterGap(sheet, row, first, last) &&
              !risksContinueBelow(sheet, row, first, last, header.pairs[0]!)) ||
            keyLine(sheet, row, first, last) ||
            keyListBelowGap(sheet, row, first, last) ||
            matchRiskHeader(sheet, row, first, last) !== null
          );
        },
        registerResumes(sheet, block.bottom, first, last, header.pairs[0]!),
      );
      claimed.push({ top: r, bottom: extent.lastRow, first, last });
      const pairs = header.pairs.map((p) =>
        resolveRatings(
          sheet,
          p,
          header.spareRatings.get(p.name) ?? [],
          extent.dataRows,
          (c) => block.columns.find((h) => h.column === c)?.text ?? "",
        ),
      );
      tables.push({
        kind: "risk-register",
        ...tableBounds(sheet, r, first, last, extent),
        headerRows: Array.from({ length: block.bottom - r + 1 }, (_, k) => r + k),
        columns: header.columns,
        pairs,
        projectName: titleBlockProject(sheet, r),
      });
    }
  }
  return tables;
}

/**
 * From the first to the last recognised column, widened over neighbouring header text without a
 * gap: a spacer column between recognised columns stays inside, a key beyond a gap stays out.
 */
function spanOf(
  block: HeaderBlock,
  recognised: readonly number[],
): { first: number; last: number } {
  const named = new Set(block.columns.map((c) => c.column));
  let first = Math.min(...recognised);
  let last = Math.max(...recognised);
  while (named.has(first - 1)) first--;
  while (named.has(last + 1)) last++;
  return { first, last };
}

/**
 * A column on either edge of the span whose header cells are all blank but which holds sentences
 * under them (a risk's description left unheaded) belongs to the register: one column each side.
 * A key listed beside the register ("1-4 Low", "Low: 1-4") is no description: it stays out, for
 * the legend to read.
 */
function withBlankHeadedEdges(
  sheet: SheetSnapshot,
  top: number,
  bottom: number,
  span: { first: number; last: number },
): { first: number; last: number } {
  const unheaded = (column: number) => {
    if (column < 0) return false;
    for (let r = top; r <= bottom; r++)
      if (!isEmptyCell(sheet.rows[r]?.[column] ?? undefined)) return false;
    return holdsDataUnder(sheet, bottom, column) && describes(sheet, bottom, column);
  };
  return {
    first: unheaded(span.first - 1) ? span.first - 1 : span.first,
    last: unheaded(span.last + 1) ? span.last + 1 : span.last,
  };
}

/** The first filled cells under `bottom` in the column are mostly sentences (three words or more), no bands. */
function describes(sheet: SheetSnapshot, bottom: number, column: number): boolean {
  let sentences = 0;
  let filled = 0;
  for (let r = bottom + 1; r < sheet.rows.length && filled < 6; r++) {
    const text = cellText(sheet.rows[r]?.[column] ?? undefined);
    if (!text) continue;
    filled++;
    if (text.split(/\s+/).length >= 3 && !bandInText(text) && !bandsInOneCell(text)) sentences++;
  }
  return sentences * 2 > filled;
}
