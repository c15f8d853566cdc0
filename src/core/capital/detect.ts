import type { TableBounds } from "../tables/bounds";
import { cellText, type SheetSnapshot } from "../snapshot";
import { headerRuns, readHeaderBlock, type HeaderBlock } from "../tables/header-block";
import { splitBesideTables } from "../tables/side-tables";
import { scaleOf, POUNDS, titleScale, type MoneyScale } from "../tables/scale";
import { classifyRowsByArithmetic, type ArithmeticStructure } from "../tables/subtotals";
import type { YearRange } from "../tables/year-ranges";
import { classifyCapitalHeader, yearPreference, type CapitalRole } from "./columns";
import { findFinancing, type Financing } from "./financing";
import { totalRangeFromFigures } from "./total-years";

/**
 * Capital programmes: schemes down the side, one column per financial year, a row total over the
 * years, sections closed by totals (labelled or not) and a grand total, with a financing block
 * below that must balance the programme in every year. Rows and columns are 0-based.
 */
export interface YearColumn {
  column: number;
  year: string;
  start: number;
  /** The header's words: "2025/26 Revised". */
  label: string;
}

export interface CapitalColumns {
  /** Label columns left of the money (ref, scheme, status…). */
  labels: number[];
  scheme: number | null;
  ref: number | null;
  status: number | null;
  /** The programme's years, one column each, left to right. */
  years: YearColumn[];
  total: { column: number; range: YearRange | null; label: string } | null;
  prior: number | null;
  schemeCost: number | null;
  /** Money columns that are no year of the programme (a hidden, superseded "2025/26 at Q2"). */
  ignored: { column: number; reason: string }[];
  /** Every money column: years, ignored ones, prior years, total, scheme cost. */
  money: number[];
  /** Each column's header words ("2025/26 Revised", "Total 2025-29"), for messages. */
  names: Map<number, string>;
}

export interface CapitalProgramme extends TableBounds {
  headerRows: number[];
  unitsRow: number | null;
  scale: MoneyScale;
  columns: CapitalColumns;
  structure: ArithmeticStructure;
  financing: Financing | null;
  /** The last row the table takes (the financing block's last row when there is one). */
  lastClaimed: number;
}

const YEARISH = /(?<!\d)\d{2}(?:\d{2})?\s*[/\-–—]\s*\d{2}(?:\d{2})?(?!\d)/;
const CAPITAL = /\bcapital\b/i;

function columnsOf(sheet: SheetSnapshot, block: HeaderBlock): CapitalColumns | null {
  const roles = new Map<number, CapitalRole>();
  for (const h of block.columns) {
    const role = classifyCapitalHeader(h);
    if (role) roles.set(h.column, role);
  }
  const hidden = new Set(sheet.hiddenColumns);
  const byYear = new Map<string, { column: number; preference: number }[]>();
  const ignored: { column: number; reason: string }[] = [];
  let total: CapitalColumns["total"] = null;
  let prior: number | null = null;
  let schemeCost: number | null = null;
  for (const [column, role] of roles) {
    if (role.role === "year") {
      if (hidden.has(column)) {
        ignored.push({ column, reason: "hidden: not a year of the programme" });
        continue;
      }
      const list = byYear.get(role.year) ?? [];
      list.push({ column, preference: yearPreference(role.qualifier) });
      byYear.set(role.year, list);
    } else if (role.role === "total" && total === null) {
      const label = block.columns.find((h) => h.column === column)?.text ?? "Total";
      total = { column, range: role.range, label };
    } else if (role.role === "prior" && prior === null) prior = column;
    else if (role.role === "scheme-cost" && schemeCost === null) schemeCost = column;
  }
  const years: YearColumn[] = [];
  for (const [year, list] of byYear) {
    // Two visible columns of one year side by side are a year over sources (a funding plan),
    // unless their words say which is the programme's figure.
    const sorted = [...list].sort((a, b) => a.preference - b.preference);
    const best = sorted[0];
    if (!best) continue;
    if (sorted.length > 1 && sorted[1]?.preference === best.preference) return null;
    for (const other of sorted.slice(1))
      ignored.push({ column: other.column, reason: `another ${year} figure` });
    const role = roles.get(best.column);
    const label = block.columns.find((h) => h.column === best.column)?.text ?? year;
    if (role?.role === "year") years.push({ column: best.column, year, start: role.start, label });
  }
  years.sort((a, b) => a.column - b.column);
  if (years.length < 2) return null;
  for (let k = 1; k < years.length; k++)
    if ((years[k]?.start ?? 0) !== (years[k - 1]?.start ?? 0) + 1) return null;
  const firstMoney = Math.min(
    ...years.map((y) => y.column),
    ...(prior !== null ? [prior] : []),
    ...ignored.map((i) => i.column),
  );
  const labels = [...roles.keys()].filter((c) => c < firstMoney).sort((a, b) => a - b);
  if (labels.length === 0) return null;
  const find = (role: CapitalRole["role"]) => {
    const hit = labels.find((c) => roles.get(c)?.role === role);
    return hit === undefined ? null : hit;
  };
  const money = [
    ...years.map((y) => y.column),
    ...ignored.map((i) => i.column),
    ...(prior !== null ? [prior] : []),
    ...(total ? [total.column] : []),
    ...(schemeCost !== null ? [schemeCost] : []),
  ].sort((a, b) => a - b);
  return {
    labels,
    scheme: find("scheme") ?? labels.find((c) => roles.get(c)?.role === "other-label") ?? null,
    ref: find("ref"),
    status: find("status"),
    years,
    total,
    prior,
    schemeCost,
    ignored,
    money,
    names: new Map(block.columns.map((h) => [h.column, h.text])),
  };
}

