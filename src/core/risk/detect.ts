import { cellText, type SheetSnapshot } from "../snapshot";
import {
  headerSpan,
  holdsNumber,
  leadingText,
  tableBounds,
  tableExtent,
  textRuns,
  type TableBounds,
} from "../layout";
import { normaliseHeader } from "../headers";
import { parseScaleValue } from "../values";
import { classifyRiskHeader, type PairName, type RiskColumnMatch } from "./fields";
import { LEGEND_MARKER } from "./legend";

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
  /** "Project Name | Short Term Support" in the title block above the header, when present. */
  projectName: string | null;
}

interface HeaderMatch {
  columns: RiskColumns;
  pairs: RiskPair[];
  recognised: number[];
}

const PAIR_ORDER: readonly PairName[] = ["", "inherent", "current", "residual", "target"];

/**
 * Recognises a risk-register header in columns `from`..`to` of a row: at least one
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
    // A header names columns; a row holding numbers is data.
    if (typeof cell?.value === "number") return null;
    if (!cell || typeof cell.value !== "string") continue;
    const match = classifyRiskHeader(cell.value.trim());
    if (match) matches.push({ column: c, match });
  }
  if (matches.length < 3) return null;
  if (LEGEND_MARKER.test(leadingText(sheet, row, from, Math.min(to, cells.length - 1))))
    return null;
  // Best column per (pair, field); the first of equals wins, as a reader would take it.
  const best = new Map<string, { column: number; quality: number }>();
  for (const { column, match } of matches) {
    const key = `${match.pair}|${match.field}`;
    const seen = best.get(key);
    if (!seen || match.quality > seen.quality) best.set(key, { column, quality: match.quality });
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
  return { columns, pairs, recognised: [...best.values()].map((b) => b.column) };
}

/** Many registers call a High/Medium/Low column "Risk rating": judge a score column by its data. */
function textualScoreToPriority(sheet: SheetSnapshot, pair: RiskPair, rows: number[]): RiskPair {
  if (pair.score === null || pair.priority !== null) return pair;
  let numbers = 0;
  let words = 0;
  for (const r of rows) {
    const parsed = parseScaleValue(sheet.rows[r]?.[pair.score]?.value ?? null);
    if (parsed.kind === "number") numbers++;
    else if (parsed.kind === "text") words++;
  }
  return words > numbers ? { ...pair, priority: pair.score, score: null } : pair;
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

/** Every risk register on the sheet, top to bottom, left to right. */
export function detectRiskTables(sheet: SheetSnapshot): RiskTable[] {
  const tables: RiskTable[] = [];
  const claimed: Area[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    for (const block of textRuns(sheet, r)) {
      if (claimed.some((a) => overlaps(a, r, block.from, block.to))) continue;
      const header = matchRiskHeader(sheet, r, block.from, block.to);
      if (!header) continue;
      const { first, last } = headerSpan(sheet, r, header.recognised);
      const extent = tableExtent(sheet, r, first, last, (row) => {
        const lead = leadingText(sheet, row, first, last);
        return LEGEND_MARKER.test(lead) || matchRiskHeader(sheet, row, first, last) !== null;
      });
      claimed.push({ top: r, bottom: extent.lastRow, first, last });
      const pairs = header.pairs.map((p) => textualScoreToPriority(sheet, p, extent.dataRows));
      tables.push({
        kind: "risk-register",
        ...tableBounds(sheet, r, first, last, extent),
        columns: header.columns,
        pairs,
        projectName: titleBlockProject(sheet, r),
      });
    }
  }
  return tables;
}
