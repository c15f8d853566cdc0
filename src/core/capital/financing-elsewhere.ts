import { rangeAddress } from "../a1";
import type { Finding } from "../findings";
import { cellText, type SheetSnapshot } from "../snapshot";
import { headerRuns, readHeaderBlock } from "../tables/header-block";
import { recalculatedSheet } from "../tables/recalculated";
import { POUNDS, type MoneyScale } from "../tables/scale";
import { financialYearOf } from "../tables/year-ranges";
import { tableRef, lineRows } from "./check";
import { unitsOf, type CapitalProgramme, type YearColumn } from "./detect";
import { findFinancing, SOURCE } from "./financing";
import { balanceFinancing, type FinancingSide } from "./financing-balance";
import type { CapitalProgrammeModel } from "./index";

/**
 * A programme's financing kept as a table of its own: a sheet "Financing" with Borrowing / Grants
 * / S106 / Capital receipts / Reserves by the same years, or a separate table beside or below the
 * programme on its sheet. Found once every kind has read the workbook (whichever kind claimed the
 * financing's rows, if any), paired with the programme by its year headers, and balanced year by
 * year as a financing block under the programme is (financing-balance.ts).
 */
interface FinancingTable extends Omit<FinancingSide, "scale"> {
  /** The units the financing states; null when it states none (then it is in the programme's). */
  scale: MoneyScale | null;
  /** The financing's header row (0-based), for pairing each table once. */
  headerRow: number;
  years: Set<string>;
}