function isBlank(sheet: SheetSnapshot, row: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) {
    const cell = sheet.rows[row]?.[c];
    if (cell && (cell.formula || cellText(cell) !== "")) return false;
  }
  return true;
}

const FINANCING_HEADING = /^(financ|funded\s+by|funding\b|sources?\s+of\s+(finance|funding))/i;

interface Body {
  rows: number[];
  /** A financing heading ends the body, or a source of finance follows a total row in it. */
  financingSeen: boolean;
}

const SOURCE_OF_FINANCE =
  /\b(borrowing|grants?|s\.?106|cil|capital\s+receipts|reserves?|revenue\s+contributions?)\b/i;
const TOTAL_LABEL = /\btotals?\b/i;

/**
 * The programme's body rows: up to a financing heading or three blank rows. Only labels are read
 * here (cheap on a long sheet); whether the rows add up is left to the structure reading, which
 * runs only once the table shows it is a capital programme.
 */
function bodyRows(
  sheet: SheetSnapshot,
  from: number,
  columns: CapitalColumns,
  last: number,
  taken: ReadonlySet<number>,
): Body {
  const rows: number[] = [];
  let blanks = 0;
  let afterTotal = false;
  let financingSeen = false;
  const first = columns.labels[0] ?? 0;
  for (let r = from; r < sheet.rows.length && blanks < 3; r++) {
    if (taken.has(r)) break;
    if (isBlank(sheet, r, first, last)) {
      blanks++;
      continue;
    }
    blanks = 0;
    const label = columns.labels
      .map((c) => cellText(sheet.rows[r]?.[c] ?? undefined))
      .join(" ")
      .trim();
    if (FINANCING_HEADING.test(label)) {
      financingSeen = true;
      break;
    }
    if (afterTotal && SOURCE_OF_FINANCE.test(label)) financingSeen = true;
    afterTotal = TOTAL_LABEL.test(label);
    rows.push(r);
  }
  return { rows, financingSeen };
}

/**
 * The scale of the money: a units row under the header, words in a money header ("2025/26
 * £'000"), or failing those the title over the table ("Capital Programme (£m)").
 */
export function unitsOf(
  sheet: SheetSnapshot,
  block: HeaderBlock,
  columns: Pick<CapitalColumns, "money">,
): { row: number | null; scale: MoneyScale } {
  for (const h of block.columns) {
    if (!columns.money.includes(h.column)) continue;
    const scale = scaleOf(h.unit) ?? scaleOf(h.text) ?? scaleOf(h.group);
    if (scale) return { row: h.unit ? block.bottom : null, scale };
  }
  return { row: null, scale: titleScale(sheet, block.top) ?? POUNDS };
}

/** True when the words above or in the header say "capital" (a title, a group label). */
function saysCapital(sheet: SheetSnapshot, block: HeaderBlock): boolean {
  if (block.columns.some((h) => CAPITAL.test(`${h.group ?? ""} ${h.text}`))) return true;
  for (let r = Math.max(0, block.top - 4); r < block.top; r++)
    if ((sheet.rows[r] ?? []).some((c) => CAPITAL.test(cellText(c ?? undefined)))) return true;
  return false;
}

function programmeAt(
  sheet: SheetSnapshot,
  row: number,
  from: number,
  to: number,
  taken: ReadonlySet<number>,
): CapitalProgramme | null {
  const block = readHeaderBlock(sheet, row, from, to);
  const columns = columnsOf(sheet, block);
  if (!columns) return null;
  const last = Math.max(...columns.money);
  // A table of years with a scheme column is a funding table too: a capital programme says so
  // (a row total over a range of years, the word "capital" over it, or a financing block).
  const says = columns.total?.range != null || saysCapital(sheet, block);
  const { rows: body, financingSeen } = bodyRows(sheet, block.bottom + 1, columns, last, taken);
  if (!says && !financingSeen) return null;
  const units = unitsOf(sheet, block, columns);
  const structure = classifyRowsByArithmetic(
    sheet,
    body,
    columns.labels,
    columns.money,
    units.scale.multiplier,
  );
  const grand = structure.grandTotals[0];
  const end = grand ?? body[body.length - 1];
  if (end === undefined) return null;
  const rows = body.filter((r) => r <= end);
  const lines = rows.filter((r) => structure.kinds.get(r) === "line");
  if (lines.length === 0) return null;
  // A row total whose header names no range adds the run of years its figures show.
  if (columns.total && columns.total.range === null) {
    const range = totalRangeFromFigures(
      sheet,
      lines,
      columns.total,
      columns.years,
      units.scale.multiplier,
    );
    if (range) columns.total = { ...columns.total, range };
  }
  const financing = findFinancing(sheet, end + 1, columns, taken);
  if (!says && !financing) return null;
  const headerRows: number[] = [];
  for (let r = block.top; r <= block.bottom; r++) headerRows.push(r);
  // Rows after the grand total are not the programme's (a financing block without a heading).
  if (grand !== undefined) {
    for (const [r] of structure.kinds) if (r > grand) structure.kinds.delete(r);
    structure.grandTotals = structure.grandTotals.filter((r) => r <= grand);
    structure.looseLines = structure.looseLines.filter((r) => r <= grand);
    structure.unlabelledTotals = structure.unlabelledTotals.filter((r) => r <= grand);
    structure.sections = structure.sections.filter((x) => (x.headingRow ?? 0) <= grand);
  }
  return {
    sheet: sheet.name,
    headerRow: block.top,
    firstColumn: Math.min(columns.labels[0] ?? from, from),
    lastColumn: last,
    dataRows: rows,
    lastRow: end,
    headerRows,
    unitsRow: units.row,
    scale: units.scale,
    columns,
    structure,
    financing,
    lastClaimed: financing ? financing.last : end,
  };
}

function mayHoldYears(sheet: SheetSnapshot, row: number): boolean {
  for (let r = row; r <= row + 2; r++) {
    for (const cell of sheet.rows[r] ?? []) {
      if (typeof cell?.value === "string" && YEARISH.test(cell.value)) return true;
    }
  }
  return false;
}

/**
 * The run widened over columns headed only in the row below: a year merged over "Original |
 * Revised" leaves the cells over "Scheme" and "Total 2025-28" blank, so the year row's run holds
 * only the years and would leave the schemes and the row total out.
 */
function withHeadersBelow(sheet: SheetSnapshot, row: number, run: { from: number; to: number }) {
  const headedBelow = (c: number, years: boolean) => {
    if (cellText(sheet.rows[row]?.[c] ?? undefined) !== "") return false;
    const value = sheet.rows[row + 1]?.[c]?.value;
    return typeof value === "string" && value.trim() !== "" && (years || !YEARISH.test(value));
  };
  let { from, to } = run;
  while (from > 0 && headedBelow(from - 1, false)) from--;
  while (headedBelow(to + 1, true)) to++;
  return { from, to };
}

/** Every capital programme on the sheet, on rows no earlier kind took. */
export function detectCapitalProgrammes(
  sheet: SheetSnapshot,
  taken: ReadonlySet<number>,
): CapitalProgramme[] {
  const found: CapitalProgramme[] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    if (taken.has(r)) continue;
    const cells = sheet.rows[r] ?? [];
    if (cells.some((c) => typeof c?.value === "number")) continue;
    if (!mayHoldYears(sheet, r)) continue;
    for (const headerRun of splitBesideTables(sheet, r, headerRuns(sheet, r))) {
      const run = withHeadersBelow(sheet, r, headerRun);
      if (run.to - run.from < 2) continue;
      const programme = programmeAt(sheet, r, run.from, run.to, taken);
      if (!programme) continue;
      found.push(programme);
      r = programme.lastClaimed;
      break;
    }
  }
  return found;
}

/**
 * The year columns the row total adds: those inside the range its header names ("Total 2026-29"
 * leaves out a 2025/26 column beside it), or every year when it names none.
 */
export function totalParts(t: CapitalProgramme): YearColumn[] {
  const range = t.columns.total?.range;
  if (!range) return t.columns.years;
  const inside = t.columns.years.filter((y) => y.start >= range.first && y.start <= range.last);
  return inside.length >= 2 ? inside : t.columns.years;
}