interface Area {
  sheet: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const areaOf = (t: CapitalProgramme): Area => ({
  sheet: t.sheet,
  top: t.headerRow,
  bottom: t.lastClaimed,
  left: t.firstColumn,
  right: t.lastColumn,
});

const inside = (a: Area, sheet: string, row: number, from: number, to: number) =>
  a.sheet === sheet && row >= a.top && row <= a.bottom && to >= a.left && from <= a.right;

/** A programme whose every line names a source of finance is itself a financing table. */
function isFinancingOnly(m: CapitalProgrammeModel): boolean {
  const t = m.table;
  const labels = lineRows(t).map((r) =>
    t.columns.labels.map((c) => cellText(m.sheet.rows[r]?.[c] ?? undefined)).join(" "),
  );
  return labels.length > 0 && labels.every((l) => SOURCE.test(l));
}

/** A header row names at least two financial years in its text cells (cheap, before reading it). */
function namesYears(sheet: SheetSnapshot, row: number): boolean {
  let years = 0;
  for (const cell of sheet.rows[row] ?? []) {
    if (typeof cell?.value === "number") return false;
    if (typeof cell?.value === "string" && financialYearOf(cell.value) && ++years >= 2) return true;
  }
  return false;
}

/** Every financing table in the workbook outside the programmes' own areas. */
function financingTables(
  sheets: readonly SheetSnapshot[],
  programmes: readonly Area[],
): FinancingTable[] {
  const found: FinancingTable[] = [];
  for (const original of sheets) {
    const sheet = recalculatedSheet(original);
    for (let r = 0; r < sheet.rows.length; r++) {
      if (!namesYears(sheet, r)) continue;
      for (const run of headerRuns(sheet, r)) {
        if (programmes.some((a) => inside(a, sheet.name, r, run.from, run.to))) continue;
        const table = financingAt(sheet, r, run.from, run.to, programmes);
        if (table) found.push(table);
      }
    }
  }
  return found;
}

/**
 * The financing table whose header is the run `from`..`to` of `row`: one column per year, the
 * source names in the columns just left of the first year (their header may be blank), sources
 * down the side and perhaps a total row. Null when it is no financing table.
 */
function financingAt(
  sheet: SheetSnapshot,
  row: number,
  from: number,
  to: number,
  programmes: readonly Area[],
): FinancingTable | null {
  const block = readHeaderBlock(sheet, row, from, to);
  const years: YearColumn[] = [];
  for (const h of block.columns) {
    const own = h.text.split("›").at(-1) ?? h.text;
    const year = financialYearOf(own);
    if (!year) continue;
    // Two columns of one year are a plan by source, not a financing table by year.
    if (years.some((y) => y.year === year.year)) return null;
    years.push({ column: h.column, year: year.year, start: year.start, label: own });
  }
  const first = years[0]?.column;
  if (first === undefined || years.length < 2) return null;
  const labels: number[] = [];
  for (let c = first - 1; c >= Math.max(0, first - 3); c--) {
    if (years.some((y) => y.column === c)) break;
    if (programmes.some((a) => inside(a, sheet.name, block.bottom + 1, c, c))) break;
    labels.unshift(c);
  }
  if (labels.length === 0) return null;
  const financing = findFinancing(sheet, block.bottom + 1, { labels, years }, new Set());
  if (!financing) return null;
  // Most of its lines name sources of finance: a table of schemes is no financing.
  const named = financing.sources.filter((s) => SOURCE.test(s.label)).length;
  if (named * 3 < financing.sources.length * 2) return null;
  const money = years.map((y) => y.column);
  const units = unitsOf(sheet, block, { money });
  const last = Math.max(...money);
  return {
    sheet,
    financing,
    columnOf: (year) => years.find((y) => y.year === year)?.column ?? null,
    // unitsOf gives POUNDS itself only when nothing states a unit.
    scale: units.scale === POUNDS ? null : units.scale,
    range: rangeAddress(block.top, labels[0] ?? first, financing.last, last),
    headerRow: block.top,
    years: new Set(years.map((y) => y.year)),
  };
}

/** A financing table paired with a programme: where each is, for the table list. */
export interface PairedFinancing {
  programme: { sheet: string; headerRow: number };
  sheet: string;
  /** The financing table's range on its sheet, and its header and total rows (0-based). */
  range: string;
  headerRow: number;
  totalRow: number | null;
  sources: string[];
}

/**
 * Programmes without a financing block of their own, each paired with the nearest financing table
 * in the same years (its own sheet first, then the workbook's sheets in order), and balanced.
 * `sheets` names the sheets holding a paired financing table: they are read, not unrecognised.
 */
export function balanceFinancingElsewhere(
  models: readonly CapitalProgrammeModel[],
  workbookSheets: readonly SheetSnapshot[],
): { findings: Finding[]; sheets: Set<string>; paired: PairedFinancing[] } {
  const out: Finding[] = [];
  const sheets = new Set<string>();
  const paired: PairedFinancing[] = [];
  const programmes = models.filter((m) => !isFinancingOnly(m));
  const waiting = programmes.filter((m) => m.table.financing === null);
  if (waiting.length === 0) return { findings: out, sheets, paired };
  const tables = financingTables(
    workbookSheets,
    programmes.map((m) => areaOf(m.table)),
  );
  const used = new Set<FinancingTable>();
  const order = new Map(workbookSheets.map((s, k) => [s.name, k]));
  for (const m of waiting) {
    const t = m.table;
    const shared = (f: FinancingTable) => t.columns.years.filter((y) => f.years.has(y.year)).length;
    const candidates = tables
      .filter((f) => !used.has(f) && shared(f) >= 2)
      .sort(
        (a, b) =>
          Number(b.sheet.name === t.sheet) - Number(a.sheet.name === t.sheet) ||
          (order.get(a.sheet.name) ?? 0) - (order.get(b.sheet.name) ?? 0) ||
          a.headerRow - b.headerRow,
      );
    const pick = candidates[0];
    if (!pick) continue;
    used.add(pick);
    sheets.add(pick.sheet.name);
    paired.push({
      programme: { sheet: t.sheet, headerRow: t.headerRow },
      sheet: pick.sheet.name,
      range: pick.range,
      headerRow: pick.headerRow,
      totalRow: pick.financing.totalRow,
      sources: pick.financing.sources.map((x) => x.label),
    });
    const side = { ...pick, scale: pick.scale ?? t.scale };
    balanceFinancing(tableRef(recalculatedSheet(m.sheet), t), t, side, out);
  }
  return { findings: out, sheets, paired };
}
